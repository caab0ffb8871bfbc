/**
 * Validates a SARIF log against the official OASIS 2.1.0 schema (draft-04, read
 * from ../shared/corpus by path), the way upload-sarif checks files before upload.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const sarifSchemaFile = resolve(repoRoot, '../shared/corpus/sarif/sarif-schema-2.1.0.json');
export const haveSarifSchema = existsSync(sarifSchemaFile);

// Both packages are CommonJS with a `default` export; NodeNext types see the module object.
const AjvDraft04 = ((AjvDraft04Module as any).default ?? AjvDraft04Module) as typeof import('ajv-draft-04').default;
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as typeof import('ajv-formats').default;

let validate: ((data: unknown) => boolean) & { errors?: unknown } | undefined;

/** Schema errors, or [] when the log is valid. */
export function sarifSchemaErrors(log: unknown): unknown[] {
  if (!validate) {
    // unicodeRegExp: false because one `language` pattern has a stray `]` that the `u` flag rejects.
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(sarifSchemaFile, 'utf8')));
  }
  return validate(log) ? [] : ((validate.errors as unknown[]) ?? ['invalid']);
}
