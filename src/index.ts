/**
 * The public API: `import { lint, formatters } from 'k8s-todo-lint'`.
 *
 *   const result = await lint({ paths: ['k8s/'], cwd: process.cwd() });
 *   process.stdout.write(formatters.json(result, formatContext()));
 */
import type { FormatContext, Formatter, RuleInfo } from './format/types.js';
import { json } from './format/json.js';
import { stylish } from './format/stylish.js';
import { sarif } from './format/sarif.js';
import { github } from './format/github.js';
import { junit } from './format/junit.js';
import { RULES } from './engine/registry.js';
import { VERSION } from './version.js';

export { lint, type LintOptions } from './lint.js';
export { defineRule } from './engine/rule.js';
export type { Rule, RuleMeta, RuleContext, Report, LintSettings, ChartFacts, ChartYaml, ChartVersions, DockerfileCatalogue, DockerfileLookup, CrdInput } from './engine/rule.js';
export type { Resource, SourceDocument } from './engine/resource.js';
export type { Finding, LintResult, Location, RelatedLocation, ResourceId, Severity, SeveritySetting, Summary } from './types.js';
export type { Formatter, FormatContext, RuleInfo } from './format/types.js';
export { FatalError, UsageError, ConfigError, InputError } from './errors.js';
export { parseQuantity, compareQuantities } from './quantity.js';
export { capacityData, type CapacityData } from './capacity.js';
export { VERSION as version };

/** Every output format, by its `--format` name. */
export const formatters: Readonly<Record<'stylish' | 'json' | 'sarif' | 'github' | 'junit', Formatter>> = { stylish, json, sarif, github, junit };

/** The rules with their id, default severity, description and documentation link. */
export function rules(): RuleInfo[] {
  return RULES.map((r) => ({
    id: r.meta.id,
    description: r.meta.description,
    defaultSeverity: r.meta.defaultSeverity,
    helpUri: `https://github.com/k8s-todo-lint/k8s-todo-lint/blob/main/docs/rules/${r.meta.id}.md`,
  }));
}

/** A FormatContext with sensible defaults for embedding (no colour, all rules, this version). */
export function formatContext(overrides: Partial<FormatContext> = {}): FormatContext {
  return { cwd: process.cwd(), color: false, rules: rules(), toolVersion: VERSION, reportSuppressed: false, ...overrides };
}
