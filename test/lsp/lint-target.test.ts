/**
 * The language server's workspace model without the protocol: which targets a file's change
 * re-lints, and a target linted with unsaved texts (the overlay) where the CLI would read the
 * disk: a Dockerfile's USER, a chart's values.yaml.
 */
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintTarget } from '../../src/lsp/lint-target.js';
import { isValuesFile, projectOf, targetsOf } from '../../src/lsp/project.js';
import { ROOT } from '../support/run-cli.js';
import { tempDirs } from '../support/temp-dirs.js';

const tmp = tempDirs('k8s-todo-lint-lsp-target-');

function mixedRepo(): string {
  const dir = tmp();
  cpSync(path.join(ROOT, 'fixtures/repos/todo-mixed'), dir, { recursive: true });
  return dir;
}

describe('lsp project model', () => {
  it('a chart file re-lints its chart, a manifest the raw manifests, a Dockerfile or the config everything', () => {
    const dir = mixedRepo();
    const chart = path.join(dir, 'charts/todo-app');
    expect(projectOf(path.join(chart, 'values.yaml'), [])).toBe(dir);
    expect(targetsOf(path.join(chart, 'values.yaml'), dir, [])).toEqual([{ kind: 'chart', root: dir, chart }]);
    expect(targetsOf(path.join(dir, 'k8s/10-backend.yaml'), dir, [])).toEqual([{ kind: 'raw', root: dir }]);
    const all = [{ kind: 'raw', root: dir }, { kind: 'chart', root: dir, chart }];
    expect(targetsOf(path.join(dir, 'deploy/docker/backend/Dockerfile'), dir, [])).toEqual(all);
    expect(targetsOf(path.join(dir, '.k8s-todo-lint.yaml'), dir, [])).toEqual(all);
    expect(targetsOf(path.join(dir, 'envs/prod.yaml'), dir, [path.join(dir, 'envs/prod.yaml')])).toEqual(all);
    expect(targetsOf(path.join(dir, 'backend/app/main.py'), dir, [])).toEqual([]);
  });

  it('values files: values.yaml, ci/*-values.yaml, and those the config names', () => {
    expect(['/p/c/values.yaml', '/p/c/ci/prod-values.yaml', '/p/envs/prod.yaml', '/p/c/templates/values.tpl', '/p/prod-values.yaml'].map((f) => isValuesFile(f, ['/p/envs/prod.yaml']))).toEqual([true, true, true, false, false]);
  });

  it('lints a Dockerfile\'s unsaved text', async () => {
    const dir = mixedRepo();
    const dockerfile = path.join(dir, 'deploy/docker/backend/Dockerfile');
    const unsaved = readFileSync(dockerfile, 'utf8').replace(/^USER .*$/m, 'USER root');
    const overlay = (f: string) => (f === dockerfile ? unsaved : undefined);
    const found = (await lintTarget({ kind: 'raw', root: dir }, overlay)).findings.filter((f) => f.location.file === dockerfile);
    expect(found.map((f) => `${f.ruleId} ${f.location.line}`)).toEqual(['dockerfile-user 17']);
    expect((await lintTarget({ kind: 'raw', root: dir }, () => undefined)).findings.filter((f) => f.location.file === dockerfile)).toEqual([]);
  });

  it('re-renders a chart template\'s unsaved text: a template parsed for an earlier render is not served for a changed text', async () => {
    const dir = mixedRepo();
    const chart = path.join(dir, 'charts/todo-app');
    const template = path.join(chart, 'templates/frontend.yaml');
    const disk = readFileSync(template, 'utf8');
    const findingsWith = async (text: string | undefined) =>
      (await lintTarget({ kind: 'chart', root: dir, chart }, (f) => (f === template ? text : undefined))).findings
        .filter((f) => f.location.file === template)
        .map((f) => `${f.ruleId} ${f.location.line}`);
    expect(await findingsWith(undefined)).toEqual([]);
    // The same template name with other texts, one render after another (the engine's parses are cached by text).
    expect(await findingsWith(disk.replace('          imagePullPolicy: IfNotPresent\n', ''))).toEqual(['image-pull-policy 23']);
    expect(await findingsWith(disk.replace('runAsNonRoot: true', 'runAsNonRoot: {{ not true }}'))).toEqual(['run-as-non-root 20']);
    expect(await findingsWith(disk)).toEqual([]);
  });
});
