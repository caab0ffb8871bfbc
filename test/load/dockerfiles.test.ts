/** The Dockerfile catalogue: finds and parses on first request, answers the same question the same way within one catalogue. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dockerfileCatalogue, dockerfileParses } from '../../src/load/dockerfiles.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'k8s-todo-lint-catalogue-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(path.join(root, '.git'));
mkdirSync(path.join(root, 'docker/frontend'), { recursive: true });
writeFileSync(path.join(root, 'docker/frontend/Dockerfile'), 'FROM node:20-alpine\nUSER 1001\n');
mkdirSync(path.join(root, 'k8s'));

describe('dockerfileCatalogue', () => {
  it('finds and parses a Dockerfile once, and answers again with the same model', () => {
    const catalogue = dockerfileCatalogue({ baseDir: root, cwd: root });
    const before = dockerfileParses();
    const first = catalogue.lookup({ prefix: 'registry.local', name: 'todo-frontend' }, ['k8s/web.yaml']);
    expect(first).toMatchObject({ found: true, how: 'convention docker/frontend/Dockerfile' });
    if (!first.found) throw new Error('not found');
    expect(first.dockerfile.file).toBe('docker/frontend/Dockerfile');
    expect(first.dockerfile.stages.map((s) => s.base?.raw)).toEqual(['node:20-alpine']);
    // Another image built from the same file, asked from another manifest: the file is not parsed again.
    const second = catalogue.lookup({ name: 'frontend' }, ['k8s/other.yaml', '<stdin>']);
    expect(second.found && second.dockerfile).toBe(first.dockerfile);
    expect(catalogue.lookup({ prefix: 'registry.local', name: 'todo-frontend' }, ['k8s/web.yaml'])).toBe(first);
    expect(dockerfileParses() - before).toBe(1);
  });

  it('keeps nothing from one catalogue (one lint) to the next', () => {
    const before = dockerfileParses();
    dockerfileCatalogue({ baseDir: root, cwd: root }).lookup({ name: 'todo-frontend' }, []);
    dockerfileCatalogue({ baseDir: root, cwd: root }).lookup({ name: 'todo-frontend' }, []);
    expect(dockerfileParses() - before).toBe(2);
  });

  it('says why an image has no Dockerfile', () => {
    const answer = dockerfileCatalogue({ baseDir: root, cwd: root }).lookup({ name: 'todo-api' }, ['k8s/api.yaml']);
    expect(answer.found).toBe(false);
    if (answer.found) return;
    expect(answer.why).toBe('not-found');
    expect(answer.reason).toBe('no deploy/docker/api/Dockerfile, deploy/docker/todo-api/Dockerfile, docker/api/Dockerfile, docker/todo-api/Dockerfile, api/Dockerfile, todo-api/Dockerfile under ., k8s, and no images entry in the config');
  });

  it.skipIf(process.getuid?.() === 0)('says why a Dockerfile found cannot be read', () => {
    mkdirSync(path.join(root, 'docker/locked'), { recursive: true });
    writeFileSync(path.join(root, 'docker/locked/Dockerfile'), 'FROM scratch\n');
    chmodSync(path.join(root, 'docker/locked/Dockerfile'), 0);
    const answer = dockerfileCatalogue({ baseDir: root, cwd: root }).lookup({ name: 'locked' }, []);
    expect(answer).toEqual({ found: false, why: 'unreadable', reason: 'cannot read docker/locked/Dockerfile: EACCES' });
  });
});
