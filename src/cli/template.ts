/**
 * `k8s-todo-lint template [NAME] CHART [flags]`: `helm template` with the
 * same flags, output and error text (Helm v3.21). This module parses argv
 * (commander), prints the help, the output and the errors, and writes
 * --output-dir files; the rendering itself is runTemplate in src/helm, loaded
 * only when a chart is rendered. Errors go to stderr as "Error: ..." with exit
 * status 1; warnings Helm logs go to stderr with Go's log prefix (date and time).
 * One difference, on purpose: the default Kubernetes version is the linter's.
 */
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { TemplateDocument, TemplateOptions } from '../helm/index.js';
import { DEFAULT_KUBE_VERSION } from '../k8s/kube-version.js';

export interface TemplateIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Directory that relative paths are resolved against (default: process.cwd()). */
  cwd?: string;
  /** Standard input for `-f -`. */
  readStdin?: () => string;
  /** Clock for log prefixes (tests pass a fixed one). */
  now?: () => Date;
  /**
   * Kubernetes version when --kube-version is not given. Default: the linter's
   * (DEFAULT_KUBE_VERSION, v1.30.0), so `template` renders what lint checks a chart
   * against; Helm v3.21.4 binaries report v1.36.0 (the conformance script passes it,
   * and v1.20.0 for Helm's own goldens).
   */
  defaultKubeVersion?: string;
}

const HELP = `Render chart templates locally and display the output, exactly as \`helm template\` (Helm v3.21) does,
but for Kubernetes v${DEFAULT_KUBE_VERSION}.0 unless --kube-version says otherwise (the version lint checks against).

Usage:
  k8s-todo-lint template [NAME] [CHART] [flags]

Flags:
  -a, --api-versions strings     Kubernetes api versions used for Capabilities.APIVersions
      --include-crds             include CRDs in the templated output
      --is-upgrade               set .Release.IsUpgrade instead of .Release.IsInstall
      --kube-version string      Kubernetes version used for Capabilities.KubeVersion (default v${DEFAULT_KUBE_VERSION}.0, the
                                 lint default; helm template's own is v1.36.0)
      --name-template string     specify template used to name the release
  -n, --namespace string         namespace scope for this request (default "default")
      --no-hooks                 prevent hooks from being rendered
      --output-dir string        writes the executed templates to files in output-dir instead of stdout
      --release-name             use release name in the output-dir path
      --set stringArray          set values on the command line (key1=val1,key2=val2)
      --set-file stringArray     set values from respective files (key1=path1,key2=path2)
      --set-json stringArray     set JSON values on the command line (key1=jsonval1,key2=jsonval2)
      --set-literal stringArray  set a literal STRING value on the command line
      --set-string stringArray   set STRING values on the command line (key1=val1,key2=val2)
  -s, --show-only stringArray    only show manifests rendered from the given templates
      --skip-schema-validation   if set, disables JSON schema validation
      --skip-tests               skip tests from templated output
  -f, --values strings           specify values in a YAML file (can specify multiple)
      --debug                    print the rendered output even when it is not valid YAML
`;

const collect = (v: string, prev: string[]) => [...prev, v];
/** pflag StringSlice: comma-separated values, repeatable. */
const collectSlice = (v: string, prev: string[]) => [...prev, ...v.split(',')];

function goLogPrefix(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}/${p(d.getMonth() + 1)}/${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())} `;
}

/** The options as commander gives them: TemplateOptions less the arguments, with --no-hooks as `hooks: false`. */
type Flags = Omit<TemplateOptions, 'args' | 'noHooks'> & { hooks?: boolean };

function buildCommand(): Command {
  const cmd = new Command('template')
    .argument('[args...]')
    .allowExcessArguments(true)
    .helpOption(false)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} })
    .option('-f, --values <file>', 'values file', collectSlice, [])
    .option('--set <kv>', 'set values', collect, [])
    .option('--set-string <kv>', 'set string values', collect, [])
    .option('--set-file <kv>', 'set values from files', collect, [])
    .option('--set-json <kv>', 'set JSON values', collect, [])
    .option('--set-literal <kv>', 'set literal values', collect, [])
    .option('-n, --namespace <ns>', 'namespace')
    .option('--kube-version <v>', 'Kubernetes version')
    .option('-a, --api-versions <v>', 'api versions', collectSlice, [])
    .option('--name-template <t>', 'release name template')
    .option('--include-crds', 'include CRDs')
    .option('--skip-tests', 'skip tests')
    .option('-s, --show-only <path>', 'only show manifests rendered from the given templates', collect, [])
    .option('--debug', 'debug output')
    .option('--is-upgrade', 'set .Release.IsUpgrade')
    .option('--no-hooks', 'prevent hooks')
    .option('-g, --generate-name', 'generate the name')
    .option('--skip-schema-validation', 'disable JSON schema validation')
    .option('--output-dir <dir>', 'write to files');
  // Flags Helm accepts that change nothing in a client-only render.
  cmd.option('--release-name', 'use release name in the output-dir path');
  for (const f of ['--create-namespace', '--force', '--replace', '--wait', '--wait-for-jobs', '--devel', '--dependency-update', '--disable-openapi-validation', '--atomic', '--skip-crds', '--render-subchart-notes', '--enable-dns', '--hide-notes', '--take-ownership', '--validate', '--verify', '--insecure-skip-tls-verify', '--plain-http', '--pass-credentials']) {
    cmd.addOption(new Option(f).hideHelp());
  }
  for (const f of ['--timeout', '--description', '--version', '--keyring', '--repo', '--username', '--password', '--cert-file', '--key-file', '--ca-file', '--post-renderer', '--post-renderer-args', '--kube-context', '--kubeconfig']) {
    cmd.addOption(new Option(`${f} <value>`).hideHelp());
  }
  // Helm's --dry-run takes an optional value (NoOptDefVal "client").
  cmd.addOption(new Option('--dry-run [value]').hideHelp());
  cmd.addOption(new Option('-l, --labels <value>').hideHelp());
  return cmd;
}

function commanderMessage(e: CommanderError): string {
  const m = /unknown option '([^']+)'/.exec(e.message);
  if (m) return `unknown flag: ${m[1]}`;
  const a = /option '([^']+)' argument missing/.exec(e.message);
  if (a) return `flag needs an argument: ${a[1].split(/[ ,]/).pop()}`;
  return e.message.replace(/^error: /, '');
}

/** Runs `template`; returns the exit status after all output has been written. */
export async function runTemplateCommand(argv: string[], io: TemplateIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const now = io.now ?? (() => new Date());
  const fail = (msg: string) => {
    io.stderr(`Error: ${msg}\n`);
    return 1;
  };
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stdout(HELP);
    return 0;
  }
  const cmd = buildCommand();
  try {
    cmd.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return fail(commanderMessage(e));
    throw e;
  }
  const { hooks, ...flags } = cmd.opts() as unknown as Flags;
  const options: TemplateOptions = { ...flags, args: cmd.args, noHooks: hooks === false };
  const { runTemplate } = await import('../helm/index.js');
  const outcome = await runTemplate(options, {
    cwd,
    readStdin: io.readStdin,
    log: (msg) => io.stderr(`${goLogPrefix(now())}${msg}\n`),
    notice: io.stderr,
    defaultKubeVersion: io.defaultKubeVersion ?? `v${DEFAULT_KUBE_VERSION}.0`,
  });
  switch (outcome.kind) {
    case 'output':
      io.stdout(outcome.text);
      return 0;
    case 'output-dir':
      io.stdout(writeOutputDir(resolve(cwd, outcome.dir), outcome.dir, outcome.documents, { useReleaseName: flags.releaseName ?? false, releaseName: outcome.releaseName, noHooks: options.noHooks }));
      return 0;
    case 'error':
      if (outcome.partialOutput !== undefined) io.stdout(outcome.partialOutput);
      return fail(outcome.message);
  }
}

/**
 * `--output-dir`: every document appended to <dir>/<template path> (CRDs
 * under <dir>, the rest under <dir>/<release> with --release-name), and
 * Helm's "wrote <file>" lines, then the empty manifest's newline.
 */
function writeOutputDir(
  absDir: string,
  shownDir: string,
  docs: TemplateDocument[],
  o: { useReleaseName: boolean; releaseName: string; noHooks: boolean },
): string {
  let out = '';
  const written = new Set<string>();
  const write = (abs: string, shown: string, d: { source: string; text: string }, appendIfExists = false) => {
    const file = `${abs}/${d.source}`;
    mkdirSync(dirname(file), { recursive: true });
    const text = `---\n# Source: ${d.source}\n${d.text}\n`;
    // Hooks append to a file already on disk (Helm stats it); manifests only to one written in this run.
    if (written.has(file) || (appendIfExists && existsSync(file))) appendFileSync(file, text);
    else writeFileSync(file, text);
    written.add(file);
    out += `wrote ${shown}/${d.source}\n`;
  };
  const sub = (base: string) => (o.useReleaseName ? `${base}/${o.releaseName}` : base);
  for (const d of docs) if (d.isCrd) write(absDir, shownDir, d);
  for (const d of docs) if (!d.isCrd && !d.isHook) write(sub(absDir), sub(shownDir), d);
  if (!o.noHooks) for (const d of docs) if (d.isHook) write(sub(absDir), sub(shownDir), d, true);
  // The manifest itself went to files, so what is printed is its trimmed (empty) text and a newline.
  return `${out}\n`;
}
