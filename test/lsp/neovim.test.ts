/**
 * The language server in a real editor: headless Neovim (Debian's package; `.ci/run` installs
 * it) runs test/lsp/neovim-e2e.lua, which starts `k8s-todo-lint lsp` as a user's config
 * would, edits nodePort in a chart's values.yaml to 29999 without saving, and writes the
 * diagnostics Neovim received; then it fixes the value and writes them again. Skipped, saying
 * so, where nvim is not installed (or older than 0.7, which lacks vim.diagnostic's API used).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../support/run-cli.js';
import { tempDirs } from '../support/temp-dirs.js';

const tmp = tempDirs('k8s-todo-lint-nvim-');

function nvimVersion(): [number, number] | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  const m = r.status === 0 ? /NVIM v(\d+)\.(\d+)/.exec(r.stdout) : null;
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

const version = nvimVersion();
const usable = version !== undefined && (version[0] > 0 || version[1] >= 7);
const skipWhy = version === undefined ? 'nvim not found: apt-get install neovim to run it' : `nvim ${version.join('.')} is older than 0.7`;

describe('k8s-todo-lint lsp in headless Neovim', () => {
  it.skipIf(!usable)(`shows a values.yaml edit at the values line and the template line, and clears both when fixed${usable ? '' : ` (skipped: ${skipWhy})`}`, () => {
    const dir = tmp();
    cpSync(path.join(ROOT, 'fixtures/lsp'), dir, { recursive: true });
    const out = path.join(dir, 'seen.json');
    const r = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${path.join(ROOT, 'test/lsp/neovim-e2e.lua')}`], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, PROJECT: dir, OUT: out, NODE: process.execPath, BIN },
    });
    expect(r.error, r.stderr).toBeUndefined();
    const seen = JSON.parse(readFileSync(out, 'utf8'));
    const error = { severity: 1, code: 'nodeport-range', source: 'k8s-todo-lint', message: 'nodePort 29999 is outside 30000-32767' };
    expect(seen.broken_in_time).toBe(true);
    // values.yaml line 7 (`  nodePort: 29999`) and the template's `nodePort: {{ .Values.frontend.nodePort }}` (line 15); 0-based.
    expect(seen.broken.values).toEqual([{ ...error, lnum: 6, col: 12, end_lnum: 6, end_col: 17 }]);
    expect(seen.broken.template).toEqual([{ ...error, lnum: 14, col: 16, end_lnum: 14, end_col: 47 }]);
    expect(seen.fixed_in_time).toBe(true);
    expect(seen.fixed).toEqual({ values: [], template: [] });
  });
});
