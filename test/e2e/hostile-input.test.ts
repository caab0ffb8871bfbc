/**
 * Issue 16's probes, run through the built binary: each hostile input is a clear finding or
 * one clear line, never a crash, a hang or a stack trace, and the other inputs' findings stay.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-hostile-');

const GOOD_WITH_DEFECT = 'apiVersion: v1\nkind: Service\nmetadata: {name: s, labels: {app: todo}}\nspec:\n  type: NodePort\n  ports: [{port: 80, nodePort: 80}]\n';

function dirWith(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  writeFileSync(path.join(dir, '.k8s-todo-lint.json'), '{"rules": {"required-secret-keys": "off", "required-labels": "off"}}');
  return dir;
}

function lintJson(dir: string, args: string[] = ['.']) {
  const r = runCli([...args, '-f', 'json'], { cwd: dir });
  expect(r.stderr).toBe('');
  return { status: r.status, out: JSON.parse(r.stdout) };
}

const brief = (out: any) => out.findings.map((f: any) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`);

describe('hostile input (issue 16)', () => {
  it('one 1 MB string aliased 200 times is a finding on its document; the next document still lints', () => {
    const big = 'x'.repeat(1 << 20);
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: amp}\nx: &s "${big}"\ndata: [${Array(200).fill('*s').join(', ')}]\n---\n${GOOD_WITH_DEFECT}`;
    const { out } = lintJson(dirWith({ 'good.yaml': text }));
    expect(brief(out)).toEqual([
      'good.yaml:1:1 yaml-syntax document expands to more than 16 MiB through aliases (an alias bomb?)',
      'good.yaml:12:32 nodeport-range nodePort 80 is outside 30000-32767',
    ]);
  });
});

