/**
 * What k8s-schema says about one object: which schema applies (built-in for
 * the Kubernetes version, a CRD from the input, or none) and what is wrong.
 * Kept apart from the rule so it can be tested and benchmarked on plain
 * objects.
 */
import type { ResourcePath, Severity } from '../types.js';
import { groupOf, versionOf } from '../k8s/api-groups.js';
import { isRemoved, notYetServed } from '../k8s/api-versions.js';
import { kubeVersionText, type KubeVersion } from '../k8s/kube-version.js';
import type { CrdCatalog } from './crd.js';
import { didYouMean } from './suggest.js';
import { builtinValidator, type SchemaIssue } from './runtime.js';
import { schemaIndex } from './schema-index.js';

export interface SchemaFinding {
  path: ResourcePath;
  message: string;
  severity: Severity;
  /** A "no schema" note: the rule reports it once per kind. */
  noSchema?: true;
  /** Unknown fields sit on their key, not their value. */
  target?: 'key';
  /** The message without the value it quotes (SchemaIssue.valueFree), when it quotes one. */
  valueFree?: string;
}

export interface SchemaCheckOptions {
  kubeVersion: KubeVersion;
  /** Report unknown fields. */
  strict: boolean;
  /** `Kind` or `apiVersion/Kind` entries to leave alone. */
  skipKinds: readonly string[];
  crds: CrdCatalog;
}

/** How objects of one apiVersion and kind are checked (CRDs and unknown kinds: per object). */
type Plan =
  | { kind: 'skip' }
  | { kind: 'builtin'; validator: { validate(obj: Record<string, unknown>): SchemaIssue[] } }
  | { kind: 'fixed'; findings: readonly SchemaFinding[] }
  | { kind: 'other' };

export class SchemaChecker {
  private readonly skipKinds: Set<string>;
  private builtinGroups: Map<string, string[]> | undefined;
  private readonly plans = new Map<string, Map<string, Plan>>();

  constructor(private readonly options: SchemaCheckOptions) {
    this.skipKinds = new Set(options.skipKinds);
  }

  /** Findings for one object; [] when it is valid, skipped, or another rule's business. */
  check(obj: Record<string, unknown>): SchemaFinding[] {
    const { apiVersion, kind } = obj;
    // Missing or malformed apiVersion/kind is yaml-syntax's finding.
    if (typeof apiVersion !== 'string' || typeof kind !== 'string' || apiVersion === '' || kind === '') return [];
    const plan = this.planFor(apiVersion, kind);
    switch (plan.kind) {
      case 'skip': return [];
      case 'builtin': return this.fromIssues(plan.validator.validate(obj));
      case 'fixed': return plan.findings.map((f) => ({ ...f }));
      default: {
        const crd = this.options.crds.get(apiVersion, kind);
        if (crd) return this.fromIssues(this.options.crds.validator(crd, this.options.strict).validate(obj));
        return this.unknown(apiVersion, kind);
      }
    }
  }

  /**
   * What to do with every object of one apiVersion and kind, decided once: inputs hold
   * thousands of objects of a few kinds (measured: the lookups were ~10% of this rule).
   */
  private planFor(apiVersion: string, kind: string): Plan {
    let byKind = this.plans.get(apiVersion);
    if (!byKind) this.plans.set(apiVersion, (byKind = new Map()));
    let plan = byKind.get(kind);
    if (!plan) byKind.set(kind, (plan = this.makePlan(apiVersion, kind)));
    return plan;
  }

  private makePlan(apiVersion: string, kind: string): Plan {
    if (this.skipKinds.has(kind) || this.skipKinds.has(`${apiVersion}/${kind}`)) return { kind: 'skip' };
    // Removed APIs are deprecated-api's finding, and their schema is moot.
    if (isRemoved(apiVersion, kind, this.options.kubeVersion)) return { kind: 'skip' };
    const builtin = builtinValidator(apiVersion, kind);
    if (!builtin) return { kind: 'other' };
    const since = notYetServed(apiVersion, kind, this.options.kubeVersion);
    if (since === undefined) return { kind: 'builtin', validator: builtin };
    return { kind: 'fixed', findings: [{ path: ['apiVersion'], severity: 'error', message: `${apiVersion} ${kind} is not served by Kubernetes ${kubeVersionText(this.options.kubeVersion)} (it arrived in ${since})` }] };
  }

  private fromIssues(issues: SchemaIssue[]): SchemaFinding[] {
    const out: SchemaFinding[] = [];
    for (const i of issues) {
      if (i.unknownField) {
        if (this.options.strict) out.push({ path: i.path, message: i.message, severity: 'error', target: 'key' });
      } else {
        out.push({ path: i.path, message: i.message, severity: 'error', ...(i.valueFree !== undefined ? { valueFree: i.valueFree } : {}) });
      }
    }
    return out;
  }

  /** An apiVersion/kind with no schema: a typo in a built-in API, or a custom resource without its CRD. */
  private unknown(apiVersion: string, kind: string): SchemaFinding[] {
    const group = groupOf(apiVersion);
    const version = versionOf(apiVersion);
    const groups = this.groups();
    const knownKinds = schemaIndex().apiVersions[apiVersion];
    if (knownKinds) {
      const kinds = Object.keys(knownKinds).filter((k) => !isRemoved(apiVersion, k, this.options.kubeVersion));
      return [{ path: ['kind'], severity: 'error', message: `unknown kind ${JSON.stringify(kind)} in ${apiVersion}${didYouMean(kind, kinds)}` }];
    }
    const versions = groups.get(group);
    // Alpha and beta versions the generated schemas do not carry may well exist: say so, do not guess.
    if (versions && !/alpha|beta/.test(version)) {
      const served = versions.filter((v) => !isRemoved(v, kind, this.options.kubeVersion));
      const hint = didYouMean(apiVersion, served);
      return [{ path: ['apiVersion'], severity: 'error', message: `${apiVersion} is not a Kubernetes API version${hint || (served.length ? ` (known: ${served.join(', ')})` : '')}` }];
    }
    if (group !== '' && !versions && this.options.crds.hasKind(group, kind)) {
      return [{ path: ['apiVersion'], severity: 'error', message: `the CustomResourceDefinition of ${kind} in ${group} has no version ${JSON.stringify(version)}` }];
    }
    const where = group === '' ? version : `${group}/${version}`;
    return [{ path: [], severity: 'info', noSchema: true, message: `no schema for ${kind} in ${where} (add its CustomResourceDefinition to the input or to the rule's crds option)` }];
  }

  /** Built-in group -> its apiVersions (core: '' -> ['v1']). */
  private groups(): Map<string, string[]> {
    if (!this.builtinGroups) {
      this.builtinGroups = new Map();
      for (const av of Object.keys(schemaIndex().apiVersions)) {
        const group = groupOf(av);
        const list = this.builtinGroups.get(group) ?? [];
        list.push(av);
        this.builtinGroups.set(group, list);
      }
    }
    return this.builtinGroups;
  }
}
