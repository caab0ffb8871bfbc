import { goRegExp } from '../src/go-regexp.js';
import { defineRule } from '../src/engine/rule.js';
import type { Resource } from '../src/engine/resource.js';
import type { RelatedLocation, ResourcePath } from '../src/types.js';
import { chartChain, type ChartVersions, type VersionSource } from './_lib/chart-versions.js';
import { parseImage } from '../src/k8s/image.js';
import { isObject } from '../src/k8s/object.js';
import { containersOf, podLabelsPath } from '../src/k8s/workloads.js';

interface Options { pattern: string }

const VERSION_LABEL = 'app.kubernetes.io/version';

/** The workload's `app.kubernetes.io/version` label (its own, else its pod template's), as a version source (placed on demand). */
function versionLabel(r: Resource): VersionSource | undefined {
  for (const labelsPath of [['metadata', 'labels'], podLabelsPath(r)] as ResourcePath[]) {
    let cur: unknown = r.object;
    for (const seg of labelsPath) cur = isObject(cur) ? cur[seg as string] : undefined;
    const v = isObject(cur) ? cur[VERSION_LABEL] : undefined;
    if (typeof v === 'string' && v !== '') {
      // Located only when a finding cites it: most labelled workloads report nothing.
      return {
        version: v,
        what: `the ${VERSION_LABEL} label of ${r.kind} ${r.name}`,
        get where() {
          return { ...r.doc.locate([...r.basePath, ...labelsPath, VERSION_LABEL]).location, message: `${VERSION_LABEL}: ${v}` };
        },
      };
    }
  }
  return undefined;
}

/**
 * The versions an image's tag may take, most specific source first; empty when nothing names one.
 * `chain` is the chart and subcharts the resource was rendered from, outermost first: a parent's
 * values for the repository override the subchart's own, as Helm merges them.
 */
function expectedVersions(repo: string, name: string, chain: readonly ChartVersions[], label: VersionSource | undefined): VersionSource[] {
  const own = chain[chain.length - 1];
  for (const chart of chain) {
    for (const [declared, tag] of chart.repositories) {
      if (declared !== repo && declared.split('/').pop() !== name) continue;
      // An empty values tag means the chart's appVersion, as `helm create` templates default it.
      if (tag !== '') return [tag];
      return own.appVersion ? [own.appVersion] : [];
    }
  }
  if (label) return [label];
  if (own) return [...chain.flatMap((c) => c.looseTags), ...(own.appVersion ? [own.appVersion] : [])];
  return [];
}

export const rule = defineRule<Options>({
  meta: {
    id: 'image-tag-matches',
    description: 'Where the chart\'s appVersion, a values tag or the app.kubernetes.io/version label names the version, the image tag is that version',
    defaultSeverity: 'warning',
    optionsSchema: { type: 'object', properties: { pattern: { type: 'string' } }, additionalProperties: false },
    defaultOptions: { pattern: '^todo-' },
  },
  check(ctx) {
    const own = goRegExp(ctx.options.pattern);
    for (const r of ctx.index.workloads) {
      // The chart chain (its image versions parse values.yaml) only for an image the rule checks.
      let chain: ChartVersions[] | undefined;
      const label = versionLabel(r);
      for (const c of containersOf(r, { init: true })) {
        const text = c.container.image;
        if (typeof text !== 'string') continue;
        const img = parseImage(text.trim());
        // No tag: image-naming reports it; a digest alone pins an exact image whatever the version.
        if (!own.test(img.name) || img.tag === undefined) continue;
        const repo = img.prefix ? `${img.prefix}/${img.name}` : img.name;
        const expected = expectedVersions(repo, img.name, (chain ??= chartChain(ctx.charts, r.doc.file)), label);
        if (expected.length === 0 || expected.some((e) => e.version === img.tag)) continue;
        const names = expected.map((e) => `${e.version} (${e.what})`).join(' or ');
        const related: RelatedLocation[] = expected.map((e) => e.where);
        // One version named and no digest to keep in step: retagging is the one right fix.
        const fix = expected.length === 1 && img.digest === undefined ? { title: `Tag the image ${expected[0].version}`, path: [...c.path, 'image'], value: expected[0].version, from: img.tag } : undefined;
        ctx.report({ resource: r, path: [...c.path, 'image'], message: `image ${text} is tagged ${img.tag}, but the version is ${names}`, related, fix });
      }
    }
  },
});
