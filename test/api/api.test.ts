import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatContext, formatters, lint, rules } from '../../src/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('public API', () => {
  it('lints files and formats the result', async () => {
    const result = await lint({ paths: ['examples/todo-app/todo-app.yaml'], cwd: ROOT, configFile: 'examples/todo-app/.k8s-todo-lint.yaml' });
    expect(result.summary.resources).toBe(6);
    expect(result.findings.find((f) => f.ruleId === 'nodeport-range')).toMatchObject({
      message: 'nodePort 3000 is outside 30000-32767',
      location: { file: 'examples/todo-app/todo-app.yaml', line: 148, column: 17 },
    });
    const out = JSON.parse(formatters.json(result, formatContext({ cwd: ROOT })));
    expect(out.summary).toEqual(result.summary);
    expect(Object.keys(formatters).sort()).toEqual(['github', 'json', 'junit', 'sarif', 'stylish']);
  });
  it('lists the rules with their docs', () => {
    const ids = rules().map((r) => r.id);
    expect(ids).toContain('image-naming');
    expect(rules().find((r) => r.id === 'image-naming')?.helpUri).toMatch(/docs\/rules\/image-naming\.md$/);
  });
});
