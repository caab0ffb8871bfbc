/** Shared by the end-to-end tests: the checkout under test, a process runner, small manifests. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function run(cmd: string, args: readonly string[], options: SpawnSyncOptions = {}): Ran {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (r.error) throw r.error;
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** The environment for child npm runs: under `npm test`, npm's own npm_* variables would leak into them. */
export function cleanNpmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k))), ...extra };
}

/** The CLI entry the bin shim loads; `npm test` builds it first, a lone vitest run builds it here. */
export const cliBin = join(repoRoot, 'bin/k8s-todo-lint.cjs');
export function ensureBuilt(): void {
  if (!existsSync(join(repoRoot, 'dist/src/cli/main.js'))) run('npm', ['run', 'build'], { cwd: repoRoot, env: cleanNpmEnv() });
}

export function commandExists(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** A ConfigMap and the todo Secret that pass the recommended rules (the Secret holds placeholders: it is committed). */
export const cleanManifest = `apiVersion: v1
kind: ConfigMap
metadata:
  name: todo-config
  namespace: todo
  labels:
    app: todo
data:
  NODE_ENV: production
---
apiVersion: v1
kind: Secret
metadata:
  name: todo-secrets
  namespace: todo
  labels:
    app: todo
type: Opaque
stringData:
  DATABASE_URL: <set at deploy time>
  BETTER_AUTH_SECRET: <set at deploy time>
  OPENAI_API_KEY: <set at deploy time>
`;

/** A NodePort Service whose nodePort (line 14, columns 17-22) is below the NodePort range. */
export const badServiceManifest = `apiVersion: v1
kind: Service
metadata:
  name: todo-frontend
  namespace: todo
  labels:
    app: todo
spec:
  type: NodePort
  selector:
    app: todo
  ports:
    - port: 3000
      nodePort: 29999
`;
