/**
 * The published package, end to end: `npm pack` holds only what users need,
 * and the tarball installed into an empty project runs `k8s-todo-lint` (its
 * bin, dist, schemas) on a real manifest.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badServiceManifest, cleanManifest, cleanNpmEnv, ensureBuilt, repoRoot, run } from './support.js';

const env = cleanNpmEnv();
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

describe('npm package', { timeout: 300_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'k8s-todo-lint-pack-'));
  const project = join(work, 'project');
  let files: string[] = [];
  let tarball = '';

  beforeAll(() => {
    // Pack what the build produced (`npm test` builds first); pack without scripts so that this
    // test does not rebuild the shared checkout under other tests' feet.
    ensureBuilt();
    const packed = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: repoRoot, env });
    expect(packed.status, packed.stderr).toBe(0);
    const info = JSON.parse(packed.stdout)[0];
    files = info.files.map((f: { path: string }) => f.path).sort();
    tarball = join(work, info.filename);

    run('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    // --prefer-offline: the dependencies come from npm's cache when it has them.
    const installed = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: project, env });
    expect(installed.status, installed.stderr).toBe(0);
  }, 300_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds only dist, schemas, bin, docs/rules, README, LICENSE and package.json', () => {
    // dist/src and dist/rules: the API (tsc output); dist/bundle: the CLI, dist/v8-cache: its V8 code caches, and dist/vendor: lazily required deps (esbuild); dist/config-validate.cjs: the config validator.
    const allowed = /^(dist\/(src|rules|bundle|vendor|v8-cache)\/|schemas\/|bin\/|docs\/rules\/)|^(README\.md|LICENSE|package\.json|dist\/config-validate\.cjs)$/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    for (const needed of ['package.json', 'README.md', 'LICENSE', 'bin/k8s-todo-lint.cjs', 'dist/src/cli/main.js', 'dist/src/index.js', 'dist/bundle/main.cjs', 'dist/config-validate.cjs', 'schemas/config.schema.json']) {
      expect(files).toContain(needed);
    }
    // The rule pages ship when the checkout has them.
    const docsInRepo = existsSync(join(repoRoot, 'docs/rules')) && readdirSync(join(repoRoot, 'docs/rules')).some((f) => f.endsWith('.md'));
    expect(files.some((f) => /^docs\/rules\/.+\.md$/.test(f))).toBe(docsInRepo);
  });

  it('runs `npx k8s-todo-lint --version` from the installed tarball', () => {
    const r = run('npx', ['--no-install', 'k8s-todo-lint', '--version'], { cwd: project, env });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });

  it('lints a manifest with the installed package', () => {
    writeFileSync(join(project, 'service.yaml'), badServiceManifest);
    writeFileSync(join(project, 'config.yaml'), cleanManifest);
    const bad = run('npx', ['--no-install', 'k8s-todo-lint', '--format', 'json', 'service.yaml', 'config.yaml'], { cwd: project, env });
    expect(bad.status, bad.stderr).toBe(1);
    const report = JSON.parse(bad.stdout);
    expect(report.findings.filter((f: { ruleId: string }) => f.ruleId === 'nodeport-range')).toEqual([
      expect.objectContaining({
        ruleId: 'nodeport-range',
        severity: 'error',
        message: 'nodePort 29999 is outside 30000-32767',
        file: 'service.yaml',
        line: 14,
        column: 17,
        endLine: 14,
        endColumn: 22,
      }),
    ]);
    const clean = run('npx', ['--no-install', 'k8s-todo-lint', 'config.yaml'], { cwd: project, env });
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
  });

  it('compiles the installed CLI with the code caches it ships (npm pack resets file times)', () => {
    const installed = join(project, 'node_modules', 'k8s-todo-lint');
    const code = `
      const { requireWithCodeCache, loadedScripts } = require(${JSON.stringify(join(installed, 'dist/bundle/code-cache.cjs'))});
      const cli = requireWithCodeCache(${JSON.stringify(installed)}, ${JSON.stringify(join(installed, 'dist/bundle/main.cjs'))});
      const io = { stdout: () => true, stderr: () => true, env: {}, isTTY: false, cwd: ${JSON.stringify(project)} };
      cli.main(['config.yaml'], io).then(() => console.log(JSON.stringify(loadedScripts().map((s) => s.cache))));`;
    const r = run(process.execPath, ['-e', code], { cwd: project, env });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(['used', 'used', 'used']);
  });
});
