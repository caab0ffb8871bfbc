/**
 * js-yaml's error reasons without the input text they repeat. Alias names,
 * tags, tag handles and directives come from the document (`K: *hunter2`
 * gives `unidentified alias "hunter2"`), and when the parse fails the loader
 * cannot know whether the document is a Secret or the key a secret's: the
 * document never loaded, and its kind may come after the fault. So these
 * names are never repeated; the finding's span covers the token instead,
 * which says as much in an editor and prints nothing.
 */

/** [the whole reason, its wording without the input's text]. */
const REWORDS: ReadonlyArray<[RegExp, string]> = [
  [/^unidentified alias .*$/s, 'unidentified alias: no anchor of that name is defined before it in the document'],
  [/^unknown tag .*$/s, 'unknown tag: Kubernetes manifests use only the standard YAML tags'],
  [/^undeclared tag handle .*$/s, 'undeclared tag handle: no %TAG directive declares it'],
  [/^tag name cannot contain such characters.*$/s, 'tag name holds characters a tag cannot contain'],
  [/^tag name is malformed.*$/s, 'tag name is malformed'],
  [/^tag prefix is malformed.*$/s, 'tag prefix is malformed'],
  [/^there is a previously declared suffix for .*$/s, 'tag handle declared twice'],
  [/^unacceptable node kind for !<.*?> tag; (it should be "\w+", not "\w+")$/s, 'unacceptable node kind for the tag; $1'],
  [/^unacceptable node kind for !<.*$/s, 'unacceptable node kind for the tag'],
  [/^cannot resolve a node with !<.*$/s, 'cannot resolve a node with this explicit tag'],
  [/^unknown document directive .*$/s, 'unknown document directive'],
];

/** The reason worded without any text taken from the input. */
export function reasonWithoutInputText(reason: string): string {
  for (const [re, wording] of REWORDS) if (re.test(reason)) return reason.replace(re, wording);
  return reason;
}

/**
 * Where the token the reason is about starts on the mark's line and how long it is: js-yaml's
 * mark sits after the alias, or after the node a tag is on. The last `*alias` or `!tag` token
 * before the mark on its line; undefined when there is none (then the mark is the place).
 */
export function tokenBefore(text: string, markPosition: number, reason: string): { start: number; length: number } | undefined {
  const sigil = reason.startsWith('unidentified alias') ? '*' : /tag|directive/.test(reason) ? '!' : undefined;
  if (!sigil) return undefined;
  const lineStart = text.lastIndexOf('\n', markPosition - 1) + 1;
  const prefix = text.slice(lineStart, markPosition);
  const re = sigil === '*' ? /(?:^|[\s[{,:])(\*[^\s[\]{},]+)/g : /(?:^|[\s[{,:-])(![^\s[\]{},]*)/g;
  let found: { start: number; length: number } | undefined;
  for (const m of prefix.matchAll(re)) found = { start: lineStart + m.index + m[0].length - m[1]!.length, length: m[1]!.length };
  return found;
}
