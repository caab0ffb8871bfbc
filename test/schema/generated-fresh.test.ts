/**
 * schemas/k8s/ is generated and committed: regenerating it from the pinned
 * kubernetes-models must give the same bytes (the script's --check mode
 * compares every file and lists strays). The models are a maintainer-only
 * install under .cache/ (see the script's header: they declare Node >= 22);
 * .ci/run fetches them, a fresh clone's `npm test` skips this check.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaIndex } from '../../src/schema/schema-index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MODELS_INSTALLED = existsSync(path.join(ROOT, '.cache/k8s-models/node_modules/kubernetes-models/package.json'));
if (!MODELS_INSTALLED) {
  console.warn('skipped: schemas/k8s freshness needs the pinned models: node scripts/gen-k8s-schemas.mjs --fetch (CI does this)');
}

describe('schemas/k8s', () => {
  it.skipIf(!MODELS_INSTALLED)('is what scripts/gen-k8s-schemas.mjs generates', () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts/gen-k8s-schemas.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toMatch(/^schemas\/k8s is fresh \(\d+ files\)\n$/);
  }, 120_000);

  it('says where it came from and covers the built-in API groups', () => {
    const index = schemaIndex();
    expect(index.source).toMatch(/^kubernetes-models@\d+\.\d+\.\d+$/);
    const groups = new Set(Object.keys(index.apiVersions).map((av) => (av.includes('/') ? av.slice(0, av.indexOf('/')) : 'core')));
    for (const g of ['core', 'apps', 'batch', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'policy', 'autoscaling', 'storage.k8s.io', 'scheduling.k8s.io',
      'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io', 'node.k8s.io', 'flowcontrol.apiserver.k8s.io',
      'certificates.k8s.io', 'resource.k8s.io', 'events.k8s.io', 'apiregistration.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io']) {
      expect(groups.has(g), g).toBe(true);
    }
  });
});
