import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { junit, xmlAttr, xmlText, type JunitLintResult } from '../../src/format/junit.js';
import { context, emptyResult, result } from './fixture.js';
import { tempDirs } from '../support/temp-dirs.js';

const tempDir = tempDirs('k8s-todo-lint-junit-');

const xsd = join(dirname(fileURLToPath(import.meta.url)), 'junit-common.xsd');
const haveXmllint = spawnSync('xmllint', ['--version']).status === 0;

const withFiles: JunitLintResult = { ...result, files: ['k8s/clean.yaml', 'k8s/backend.yaml'] };

const expected = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="k8s-todo-lint" tests="8" failures="5" errors="0" time="0">
  <testsuite name="charts/todo/templates/service.yaml" tests="1" failures="1" errors="0" skipped="0" time="0">
    <testcase name="nodeport-range: Service todo-local/todo-frontend" classname="charts/todo/templates/service.yaml" time="0">
      <failure message="nodePort 29999 is outside 30000-32767" type="error">charts/todo/templates/service.yaml:14:17 error nodePort 29999 is outside 30000-32767 (spec.ports[0].nodePort)
  value set here: charts/todo/values.yaml:22:13</failure>
    </testcase>
  </testsuite>
  <testsuite name="k8s/backend.yaml" tests="3" failures="2" errors="0" skipped="1" time="0">
    <testcase name="replicas-range: Deployment todo-local/todo-backend" classname="k8s/backend.yaml" time="0">
      <failure message="replicas 12 is above the maximum 10" type="warning">k8s/backend.yaml:8:13 warning replicas 12 is above the maximum 10 (spec.replicas)</failure>
    </testcase>
    <testcase name="cluster-capacity: Deployment todo-local/todo-backend" classname="k8s/backend.yaml" time="0">
      <failure message="memory limits total 4.5Gi, 75% of allocatable 6Gi (bar: 70%)" type="error">k8s/backend.yaml:31:19 error memory limits total 4.5Gi, 75% of allocatable 6Gi (bar: 70%) (spec.template.spec.containers[0].resources.limits.memory)</failure>
    </testcase>
    <testcase name="probes-present: Deployment todo-local/todo-backend" classname="k8s/backend.yaml" time="0">
      <skipped message="suppressed: the sidecar answers health checks"/>
    </testcase>
  </testsuite>
  <testsuite name="k8s/certificate.yaml" tests="1" failures="0" errors="0" skipped="0" time="0">
    <testcase name="k8s-schema: Certificate todo-tls" classname="k8s/certificate.yaml" time="0">
      <system-out>k8s/certificate.yaml:1:1 info no schema for cert-manager.io/v1 Certificate; skipped</system-out>
    </testcase>
  </testsuite>
  <testsuite name="k8s/clean.yaml" tests="1" failures="0" errors="0" skipped="0" time="0">
    <testcase name="no findings" classname="k8s/clean.yaml" time="0"/>
  </testsuite>
  <testsuite name="k8s/odd,name:1.yaml" tests="1" failures="1" errors="0" skipped="0" time="0">
    <testcase name="yaml-syntax" classname="k8s/odd,name:1.yaml" time="0">
      <failure message="duplicate key &quot;image&quot; &lt;100% sure&gt; | a, b: c&#10;second line &amp; more" type="error">k8s/odd,name:1.yaml:3:5 error duplicate key "image" &lt;100% sure&gt; | a, b: c
second line &amp; more</failure>
    </testcase>
  </testsuite>
  <testsuite name="k8s/secret.yaml" tests="1" failures="1" errors="0" skipped="0" time="0">
    <testcase name="required-secret-keys: Secret todo-local/todo-secrets" classname="k8s/secret.yaml" time="0">
      <failure message="Secret todo-secrets has no key OPENAI_API_KEY" type="error">k8s/secret.yaml:7:1 error Secret todo-secrets has no key OPENAI_API_KEY (data)</failure>
    </testcase>
  </testsuite>
</testsuites>
`;

describe('junit formatter', () => {
  it('writes a suite per file, a case per resource and rule, and a passing case per clean file', () => {
    expect(junit(withFiles, context({ reportSuppressed: true }))).toBe(expected);
  });

  it('leaves suppressed findings out unless asked', () => {
    const out = junit(withFiles, context());
    expect(out).not.toContain('probes-present');
    expect(out).toContain('<testsuite name="k8s/backend.yaml" tests="2" failures="2" errors="0" skipped="0" time="0">');
    expect(out).toContain('<testsuites name="k8s-todo-lint" tests="7" failures="5" errors="0" time="0">');
  });

  it('lists only files with findings when the caller gives no file list', () => {
    expect(junit(result, context())).not.toContain('k8s/clean.yaml');
  });

  it('folds several findings of one rule on one resource into one failing case', () => {
    const f = result.findings[5];
    const two: JunitLintResult = {
      ...emptyResult,
      findings: [f, { ...f, message: 'Secret todo-secrets has no key DATABASE_URL', severity: 'warning' }],
    };
    expect(junit(two, context())).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="k8s-todo-lint" tests="1" failures="1" errors="0" time="0">
  <testsuite name="k8s/secret.yaml" tests="1" failures="1" errors="0" skipped="0" time="0">
    <testcase name="required-secret-keys: Secret todo-local/todo-secrets" classname="k8s/secret.yaml" time="0">
      <failure message="Secret todo-secrets has no key OPENAI_API_KEY; Secret todo-secrets has no key DATABASE_URL" type="error">k8s/secret.yaml:7:1 error Secret todo-secrets has no key OPENAI_API_KEY (data)
k8s/secret.yaml:7:1 warning Secret todo-secrets has no key DATABASE_URL (data)</failure>
    </testcase>
  </testsuite>
</testsuites>
`);
  });

  it('writes an empty report without findings or files', () => {
    expect(junit(emptyResult, context())).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="k8s-todo-lint" tests="0" failures="0" errors="0" time="0">\n</testsuites>\n',
    );
  });

  it('escapes text and attributes, and replaces characters XML cannot hold', () => {
    expect(xmlText('a < b && c > d ]]>')).toBe('a &lt; b &amp;&amp; c &gt; d ]]&gt;');
    expect(xmlAttr(`"q" 'a'\tb\nc\rd`)).toBe('&quot;q&quot; &apos;a&apos;&#9;b&#10;c&#13;d');
    expect(xmlText('bell\u0007 nul\u0000 ok\u00e9 \ud83d\ude00 lone\ud800 end')).toBe('bell\ufffd nul\ufffd ok\u00e9 \ud83d\ude00 lone\ufffd end');
  });

  describe.skipIf(!haveXmllint)('with xmllint', () => {
    // Made on first use: a skipped describe still runs its body, but not its tests or hooks.
    let made: string | undefined;
    const dir = (): string => (made ??= tempDir());
    const check = (name: string, xml: string): { status: number | null; stderr: string } => {
      const file = join(dir(), name);
      writeFileSync(file, xml);
      const r = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
      return { status: r.status, stderr: r.stderr };
    };

    it('validates against the common JUnit schema', () => {
      expect(check('full.xml', junit(withFiles, context({ reportSuppressed: true })))).toEqual({ status: 0, stderr: `${join(dir(), 'full.xml')} validates\n` });
      expect(check('empty.xml', junit(emptyResult, context())).status).toBe(0);
    });

    it('rejects a report the schema does not allow (the check is live)', () => {
      expect(check('bad.xml', expected.replace('<failure message="nodePort', '<failure mess="nodePort')).status).not.toBe(0);
    });

    it('round-trips a message through an XML parser', () => {
      const file = join(dir(), 'roundtrip.xml');
      writeFileSync(file, junit(result, context()));
      const message = execFileSync('xmllint', ['--xpath', 'string(//testcase[@name="yaml-syntax"]/failure/@message)', file], { encoding: 'utf8' });
      // xmllint ends its answer with a newline of its own.
      expect(message.replace(/\n$/, '')).toBe(result.findings[4].message);
    });
  });
});
