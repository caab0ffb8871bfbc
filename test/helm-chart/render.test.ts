import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadChart, renderChart } from '../../src/helm/index.js';
import { runTemplateCommand } from '../../src/cli/template.js';
import { writeTar } from '../../src/helm/chart/tar.js';

const repo = join(import.meta.dirname, '..', '..');
const fixtures = join(repo, 'fixtures', 'charts');
const expected = (name: string) => readFileSync(join(fixtures, 'expected', name), 'utf8');

async function template(args: string[], cwd = repo) {
  let stdout = '';
  let stderr = '';
  const code = await runTemplateCommand(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd,
    now: () => new Date(2026, 0, 2, 3, 4, 5),
  });
  return { code, stdout, stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'helm-chart-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Packs a chart directory as `helm package` lays it out: <name>/... inside a gzipped tar. */
function pack(dir: string, top: string): Uint8Array {
  const entries: { name: string; data: Uint8Array }[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else entries.push({ name: `${top}/${relative(dir, p).split('\\').join('/')}`, data: readFileSync(p) });
    }
  };
  walk(dir);
  return gzipSync(writeTar(entries));
}

describe('helm template on the fixture charts (exact output)', () => {
  it('todo-app: parent with frontend and backend subcharts, globals, a test hook', async () => {
    const r = await template(['fixtures/charts/todo-app']);
    expect(r).toEqual({ code: 0, stdout: expected('todo-app.txt'), stderr: '' });
  });

  it('todo-app with a disabled subchart, --set, --namespace, --skip-tests and a release name', async () => {
    const r = await template(['todo', 'fixtures/charts/todo-app', '--set', 'frontend.enabled=false', '--set', 'backend.service.nodePort=31000', '--skip-tests', '--namespace', 'todo-local']);
    expect(r).toEqual({ code: 0, stdout: expected('todo-app-set.txt'), stderr: '' });
  });

  it('--no-hooks leaves the test hook out', async () => {
    const r = await template(['fixtures/charts/todo-app', '--no-hooks']);
    expect(r.stdout).toBe(expected('todo-app.txt').split('---\n# Source: todo-app/templates/tests/')[0]);
  });

  it('todo: four components from one range, NodePorts, ConfigMap and Secret', async () => {
    const r = await template(['fixtures/charts/todo']);
    expect(r).toEqual({ code: 0, stdout: expected('todo.txt'), stderr: '' });
  });

  it('todo with a ci values file and --show-only', async () => {
    const r = await template(['fixtures/charts/todo', '-f', 'fixtures/charts/todo/ci/prod-values.yaml', '--show-only', 'templates/workloads.yaml']);
    expect(r).toEqual({ code: 0, stdout: expected('todo-prod-workloads.txt'), stderr: '' });
  });

  it('the same chart packed as .tgz, and as a .tgz subchart, renders the same', async () => {
    const tgz = join(scratch, 'todo-app-0.1.0.tgz');
    writeFileSync(tgz, pack(join(fixtures, 'todo-app'), 'todo-app'));
    const fromTgz = await template([tgz]);
    expect(fromTgz).toEqual({ code: 0, stdout: expected('todo-app.txt'), stderr: '' });

    const parent = join(scratch, 'todo-app-packed');
    cpSync(join(fixtures, 'todo-app'), parent, { recursive: true });
    rmSync(join(parent, 'charts', 'backend'), { recursive: true });
    writeFileSync(join(parent, 'charts', 'backend-0.1.0.tgz'), pack(join(fixtures, 'todo-app', 'charts', 'backend'), 'backend'));
    const fromSubTgz = await template([parent]);
    expect(fromSubTgz).toEqual({ code: 0, stdout: expected('todo-app.txt'), stderr: '' });
  });
});

describe('--output-dir', () => {
  it('writes each template file and prints what it wrote', async () => {
    const out = join(scratch, 'out');
    const r = await template(['fixtures/charts/todo', '--output-dir', out]);
    expect(r.stdout).toBe(
      [
        `wrote ${out}/todo/templates/config.yaml`,
        `wrote ${out}/todo/templates/config.yaml`,
        ...Array(4).fill(`wrote ${out}/todo/templates/services.yaml`),
        ...Array(4).fill(`wrote ${out}/todo/templates/workloads.yaml`),
        '',
        '',
      ].join('\n'),
    );
    // Each file holds its documents in output order, in helm template's format.
    const all = expected('todo.txt');
    const services = all.split('---\n').filter((d) => d.startsWith('# Source: todo/templates/services.yaml'));
    expect(readFileSync(join(out, 'todo/templates/services.yaml'), 'utf8')).toBe(services.map((d) => `---\n${d}`).join(''));
  });
});

describe('helm template errors, as Helm prints them', () => {
  it('needs a chart argument', async () => {
    expect(await template([])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Error: "helm template" requires at least 1 argument\n\nUsage:  helm template [NAME] [CHART] [flags]\n',
    });
  });

  it('prints its usage for --help', async () => {
    const r = await template(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage:\n  k8s-todo-lint template [NAME] [CHART] [flags]\n');
  });

  it('reports a missing path and a bad flag', async () => {
    expect((await template(['./nope'])).stderr).toBe('Error: path "./nope" not found\n');
    expect((await template(['fixtures/charts/todo', '--bogus'])).stderr).toBe('Error: unknown flag: --bogus\n');
    expect((await template(['fixtures/charts/todo', '--set', 'a'])).stderr).toBe('Error: failed parsing --set data: key "a" has no value\n');
  });

  it('validates values against values.schema.json', async () => {
    const r = await template(['fixtures/charts/todo', '--set', 'components.backend.replicas=20']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "Error: values don't meet the specifications of the schema(s) in the following chart(s):\ntodo:\n- at '/components/backend/replicas': maximum: got 20, want 10\n\n",
    );
  });

  it('checks kubeVersion', async () => {
    const r = await template(['fixtures/charts/todo', '--kube-version', '1.19.0']);
    expect(r.stderr).toBe('Error: chart requires kubeVersion: >=1.20.0-0 which is incompatible with Kubernetes v1.19.0\n\nUse --debug flag to render out invalid YAML\n');
  });

  it('requires every dependency in charts/, even a disabled one', async () => {
    const dir = join(scratch, 'missing-dep');
    cpSync(join(fixtures, 'todo-app'), dir, { recursive: true });
    rmSync(join(dir, 'charts', 'frontend'), { recursive: true });
    const r = await template([dir, '--set', 'frontend.enabled=false']);
    expect(r.stderr).toBe(
      'Error: An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: frontend\n',
    );
  });

  it('refuses library charts', async () => {
    const dir = join(scratch, 'lib');
    cpSync(join(fixtures, 'todo'), dir, { recursive: true });
    writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: lib\nversion: 0.1.0\ntype: library\n');
    expect((await template([dir])).stderr).toBe('Error: library charts are not installable\n');
  });
});

describe('renderChart provenance', () => {
  it('maps each document span back to the template and the values line', async () => {
    const chart = await loadChart(join(fixtures, 'todo-app'));
    const result = await renderChart(chart, {});
    expect(result.notes).toBe('\nFrontend: http://<minikube-ip>:30080\nBackend: http://<minikube-ip>:30081\n');
    const svc = result.documents.find((d) => d.kind === 'Service' && d.name === 'release-name-frontend')!;
    expect(svc.source).toBe('todo-app/charts/frontend/templates/service.yaml');
    const at = svc.text.indexOf('30080');
    const span = svc.spans.find((s) => s.start <= at && at < s.end)!;
    expect(svc.text.slice(span.start, span.end)).toBe('30080');
    expect(span).toMatchObject({ template: 'todo-app/charts/frontend/templates/service.yaml', line: 14, column: 17 });
    expect(span.origin).toMatchObject({ file: join(fixtures, 'todo-app/charts/frontend/values.yaml'), line: 9, column: 13 });
    expect(result.templateFiles.get(span.template)).toBe(join(fixtures, 'todo-app/charts/frontend/templates/service.yaml'));
    expect(result.templateFiles.get('todo-app/templates/_helpers.tpl')).toBe(join(fixtures, 'todo-app/templates/_helpers.tpl'));
    // A value set by the parent chart points at the parent's values.yaml.
    const deploy = result.documents.find((d) => d.kind === 'Deployment' && d.name === 'release-name-frontend')!;
    const rep = deploy.spans.find((s) => deploy.text.slice(s.start, s.end) === '1' && s.origin)!;
    expect(rep.origin).toMatchObject({ file: join(fixtures, 'todo-app/values.yaml'), line: 8 });
    // --set values remember their flag.
    const withSet = await renderChart(chart, { set: ['frontend.service.nodePort=30999'] });
    const svc2 = withSet.documents.find((d) => d.kind === 'Service' && d.name === 'release-name-frontend')!;
    const s2 = svc2.spans.find((s) => svc2.text.slice(s.start, s.end) === '30999')!;
    expect(s2.origin?.flag).toBe('--set frontend.service.nodePort=30999');
  });

  it('showOnly selects documents and output like --show-only', async () => {
    const chart = await loadChart(join(fixtures, 'todo'));
    const r = await renderChart(chart, { valueFiles: [join(fixtures, 'todo/ci/prod-values.yaml')], showOnly: ['templates/workloads.yaml'] });
    expect(r.output).toBe(expected('todo-prod-workloads.txt'));
    expect(r.documents.map((d) => d.name)).toEqual(['ai-agent', 'backend', 'frontend', 'mcp-server']);
    await expect(renderChart(chart, { showOnly: ['templates/nope.yaml'] })).rejects.toThrow('could not find template templates/nope.yaml in chart');
  });

  it('includeCrds prints crds/ files first and lists each CRD object', async () => {
    const chart = await loadChart(join(fixtures, 'todo'));
    const r = await renderChart(chart, { includeCrds: true });
    const crdText = readFileSync(join(fixtures, 'todo/crds/todotasks.yaml'), 'utf8');
    expect(r.output).toBe(`---\n# Source: todo/crds/todotasks.yaml\n${crdText}\n${expected('todo.txt')}`);
    expect(r.documents[0]).toMatchObject({ source: 'todo/crds/todotasks.yaml', isCrd: true, kind: 'CustomResourceDefinition', name: 'todotasks.todo.example.com', offset: 0 });
    expect(r.documents[0].text).toBe(crdText.trim());
  });

  it('leaves the loaded chart untouched, so it can be rendered again with other values', async () => {
    const chart = await loadChart(join(fixtures, 'todo-app'));
    await renderChart(chart, { set: ['frontend.enabled=false'] });
    expect(chart.dependencies().map((d) => d.name())).toEqual(['backend', 'frontend']);
    const again = await renderChart(chart, {});
    expect(again.documents.filter((d) => d.kind === 'Deployment')).toHaveLength(2);
  });
});

const golden = join(repo, '..', 'shared', 'corpus', 'helm-golden', 'v3.21.4');

describe.skipIf(!existsSync(join(golden, 'cases.json')))("Helm's own goldens (v3.21.4)", () => {
  const { cases } = existsSync(join(golden, 'cases.json'))
    ? (JSON.parse(readFileSync(join(golden, 'cases.json'), 'utf8')) as { cases: { name: string; args: string[]; expected: string; wantError: boolean }[] })
    : { cases: [] };
  const picked = cases.filter((c) => ['check set name', 'template with CRDs', 'template with show-only glob', 'ensure nil/null values pass to subcharts delete values', 'template with imported subchart values set with --set', 'check library chart'].includes(c.name));
  for (const c of picked) {
    it(c.name, async () => {
      let stdout = '';
      let stderr = '';
      const code = await runTemplateCommand(c.args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: golden, defaultKubeVersion: 'v1.20.0' });
      expect(c.wantError ? stdout + stderr : stdout).toBe(readFileSync(join(golden, c.expected), 'utf8'));
      expect(code).toBe(c.wantError ? 1 : 0);
    });
  }
});
