/**
 * How many worker threads the charts of a run get when `--threads` is not given
 * (src/parallel/plan.ts): only as many as finish clearly sooner than the main thread.
 */
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartBytes, plannedWorkers, renderCost, workersCanPay } from '../../src/parallel/plan.js';
import { ROOT } from '../support/run-cli.js';
import { tempDirs } from '../support/temp-dirs.js';

const tmp = tempDirs('k8s-todo-lint-plan-');

const todoApp = { bytes: 5_000, renders: 1 };
const argoCd = { bytes: 2_700_000, renders: 10 };
const many = (n: number) => Array.from({ length: n }, () => todoApp);

describe('worker plan', () => {
  it('keeps everything on the main thread on two cores, where V8\'s background threads already use the second', () => {
    expect(workersCanPay(2, 2)).toBe(false);
    expect(plannedWorkers(many(200), 2, 2)).toBe(0);
    expect(plannedWorkers(many(5000), 2, 2)).toBe(0);
    expect(plannedWorkers([argoCd], 2, 2)).toBe(0);
  });

  it('uses workers on more cores when the work is worth it, never more than the threads', () => {
    expect(workersCanPay(4, 4)).toBe(true);
    expect(plannedWorkers(many(200), 4, 4)).toBe(3);
    expect(plannedWorkers(many(200), 2, 4)).toBe(2);
    expect(plannedWorkers(many(2000), 16, 16)).toBeLessThanOrEqual(16);
    expect(plannedWorkers(many(2000), 16, 16)).toBeGreaterThan(4);
  });

  it('leaves a few small charts, and one big chart with few renders, on the main thread', () => {
    expect(plannedWorkers(many(3), 8, 8)).toBe(0);
    expect(plannedWorkers([{ ...argoCd, renders: 2 }], 8, 8)).toBe(0);
    // Splitting one chart's renders costs a load on each thread: many renders are needed to pay for it.
    expect(plannedWorkers([{ ...argoCd, renders: 40 }], 8, 8)).toBeGreaterThan(1);
  });

  it('weighs a render by the chart\'s size', () => {
    expect(renderCost(argoCd.bytes)).toBeGreaterThan(10 * renderCost(todoApp.bytes));
  });

  it('measures a chart by its files, an archive by four times its size', () => {
    const dir = path.join(ROOT, 'fixtures/charts/todo-app');
    const bytes = chartBytes(dir);
    expect(bytes).toBeGreaterThan(statSync(path.join(dir, 'values.yaml')).size);
    expect(chartBytes(path.join(ROOT, 'fixtures/charts/no-such-chart'))).toBe(0);
    const tgz = path.join(tmp(), 'app-1.0.0.tgz');
    writeFileSync(tgz, Buffer.alloc(1000));
    expect(chartBytes(tgz)).toBe(4000);
  });
});
