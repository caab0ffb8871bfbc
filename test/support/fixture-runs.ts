/**
 * The rule fixtures (fixtures/rules/<id>/{valid,invalid}/) loaded as the rule tester
 * loads them (each with its options and inline config), and one rule run over any
 * subset of a fixture's resources through the engine: what the tests of the rule
 * contract's stream metadata (RuleMeta.perResource, RuleMeta.reads) compare.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Resource } from '../../src/engine/resource.js';
import type { CheckedRule, LintSettings } from '../../src/engine/rule.js';
import { runRules, type RuleSetting } from '../../src/engine/run.js';
import { resolveKubeVersion } from '../../src/k8s/kube-version.js';
import { loadInput, type LoadedInput } from '../../src/lint.js';
import { unitFacts } from '../../src/lint-units.js';
import { crdCatalogInput } from '../../src/load/crds.js';
import { dockerfileCatalogue } from '../../src/load/dockerfiles.js';
import { gitIndex } from '../../src/load/git-index.js';
import { FIXTURES } from './rule-tester.js';

export interface Fixture {
  /** `<rule>/<valid|invalid>/<name>`. */
  name: string;
  input: LoadedInput;
  /** Its raw resources and those of its charts' default renders, in input order. */
  resources: Resource[];
}

/** Every rule fixture (manifest files and charts), loaded. */
export async function loadFixtures(): Promise<Fixture[]> {
  const out: Fixture[] = [];
  for (const rule of readdirSync(FIXTURES).sort()) {
    for (const kind of ['valid', 'invalid']) {
      const dir = path.join(FIXTURES, rule, kind);
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir).sort()) {
        const file = path.join(dir, f);
        const isInput = (/\.(ya?ml|json)$/.test(f) && !/\.(expected|options|config)\.json$/.test(f)) || existsSync(path.join(file, 'Chart.yaml'));
        if (!isInput) continue;
        const base = file.replace(/\.(ya?ml|json)$/, '');
        const options = existsSync(`${base}.options.json`) ? JSON.parse(readFileSync(`${base}.options.json`, 'utf8')) : undefined;
        const inline = existsSync(`${base}.config.json`) ? JSON.parse(readFileSync(`${base}.config.json`, 'utf8')) : {};
        const rules = { ...(inline.rules ?? {}) };
        if (options) rules[rule] = ['error', options];
        const input = await loadInput({ paths: [file], cwd: dir, configFile: path.join(FIXTURES, 'tester-config.json'), config: { ...inline, rules } });
        const resources = [...input.resources, ...input.renders.filter((r) => r.valuesFile === undefined).flatMap((r) => r.resources)];
        out.push({ name: `${rule}/${kind}/${f}`, input, resources });
      }
    }
  }
  return out;
}

/** What a fixture run needs besides the resources: built once per fixture (the Dockerfile catalogue and git's answers are memoised). */
export function fixtureContext(fx: Fixture) {
  const { input } = fx;
  const facts = unitFacts(fx.resources);
  return {
    dockerfiles: dockerfileCatalogue({ baseDir: input.baseDir, cwd: input.cwd, images: input.config.images }),
    git: gitIndex({ cwd: input.cwd }),
    crds: crdCatalogInput(facts.crds, input.crdFiles),
    namespaces: new Set([input.defaultNamespace, ...facts.namespaces]),
  };
}

/**
 * One rule's findings over `resources` (on, with the fixture's options), each as a JSON
 * line with its place, message, severity, resource, path and related places.
 */
export function ruleFindings(
  fx: Fixture,
  ctx: ReturnType<typeof fixtureContext>,
  rule: CheckedRule<any>,
  resources: readonly Resource[],
  opts: { knownNamespaces?: ReadonlySet<string>; once?: Set<string> } = {},
): string[] {
  const { input } = fx;
  const setting: RuleSetting = { severity: 'error', options: input.ruleSettings.get(rule.meta.id)?.options ?? rule.meta.defaultOptions };
  const lintSettings: LintSettings = {
    kubeVersion: resolveKubeVersion(input.kubeVersion),
    defaultNamespace: input.defaultNamespace,
    knownNamespaces: opts.knownNamespaces ?? ctx.namespaces,
    baseDir: input.baseDir,
    cwd: input.cwd,
    images: input.config.images,
  };
  const result = runRules({
    rules: [rule],
    settings: new Map([[rule.meta.id, setting]]),
    resources,
    charts: input.charts,
    dockerfiles: ctx.dockerfiles,
    git: ctx.git,
    crds: ctx.crds,
    lintSettings,
    directives: new Map(),
    once: opts.once,
  });
  return result.findings.map((f) => JSON.stringify(f));
}
