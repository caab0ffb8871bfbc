import { globToRegExp } from '../src/config/glob.js';
import { defineRule } from '../src/engine/rule.js';
import type { Resource } from '../src/engine/resource.js';
import { isObject } from '../src/k8s/object.js';
import type { Location, RelatedLocation } from '../src/types.js';
import { base64Problem } from './_lib/base64.js';
import { isCertificateOnly, isPlaceholder } from './_lib/placeholders.js';

interface Options {
  /** Regular expressions (case-insensitive, searched in the value) for more placeholder values. */
  placeholders: string[];
  /** Base-name globs (`*`, `?`) of files that are templates of Secrets, never the real thing. */
  exemptFiles: string[];
}

const DEFAULT_EXEMPT = ['*.example*', '*.sample*', '*.template*'];

/** A base-name glob (the config's glob syntax) matched without regard to case: `Secret.EXAMPLE.yaml` is a template too. */
function globRegExp(glob: string): RegExp {
  return new RegExp(globToRegExp(glob).source, 'i');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text a `data` value decodes to; undefined when it is not valid base64, or binary (a keystore: real). */
function decodeData(value: string): string | undefined {
  if (base64Problem(value)) return undefined;
  try {
    // atob skips the line breaks base64Problem allows, as the API server's decoder does.
    const binary = atob(value);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Whether a Secret value is a real one: not a placeholder, not a (public) certificate. */
function looksReal(field: 'data' | 'stringData', value: string, extra: readonly RegExp[]): boolean {
  if (isPlaceholder(value, extra)) return false; // `<base64-encoded>` is a placeholder however it is encoded
  const text = field === 'data' ? decodeData(value) : value;
  if (text === undefined) return true; // binary, or plain text where base64 belongs (secret-encoding says so): written anyway
  return !isPlaceholder(text, extra) && !isCertificateOnly(text);
}

export const rule = defineRule<Options>({
  meta: {
    id: 'no-committed-secrets',
    description: 'No Secret value that git tracks or has staged is real: commit a template with placeholders (secret.yaml.example) instead',
    defaultSeverity: 'error',
    optionsSchema: {
      type: 'object',
      properties: {
        placeholders: { type: 'array', items: { type: 'string' }, uniqueItems: true, description: 'Regular expressions (case-insensitive) of more placeholder values' },
        exemptFiles: { type: 'array', items: { type: 'string' }, uniqueItems: true, description: 'Base-name globs of Secret templates, never reported' },
      },
      additionalProperties: false,
    },
    defaultOptions: { placeholders: [], exemptFiles: DEFAULT_EXEMPT },
    perResource: true,
  },
  check(ctx) {
    const extra = ctx.options.placeholders.map((p) => new RegExp(p, 'i'));
    const exempt = ctx.options.exemptFiles.map(globRegExp);
    const isExempt = (file: string) => {
      const base = file.slice(file.lastIndexOf('/') + 1);
      return exempt.some((re) => re.test(base));
    };
    // Secrets repeat values (one per environment, per tenant...): each is judged once. And a file's
    // answer (exempt, or not in git) is the same for each of its values.
    const verdicts = new Map<string, boolean>();
    const real = (field: 'data' | 'stringData', value: string) => {
      const key = `${field}\u0000${value}`;
      let v = verdicts.get(key);
      if (v === undefined) verdicts.set(key, (v = looksReal(field, value, extra)));
      return v;
    };
    const settled = new Map<string, boolean>();
    const notCommitted = (file: string) => {
      let v = settled.get(file);
      if (v === undefined) settled.set(file, (v = isExempt(file) || !ctx.git.inIndex(file)));
      return v;
    };
    for (const s of ctx.index.ofKind('Secret')) {
      if (s.apiVersion !== 'v1') continue;
      // A SOPS-encrypted file keeps its metadata under `sops`: its values are ciphertext.
      if (isObject(s.object.sops)) continue;
      for (const field of ['data', 'stringData'] as const) {
        const map = s.object[field];
        if (!isObject(map)) continue;
        for (const [key, raw] of Object.entries(map)) {
          if (raw === null || typeof raw === 'object') continue;
          if (!real(field, String(raw))) continue;
          // A manifest's values are written in its own file: an exempt or untracked one is settled
          // without locating anything (nothing may be located before it is reported). Git is asked
          // only here, for a real-looking value: most lints never start it.
          if (s.doc.source === undefined && notCommitted(s.doc.file)) continue;
          const at = committedAt(s, [field, key]);
          // A value computed while rendering (randAlphaNum, --set) is in no file; a template file is exempt.
          if (!at || notCommitted(at.where.file)) continue;
          // Messages name the key, never the value.
          const held = `in ${at.where.file}, which git tracks or has staged`;
          const message =
            at.from === 'values' ? `Secret ${s.name} key ${key} is rendered from a real-looking value ${held}; keep real values out of git (a values file git ignores, or --set) and commit placeholders`
            : at.from === 'template' ? `Secret ${s.name} key ${key} is written with a real-looking value ${held}; take it from the values, and keep real values out of git`
            : `Secret ${s.name} key ${key} holds a real-looking value ${held}; commit a template with placeholders (e.g. ${exampleName(at.where.file)}) and keep the real Secret out of git`;
          ctx.report({ resource: s, path: [field, key], location: at.where, message, ...(at.rendered ? { related: [at.rendered] } : {}) });
        }
      }
    }
  },
});

/**
 * The file place where a Secret value is written: the manifest's value node; for a chart, the
 * values-file line it came from, or the template text that holds it as it is (with the rendered
 * place as related when it differs). Undefined for a value no file holds.
 */
function committedAt(s: Resource, path: string[]): { from: 'manifest' | 'template' | 'values'; where: Location; rendered?: RelatedLocation } | undefined {
  const loc = s.doc.locate([...s.basePath, ...path]);
  const written = loc.written;
  if (!written) return { from: 'manifest', where: loc.location };
  if (written.from === 'computed') return undefined;
  const where = written.location;
  const same = where.file === loc.location.file && where.line === loc.location.line && where.column === loc.location.column;
  return { from: written.from, where, ...(same ? {} : { rendered: { ...loc.location, message: `rendered into Secret ${s.name} here` } }) };
}

/** `k8s/secret.yaml` -> `secret.yaml.example`: the name the designs give the template. */
function exampleName(file: string): string {
  return `${file.slice(file.lastIndexOf('/') + 1)}.example`;
}
