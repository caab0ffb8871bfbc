/**
 * The chart and subcharts a rendered resource comes from, with the versions
 * each names for its images (Chart.yaml's appVersion, values.yaml tags), as
 * the loader worked them out.
 */
import type { ChartFacts, ChartVersions } from '../../src/engine/rule.js';

export type { ChartVersions, VersionSource } from '../../src/engine/rule.js';

/**
 * The charts a rendered resource comes from, outermost first: the input chart
 * and the subcharts (charts/<name>/, nested) whose templates produced it.
 * Subcharts packed as archives cannot be read, and then nothing is returned:
 * their versions are unknown, and the parent's would be wrong.
 */
export function chartChain(charts: readonly ChartFacts[], file: string): ChartVersions[] {
  const top = charts
    .filter((c) => file.startsWith(c.prefix))
    .sort((a, b) => b.prefix.length - a.prefix.length)[0];
  if (!top) return [];
  const chain: ChartVersions[] = [top.imageVersions()!];
  const subchart: string[] = [];
  for (const m of file.slice(top.prefix.length).matchAll(/charts\/([^/]+)\//gy)) {
    subchart.push(m[1]);
    const versions = top.imageVersions(subchart);
    if (!versions) return [];
    chain.push(versions);
  }
  return chain;
}
