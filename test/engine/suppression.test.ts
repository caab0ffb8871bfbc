/** Suppression by annotation and by comment, for single-resource and cross-resource findings. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-sup-');

async function run(text: string, extra: Record<string, unknown> = {}) {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'm.yaml'), text);
  writeFileSync(path.join(dir, 'c.json'), JSON.stringify({ rules: { 'required-secret-keys': 'off', 'service-selector-match': 'off', 'k8s-schema': 'off', ...extra } }));
  const r = await lint({ paths: ['m.yaml'], cwd: dir, configFile: 'c.json' });
  const show = (list: typeof r.findings) => list.map((f) => `${f.location.line} ${f.ruleId}${f.suppressed ? ` (${f.suppressed.kind}${f.suppressed.justification ? `: ${f.suppressed.justification}` : ''})` : ''}`);
  return { findings: show(r.findings), suppressed: show(r.suppressed), summary: r.summary };
}

const svc = (name: string, nodePort: number, annotations = '') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  labels: {app: todo}${annotations}
spec:
  type: NodePort
  ports:
    - port: 80
      nodePort: ${nodePort}
`;

describe('suppressions', () => {
  it('annotation with a rule list and a reason', async () => {
    const r = await run(svc('a', 80, '\n  annotations:\n    k8s-todo-lint.io/ignore: "image-naming, nodeport-range -- legacy port"'));
    expect(r.findings).toEqual([]);
    expect(r.suppressed).toEqual(['12 nodeport-range (annotation: legacy port)']);
    expect(r.summary.suppressed).toBe(1);
  });

  it('annotation "*" suppresses every rule, another rule id does not', async () => {
    expect((await run(svc('a', 80, '\n  annotations:\n    k8s-todo-lint.io/ignore: "*"'))).findings).toEqual([]);
    expect((await run(svc('a', 80, '\n  annotations:\n    k8s-todo-lint.io/ignore: "image-naming"'))).findings).toEqual(['12 nodeport-range']);
  });

  it('disable-next-line, ranges and disable-file', async () => {
    const text = svc('a', 80).replace('      nodePort: 80', '      # k8s-todo-lint-disable-next-line nodeport-range -- reviewed\n      nodePort: 80');
    const r1 = await run(text);
    expect(r1.findings).toEqual([]);
    expect(r1.suppressed).toEqual(['11 nodeport-range (comment: reviewed)']);

    const ranged = `# k8s-todo-lint-disable nodeport-range\n${svc('a', 80)}# k8s-todo-lint-enable nodeport-range\n---\n${svc('b', 81)}`;
    expect((await run(ranged)).findings).toEqual(['23 nodeport-range']);

    const file = `${svc('a', 80)}---\n# k8s-todo-lint-disable-file nodeport-range\n${svc('b', 81)}`;
    const r3 = await run(file);
    expect(r3.findings).toEqual([]);
    expect(r3.suppressed).toHaveLength(2);
  });

  it('works for cross-resource findings (a nodePort claimed twice)', async () => {
    const text = `${svc('a', 30001)}---\n${svc('b', 30001).replace('      nodePort: 30001', '      # k8s-todo-lint-disable-next-line nodeport-range\n      nodePort: 30001')}`;
    const r = await run(text);
    expect(r.findings).toEqual([]);
    expect(r.suppressed).toEqual(['22 nodeport-range (comment)']);
  });

  it('reports unused suppression comments, unless that rule is off', async () => {
    const text = svc('a', 30001).replace('      nodePort: 30001', '      # k8s-todo-lint-disable-next-line nodeport-range\n      nodePort: 30001');
    expect((await run(text)).findings).toEqual(['10 unused-suppression']);
    expect((await run(text, { 'unused-suppression': 'off' })).findings).toEqual([]);
  });
});
