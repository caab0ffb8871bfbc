/**
 * Helm's error text as the linter prints it. The renderer words errors as
 * Helm does (the `template` command prints them as they are: it is a
 * renderer, and its output holds the Secrets anyway), and Helm quotes input
 * there: the whole string given to `tpl`, alias names, YAML scalars, the text
 * of a `--set` flag. A lint report must never print a secret's value, and at
 * error time nothing says whether that text is one, so these quotes are
 * dropped; schema violations, which carry their path and value, are quoted
 * only when neither looks like a secret.
 */
import { secretKeyPattern, secretValueKind } from '../../rules/_lib/secret-patterns.js';

/** A Go-quoted string ("...", with backslash escapes). */
const GO_QUOTED = String.raw`"(?:[^"\\]|\\.)*"`;
/** A Go-quoted character or a single-quoted word ('x'). */
const SINGLE_QUOTED = String.raw`'(?:[^'\\]|\\.)*'`;

const REWORDS: ReadonlyArray<[RegExp, string]> = [
  // tpl's errors quote the whole string it was given (a values entry: any value), and Go's parse errors quote its tokens.
  [new RegExp(String.raw`(cannot parse template|error during tpl function execution for) ${GO_QUOTED}(: .*)$`, 's'), '$1 (the string given to tpl)$2'],
  [/unknown anchor '.*?' referenced/gs, 'unknown anchor referenced'],
  [/anchor '.*?' value contains itself/gs, 'an anchor value contains itself'],
  [/(cannot decode !!\w+) `.*?`( as a)/gs, '$1 value$2'],
];

/** Helm's message without the input text it quotes. */
export function helmTextForLint(message: string): string {
  let out = message;
  for (const [re, wording] of REWORDS) out = out.replace(re, wording);
  // Inside a tpl error, Go's parser quotes tokens of the string too (`function "x" not defined`).
  const tpl = out.indexOf('(the string given to tpl)');
  if (tpl !== -1) out = out.slice(0, tpl) + out.slice(tpl).replace(new RegExp(` ?${GO_QUOTED}`, 'g'), '');
  return out;
}

/**
 * A `--set` flag that does not parse: named by its key (before the first `=`, a name the user
 * chose), never by its value; strvals' reason quotes keys that are often pieces of a value split
 * at an unescaped comma (`pw=abc,def` reads `def` as a key).
 */
export function setFlagForLint(flag: string, reason: string): string {
  const space = flag.indexOf(' ');
  const name = space === -1 ? flag : flag.slice(0, space);
  const text = space === -1 ? '' : flag.slice(space + 1);
  const eq = text.indexOf('=');
  const key = eq === -1 ? undefined : text.slice(0, eq);
  const said = key !== undefined && !/[,"\s]/.test(key) && secretKeyPattern(key) === undefined ? ` ${key}=...` : '';
  const why = reason.replace(new RegExp(` ?(?:${GO_QUOTED}|${SINGLE_QUOTED})`, 'g'), '');
  const hint = /has no value/.test(why) ? ' (a "," inside a value must be escaped as "\\,")' : '';
  return `cannot parse ${name}${said}: ${why}${hint}`;
}

/** Whether a values entry may be a secret: a secret-looking key on its path, or a secret-looking value. */
export function mayBeSecretValue(path: readonly (string | number)[], value: unknown): boolean {
  if (path.some((k) => typeof k === 'string' && secretKeyPattern(k) !== undefined)) return true;
  return typeof value === 'string' && secretValueKind(value) !== undefined;
}
