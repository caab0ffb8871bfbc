/**
 * `--show-only`: Helm re-splits the finished output and keeps, for each glob
 * in turn, the documents whose "# Source:" path (after the chart name)
 * matches it with Go's path.Match; a glob that matches nothing is an error.
 */
import { goPathMatch } from '../go/path-match.js';
import { splitManifests } from './manifests.js';

export class ShowOnlyError extends Error {}

/** Does a template name ("chart/templates/x.yaml") match a --show-only glob? */
export function showOnlyMatches(glob: string, source: string): boolean {
  const rest = source.slice(source.indexOf('/') + 1);
  try {
    return goPathMatch(glob.replace(/\\/g, '/'), rest);
  } catch {
    return false;
  }
}

/** `--show-only`: re-split the output and keep the documents whose template matches a glob. */
export function showOnly(output: string, globs: string[]): string {
  const docs = splitManifests(output).map((p) => p.text);
  let out = '';
  for (const raw of globs) {
    const f = raw.replace(/\\/g, '/');
    let missing = true;
    for (const doc of docs) {
      const m = /# Source: [^/]+\/(.+)/.exec(doc);
      if (!m) continue;
      let matched = false;
      try {
        matched = goPathMatch(f, m[1]);
      } catch {
        matched = false;
      }
      if (!matched) continue;
      out += `---\n${doc}\n`;
      missing = false;
    }
    if (missing) throw new ShowOnlyError(`could not find template ${raw} in chart`);
  }
  return out;
}

