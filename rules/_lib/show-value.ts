/**
 * A value from the input as a message shows it: scalars as YAML would print
 * them, a mapping or list as compact JSON (`{"a":1}`, never JavaScript's
 * `[object Object]`), cut to a readable length. Only for fields that cannot
 * hold a secret (runAsNonRoot, imagePullPolicy, a strategy type...).
 */
const MAX = 60;

export function showValue(v: unknown): string {
  let text: string;
  if (v === null || v === undefined) text = 'null';
  else if (typeof v === 'object') {
    try {
      text = JSON.stringify(v) ?? typeof v;
    } catch {
      text = Array.isArray(v) ? 'a list' : 'a mapping';
    }
  } else text = String(v);
  return text.length > MAX ? `${text.slice(0, MAX - 3)}...` : text;
}
