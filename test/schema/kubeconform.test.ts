/**
 * kubeconform's strict-mode acceptance expectations (the cases file shared
 * with scripts/conformance-kubeconform.mjs), run in-process through lint()
 * over kubeconform's fixtures. Skipped when the shared corpus is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigFile } from '../../src/config/load.js';
import { lint } from '../../src/lint.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/kubeconform');
const RULE_IDS = new Set(['k8s-schema', 'deprecated-api', 'yaml-syntax']);

interface Case { name: string; paths: string[]; rules?: Record<string, Record<string, unknown>>; resources: number; findings: string[] }
const { cases } = JSON.parse(readFileSync(path.join(import.meta.dirname, 'kubeconform-cases.json'), 'utf8')) as { cases: Case[] };

/** Cases that wait for another part of the linter, and why. */
const PENDING: Record<string, string> = {};

describe.skipIf(!existsSync(path.join(CORPUS, 'fixtures')))('kubeconform conformance (strict)', () => {
  for (const c of cases) {
    if (PENDING[c.name]) {
      it.todo(`${c.name}: ${PENDING[c.name]}`);
      continue;
    }
    it(c.name, async () => {
      const rules: ConfigFile['rules'] = {};
      for (const [id, options] of Object.entries(c.rules ?? {})) rules[id] = ['error', options];
      const result = await lint({ paths: c.paths, cwd: CORPUS, config: { rules } });
      expect(result.summary.resources).toBe(c.resources);
      expect(result.findings.filter((f) => RULE_IDS.has(f.ruleId)).map((f) => `${f.ruleId} ${f.severity} ${f.location.line}:${f.location.column} ${f.message}`)).toEqual(c.findings);
    });
  }
});
