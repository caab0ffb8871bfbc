/** What a formatter gets besides the findings. */
import type { LintResult } from '../types.js';

export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: string;
  /** Link to the rule's page (docs/rules/<id>.md in the repository). */
  helpUri: string;
}

export interface FormatContext {
  /** Working directory; finding files are already relative to it. */
  cwd: string;
  color: boolean;
  /** Every known rule, for SARIF's rule table and help links. */
  rules: readonly RuleInfo[];
  toolVersion: string;
  /** Also list suppressed findings (--report-suppressed). */
  reportSuppressed: boolean;
}

export type Formatter = (result: LintResult, ctx: FormatContext) => string;
