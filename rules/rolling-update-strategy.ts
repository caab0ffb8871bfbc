import { defineRule } from '../src/engine/rule.js';
import { isObject } from '../src/k8s/object.js';
import { showValue } from './_lib/show-value.js';

interface Options { maxUnavailable: number }

export const rule = defineRule<Options>({
  meta: {
    id: 'rolling-update-strategy',
    description: 'Deployments roll out with RollingUpdate and maxUnavailable 0 (zero downtime)',
    defaultSeverity: 'off',
    optionsSchema: { type: 'object', properties: { maxUnavailable: { type: 'integer', minimum: 0 } }, additionalProperties: false },
    defaultOptions: { maxUnavailable: 0 },
    perResource: true,
  },
  check(ctx) {
    const limit = ctx.options.maxUnavailable;
    const wanted = limit === 0 ? 'set it to 0' : `set it to at most ${limit}`;
    for (const d of ctx.index.ofKind('Deployment')) {
      const spec = d.object.spec;
      if (!isObject(spec)) continue;
      const strategy = isObject(spec.strategy) ? spec.strategy : undefined;
      const type = strategy?.type ?? 'RollingUpdate';
      if (type !== 'RollingUpdate') {
        ctx.report({ resource: d, path: ['spec', 'strategy', 'type'], message: `Deployment ${d.name} uses the ${showValue(type)} strategy, which stops every pod before starting new ones; use RollingUpdate with maxUnavailable ${limit}` });
        continue;
      }
      const ru = isObject(strategy?.rollingUpdate) ? strategy.rollingUpdate : undefined;
      const mu = ru?.maxUnavailable;
      if (mu === undefined || mu === null) {
        ctx.report({ resource: d, path: ru ? ['spec', 'strategy', 'rollingUpdate'] : strategy ? ['spec', 'strategy'] : ['spec'], message: `Deployment ${d.name} does not set maxUnavailable (Kubernetes defaults it to 25%); ${wanted}` });
        continue;
      }
      const path = ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable'];
      // A percentage scales with replicas (rounded down), so only 0% is as safe as 0.
      const tooMany = typeof mu === 'number' ? mu > limit : typeof mu === 'string' && /^\d+%$/.test(mu) ? parseInt(mu, 10) !== 0 : false;
      if (tooMany) {
        ctx.report({ resource: d, path, message: `Deployment ${d.name} allows maxUnavailable ${showValue(mu)} during a rollout; ${wanted}` });
        continue;
      }
      const ms = ru?.maxSurge;
      const zero = (v: unknown) => v === 0 || v === '0%';
      if (zero(mu) && zero(ms)) {
        ctx.report({ resource: d, path: ['spec', 'strategy', 'rollingUpdate', 'maxSurge'], message: `Deployment ${d.name} sets maxSurge and maxUnavailable both to 0; the API server rejects this, so allow a surge of at least 1` });
      }
    }
  },
});
