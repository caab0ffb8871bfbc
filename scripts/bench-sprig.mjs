#!/usr/bin/env node
// Prints calls per second for the Sprig functions a chart calls most
// (quote, default, indent/nindent, trunc, regexReplaceAll, b64enc, toString,
// add), on typical inputs. Bundles the TypeScript sources with esbuild first,
// so it needs no build. Measurement only: nothing here is asserted.
import { importSources } from './import-sources.mjs';

const m = await importSources(
  ['strings', 'math', 'conversion', 'defaults', 'regex', 'encoding', 'paths', 'reflect']
    .map((m) => `export * from './src/helm/sprig/${m}.ts';`)
    .join('\n'),
);
const f = { ...m.stringFuncs, ...m.mathFuncs, ...m.conversionFuncs, ...m.defaultsFuncs, ...m.regexFuncs, ...m.encodingFuncs };

const yamlBlock = Array.from({ length: 40 }, (_, i) => `key${i}: value ${i}`).join('\n');
const benches = [
  ['quote "my-release-name"', () => f.quote('my-release-name')],
  ['default "x" ""', () => f.default('x', '')],
  ['nindent 4 <40-line block>', () => f.nindent(4n, yamlBlock)],
  ['trunc 63 <name>', () => f.trunc(63n, 'release-name-mychart-with-a-rather-long-suffix-that-needs-cutting-down')],
  ['trimSuffix "-" <name>', () => f.trimSuffix('-', 'release-name-')],
  ['regexReplaceAll "[^a-z0-9-]" <name> "-"', () => f.regexReplaceAll('[^a-z0-9-]', 'My_Release.Name', '-')],
  ['b64enc <secret>', () => f.b64enc('s3cr3t-password-value')],
  ['toString 8080', () => f.toString(8080)],
  ['add 1 2', () => f.add(1n, 2n)],
  ['upper "héllo"', () => f.upper('héllo')],
];

for (const [name, fn] of benches) {
  for (let i = 0; i < 2000; i++) fn();
  const n = 100_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  const ms = performance.now() - t0;
  console.log(`${name.padEnd(44)} ${Math.round((n / ms) * 1000).toLocaleString('en-US').padStart(12)} calls/s`);
}
