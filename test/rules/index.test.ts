/**
 * rules/index.ts is the one list of rules: every rules/<id>.ts is in it once,
 * under its own id, and nothing else is; the rules whose findings the loader
 * or the engine make are declared so and have nothing to run.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { isCheckedRule } from '../../src/engine/rule.js';

const RULES_DIR = path.resolve(import.meta.dirname, '../../rules');

describe('rules/index.ts', () => {
  it('lists every rule module of rules/ once, and nothing else', async () => {
    const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts').sort();
    const listed = RULES.map((r) => r.meta.id);
    expect([...listed].sort()).toEqual(files.map((f) => f.replace(/\.ts$/, '')));
    expect(new Set(listed).size).toBe(listed.length);
    for (const f of files) {
      const mod = (await import(path.join(RULES_DIR, f))) as { rule: unknown };
      expect(RULES.includes(mod.rule as (typeof RULES)[number]), `${f} exports the rule the list holds`).toBe(true);
      expect((mod.rule as (typeof RULES)[number]).meta.id).toBe(f.replace(/\.ts$/, ''));
    }
  });

  it('declares the file-level checks as made by the loader or the engine, with no check to run', () => {
    const reported = RULES.filter((r) => !isCheckedRule(r)).map((r) => [r.meta.id, 'source' in r.meta ? r.meta.source : undefined]);
    expect(reported).toEqual([['yaml-syntax', 'loader'], ['helm-render', 'loader'], ['unused-suppression', 'engine']]);
  });
});
