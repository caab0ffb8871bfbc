/**
 * `.helmignore` rules with Helm's semantics (pkg/ignore), which are not
 * gitignore's: no `**`, a pattern without '/' matches the base name, a
 * leading '/' anchors at the chart root, a trailing '/' only matches
 * directories, and a negated pattern ignores every path it does NOT match.
 * `templates/.?*` is always added, so dotfiles in templates/ never load.
 */
import { compilePathPattern, goPathMatch } from '../go/path-match.js';
import { goTrimSpace } from '../go/unicode.js';

export class HelmIgnoreError extends Error {}

interface Pattern {
  raw: string;
  negate: boolean;
  mustDir: boolean;
  /** 'anchored' and 'path' match the whole relative path, 'base' its last element. */
  scope: 'anchored' | 'path' | 'base';
  glob: string;
}

export class HelmIgnore {
  private readonly patterns: Pattern[] = [];

  /** Parses a .helmignore text; a bad pattern is an error, as in Helm. */
  static parse(text: string): HelmIgnore {
    const rules = new HelmIgnore();
    const lines = text.replace(/^\ufeff/, '').split('\n');
    // bufio.Scanner drops a final empty line and strips one trailing \r per line.
    for (const line of lines) rules.addRule(line.endsWith('\r') ? line.slice(0, -1) : line);
    return rules;
  }

  /** The rule Helm always adds. */
  addDefaults(): void {
    this.addRule('templates/.?*');
  }

  addRule(line: string): void {
    let rule = goTrimSpace(line);
    if (rule === '' || rule.startsWith('#')) return;
    if (rule.includes('**')) throw new HelmIgnoreError('double-star (**) syntax is not supported');
    try {
      compilePathPattern(rule);
    } catch {
      throw new HelmIgnoreError('syntax error in pattern');
    }
    const p: Pattern = { raw: rule, negate: false, mustDir: false, scope: 'base', glob: '' };
    if (rule.startsWith('!')) {
      p.negate = true;
      rule = rule.slice(1);
    }
    if (rule.endsWith('/')) {
      p.mustDir = true;
      rule = rule.slice(0, -1);
    }
    if (rule.startsWith('/')) {
      p.scope = 'anchored';
      rule = rule.slice(1);
    } else if (rule.includes('/')) {
      p.scope = 'path';
    }
    p.glob = rule;
    this.patterns.push(p);
  }

  private matches(p: Pattern, path: string): boolean {
    const name = p.scope === 'base' ? path.slice(path.lastIndexOf('/') + 1) : path;
    try {
      return goPathMatch(p.glob, name);
    } catch {
      // Helm logs "Failed to compile" and treats it as no match.
      return false;
    }
  }

  /** Should this chart-relative path (with '/' separators) be left out? */
  ignores(path: string, isDir: boolean): boolean {
    if (path === '' || path === '.' || path === './') return false;
    for (const p of this.patterns) {
      if (p.negate) {
        // Helm's quirk, kept on purpose: a negated rule ignores what it does not match.
        if (p.mustDir && !isDir) return true;
        if (!this.matches(p, path)) return true;
        continue;
      }
      if (p.mustDir && !isDir) continue;
      if (this.matches(p, path)) return true;
    }
    return false;
  }
}
