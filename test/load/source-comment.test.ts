// A `# Source:` comment in saved `helm template` output becomes a related location only
// when the template it names is on disk: a finding never points into a file that does not exist.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifestText } from '../../src/load/documents.js';
import { sourceResolver } from '../../src/load/source-comment.js';
import { tempDirs } from '../support/temp-dirs.js';

const newDir = tempDirs('k8s-todo-lint-source-');
const RENDERED = '---\n# Source: app/templates/svc.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 80}]\n';

function relatedOf(cwd: string, file: string): unknown {
  const { resources } = parseManifestText(RENDERED, file, { defaultNamespace: 'default', strict: true, resolveSource: sourceResolver(cwd, file) });
  return resources[0].doc.locate(['spec', 'ports']).related;
}

describe('# Source: comments', () => {
  it('name the template as related when it exists beside the rendered file (charts/app rendered into charts/)', () => {
    const cwd = newDir();
    mkdirSync(path.join(cwd, 'charts/app/templates'), { recursive: true });
    writeFileSync(path.join(cwd, 'charts/app/templates/svc.yaml'), 'kind: Service\n');
    expect(relatedOf(cwd, 'charts/out/rendered.yaml')).toEqual([
      { file: 'charts/app/templates/svc.yaml', line: 1, column: 1, message: 'rendered from this template (# Source: comment)' },
    ]);
  });
  it('give no related location when the template is nowhere on disk', () => {
    const cwd = newDir();
    expect(relatedOf(cwd, 'rendered.yaml')).toBeUndefined();
  });
  it('never leave the tree through .. or an absolute path', () => {
    const cwd = newDir();
    const resolve = sourceResolver(path.join(cwd, 'sub'), 'rendered.yaml');
    writeFileSync(path.join(cwd, 'x.yaml'), 'kind: Service\n');
    expect(resolve('../x.yaml')).toBeUndefined();
    expect(resolve(path.join(cwd, 'x.yaml'))).toBeUndefined();
  });
});
