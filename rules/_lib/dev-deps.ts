/**
 * Recognises shell commands that install development dependencies: npm/yarn/
 * pnpm installs that keep devDependencies, pip installs of dev/test
 * requirement files or extras, poetry/uv/pipenv installs with the dev group.
 * Works on the words of a RUN instruction, as the Dockerfile parser split them.
 */
import type { Word } from '../../src/dockerfile/model.js';

export interface DevInstall {
  /** The words of the offending command. */
  words: Word[];
  /** What it installs and how to avoid it. */
  message: string;
}

const SEPARATORS = new Set(['&&', '||', ';', '|', '&']);

/** Splits a RUN into commands at shell separators (`a && b; c`), keeping each command's words. */
export function commandsOf(words: readonly Word[]): Word[][] {
  const out: Word[][] = [[]];
  for (const w of words) {
    if (SEPARATORS.has(w.raw)) {
      out.push([]);
      continue;
    }
    if (/;$/.test(w.raw) && w.raw.length > 1) {
      out[out.length - 1].push({ ...w, raw: w.raw.slice(0, -1), value: w.value?.slice(0, -1), span: { ...w.span, endColumn: w.span.endColumn - 1 } });
      out.push([]);
      continue;
    }
    out[out.length - 1].push(w);
  }
  return out.filter((c) => c.length > 0);
}

const text = (w: Word) => (w.value ?? w.raw).replace(/^['"]|['"]$/g, '');
const NPM_INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add', 'ci', 'clean-install', 'ic', 'install-clean', 'isntall-clean']);
const DEV_NAME = /(?:^|[-_./])(dev|devel|develop|development|test|tests|testing|lint|docs)(?:[-_.]|$)/i;

/** The environment a RUN sees: NODE_ENV from ENV/ARG before it, then `VAR=value` prefixes of the command. */
export interface Env { nodeEnvProduction: boolean }

function hasFlag(args: string[], ...names: string[]): boolean {
  return args.some((a) => names.includes(a) || names.some((n) => n.endsWith('=') && a.startsWith(n)));
}

/** Is one command a development-dependency install? */
export function devInstall(command: readonly Word[], env: Env): DevInstall | undefined {
  let i = 0;
  let nodeProd = env.nodeEnvProduction;
  // VAR=value prefixes apply to this command only.
  for (; i < command.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(text(command[i])); i++) {
    const [k, v] = text(command[i]).split(/=(.*)/s);
    if (k === 'NODE_ENV') nodeProd = v === 'production';
  }
  const words = command.slice(i);
  const argv = words.map(text);
  if (argv[0] === 'sudo') {
    argv.shift();
    words.shift();
  }
  const tool = argv[0];
  const args = argv.slice(1);
  const nonFlag = args.filter((a) => !a.startsWith('-'));
  const what = argv.join(' ');
  if (tool === 'npm') {
    const sub = nonFlag[0];
    if (!sub || !NPM_INSTALL.has(sub)) return undefined;
    // `npm install -g pnpm` or `npm install express` adds named packages, not the project's dependency tree.
    if (nonFlag.length > 1) return undefined;
    if (hasFlag(args, '--include=dev')) return { words, message: `${what} installs devDependencies (--include=dev) in the final stage` };
    if (hasFlag(args, '--omit=dev', '--production', '--only=prod', '--only=production') || args.some((a, k) => a === '--omit' && args[k + 1] === 'dev')) return undefined;
    if (nodeProd) return undefined;
    return { words, message: `${what} installs devDependencies in the final stage: use ${sub === 'ci' || sub === 'clean-install' ? 'npm ci' : 'npm install'} --omit=dev, set NODE_ENV=production, or install in a build stage and copy the result` };
  }
  if (tool === 'yarn' || tool === 'pnpm') {
    const sub = nonFlag[0];
    const install = sub === undefined ? tool === 'yarn' : sub === 'install' || sub === 'i' || (tool === 'yarn' && sub === 'workspaces' && nonFlag[1] === 'focus');
    if (!install) return undefined;
    if (hasFlag(args, '--production', '--prod', '-P') || nodeProd) return undefined;
    return { words, message: `${what} installs devDependencies in the final stage: add --${tool === 'pnpm' ? 'prod' : 'production'} (or set NODE_ENV=production), or install in a build stage and copy the result` };
  }
  let pipArgs: string[] | undefined;
  if (/^pip[0-9.]*$/.test(tool ?? '')) pipArgs = args;
  else if (/^python[0-9.]*$/.test(tool ?? '') && args[0] === '-m' && /^pip[0-9.]*$/.test(args[1] ?? '')) pipArgs = args.slice(2);
  else if (tool === 'uv' && args[0] === 'pip') pipArgs = args.slice(1);
  if (pipArgs) {
    if (pipArgs[0] !== 'install') return undefined;
    for (let k = 1; k < pipArgs.length; k++) {
      const a = pipArgs[k];
      let file: string | undefined;
      if (a === '-r' || a === '--requirement' || a === '-c' || a === '--constraint') file = pipArgs[k + 1];
      else if (/^(-r|--requirement=)/.test(a)) file = a.replace(/^(-r|--requirement=)/, '');
      if (file && DEV_NAME.test(file.split('/').pop()!.replace(/\.(txt|in)$/, '')) ) return { words, message: `${what} installs development requirements (${file}) in the final stage: install only the runtime requirements there` };
      if (file && /(?:^|\/)(dev|test|tests)\//.test(file)) return { words, message: `${what} installs development requirements (${file}) in the final stage: install only the runtime requirements there` };
      const extras = /\[([^\]]+)\]/.exec(a);
      if (extras && extras[1].split(',').some((e) => DEV_NAME.test(e.trim()))) return { words, message: `${what} installs the development extras [${extras[1]}] in the final stage: install the package without them` };
    }
    return undefined;
  }
  if (tool === 'poetry' && nonFlag[0] === 'install') {
    const excluded = args.some((a, k) => (a === '--without' && /(^|,)dev(,|$)/.test(args[k + 1] ?? '')) || /^--without=(.*,)?dev(,|$)/.test(a) || a === '--no-dev' || a === '--only=main' || (a === '--only' && args[k + 1] === 'main'));
    return excluded ? undefined : { words, message: `${what} installs the dev dependency group in the final stage: use poetry install --without dev (or --only main)` };
  }
  if (tool === 'uv' && nonFlag[0] === 'sync') {
    return hasFlag(args, '--no-dev', '--only-group=', '--no-default-groups') ? undefined : { words, message: `${what} installs the dev dependency group in the final stage: use uv sync --no-dev` };
  }
  if (tool === 'pipenv' && nonFlag[0] === 'install' && hasFlag(args, '--dev', '-d')) {
    return { words, message: `${what} installs the [dev-packages] in the final stage: drop --dev` };
  }
  return undefined;
}
