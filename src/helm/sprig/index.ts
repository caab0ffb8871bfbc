/**
 * The function map a Helm template can call, minus the executor-bound ones
 * (include, tpl, required, fail, which src/helm/template/helm-engine.ts adds).
 * Each family lives in its own module and exports a plain record of functions.
 */
import type { GoFunction } from '../go/value.js';
import { stringFuncs } from './strings.js';
import { mathFuncs } from './math.js';
import { conversionFuncs } from './conversion.js';
import { defaultsFuncs } from './defaults.js';
import { regexFuncs } from './regex.js';
import { encodingFuncs } from './encoding.js';
import { pathFuncs } from './paths.js';
import { reflectFuncs } from './reflect.js';
import { collectionFuncs } from './collections.js';
import { semverFuncs } from './semver.js';
import { dateFuncs } from './dates.js';
import { cryptoFuncs } from './crypto.js';
import { randomFuncs } from './random.js';
import { serializeFuncs } from './serialize.js';

export type FuncMap = Record<string, GoFunction>;

/** Sprig v3 (without env/expandenv) plus Helm's serializers and lookup. */
export function helmFuncMap(): Readonly<FuncMap> {
  // Built once: every render asks for it, and copying ~230 functions cost more than some renders.
  return (funcMap ??= Object.freeze({
    ...stringFuncs,
    ...mathFuncs,
    ...conversionFuncs,
    ...defaultsFuncs,
    ...regexFuncs,
    ...encodingFuncs,
    ...pathFuncs,
    ...reflectFuncs,
    ...collectionFuncs,
    ...semverFuncs,
    ...dateFuncs,
    ...cryptoFuncs,
    ...randomFuncs,
    ...serializeFuncs,
  }));
}

let funcMap: Readonly<FuncMap> | undefined;
