/** The commander setup every subcommand shares: output through Io, errors as one `k8s-todo-lint:` line, no stray arguments. */
import { Command } from 'commander';
import { UsageError } from '../errors.js';
import { DEFAULT_KUBE_VERSION, isKubeVersion } from '../k8s/kube-version.js';
import type { LintOptions } from '../lint.js';
import type { Io } from './io.js';

export function baseProgram(io: Io, name: string): Command {
  const program = new Command(name);
  program
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: (s, write) => write(`k8s-todo-lint: ${s.replace(/^error: /, '')}`) })
    .allowExcessArguments(false);
  return program;
}

/** The Helm flags of lint and capacity (the config's `helm:` gives their defaults). */
export function addHelmOptions(program: Command): Command {
  return program
    .option('-v, --values <file>', 'Helm values file (repeatable, later wins)', collect, [])
    .option('--set <k=v>', 'Helm value override (repeatable)', collect, [])
    .option('--set-string <k=v>', 'Helm string value override (repeatable)', collect, [])
    .option('--release-name <name>', 'Helm release name', undefined)
    .option('--namespace <ns>', 'release namespace / default namespace')
    .option('--kube-version <v>', `Kubernetes version (default from config, else ${DEFAULT_KUBE_VERSION})`);
}

/** The Helm flags as lint options; a malformed --kube-version is a usage error. */
export function helmOptions(o: Record<string, any>): Pick<LintOptions, 'helm' | 'kubeVersion' | 'namespace'> {
  if (o.kubeVersion !== undefined && !isKubeVersion(o.kubeVersion)) throw new UsageError(`--kube-version expects a version like ${DEFAULT_KUBE_VERSION}, got "${o.kubeVersion}"`);
  return {
    kubeVersion: o.kubeVersion?.replace(/^v/, ''),
    namespace: o.namespace,
    helm: { values: o.values, set: o.set, setString: o.setString, releaseName: o.releaseName },
  };
}

/** Accumulates a repeatable option's values. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
