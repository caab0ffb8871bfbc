/**
 * JUnit XML for CI test-report views (Jenkins, GitLab, Azure, CircleCI...).
 *
 * Only findings reach a formatter, so "checked" means: a testcase per (file,
 * resource, rule) that has findings, failing when one of them is an error or
 * a warning (an info-only testcase passes, its notes in system-out), and one
 * passing testcase per file that has no finding. The list of clean files comes
 * from `result.files` when the caller provides it. Suppressed findings, with
 * --report-suppressed, are skipped testcases.
 *
 * Only elements and attributes of the widespread JUnit schema are used (no
 * `file`/`line` on testcases); the location is in the failure text. No times
 * or timestamps: the same input gives the same bytes.
 */
import type { Finding, LintResult, ResourceId, Severity } from '../types.js';
import type { Formatter } from './types.js';

/** What the CLI may add to a LintResult so that clean files get their passing testcase. */
export type JunitLintResult = LintResult & { files?: readonly string[] };

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** XML 1.0 allows tab, LF, CR and chars from U+0020 except surrogates (lone ones) and U+FFFE/U+FFFF. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content: `&` and `<` must be escaped, `>` too so that `]]>` never appears. */
export function xmlText(s: string): string {
  return s.replace(XML_INVALID, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values: also quotes, and whitespace as references, or parsers would normalise it to spaces. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function resourceLabel(r: ResourceId | undefined): string {
  if (!r) return '';
  return r.namespace ? `${r.kind} ${r.namespace}/${r.name}` : `${r.kind} ${r.name}`;
}

function resourceKey(r: ResourceId | undefined): string {
  return r ? JSON.stringify([r.apiVersion, r.kind, r.namespace ?? '', r.name]) : '';
}

interface Testcase {
  name: string;
  findings: Finding[];
}

interface Suite {
  file: string;
  cases: Map<string, Testcase>;
}

function findingLine(f: Finding): string {
  const where = `${f.location.file}:${f.location.line}:${f.location.column}`;
  const path = f.path ? ` (${f.path})` : '';
  const related = (f.related ?? []).map((r) => `\n  ${r.message}: ${r.file}:${r.line}:${r.column}`).join('');
  return `${where} ${f.severity} ${f.message}${path}${related}`;
}

function testcaseXml(file: string, tc: Testcase): { xml: string; failed: boolean; skipped: boolean } {
  const head = `    <testcase name="${xmlAttr(tc.name)}" classname="${xmlAttr(file)}" time="0"`;
  const active = tc.findings.filter((f) => !f.suppressed);
  const problems = active.filter((f) => f.severity !== 'info');
  if (problems.length > 0) {
    const worst = [...problems].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])[0];
    const message = problems.map((f) => f.message).join('; ');
    const body = active.map(findingLine).join('\n');
    return {
      xml: `${head}>\n      <failure message="${xmlAttr(message)}" type="${worst.severity}">${xmlText(body)}</failure>\n    </testcase>`,
      failed: true,
      skipped: false,
    };
  }
  if (active.length > 0) {
    return {
      xml: `${head}>\n      <system-out>${xmlText(active.map(findingLine).join('\n'))}</system-out>\n    </testcase>`,
      failed: false,
      skipped: false,
    };
  }
  if (tc.findings.length > 0) {
    const why = tc.findings.map((f) => `suppressed: ${f.suppressed?.justification ?? f.message}`).join('; ');
    return { xml: `${head}>\n      <skipped message="${xmlAttr(why)}"/>\n    </testcase>`, failed: false, skipped: true };
  }
  return { xml: `${head}/>`, failed: false, skipped: false };
}

export const junit: Formatter = (lintResult, ctx) => {
  const result = lintResult as JunitLintResult;
  const findings = ctx.reportSuppressed ? [...result.findings, ...result.suppressed] : result.findings;

  const suites = new Map<string, Suite>();
  const suiteOf = (file: string): Suite => {
    let suite = suites.get(file);
    if (!suite) suites.set(file, (suite = { file, cases: new Map() }));
    return suite;
  };
  for (const f of findings) {
    const suite = suiteOf(f.location.file);
    const key = JSON.stringify([resourceKey(f.resource), f.ruleId]);
    let tc = suite.cases.get(key);
    if (!tc) {
      const label = resourceLabel(f.resource);
      suite.cases.set(key, (tc = { name: label ? `${f.ruleId}: ${label}` : f.ruleId, findings: [] }));
    }
    tc.findings.push(f);
  }
  for (const file of result.files ?? []) {
    const suite = suiteOf(file);
    if (suite.cases.size === 0) suite.cases.set('', { name: 'no findings', findings: [] });
  }

  let tests = 0;
  let failures = 0;
  const suiteXml: string[] = [];
  for (const suite of [...suites.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const cases = [...suite.cases.values()].map((tc) => testcaseXml(suite.file, tc));
    const f = cases.filter((c) => c.failed).length;
    const s = cases.filter((c) => c.skipped).length;
    tests += cases.length;
    failures += f;
    suiteXml.push(
      `  <testsuite name="${xmlAttr(suite.file)}" tests="${cases.length}" failures="${f}" errors="0" skipped="${s}" time="0">\n` +
        cases.map((c) => `${c.xml}\n`).join('') +
        '  </testsuite>\n',
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    // The common schema has no `skipped` on testsuites (only on testsuite).
    `<testsuites name="k8s-todo-lint" tests="${tests}" failures="${failures}" errors="0" time="0">\n` +
    suiteXml.join('') +
    '</testsuites>\n'
  );
};
