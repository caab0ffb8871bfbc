/**
 * The acceptance check, as a new user would run it: lint a repository
 * laid out like the designs (seed 000: deploy/docker/<component>/Dockerfile,
 * a Helm chart under helm/todo-app) from its root. The faithful one gives no
 * finding of the Dockerfile rules (nor of any other rule); the planted one
 * gives exactly the planted mismatches, at the Dockerfile line and with the
 * chart template line as related location.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import type { Finding } from '../../src/types.js';

const REPOS = path.resolve(import.meta.dirname, '../../fixtures/repos');
const OURS = new Set(['dockerfile-multi-stage', 'dockerfile-expose', 'dockerfile-user', 'dockerfile-base-image', 'dockerfile-dev-deps', 'image-tag-matches']);

async function lintRepo(name: string) {
  const notes: string[] = [];
  const result = await lint({ paths: ['.'], cwd: path.join(REPOS, name), onNote: (m) => notes.push(m) });
  return { result, notes };
}

const brief = (f: Finding) => ({
  ruleId: f.ruleId,
  severity: f.severity,
  at: `${f.location.file}:${f.location.line}:${f.location.column}`,
  message: f.message,
  related: (f.related ?? []).map((r) => `${r.file}:${r.line}:${r.column}`),
});

describe('a repository laid out like the designs', () => {
  it('todo-faithful: no finding at all, and both images cross-checked through the config', async () => {
    const { result, notes } = await lintRepo('todo-faithful');
    expect(result.findings.map(brief)).toEqual([]);
    expect(notes).toEqual([
      'image todo-backend: Dockerfile deploy/docker/backend/Dockerfile (config images.todo-backend.dockerfile)',
      'image todo-frontend: Dockerfile deploy/docker/frontend/Dockerfile (config images.todo-frontend.dockerfile)',
    ]);
  });

  it('todo-planted: exactly the planted mismatches, at the Dockerfile lines, related to the template lines', async () => {
    const { result, notes } = await lintRepo('todo-planted');
    expect(notes).toEqual([
      'image todo-backend: Dockerfile deploy/docker/backend/Dockerfile (convention deploy/docker/backend/Dockerfile)',
      'image todo-frontend: Dockerfile deploy/docker/frontend/Dockerfile (convention deploy/docker/frontend/Dockerfile)',
    ]);
    expect(result.findings.filter((f) => OURS.has(f.ruleId)).map(brief)).toEqual([
      {
        ruleId: 'dockerfile-multi-stage', severity: 'warning', at: 'deploy/docker/backend/Dockerfile:3:1',
        message: 'single-stage Dockerfile (FROM python:3.13-slim): build in a first stage and COPY --from it into a slim final stage, so build tools and sources stay out of the image',
        related: ['helm/todo-app/templates/backend.yaml:24:18'],
      },
      {
        ruleId: 'dockerfile-user', severity: 'error', at: 'deploy/docker/backend/Dockerfile:8:6',
        message: 'USER root: the image runs as root; create an unprivileged user and switch to it (USER <uid>)',
        related: ['helm/todo-app/templates/backend.yaml:24:18'],
      },
      {
        ruleId: 'dockerfile-base-image', severity: 'warning', at: 'deploy/docker/frontend/Dockerfile:9:6',
        message: 'base image node:latest uses the latest tag: pin a version tag or a digest, or every build may pull a different image',
        related: ['helm/todo-app/templates/frontend.yaml:24:18'],
      },
      {
        ruleId: 'dockerfile-expose', severity: 'error', at: 'deploy/docker/frontend/Dockerfile:22:1',
        message: 'containerPort 3000 of container "frontend" of Deployment frontend is not EXPOSEd by the final stage of the Dockerfile (it exposes 8080)',
        // The containerPort in the template, and the values line it was rendered from.
        related: ['helm/todo-app/templates/frontend.yaml:27:30', 'helm/todo-app/values.yaml:7:9'],
      },
      {
        ruleId: 'dockerfile-expose', severity: 'info', at: 'deploy/docker/frontend/Dockerfile:22:8',
        message: 'EXPOSE 8080: no workload running this image declares that containerPort',
        related: ['helm/todo-app/templates/frontend.yaml:27:13'],
      },
    ]);
    // The findings name the workload, so its annotation or an override can suppress them.
    const user = result.findings.find((f) => f.ruleId === 'dockerfile-user')!;
    expect(user.resource).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'backend' });
    // Nothing else in the planted repository is wrong.
    expect(result.findings.filter((f) => !OURS.has(f.ruleId)).map(brief)).toEqual([]);
  });
});
