/**
 * Nested chart archives share one unpack budget per chart (issue 16 item 10): Helm bounds each
 * archive to 100 MB, so a chart of several archives that each stay under it (or archives
 * nested in archives) could unpack many times that.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadChartSync } from '../../src/helm/chart/loader.js';
import { writeTar } from '../../src/helm/chart/tar.js';

const dir = mkdtempSync(path.join(tmpdir(), 'k8s-todo-lint-unpack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A subchart archive of 40 MB unpacked (ten 4 MB files: under every per-file and per-archive bound). */
function bomb(name: string): Buffer {
  const big = new Uint8Array(4 * 2 ** 20);
  const entries: { name: string; data: Uint8Array | string }[] = [{ name: `${name}/Chart.yaml`, data: `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n` }];
  for (let i = 0; i < 10; i++) entries.push({ name: `${name}/files/f${i}`, data: big });
  return gzipSync(writeTar(entries));
}

describe('unpack budget per chart', () => {
  it('one 40 MB subchart archive loads', () => {
    const root = path.join(dir, 'one');
    mkdirSync(path.join(root, 'charts'), { recursive: true });
    writeFileSync(path.join(root, 'Chart.yaml'), 'apiVersion: v2\nname: one\nversion: 0.1.0\n');
    writeFileSync(path.join(root, 'charts/a.tgz'), bomb('a'));
    expect(loadChartSync(root).dependencies().map((c) => c.name())).toEqual(['a']);
  });

  it('three of them (120 MB together) are refused with the total', () => {
    const root = path.join(dir, 'three');
    mkdirSync(path.join(root, 'charts'), { recursive: true });
    writeFileSync(path.join(root, 'Chart.yaml'), 'apiVersion: v2\nname: three\nversion: 0.1.0\n');
    for (const n of ['a', 'b', 'c']) writeFileSync(path.join(root, `charts/${n}.tgz`), bomb(n));
    expect(() => loadChartSync(root)).toThrow(/decompressed chart and its subchart archives are larger than 104857600 bytes in total/);
  });

  it('archives nested in archives count against the same total', () => {
    const inner = (n: string) => ({ name: `outer/charts/${n}.tgz`, data: new Uint8Array(bomb(n)) });
    const outer = gzipSync(writeTar([{ name: 'outer/Chart.yaml', data: 'apiVersion: v2\nname: outer\nversion: 0.1.0\n' }, inner('a'), inner('b'), inner('c')]));
    const root = path.join(dir, 'nested');
    mkdirSync(path.join(root, 'charts'), { recursive: true });
    writeFileSync(path.join(root, 'Chart.yaml'), 'apiVersion: v2\nname: nested\nversion: 0.1.0\n');
    writeFileSync(path.join(root, 'charts/outer.tgz'), outer);
    expect(() => loadChartSync(root)).toThrow(/larger than 104857600 bytes in total/);
  });
});
