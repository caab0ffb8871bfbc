import { defineRule } from '../src/engine/rule.js';
import { isObject } from '../src/k8s/object.js';
import { containersOf } from '../src/k8s/workloads.js';
import { containerOf } from './_lib/container-name.js';
import { ALLOW_KEYS_SCHEMA, secretKeyPattern, secretValueKind, type AllowKeysOptions } from './_lib/secret-patterns.js';

/**
 * Kubernetes' dependent environment variables, `$(NAME)`: the kubelet expands them from the
 * container's other variables (often a secretKeyRef), so they hold no secret themselves.
 * `$$(NAME)` is an escaped literal and stays.
 */
const ENV_REFERENCE = /(?<!\$)\$\([A-Za-z_][A-Za-z0-9_.-]*\)/g;

/**
 * A switch, not a secret: images read `ALLOW_EMPTY_PASSWORD=yes` or
 * `RABBITMQ_UPDATE_PASSWORD=false` (Bitnami's conventions) as settings about the password.
 */
const SWITCH = /^(?:true|false|yes|no|on|off|0|1)$/i;

const FIX = 'put it in a Secret and read it with valueFrom.secretKeyRef';

export const rule = defineRule<AllowKeysOptions>({
  meta: {
    id: 'plaintext-secrets',
    description: 'No container env value looks like a secret (names like *_SECRET, *_API_KEY; values like sk- keys, JWTs, PEM keys, URLs with passwords): use a Secret and secretKeyRef',
    defaultSeverity: 'error',
    optionsSchema: ALLOW_KEYS_SCHEMA,
    defaultOptions: { allowKeys: [] },
    perResource: true,
  },
  check(ctx) {
    const allow = new Set(ctx.options.allowKeys);
    for (const w of ctx.index.workloads) {
      for (const c of containersOf(w, { init: true })) {
        const env = c.container.env;
        if (!Array.isArray(env)) continue;
        env.forEach((e: unknown, i: number) => {
          if (!isObject(e) || typeof e.name !== 'string' || typeof e.value !== 'string' || allow.has(e.name)) return;
          // What the value holds once the references to other variables are taken out.
          const literal = e.value.replace(ENV_REFERENCE, '');
          // Empty, only references, or a switch: nothing secret is written here.
          if (literal.trim() === '' || SWITCH.test(literal.trim())) return;
          // Worded only for a report (most values are not secrets).
          const where = () => `env ${e.name} of ${containerOf(c, w)}`;
          const path = () => [...c.path, 'env', i, 'value'];
          // Messages name the variable only: a value that looks secret must not be printed anywhere.
          const pattern = secretKeyPattern(e.name, e.value);
          if (pattern) {
            ctx.report({ resource: w, path: path(), message: `${where()} looks like a secret (${pattern}) set in plain text; ${FIX}` });
            return;
          }
          const kind = secretValueKind(literal);
          if (kind) ctx.report({ resource: w, path: path(), message: `${where()} holds what looks like ${kind} in plain text; ${FIX}` });
        });
      }
    }
  },
});
