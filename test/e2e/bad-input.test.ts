/**
 * Hostile and broken input: each case gets a clear finding or one clear line
 * with exit 2, never a crash, a hang or a stack trace, and one bad file never
 * hides the findings of the others.
 */
import { mkdirSync, symlinkSync, writeFileSync, createWriteStream } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-bad-');

const GOOD_WITH_DEFECT = 'apiVersion: v1\nkind: Service\nmetadata: {name: s, labels: {app: todo}}\nspec:\n  type: NodePort\n  ports: [{port: 80, nodePort: 80}]\n';

function dirWith(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  writeFileSync(path.join(dir, '.k8s-todo-lint.json'), '{"rules": {"required-secret-keys": "off"}}');
  return dir;
}

function lintJson(dir: string, args: string[] = ['.']) {
  const r = runCli([...args, '-f', 'json'], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.stdout).not.toMatch(/\n\s+at /); // no stack trace
  return { status: r.status, out: JSON.parse(r.stdout) };
}

const brief = (out: any) => out.findings.map((f: any) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`);

describe('bad input', () => {
  it('empty files and comment-only documents are fine', () => {
    const dir = dirWith({ 'empty.yaml': '', 'comments.yaml': '# nothing here\n---\n# still nothing\n', 'good.yaml': GOOD_WITH_DEFECT });
    const { status, out } = lintJson(dir);
    expect(status).toBe(1);
    expect(brief(out)).toEqual(['good.yaml:6:32 nodeport-range nodePort 80 is outside 30000-32767']);
  });

  it('binary and non-UTF-8 files are findings, the others still linted', () => {
    const dir = dirWith({ 'bin.yaml': Buffer.from([0x61, 0x00, 0x62, 0x00]), 'latin1.yaml': Buffer.from('apiVersion: v1\nkind: ConfigMap\ndata: {a: "caf\xe9"}\n', 'latin1'), 'good.yaml': GOOD_WITH_DEFECT });
    const { out } = lintJson(dir);
    expect(brief(out)).toEqual([
      'bin.yaml:1:2 yaml-syntax file is binary (it contains NUL bytes), not YAML or JSON',
      'good.yaml:6:32 nodeport-range nodePort 80 is outside 30000-32767',
      'latin1.yaml:3:15 yaml-syntax a byte that is not valid UTF-8 (a Latin-1 character?): this document is not linted (kubectl rejects the file); save the file as UTF-8',
    ]);
  });

  it('a YAML alias bomb is refused with a finding, quickly', () => {
    let bomb = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 12; i++) bomb += `x${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const dir = dirWith({ 'bomb.yaml': bomb, 'good.yaml': GOOD_WITH_DEFECT });
    const { out } = lintJson(dir);
    expect(brief(out)).toEqual([
      'bomb.yaml:1:1 yaml-syntax document expands to more than 1000000 nodes through aliases (an alias bomb?)',
      'good.yaml:6:32 nodeport-range nodePort 80 is outside 30000-32767',
    ]);
  });

  it('10,000-deep nesting is a finding, not a crash', () => {
    const deep = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n';
    const dir = dirWith({ 'deep.yaml': deep, 'good.yaml': GOOD_WITH_DEFECT });
    const { out } = lintJson(dir);
    const msgs = brief(out);
    expect(msgs).toHaveLength(2);
    expect(msgs[0]).toMatch(/^deep\.yaml:\d+:\d+ yaml-syntax document is nested (too deeply to parse|more than \d+ levels deep)$/);
    expect(msgs[1]).toBe('good.yaml:6:32 nodeport-range nodePort 80 is outside 30000-32767');
  });

  it('an unreadable file (a FIFO named on the command line) is a finding, not a hang', () => {
    const dir = dirWith({ 'good.yaml': GOOD_WITH_DEFECT });
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    const { out } = lintJson(dir, ['pipe.yaml', 'good.yaml']);
    expect(brief(out)).toEqual([
      'good.yaml:6:32 nodeport-range nodePort 80 is outside 30000-32767',
      'pipe.yaml:1:1 yaml-syntax cannot read file: not a regular file',
    ]);
  });

  it('symlink loops in walked directories do not hang', () => {
    const dir = dirWith({ 'sub/good.yaml': GOOD_WITH_DEFECT });
    symlinkSync(dir, path.join(dir, 'sub', 'loop'));
    const { out } = lintJson(dir);
    expect(brief(out)).toEqual(['sub/good.yaml:6:32 nodeport-range nodePort 80 is outside 30000-32767']);
  });

  it('YAML that is not Kubernetes (a CI file) is skipped, broken YAML in a manifest is a finding', () => {
    const dir = dirWith({
      '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n',
      // The duplicate name is the one finding: the ConfigMap is linted with the last value (labelled, so clean).
      'broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  name: z\n  labels:\n    app: todo\n',
      'good.yaml': GOOD_WITH_DEFECT,
    });
    const { out } = lintJson(dir);
    expect(brief(out)).toEqual([
      'broken.yaml:5:3 yaml-syntax duplicated mapping key "name": kubectl apply and Helm keep the last value (which the other rules lint), kustomize rejects the file',
      'good.yaml:6:32 nodeport-range nodePort 80 is outside 30000-32767',
    ]);
  });

  it('a 100 MB file is linted completely', async () => {
    const dir = dirWith({});
    const file = path.join(dir, 'big.yaml');
    const stream = createWriteStream(file);
    const doc = (i: number) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  labels: {app: todo}\ndata:\n  payload: "${'x'.repeat(900)}"\n`;
    let size = 0;
    let i = 0;
    while (size < 100 * 1024 * 1024) {
      const d = doc(i++);
      size += d.length;
      if (!stream.write(d)) await once(stream, 'drain');
    }
    stream.write('---\napiVersion: v1\nkind: Service\nmetadata: {name: last, labels: {app: todo}}\nspec: {type: NodePort, ports: [{port: 1, nodePort: 1}]}\n');
    stream.end();
    await once(stream, 'finish');
    const { out } = lintJson(dir);
    expect(out.summary.resources).toBe(i + 1);
    expect(out.findings.map((f: any) => f.ruleId)).toEqual(['nodeport-range']);
    expect(out.findings[0].line).toBe(i * 8 + 5);
  }, 120_000);
});
