/**
 * Stand-ins for a few Sprig functions, with their Go signatures, used by the
 * golden cases that check text/template's argument conversion and errors
 * (the Sprig library itself has its own goldens).
 */
import { utf8Bytes, decodeUtf8AsText } from '../../src/helm/go/utf8.js';
import { withGoSignature, type GoFunction, type GoValue } from '../../src/helm/go/value.js';

const s = (v: GoValue) => v as string;
const n = (v: GoValue) => Number(v as bigint);

export const testFuncs: Record<string, GoFunction> = {
  upper: withGoSignature((v) => s(v).toUpperCase(), { params: ['string'] }),
  repeat: withGoSignature((c, v) => s(v).repeat(n(c)), { params: ['int', 'string'] }),
  trunc: withGoSignature((c, v) => {
    const b = utf8Bytes(s(v));
    const k = n(c);
    if (k < 0 && b.length + k > 0) return decodeUtf8AsText(b.subarray(b.length + k));
    if (k >= 0 && b.length > k) return decodeUtf8AsText(b.subarray(0, k));
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
