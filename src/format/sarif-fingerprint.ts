/**
 * Stable identities for SARIF results, so that code scanning can tell "the
 * same problem, one commit later" from "a new problem".
 */
import { createRequire } from 'node:module';
import type { Finding } from '../types.js';

// node:crypto is required on first use, not imported: it pulls in Node's streams and crypto
// modules (~10 ms of start-up), and the format registry loads every formatter on each run.
const require = createRequire(import.meta.url);
let hash: typeof import('node:crypto').createHash | undefined;
const createHash = (algorithm: string) => (hash ??= (require('node:crypto') as typeof import('node:crypto')).createHash)(algorithm);

/**
 * A hash of what the finding is about, deliberately not of where it is: rule,
 * file, resource identity (kind, namespace, name, not apiVersion, so that an
 * apiVersion migration keeps its alerts), path in the resource and message.
 * Adding a line above a resource moves the finding but keeps its identity.
 */
export function findingIdentityHash(finding: Finding): string {
  const r = finding.resource;
  const parts = [
    finding.ruleId,
    finding.location.file,
    r ? r.kind : '',
    r ? (r.namespace ?? '') : '',
    r ? r.name : '',
    finding.path ?? '',
    finding.message,
  ];
  // JSON keeps the parts apart: ['a', 'b:c'] and ['a:b', 'c'] hash differently.
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

/**
 * Fingerprints for a list of findings in output order. Identical findings
 * (same rule, file, resource, path and message) are told apart by an
 * occurrence number, as GitHub does for its own line hashes.
 */
export function fingerprintsInOrder(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const hash = findingIdentityHash(f);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}:${n}`;
  });
}
