import type { GoValue } from '../template/value.js';
export function marshalYamlV3(_v: GoValue): string {
  throw new Error('not implemented');
}
