/** Shared by the end-to-end tests: the checkout under test, a process runner, small manifests. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { dirname, resolve } from 'node:path';
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

export function commandExists(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** A ConfigMap and the todo Secret that pass the recommended rules. */
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
  DATABASE_URL: set-at-deploy
  BETTER_AUTH_SECRET: set-at-deploy
  OPENAI_API_KEY: set-at-deploy
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
