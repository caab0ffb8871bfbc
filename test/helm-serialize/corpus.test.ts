// The values files and Chart.yaml files of the real charts in
// ../shared/corpus/charts, loaded with fromYaml and written back with toYaml,
// toYamlPretty and toJson: the SHA-256 of each output must equal the hash of
// the Go reference renderer's output (scripts/gen-serialize-goldens.mjs).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serializeFuncs } from '../../src/helm/sprig/serialize.js';
import { dumpOf } from './dump.js';

const corpus = new URL('../../../shared/corpus/charts/', import.meta.url);
const hashes = JSON.parse(readFileSync(new URL('./corpus-hashes.json', import.meta.url), 'utf8')) as {
  files: Array<{ file: string; dump: string; toYaml: string; toYamlPretty: string; toJson: string }>;
};

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

describe.skipIf(!existsSync(corpus))('real charts round-trip like Helm', () => {
  it.each(hashes.files.map((h) => [h.file, h] as const))('%s', (_file, h) => {
    const text = readFileSync(new URL(h.file, corpus), 'utf8');
    const values = serializeFuncs.fromYaml(text);
    expect(sha256(JSON.stringify(dumpOf(values)))).toBe(h.dump);
    expect(sha256(serializeFuncs.toYaml(values) as string)).toBe(h.toYaml);
    expect(sha256(serializeFuncs.toYamlPretty(values) as string)).toBe(h.toYamlPretty);
    expect(sha256(serializeFuncs.toJson(values) as string)).toBe(h.toJson);
  });
});
