/**
 * The Kubernetes quantity grammar (k8s.io/apimachinery/pkg/api/resource),
 * as a syntax check only: `<sign?><digits[.digits] | .digits><suffix?>`, the
 * suffix being a binary SI one (Ki..Ei), a decimal SI one (n u m k M G T P E)
 * or a decimal exponent (e3, E-2). No spaces, no `+` inside, no empty number.
 */
export const QUANTITY_RE = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[KMGTPE]i|[eE][+-]?[0-9]+|[numkMGTPE])?$/;

export function isQuantityString(s: string): boolean {
  return QUANTITY_RE.test(s);
}
