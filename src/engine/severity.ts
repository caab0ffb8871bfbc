import type { Severity, SeveritySetting } from '../types.js';

const RANK: Record<SeveritySetting, number> = { off: 0, info: 1, warning: 2, error: 3 };

/** The lower of two severities (RULES.md: a finding never exceeds its built-in severity). */
export function lowerSeverity(a: Severity, b: SeveritySetting): SeveritySetting {
  return RANK[a] <= RANK[b] ? a : b;
}

export function isSeverity(s: unknown): s is SeveritySetting {
  return s === 'off' || s === 'info' || s === 'warning' || s === 'error';
}

export function severityRank(s: SeveritySetting): number {
  return RANK[s];
}
