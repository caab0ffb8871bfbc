import type { GoValue } from '../template/value.js';
export function encodeToml(_v: GoValue): string {
  throw new Error('not implemented');
}
export function decodeToml(_s: string): GoValue {
  throw new Error('not implemented');
}
