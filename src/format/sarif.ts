/**
 * SARIF 2.1.0 output, shaped for GitHub code scanning (see INTEGRATION-NOTES
 * and GitHub's SARIF notes): one run, every known rule with the descriptions
 * GitHub requires, results with exact regions, the values-file line as a
 * related location, the resource as a logical location, and fingerprints that
 * do not depend on line numbers.
 */
import type { Finding, RelatedLocation, Severity } from '../types.js';
import type { Formatter, FormatContext, RuleInfo } from './types.js';
import { fingerprintsInOrder } from './sarif-fingerprint.js';
import { escapeJsonControlChars } from './control-chars.js';
import { parseShownPath } from '../load/display.js';
import { pathBytes } from '../load/byte-names.js';

const TOOL_NAME = 'k8s-todo-lint';
const INFORMATION_URI = 'https://github.com/k8s-todo-lint/k8s-todo-lint';
const RULE_DOCS_BASE = `${INFORMATION_URI}/blob/main/docs/rules/`;
const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Relative URIs are resolved against this base; code scanning maps it to the repository root. */
const SRCROOT = '%SRCROOT%';
/** The key our own line-independent identity hash is published under. */
const IDENTITY_FINGERPRINT_KEY = 'k8sTodoLintIdentity/v1';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

interface ArtifactLocation {
  uri: string;
  uriBaseId: string;
  index?: number;
}

interface Region {
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
}

/** Bytes encodeURIComponent leaves as they are. */
const URI_UNRESERVED = /^[A-Za-z0-9\-_.!~*'()]$/;

/** encodeURIComponent over bytes: a name that is not UTF-8 has its own bytes percent-encoded (`%E9`). */
function percentEncode(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    out += b < 0x80 && URI_UNRESERVED.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * A repository-relative path as a relative URI reference: `/` kept, every segment's bytes
 * percent-encoded. The path is a display path (src/load/display.ts): `\xHH` and `\\` are its
 * escapes of a byte and of a backslash; a lone backslash is a Windows separator.
 */
export function sarifUri(file: string): string {
  return file
    .replace(/\\(\\|x[89A-F][0-9A-F])?/g, (m, escape: string | undefined) => (escape ? m : '/'))
    .split('/')
    .map((segment) => percentEncode(pathBytes(parseShownPath(segment))))
    .join('/');
}

/** `nodeport-range` -> `NodeportRange`: SARIF's human-readable rule name. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

/** GitHub refuses rule descriptions over 1024 characters. */
const MAX_DESCRIPTION = 1024;

function limited(text: string): string {
  return text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`;
}

function ruleDescriptor(rule: RuleInfo): Record<string, unknown> {
  const helpUri = rule.helpUri || `${RULE_DOCS_BASE}${rule.id}.md`;
  const description = limited(rule.description || rule.id);
  const defaultConfiguration =
    rule.defaultSeverity === 'off'
      ? // Off by default. SARIF's default level is `warning`, and GitHub only knows note/warning/error,
        // so `enabled: false` is what says "off"; a result of such a rule carries its own level.
        { enabled: false, level: 'warning' }
      : { level: LEVELS[rule.defaultSeverity as Severity] ?? 'warning' };
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: description },
    fullDescription: { text: description },
    help: {
      text: `${description}\n\nDocumentation: ${helpUri}`,
      markdown: `${description}\n\n[Rule documentation](${helpUri})`,
    },
    helpUri,
    defaultConfiguration,
  };
}

/** Every known rule in the context's order, then any rule a finding names that the context lacks. */
function ruleTable(ctx: FormatContext, findings: readonly Finding[]): RuleInfo[] {
  const rules = [...ctx.rules];
  const known = new Set(rules.map((r) => r.id));
  const missing = [...new Set(findings.map((f) => f.ruleId).filter((id) => !known.has(id)))].sort();
  for (const id of missing) {
    rules.push({ id, description: id, defaultSeverity: 'error', helpUri: `${RULE_DOCS_BASE}${id}.md` });
  }
  return rules;
}

/** SARIF positions are 1-based and at least 1; a file-level finding at line 0 points at the file's start. */
function atLeastOne(n: number): number {
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
}

function findingRegion(f: Finding): Region {
  const startLine = atLeastOne(f.location.line);
  const startColumn = atLeastOne(f.location.column);
  const endLine = Math.max(startLine, atLeastOne(f.location.endLine));
  let endColumn = atLeastOne(f.location.endColumn);
  if (endLine === startLine && endColumn < startColumn) endColumn = startColumn;
  return { startLine, startColumn, endLine, endColumn };
}

function relatedRegion(r: RelatedLocation): Region {
  const region: Region = { startLine: atLeastOne(r.line), startColumn: atLeastOne(r.column) };
  // Only what the finding says: without an end, SARIF reads "to the end of the line".
  if (r.endLine !== undefined) region.endLine = Math.max(region.startLine, atLeastOne(r.endLine));
  if (r.endColumn !== undefined) region.endColumn = atLeastOne(r.endColumn);
  return region;
}

function logicalLocations(f: Finding): Record<string, unknown>[] | undefined {
  const r = f.resource;
  if (!r) return undefined;
  const fullyQualifiedName = r.namespace ? `${r.kind}/${r.namespace}/${r.name}` : `${r.kind}/${r.name}`;
  return [{ name: r.name, fullyQualifiedName, kind: 'resource' }];
}

function result(
  f: Finding,
  ruleIndex: number,
  fingerprint: string,
  artifact: (file: string) => ArtifactLocation,
): Record<string, unknown> {
  const location: Record<string, unknown> = {
    physicalLocation: { artifactLocation: artifact(f.location.file), region: findingRegion(f) },
  };
  const logical = logicalLocations(f);
  if (logical) location.logicalLocations = logical;
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVELS[f.severity],
    message: { text: f.message },
    locations: [location],
  };
  if (f.related && f.related.length > 0) {
    out.relatedLocations = f.related.map((r, i) => ({
      id: i + 1,
      physicalLocation: { artifactLocation: artifact(r.file), region: relatedRegion(r) },
      message: { text: r.message },
    }));
  }
  // GitHub matches alerts across commits by `primaryLocationLineHash` only; publishing our
  // identity hash there (instead of letting upload-sarif hash the source line) keeps an alert
  // stable when lines move or the template around it is edited.
  out.partialFingerprints = { [IDENTITY_FINGERPRINT_KEY]: fingerprint, primaryLocationLineHash: fingerprint };
  if (f.suppressed) {
    const suppression: Record<string, unknown> = { kind: 'inSource', status: 'accepted' };
    if (f.suppressed.justification) suppression.justification = f.suppressed.justification;
    out.suppressions = [suppression];
  }
  if (f.path) out.properties = { path: f.path };
  return out;
}

export const sarif: Formatter = (lintResult, ctx) => {
  const findings = ctx.reportSuppressed ? [...lintResult.findings, ...lintResult.suppressed] : lintResult.findings;

  const rules = ruleTable(ctx, findings);
  const ruleIndexes = new Map(rules.map((r, i) => [r.id, i]));

  const files = new Set<string>();
  for (const f of findings) {
    files.add(f.location.file);
    for (const r of f.related ?? []) files.add(r.file);
  }
  const artifactFiles = [...files].sort();
  const artifactIndexes = new Map(artifactFiles.map((file, i) => [file, i]));
  const artifact = (file: string): ArtifactLocation => ({
    uri: sarifUri(file),
    uriBaseId: SRCROOT,
    index: artifactIndexes.get(file),
  });

  const fingerprints = fingerprintsInOrder(findings);
  const driver: Record<string, unknown> = { name: TOOL_NAME, version: ctx.toolVersion };
  // semanticVersion lets GitHub tell a tool upgrade from a code change; only a SemVer qualifies.
  if (/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$/.test(ctx.toolVersion)) driver.semanticVersion = ctx.toolVersion;
  driver.informationUri = INFORMATION_URI;
  driver.rules = rules.map(ruleDescriptor);

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        artifacts: artifactFiles.map((file) => ({ location: { uri: sarifUri(file), uriBaseId: SRCROOT } })),
        results: findings.map((f, i) => result(f, ruleIndexes.get(f.ruleId) ?? 0, fingerprints[i], artifact)),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${escapeJsonControlChars(JSON.stringify(log, null, 2))}\n`;
};
