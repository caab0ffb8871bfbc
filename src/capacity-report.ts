/**
 * `k8s-todo-lint capacity`'s output: renders the cluster-capacity picture of
 * each deployment unit (CapacityReport, computed in capacity.ts with
 * src/k8s/capacity.ts) as a table of workloads, then bars of the totals
 * against allocatable capacity with the utilisation bar marked, then each
 * workload's share; or JSON for machines. With several units each gets its
 * own section, titled with the unit.
 *
 * Colour only repeats what the words say (ok / over the bar / over capacity),
 * so the report reads the same without it. The renderers are pure: data in,
 * text out (src/cli/capacity.ts computes the data and picks the renderer).
 */
import pc from 'picocolors';
import type { CapacityData, CapacityReport, CapacityRow } from './capacity.js';
import type { Dimension } from './k8s/capacity.js';
import { parseQuantity, ratio } from './k8s/quantity.js';
import { escapeControlChars, escapeJsonControlChars } from './format/control-chars.js';

type Amount = 'requests' | 'limits';

/** How a total stands: requests must fit in allocatable; limits must stay under the utilisation bar. */
export type CapacityVerdict = 'ok' | 'over-bar' | 'over-capacity';

export interface CapacityReportOptions {
  color: boolean;
  /** Width of a bar in characters. */
  barWidth?: number;
}

const DIMENSIONS: readonly Dimension[] = ['cpu', 'memory'];
const AMOUNTS: readonly Amount[] = ['requests', 'limits'];

export function capacityVerdict(percent: number, amount: Amount, maxUtilization: number): CapacityVerdict {
  if (percent > 100) return 'over-capacity';
  // Percentages arrive rounded to 0.1; compare with the bar at the same precision.
  if (amount === 'limits' && percent > Math.round(maxUtilization * 1000) / 10) return 'over-bar';
  return 'ok';
}

function verdictText(v: CapacityVerdict, maxUtilization: number): string {
  if (v === 'over-capacity') return 'over capacity';
  if (v === 'over-bar') return `over the ${formatPercent(maxUtilization * 100)} bar`;
  return 'ok';
}

function formatPercent(p: number): string {
  return `${Math.round(p * 10) / 10}%`;
}

/** A bar of `width` cells: filled up to `percent` (capped at 100), `│` at the utilisation bar. */
export function capacityBar(percent: number, maxUtilization: number, width: number): string {
  const filled = Math.max(0, Math.min(width, Math.round((Math.min(percent, 100) / 100) * width)));
  const mark = Math.min(width - 1, Math.round(maxUtilization * width));
  let s = '';
  for (let i = 0; i < width; i++) s += i === mark ? '│' : i < filled ? '█' : '░';
  return s;
}

/** Kind, namespace and name come from the input: no control character reaches the terminal. */
function workloadLabel(w: CapacityRow): string {
  return escapeControlChars(w.namespace ? `${w.kind} ${w.namespace}/${w.name}` : `${w.kind} ${w.name}`);
}

function replicasText(w: CapacityRow): string {
  return w.replicasFrom === 'replicas' ? String(w.replicas) : `${w.replicas} (${escapeControlChars(w.replicasFrom)})`;
}

/** Columns padded to their widest cell; the last column is not padded. */
function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => rows.reduce((w, r) => Math.max(w, r[i].length), 0));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd());
}

function share(amount: string, of: string): number {
  const a = parseQuantity(amount);
  const b = parseQuantity(of);
  if (!a || !b) return 0;
  return Math.round(ratio(a, b) * 1000) / 10;
}

export function renderCapacityText(report: CapacityReport, options: CapacityReportOptions): string {
  const titled = report.units.length > 1;
  return report.units.map((unit) => renderUnitText(unit, titled, options)).join('\n');
}

function renderUnitText(data: CapacityData, titled: boolean, options: CapacityReportOptions): string {
  const c = pc.createColors(options.color);
  const width = options.barWidth ?? 40;
  const paint = (v: CapacityVerdict, s: string) => (v === 'over-capacity' ? c.red(s) : v === 'over-bar' ? c.yellow(s) : c.green(s));
  const out: string[] = [];

  out.push(
    c.bold(titled ? `Cluster capacity of ${escapeControlChars(data.unit)}` : 'Cluster capacity') +
      `  allocatable: cpu ${data.allocatable.cpu}, memory ${data.allocatable.memory}; limits bar ${formatPercent(data.maxUtilization * 100)} (│)`,
    '',
  );

  if (data.workloads.length === 0) {
    out.push('No workloads found.');
    return `${out.join('\n')}\n`;
  }

  const header = ['WORKLOAD', 'REPLICAS', 'CPU REQ', 'CPU LIM', 'MEM REQ', 'MEM LIM'];
  const rows = data.workloads.map((w) => [workloadLabel(w), replicasText(w), w.requests.cpu, w.limits.cpu, w.requests.memory, w.limits.memory]);
  const total = ['TOTAL', '', data.total.requests.cpu, data.total.limits.cpu, data.total.requests.memory, data.total.limits.memory];
  const lines = table([header, ...rows, total]);
  out.push(c.bold(lines[0]));
  for (const line of lines.slice(1, -1)) out.push(line);
  out.push(c.bold(lines[lines.length - 1]), '');

  const labelWidth = DIMENSIONS.flatMap((d) => AMOUNTS.map((a) => `${d} ${a}`.length)).reduce((w, n) => Math.max(w, n), 0);
  for (const d of DIMENSIONS) {
    for (const a of AMOUNTS) {
      const percent = data.percent[a][d];
      const v = capacityVerdict(percent, a, data.maxUtilization);
      out.push(
        `${`${d} ${a}`.padEnd(labelWidth)}  ${paint(v, capacityBar(percent, data.maxUtilization, width))} ` +
          `${formatPercent(percent).padStart(7)}  ${data.total[a][d]} of ${data.allocatable[d]}  ${paint(v, verdictText(v, data.maxUtilization))}`,
      );
    }
  }

  const nameWidth = data.workloads.reduce((n, w) => Math.max(n, workloadLabel(w).length), -Infinity);
  for (const d of DIMENSIONS) {
    out.push('', c.bold(`${d} limits by workload (share of allocatable ${data.allocatable[d]})`));
    for (const w of data.workloads) {
      const percent = share(w.limits[d], data.allocatable[d]);
      out.push(`  ${workloadLabel(w).padEnd(nameWidth)}  ${c.cyan(capacityBar(percent, data.maxUtilization, width))} ${formatPercent(percent).padStart(7)}  ${w.limits[d]}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The JSON report: each unit's data as computed, plus each total's verdict. */
export function renderCapacityJson(report: CapacityReport): string {
  const units = report.units.map((data) => {
    const verdict = Object.fromEntries(
      AMOUNTS.map((a) => [a, Object.fromEntries(DIMENSIONS.map((d) => [d, capacityVerdict(data.percent[a][d], a, data.maxUtilization)]))]),
    );
    return { ...data, verdict };
  });
  return `${escapeJsonControlChars(JSON.stringify({ units }, null, 2))}\n`;
}
