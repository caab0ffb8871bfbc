/**
 * The public API: `import { lint, formatters } from 'k8s-todo-lint'`.
 *
 *   const result = await lint({ paths: ['k8s/'], cwd: process.cwd() });
 *   process.stdout.write(formatters.json(result, formatContext()));
 */
import type { FormatContext, RuleInfo } from './format/types.js';
import { ruleInfos } from './format/rule-info.js';
import { RULES } from '../rules/index.js';
import { VERSION } from './version.js';

export { lint, type LintOptions } from './lint.js';
export { defineRule } from './engine/rule.js';
export type { Rule, CheckedRule, ReportedRule, FindingSource, RuleMeta, RuleContext, Report, LintSettings, ChartFacts, ChartYaml, ChartVersions, DockerfileCatalogue, DockerfileLookup, CrdInput } from './engine/rule.js';
export type { KubeVersion } from './k8s/kube-version.js';
export type { Resource, SourceDocument } from './engine/resource.js';
export type { Finding, LintResult, Location, RelatedLocation, ResourceId, Severity, SeveritySetting, Summary } from './types.js';
export type { Formatter, FormatContext, RuleInfo } from './format/types.js';
export { FatalError, UsageError, ConfigError, InputError } from './errors.js';
export { parseQuantity, compareQuantities } from './k8s/quantity.js';
export { capacityReport, type CapacityData, type CapacityReport } from './capacity.js';
export { VERSION as version };

/** Every output format, by its `--format` name. */
export { formatters, type FormatName } from './format/index.js';

/** The rules with their id, default severity, description and documentation link. */
export function rules(): RuleInfo[] {
  return ruleInfos(RULES);
}

/** A FormatContext with sensible defaults for embedding (no colour, all rules, this version). */
export function formatContext(overrides: Partial<FormatContext> = {}): FormatContext {
  return { cwd: process.cwd(), color: false, rules: rules(), toolVersion: VERSION, reportSuppressed: false, ...overrides };
}
