import { defineRule } from '../src/engine/rule.js';
import { isObject } from '../src/k8s/object.js';
import { containersOf, podSpecOf } from '../src/k8s/workloads.js';
import { containerOf } from './_lib/container-name.js';
import { showValue } from './_lib/show-value.js';

interface Options { minUser: number }

export const rule = defineRule<Options>({
  meta: {
    id: 'run-as-non-root',
    description: 'Containers run as non-root: runAsNonRoot true, and runAsUser (where set) at least minUser',
    defaultSeverity: 'warning',
    optionsSchema: { type: 'object', properties: { minUser: { type: 'integer', minimum: 0 } }, additionalProperties: false },
    defaultOptions: { minUser: 1000 },
    perResource: true,
  },
  check(ctx) {
    const { minUser } = ctx.options;
    for (const r of ctx.index.workloads) {
      const pod = podSpecOf(r);
      if (!pod) continue;
      const podSc = isObject(pod.spec.securityContext) ? pod.spec.securityContext : {};
      // A pod-level value is reported once, however many containers inherit it.
      let podNonRootReported = false;
      let podUserReported = false;
      for (const c of containersOf(r, { init: true })) {
        const sc = isObject(c.container.securityContext) ? c.container.securityContext : {};

        if (sc.runAsNonRoot !== undefined && sc.runAsNonRoot !== null) {
          if (sc.runAsNonRoot !== true) ctx.report({ resource: r, path: [...c.path, 'securityContext', 'runAsNonRoot'], message: `${containerOf(c, r)} sets runAsNonRoot: ${showValue(sc.runAsNonRoot)}; set it to true` });
        } else if (podSc.runAsNonRoot !== undefined && podSc.runAsNonRoot !== null) {
          if (podSc.runAsNonRoot !== true && !podNonRootReported) {
            podNonRootReported = true;
            ctx.report({ resource: r, path: [...pod.path, 'securityContext', 'runAsNonRoot'], message: `pod securityContext of ${r.kind} ${r.name} sets runAsNonRoot: ${showValue(podSc.runAsNonRoot)}; set it to true` });
          }
        } else {
          ctx.report({ resource: r, path: c.path, message: `${containerOf(c, r)} does not set runAsNonRoot: true (in its own or the pod's securityContext)` });
        }

        if (sc.runAsUser !== undefined && sc.runAsUser !== null) {
          if (typeof sc.runAsUser === 'number' && sc.runAsUser < minUser) {
            ctx.report({ resource: r, path: [...c.path, 'securityContext', 'runAsUser'], message: `${containerOf(c, r)} sets runAsUser ${showValue(sc.runAsUser)}, below the minimum ${minUser}` });
          }
        } else if (typeof podSc.runAsUser === 'number' && podSc.runAsUser < minUser && !podUserReported) {
          podUserReported = true;
          ctx.report({ resource: r, path: [...pod.path, 'securityContext', 'runAsUser'], message: `pod securityContext of ${r.kind} ${r.name} sets runAsUser ${showValue(podSc.runAsUser)}, below the minimum ${minUser}` });
        }
      }
    }
  },
});

