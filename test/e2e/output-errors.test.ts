/**
 * Writing the report can fail: the reader went away (`| head -1`) or the disk is full
 * (`> /dev/full`). A closed pipe ends the run quietly, killed by SIGPIPE as grep is; any
 * other write error is one line on standard error and exit 2; never Node's stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../support/run-cli.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-out-');

/** A directory whose lint and capacity reports, and whose chart's render, are far larger than a pipe's buffer (64 KB). */
function noisyDir(): string {
  const dir = tempDir();
  const doc = (i: number) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d${i}}\nspec:\n  selector: {matchLabels: {a: b}}\n` +
    `  template:\n    metadata: {labels: {a: b}}\n    spec: {containers: [{name: c, image: x}]}\n`;
  writeFileSync(path.join(dir, 'many.yaml'), Array.from({ length: 2000 }, (_, i) => doc(i)).join('---\n'));
  mkdirSync(path.join(dir, 'chart/templates'), { recursive: true });
  writeFileSync(path.join(dir, 'chart/Chart.yaml'), 'apiVersion: v2\nname: big\nversion: 0.1.0\n');
  writeFileSync(path.join(dir, 'chart/templates/cm.yaml'), '{{ range until 5000 }}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c{{ . }}}\n{{ end }}');
  return dir;
}

const env = { ...process.env, NO_COLOR: '1' };
const COMMANDS: [string, (dir: string) => string[]][] = [
  ['lint', (dir) => [path.join(dir, 'many.yaml')]],
  ['--list-rules', () => ['--list-rules']],
  ['template', (dir) => ['template', path.join(dir, 'chart')]],
  ['capacity', (dir) => ['capacity', path.join(dir, 'many.yaml')]],
];

/** Runs the CLI, reads the first chunk of its output, then closes the pipe. */
function withClosedPipe(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('output write errors', () => {
  const dir = noisyDir();
  for (const [name, args] of COMMANDS) {
    it(`${name}: a closed pipe ends quietly`, async () => {
      const r = await withClosedPipe(args(dir));
      expect(r.stderr).toBe('');
      // Killed by SIGPIPE as grep is; --list-rules fits in the pipe's buffer and is done before.
      if (name === '--list-rules') expect(r.code).toBe(0);
      else expect(r.signal).toBe('SIGPIPE');
    });

    it.skipIf(!existsSync('/dev/full'))(`${name}: a full disk is one line and exit 2`, () => {
      const fd = openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [BIN, ...args(dir)], { env, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
        expect(r.stderr).toBe('k8s-todo-lint: cannot write output: ENOSPC\n');
        expect(r.status).toBe(2);
      } finally {
        closeSync(fd);
      }
    });
  }

  it('an unwritable GITHUB_STEP_SUMMARY is a one-line warning after the report', () => {
    const d = tempDir();
    mkdirSync(path.join(d, 'summary-is-a-dir'));
    writeFileSync(path.join(d, 'a.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n');
    const r = spawnSync(process.execPath, [BIN, '-f', 'github', 'a.yaml'], {
      cwd: d,
      env: { ...env, GITHUB_STEP_SUMMARY: path.join(d, 'summary-is-a-dir') },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('k8s-todo-lint: warning: cannot write GITHUB_STEP_SUMMARY: EISDIR\n');
    expect(r.status).not.toBe(2);
  });

  it('a report to pipes is written whole without Node\'s stdout and stderr streams (start-up)', () => {
    // The shim writes to the descriptors; the streams (Node's stream and net modules) are
    // created only when a write fails. A preload reports which of Node's modules the run loaded.
    const d = tempDir();
    const probe = path.join(d, 'probe.cjs');
    writeFileSync(probe, "process.on('exit', () => require('fs').writeFileSync(process.env.PROBE_OUT, process.moduleLoadList.join('\\n')));\n");
    const out = path.join(d, 'modules.txt');
    const many = path.join(dir, 'many.yaml');
    const r = spawnSync(process.execPath, ['-r', probe, BIN, '-f', 'json', many], { env: { ...env, PROBE_OUT: out }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).findings.length).toBeGreaterThan(2000); // far more than a pipe's buffer
    const loaded = readFileSync(out, 'utf8').split('\n');
    expect(loaded.filter((m) => ['NativeModule net', 'NativeModule stream', 'NativeModule tty'].includes(m))).toEqual([]);
  });
});
