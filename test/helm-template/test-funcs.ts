/**
 * Stand-ins for a few Sprig functions, with their Go signatures, used by the
 * golden cases that check text/template's argument conversion and errors
 * (the Sprig library itself has its own goldens).
 */
import { utf8Bytes, utf8Decode } from '../../src/helm/template/gofmt.js';
import { withGoSignature, type GoFunction, type GoValue } from '../../src/helm/template/value.js';

const s = (v: GoValue) => v as string;
const n = (v: GoValue) => Number(v as bigint);

export const testFuncs: Record<string, GoFunction> = {
  upper: withGoSignature((v) => s(v).toUpperCase(), { params: ['string'] }),
  repeat: withGoSignature((c, v) => s(v).repeat(n(c)), { params: ['int', 'string'] }),
  trunc: withGoSignature((c, v) => {
    const b = utf8Bytes(s(v));
    const k = n(c);
    if (k < 0 && b.length + k > 0) return utf8Decode(b.subarray(b.length + k));
    if (k >= 0 && b.length > k) return utf8Decode(b.subarray(0, k));
    return s(v);
  }, { params: ['int', 'string'] }),
  indent: withGoSignature((c, v) => {
    const pad = ' '.repeat(n(c));
    return pad + s(v).replaceAll('\n', '\n' + pad);
  }, { params: ['int', 'string'] }),
  nindent: withGoSignature((c, v) => {
    const pad = ' '.repeat(n(c));
    return '\n' + pad + s(v).replaceAll('\n', '\n' + pad);
  }, { params: ['int', 'string'] }),
};
