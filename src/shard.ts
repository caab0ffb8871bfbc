/**
 * `--shard i/n`: one CI job of n lints the i-th share of a monorepo's units, so
 * that a GitHub Actions matrix spreads a big repository over several machines.
 * The units are each chart (its directory or archive) and each directory of raw
 * manifests, named by display path (relative to the working directory, `/`):
 * sorted, the k-th unit (from 0) goes to shard (k mod n) + 1. The same inputs
 * give the same split on every machine, and the shares differ by one unit at most.
 * A shard still reads the other shards' manifest files, as `--context` does, so
 * the cross-resource rules see every raw manifest and each finding is the one a
 * single run would make; it does not render the other shards' charts.
 */
import path from 'node:path';
import { UsageError } from './errors.js';
import type { ExpandedInputs } from './load/inputs.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `i/n` with 1 <= i <= n; anything else is a usage error (exit 2). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || index < 1 || count < 1 || index > count) throw new UsageError(`--shard expects i/n with 1 <= i <= n (e.g. 1/4), got "${text}"`);
  return { index, count };
}

/** The unit a manifest file belongs to: its directory (standard input is a unit of its own). */
function rawUnit(display: string): string {
  return display === '<stdin>' ? '<stdin>' : path.posix.dirname(display);
}

/** Which units a shard holds, from every unit's identity. */
export function shardUnits(units: readonly string[], shard: Shard): Set<string> {
  const sorted = [...new Set(units)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Set(sorted.filter((_, k) => k % shard.count === shard.index - 1));
}

/** The inputs of this shard: its charts, its manifest files, standard input if it holds it. */
export function shardInputs(inputs: ExpandedInputs, shard: Shard, display: (abs: string) => string): ExpandedInputs {
  const units = [...inputs.charts.map(display), ...inputs.files.map((f) => rawUnit(display(f))), ...(inputs.stdin ? ['<stdin>'] : [])];
  const mine = shardUnits(units, shard);
  return {
    charts: inputs.charts.filter((c) => mine.has(display(c))),
    files: inputs.files.filter((f) => mine.has(rawUnit(display(f)))),
    explicit: inputs.explicit,
    stdin: inputs.stdin && mine.has('<stdin>'),
  };
}
