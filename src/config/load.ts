/**
 * Finds, reads and validates the config file, and resolves rule settings:
 * defaults from each rule's meta, then the file, then `--rule id=severity`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { requireWithCodeCache } from '../code-cache.js';
import { packageRoot } from '../package-root.js';
import { yamlLib } from '../vendor.js';
import { ConfigError } from '../errors.js';
import type { Rule } from '../engine/rule.js';
import type { OverrideFn, RuleSetting } from '../engine/run.js';
import { isSeverity } from '../engine/severity.js';
import type { Resource } from '../engine/resource.js';
import type { SeveritySetting } from '../types.js';
import { buildConfigSchema, optionsValidatorName } from './schema.js';
import { globToRegExp } from './glob.js';
import { presetRules } from './presets.js';

/** A severity as a config or `--rule` may write it: ESLint's `warn` is `warning`. */
export type ConfigSeverity = SeveritySetting | 'warn';

function severityOf(s: ConfigSeverity): SeveritySetting {
  return s === 'warn' ? 'warning' : s;
}

export interface ConfigFile {
  /** A preset (src/config/presets.ts): `k8s-todo-lint:generic`, `k8s-todo-lint:recommended` (the default). */
  extends?: string;
  kubeVersion?: string;
  ignore?: string[];
  rules?: Record<string, ConfigSeverity | [ConfigSeverity, Record<string, unknown>?]>;
  overrides?: Array<{
    files?: string[];
    resources?: Array<{ kind?: string; name?: string; namespace?: string; apiVersion?: string }>;
    rules: Record<string, ConfigSeverity | [ConfigSeverity]>;
  }>;
  helm?: {
    releaseName?: string;
    namespace?: string;
    values?: string[];
    set?: Record<string, string | number | boolean | null>;
    setString?: Record<string, string>;
    kubeVersion?: string;
    apiVersions?: string[];
  };
  images?: Record<string, { dockerfile?: string; context?: string }>;
  /** Whether the deployment units (each chart release, the raw manifests) go to one cluster; see lint.ts. */
  units?: 'separate' | 'shared';
}

export interface LoadedConfig {
  /** Absolute path of the config file, if one was found. */
  file?: string;
  /** Directory relative paths in the config are resolved against. */
  baseDir: string;
  config: ConfigFile;
}

const NAMES = ['.k8s-todo-lint.yaml', '.k8s-todo-lint.yml', '.k8s-todo-lint.json'];

/** Finds the config from `cwd` upward (or reads `explicit`), parses and validates it. */
export async function loadConfig(cwd: string, explicit: string | undefined, rules: ReadonlyArray<Rule<any>>, overlay?: (abs: string) => string | undefined): Promise<LoadedConfig> {
  const file = explicit ? path.resolve(cwd, explicit) : findConfig(cwd);
  if (!file) return { baseDir: cwd, config: {} };
  const display = path.relative(cwd, file) || file;
  let text: string;
  try {
    text = overlay?.(file) ?? readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ConfigError(`config file not found: ${display}`);
    throw new ConfigError(`cannot read config ${display}: ${code === 'EISDIR' ? 'it is a directory' : (code ?? (e as Error).message)}`);
  }
  let data: unknown;
  try {
    data = file.endsWith('.json') ? JSON.parse(text) : yamlLib().parse(text);
  } catch (e) {
    throw new ConfigError(`invalid config ${display}: ${(e as Error).message.split('\n')[0]}`);
  }
  if (data === null || data === undefined) data = {};
  checkVersionsQuoted(data, text, display);
  await validate(data, display, rules);
  return { file, baseDir: path.dirname(file), config: data as ConfigFile };
}

/** The config file from `cwd` upward, if any (also the language server's project root: src/lsp). */
export function findConfig(cwd: string): string | undefined {
  let dir = cwd;
  for (;;) {
    for (const n of NAMES) {
      const f = path.join(dir, n);
      if (existsSync(f)) return f;
    }
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/**
 * `kubeVersion: 1.30` is the number 1.3 to YAML (and JSON): the schema would only say "must be
 * string", so name the key and the text as written, and say to quote it.
 */
function checkVersionsQuoted(data: unknown, text: string, display: string): void {
  if (typeof data !== 'object' || data === null) return;
  const c = data as { kubeVersion?: unknown; helm?: { kubeVersion?: unknown } };
  const found: Array<[string[], unknown]> = [
    [['kubeVersion'], c.kubeVersion],
    [['helm', 'kubeVersion'], typeof c.helm === 'object' && c.helm !== null ? c.helm.kubeVersion : undefined],
  ];
  for (const [key, value] of found) {
    if (typeof value !== 'number') continue;
    const written = writtenScalar(text, key) ?? String(value);
    throw new ConfigError(`invalid config ${display}: ${key.join('.')}: ${written} must be quoted ("${written}"): unquoted, YAML reads it as the number ${value}`);
  }
}

/** The source text of the scalar at `key` (YAML or JSON, both parse as YAML 1.2). */
function writtenScalar(text: string, key: string[]): string | undefined {
  try {
    const node = yamlLib().parseDocument(text).getIn(key, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? text.slice(node.range[0], node.range[1]) : undefined;
  } catch {
    return undefined;
  }
}

type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

/** Checks a whole config; returns the first error (its path from the config root) or undefined. */
type ConfigCheck = (data: unknown) => AjvError | undefined;
const checks = new WeakMap<ReadonlyArray<Rule<any>>, ConfigCheck>();

async function validate(data: unknown, display: string, rules: ReadonlyArray<Rule<any>>): Promise<void> {
  // An empty mapping has nothing to check (the structure requires no key, test/config/load.test.ts):
  // it loads no validator, like a run without a config (~3 ms of start-up).
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && Object.keys(data).length === 0) return;
  let check = checks.get(rules);
  if (!check) {
    check = precompiledCheck(rules) ?? (await compiledCheck(rules));
    checks.set(rules, check);
  }
  const err = check(data);
  if (err) throw new ConfigError(`invalid config ${display}: ${describeError(err, data)}`);
}

/**
 * The validators `npm run build` generated (dist/config-validate.cjs): the structure, then
 * the options of each configured rule, so only those validators are ever compiled by V8.
 * They fit only the rule list they were generated from (its ids, which the file lists);
 * any other list is compiled here.
 */
function precompiledCheck(rules: ReadonlyArray<Rule<any>>): ConfigCheck | undefined {
  let mod: Record<string, Validator>;
  try {
    mod = requireWithCodeCache(packageRoot(), path.join(packageRoot(), 'dist/config-validate.cjs')) as Record<string, Validator>;
  } catch {
    return undefined;
  }
  const builtFor = (mod as { ruleIds?: readonly string[] }).ruleIds;
  if (builtFor?.join() !== rules.map((r) => r.meta.id).join()) return undefined;
  return (data) => {
    if (!mod.structure(data)) return pickError(mod.structure.errors ?? []);
    for (const [id, entry] of Object.entries((data as ConfigFile).rules ?? {})) {
      if (!Array.isArray(entry) || entry[1] === undefined) continue;
      const v = mod[optionsValidatorName(id)];
      if (v && !v(entry[1])) {
        const e = pickError(v.errors ?? []);
        return { ...e, instancePath: `/rules/${id.replace(/~/g, '~0').replace(/\//g, '~1')}/1${e.instancePath}` };
      }
    }
    return undefined;
  };
}

async function compiledCheck(rules: ReadonlyArray<Rule<any>>): Promise<ConfigCheck> {
  const { default: Ajv } = await import('ajv');
  const ajv = new Ajv.default({ allErrors: false, strict: false });
  const v = ajv.compile(buildConfigSchema(rules)) as unknown as Validator;
  return (data) => (v(data) ? undefined : pickError(v.errors ?? []));
}

interface AjvError { instancePath: string; keyword: string; message?: string; params: Record<string, any> }

function pickError(errors: AjvError[]): AjvError {
  // An unknown rule id fails `propertyNames`: name the id, not the enum of every rule.
  const names = errors.find((e) => e.keyword === 'propertyNames');
  if (names) return { instancePath: `${names.instancePath}/${String(names.params.propertyName).replace(/~/g, '~0').replace(/\//g, '~1')}`, keyword: 'unknownRule', params: names.params };
  // anyOf failures are reported last by ajv; the most specific (deepest) error names the bad key best.
  return [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
}

function describeError(e: AjvError, data: unknown): string {
  const key = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const where = key.length ? key.reduce((acc, k) => (/^\d+$/.test(k) ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), '') : 'the config';
  if (e.keyword === 'additionalProperties') {
    const extra = e.params.additionalProperty as string;
    if (key.length === 1 && key[0] === 'rules') return `unknown rule "${extra}" in rules`;
    return `unknown key "${extra}" in ${where}`;
  }
  if (e.keyword === 'unknownRule') return `unknown rule "${e.params.propertyName}" in ${key.slice(0, -1).reduce((acc, k) => (/^\d+$/.test(k) ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), '')}`;
  if (e.keyword === 'enum') return `${where} must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  void data;
  return `${where} ${e.message ?? 'is invalid'}`;
}

/**
 * Rule settings: each rule's defaults, then the preset (`preset`, else the config's
 * `extends`), then the config file's entries, then --rule flags.
 */
export function resolveRuleSettings(rules: ReadonlyArray<Rule<any>>, config: ConfigFile, flags: readonly string[], preset?: string): Map<string, RuleSetting> {
  const out = new Map<string, RuleSetting>();
  for (const r of rules) out.set(r.meta.id, { severity: r.meta.defaultSeverity, options: { ...r.meta.defaultOptions } });
  const layer = (entries: Record<string, ConfigSeverity | [ConfigSeverity, Record<string, unknown>?]>) => {
    for (const [id, entry] of Object.entries(entries)) {
      const cur = out.get(id);
      if (!cur) throw new ConfigError(`unknown rule "${id}" in rules`);
      if (Array.isArray(entry)) {
        cur.severity = severityOf(entry[0]);
        // Options merge with defaults key by key; a given key replaces that key's default whole.
        if (entry[1]) cur.options = { ...cur.options, ...entry[1] };
      } else {
        cur.severity = severityOf(entry);
      }
    }
  };
  layer(presetRules(preset ?? config.extends));
  layer(config.rules ?? {});
  for (const flag of flags) {
    const m = /^([a-z0-9-]+)=(.+)$/.exec(flag);
    if (!m) throw new ConfigError(`--rule expects <id>=<severity>, got "${flag}"`);
    const cur = out.get(m[1]);
    if (!cur) throw new ConfigError(`--rule: unknown rule "${m[1]}"`);
    const sev = m[2] === 'warn' ? 'warning' : m[2];
    if (!isSeverity(sev)) throw new ConfigError(`--rule ${m[1]}: severity must be off, info, warning (or warn) or error, got "${m[2]}"`);
    cur.severity = sev;
  }
  return out;
}

/** `overrides`: later entries win; files match relative to the config directory. */
export function buildOverride(config: ConfigFile, baseDir: string, cwd: string): OverrideFn | undefined {
  const entries = config.overrides ?? [];
  if (entries.length === 0) return undefined;
  const compiled = entries.map((o) => ({
    files: o.files?.map((g) => globToRegExp(g)),
    resources: o.resources?.map((sel) => Object.entries(sel).map(([k, g]) => [k, globToRegExp(g as string)] as const)),
    rules: o.rules,
  }));
  return (ruleId: string, file: string, resource: Resource | undefined) => {
    let result: SeveritySetting | undefined;
    const relToBase = path.relative(baseDir, path.resolve(cwd, file)).split(path.sep).join('/');
    for (const o of compiled) {
      const entry = o.rules[ruleId];
      if (entry === undefined) continue;
      const fileOk = !o.files || o.files.some((re) => re.test(relToBase) || re.test(file));
      const resOk = !o.resources || (resource !== undefined && o.resources.some((sel) => sel.every(([k, re]) => re.test(String(k === 'namespace' ? resource.namespace ?? '' : (resource as any)[k] ?? '')))));
      if (fileOk && resOk) result = severityOf(Array.isArray(entry) ? entry[0] : entry);
    }
    return result;
  };
}
