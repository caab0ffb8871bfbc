import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { componentOf, diskSeen, findDockerfile, searchRoots } from '../../src/load/dockerfile-search.js';
import { parseImage } from '../../src/k8s/image.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'k8s-todo-lint-find-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
function file(rel: string) {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), 'FROM scratch\n');
}
file('repo/.git/HEAD');
file('repo/deploy/docker/frontend/Dockerfile');
file('repo/docker/frontend/Dockerfile');
file('repo/backend/Dockerfile');
file('repo/docker/todo-worker/Dockerfile');
file('repo/build/api.Dockerfile');
file('repo/ctx/Dockerfile');
file('frontend/Dockerfile'); // above the repository root: never searched from the repo's manifests
mkdirSync(path.join(root, 'repo/k8s/base'), { recursive: true });
const repo = path.join(root, 'repo');
const rel = (r: ReturnType<typeof findDockerfile>) => (r.found ? [path.relative(root, r.abs), r.how] : r.reason);

describe('findDockerfile', () => {
  it('names the component after todo-', () => {
    expect(componentOf(parseImage('registry.local/todo/todo-mcp-server:1.0'))).toBe('mcp-server');
    expect(componentOf(parseImage('nginx:1.27'))).toBe('nginx');
    expect(componentOf(parseImage('todo-:1'))).toBe('todo-');
  });

  it('prefers deploy/docker, then docker, then <component>, then the whole image name', () => {
    const opts = { baseDir: repo, cwd: repo };
    expect(rel(findDockerfile(parseImage('todo-frontend:1.0.0'), opts))).toEqual(['repo/deploy/docker/frontend/Dockerfile', 'convention deploy/docker/frontend/Dockerfile']);
    expect(rel(findDockerfile(parseImage('todo-backend:1.0.0'), opts))).toEqual(['repo/backend/Dockerfile', 'convention backend/Dockerfile']);
    expect(rel(findDockerfile(parseImage('todo-worker:1'), opts))).toEqual(['repo/docker/todo-worker/Dockerfile', 'convention docker/todo-worker/Dockerfile']);
  });

  it('takes the config entry first, by full repository or bare name, relative to the config directory', () => {
    const images = { 'registry.local/todo-api': { dockerfile: 'build/api.Dockerfile' }, 'todo-frontend': { context: 'ctx' } };
    const opts = { baseDir: repo, cwd: root, images };
    expect(rel(findDockerfile(parseImage('registry.local/todo-api:2'), opts))).toEqual(['repo/build/api.Dockerfile', 'config images.registry.local/todo-api.dockerfile']);
    expect(rel(findDockerfile(parseImage('todo-frontend:1'), opts))).toEqual(['repo/ctx/Dockerfile', 'config images.todo-frontend.context']);
    expect(rel(findDockerfile(parseImage('todo-frontend:1'), { ...opts, images: { 'todo-frontend': { dockerfile: 'nope/Dockerfile' } } })))
      .toBe('images.todo-frontend.dockerfile in the config is nope/Dockerfile, which is not a file');
  });

  it('walks up from the manifests to the repository root, and no further', () => {
    const outside = path.join(root, 'elsewhere');
    mkdirSync(outside, { recursive: true });
    const opts = { baseDir: outside, cwd: outside, manifestDirs: [path.join(repo, 'k8s/base')] };
    expect(searchRoots(opts)).toEqual([outside, path.join(repo, 'k8s/base'), path.join(repo, 'k8s'), repo]);
    expect(rel(findDockerfile(parseImage('todo-backend:1'), opts))).toEqual(['repo/backend/Dockerfile', 'convention backend/Dockerfile']);
    const none = findDockerfile(parseImage('todo-nothing:1'), opts);
    expect(rel(none)).toBe('no deploy/docker/nothing/Dockerfile, deploy/docker/todo-nothing/Dockerfile, docker/nothing/Dockerfile, docker/todo-nothing/Dockerfile, nothing/Dockerfile, todo-nothing/Dockerfile under ., ../repo/k8s/base, ../repo/k8s, ../repo, and no images entry in the config');
  });

  it('with one memory of the disk per lint, reads each shared directory once across searches from many charts', () => {
    for (const chart of ['a', 'b', 'c']) mkdirSync(path.join(repo, `charts/${chart}/templates`), { recursive: true });
    const seen = diskSeen();
    const reads = new Map<string, number>();
    const set = seen.listings.set.bind(seen.listings);
    seen.listings.set = (dir, names) => (reads.set(dir, (reads.get(dir) ?? 0) + 1), set(dir, names));
    for (const chart of ['a', 'b', 'c']) {
      const opts = { baseDir: repo, cwd: repo, manifestDirs: [path.join(repo, `charts/${chart}/templates`)], seen };
      expect(rel(findDockerfile(parseImage('todo-frontend:1'), opts))).toEqual(['repo/deploy/docker/frontend/Dockerfile', 'convention deploy/docker/frontend/Dockerfile']);
      expect(findDockerfile(parseImage('todo-nothing:1'), opts).found).toBe(false);
    }
    expect(Math.max(...reads.values())).toBe(1);
    // The repository root and charts/ are shared by all three; each chart adds only its own two directories.
    expect(reads.size).toBe(2 + 3 * 2);
  });
});
