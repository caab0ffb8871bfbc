#!/usr/bin/env node
/**
 * Generates the precompiled Kubernetes validators under schemas/k8s/.
 *
 * Source of truth: the `kubernetes-models` package, pinned below. Its
 * TypeScript declarations carry every field of every built-in kind, which
 * fields are required and the string enums; its own validators are not strict
 * (unknown fields pass) and merge all served API versions, so we derive strict
 * JSON Schemas from the declarations instead, and ask its validators only one
 * thing the declarations cannot say: whether a `number` field is an integer
 * (and whether a 32-bit one).
 *
 * Output (committed; test/schema/generated-fresh.test.ts checks that running
 * this script again gives the same bytes):
 *   schemas/k8s/index.json            apiVersion -> kind -> module, and the source version
 *   schemas/k8s/<group>/<version>/<Kind>.cjs
 *                                     the kind's validator: one function per
 *                                     definition it reaches (each once)
 *   schemas/k8s/_shared/<def>.cjs     big definitions many kinds use (pod template,
 *                                     pod spec, volume, job spec), loaded when an
 *                                     object first reaches them
 *
 * Why generated code of our own and not ajv standalone: ajv's code for the
 * pod template closure alone is ~450 KB and takes 20-30 ms to load, most of a
 * one-file lint's budget, and its errors lack the definition names our
 * messages need. This code is about a quarter of that (~110 KB for a
 * Deployment, 2.4 MB for all 240 modules, 135 KB gzipped), CommonJS so that a
 * synchronous rule can require() it lazily, and reports through
 * src/schema/runtime.ts.
 *
 * Usage: node scripts/gen-k8s-schemas.mjs [--fetch] [--check]
 *   --fetch  first install the pinned models into .cache/k8s-models/ (npm registry) when missing.
 *   --check  regenerate in memory and exit 1 when a committed file differs.
 *
 * Why the models are not a devDependency: kubernetes-models 5 (the release
 * with current Kubernetes models) declares Node >= 22, while the project
 * supports Node 20, so as a devDependency it made every `npm ci` on Node 20
 * warn EBADENGINE. It is read here as data (declarations and validators, which
 * run fine on Node 20), by this maintainer script only, so it lives in its own
 * install under .cache/ (git-ignored); .ci/run fetches it before the tests,
 * and test/schema/generated-fresh.test.ts skips with a message without it.
 */
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const ts = require('typescript');

/** The models the committed schemas come from (schemas/k8s/index.json records it). */
export const MODELS = 'kubernetes-models@5.1.0';
const modelsPrefix = path.join(root, '.cache', 'k8s-models');
const modelsRequire = createRequire(path.join(modelsPrefix, 'package.json'));
if (process.argv.includes('--fetch') && !modelsInstalled()) {
  console.error(`installing ${MODELS} into ${path.relative(root, modelsPrefix)}/ (a maintainer-only source, see this script's header)`);
  mkdirSync(modelsPrefix, { recursive: true });
  writeFileSync(path.join(modelsPrefix, 'package.json'), `${JSON.stringify({ private: true, description: 'scripts/gen-k8s-schemas.mjs models source' })}\n`);
  // --engine-strict=false and loglevel error: the package declares Node >= 22 but is only read as data here.
  execFileSync('npm', ['install', '--prefix', modelsPrefix, '--no-audit', '--no-fund', '--no-package-lock', '--engine-strict=false', '--loglevel=error', MODELS], { stdio: ['ignore', 'ignore', 'inherit'] });
}
if (!modelsInstalled()) {
  console.error(`${MODELS} is not installed: run node scripts/gen-k8s-schemas.mjs --fetch`);
  process.exit(2);
}
const modelsDir = path.dirname(modelsRequire.resolve('kubernetes-models/package.json'));
const machineryDir = path.dirname(modelsRequire.resolve('@kubernetes-models/apimachinery/package.json', { paths: [modelsDir] }));

function modelsInstalled() {
  try {
    return JSON.parse(readFileSync(path.join(modelsPrefix, 'node_modules', 'kubernetes-models', 'package.json'), 'utf8')).version === MODELS.split('@')[1];
  } catch {
    return false;
  }
}
const modelsVersion = JSON.parse(readFileSync(path.join(modelsDir, 'package.json'), 'utf8')).version;
const outDir = path.join(root, 'schemas', 'k8s');

/** The Kubernetes quantity grammar (k8s.io/apimachinery/pkg/api/resource), as a JSON Schema pattern. */
export const QUANTITY_PATTERN = '^[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[KMGTPE]i|[eE][+-]?[0-9]+|[numkMGTPE])?$';

// ---------------------------------------------------------------------------
// 1. Find the kinds: model classes that carry a static `kind`.

function listKindFiles() {
  const kinds = [];
  for (const groupDir of readdirSync(modelsDir, { withFileTypes: true })) {
    if (!groupDir.isDirectory() || groupDir.name.startsWith('_')) continue;
    const groupPath = path.join(modelsDir, groupDir.name);
    // The core group lives in `v1/` directly.
    const versionDirs = groupDir.name === 'v1' ? [{ group: '', version: 'v1', dir: groupPath }] : readdirSync(groupPath, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => ({ group: groupDir.name, version: d.name, dir: path.join(groupPath, d.name) }));
    for (const { group, version, dir } of versionDirs) {
      for (const file of readdirSync(dir).sort()) {
        if (!file.endsWith('.js') || file === 'index.js') continue;
        const js = readFileSync(path.join(dir, file), 'utf8');
        const m = /this\.kind="([^"]+)"/.exec(js) ?? /\.kind="([^"]+)"/.exec(js);
        if (!m) continue;
        kinds.push({ group, version, kind: m[1], dts: path.join(dir, file.replace(/\.js$/, '.d.ts')) });
      }
    }
  }
  return kinds.sort((a, b) => apiVersionOf(a).localeCompare(apiVersionOf(b)) || a.kind.localeCompare(b.kind));
}

function apiVersionOf(k) {
  return k.group === '' ? k.version : `${k.group}/${k.version}`;
}

// ---------------------------------------------------------------------------
// 2. Turn declarations into JSON Schema definitions.

/** Definition id of a declaration file: `apps.v1.DeploymentSpec`, `core.v1.Container`, `meta.v1.ObjectMeta`. */
function defIdOf(file) {
  const abs = path.resolve(file);
  let rel;
  if (abs.startsWith(modelsDir + path.sep)) {
    rel = path.relative(modelsDir, abs);
    if (rel.startsWith('v1' + path.sep)) rel = 'core' + path.sep + rel;
  } else if (abs.startsWith(machineryDir + path.sep)) {
    rel = path.relative(machineryDir, abs).replace(/^apis[\\/]/, '').replace(/^api[\\/]/, '').replace(/^util[\\/]/, '');
  } else {
    throw new Error(`declaration outside the models: ${file}`);
  }
  return rel.replace(/\.d\.ts$/, '').split(path.sep).join('.');
}

/** The long name kubernetes-models gives a definition (its `_schemas/<name>.js` validator). */
function longNameOf(file) {
  const text = readFileSync(file, 'utf8');
  const m = /export type \{ I\w+ as I(IoK8s\w+)/.exec(text);
  return m ? m[1] : undefined;
}

function buildDefinitions(kindFiles) {
  const program = ts.createProgram(kindFiles.map((k) => k.dts), { strict: true, noEmit: true, skipLibCheck: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext });
  const checker = program.getTypeChecker();
  /** id -> { schema, file, numberProps } */
  const defs = new Map();
  const pending = [];

  function interfaceOf(file) {
    const sf = program.getSourceFile(file);
    if (!sf) throw new Error(`not in program: ${file}`);
    const decl = sf.statements.find((s) => ts.isInterfaceDeclaration(s) && s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword));
    if (!decl) throw new Error(`no exported interface in ${file}`);
    return decl;
  }

  function refTo(symbolDecl) {
    const file = symbolDecl.getSourceFile().fileName;
    const id = defIdOf(file);
    if (!defs.has(id) && !pending.includes(file)) pending.push(file);
    return { $ref: `#/definitions/${id}` };
  }

  function schemaOfType(type, node, title = '') {
    const alias = type.aliasSymbol?.getName();
    if (alias === 'IQuantity') return { type: ['string', 'number'], pattern: QUANTITY_PATTERN };
    if (alias === 'IIntOrString') return { type: ['integer', 'string'] };
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (type.flags & ts.TypeFlags.String) return { type: 'string' };
    if (type.flags & ts.TypeFlags.Number) return { type: 'number' };
    if (type.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' };
    if (type.flags & ts.TypeFlags.StringLiteral) return { type: 'string', enum: [type.value] };
    if (type.isUnion()) {
      const members = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
      if (members.every((t) => t.flags & ts.TypeFlags.StringLiteral)) return { type: 'string', enum: members.map((t) => t.value).sort() };
      if (members.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' };
      if (members.length === 1) return schemaOfType(members[0], node);
      const kinds = new Set(members.map((t) => (t.flags & ts.TypeFlags.String ? 'string' : t.flags & ts.TypeFlags.Number ? 'number' : t.flags & ts.TypeFlags.BooleanLiteral ? 'boolean' : 'other')));
      if (!kinds.has('other')) return { type: [...kinds].sort() };
      return { anyOf: dedupe(members.map((t) => schemaOfType(t, node))) };
    }
    if (checker.isArrayType(type)) {
      return { type: 'array', items: schemaOfType(checker.getTypeArguments(type)[0], node, title) };
    }
    if (type.flags & ts.TypeFlags.Object) {
      const symbol = type.getSymbol();
      const decl = symbol?.declarations?.[0];
      if (decl && ts.isInterfaceDeclaration(decl)) return refTo(decl);
      const index = checker.getIndexInfoOfType(type, ts.IndexKind.String);
      if (index && checker.getPropertiesOfType(type).length === 0) {
        return { type: 'object', additionalProperties: schemaOfType(index.type, node) };
      }
      if (checker.getPropertiesOfType(type).length === 0) return { type: 'object' };
      // An anonymous object type (e.g. StatefulSetSpec.volumeClaimTemplates items).
      return objectSchema(type, title).schema;
    }
    throw new Error(`cannot map type ${checker.typeToString(type)} at ${node.getSourceFile().fileName}`);
  }

  function dedupe(list) {
    const seen = new Set();
    return list.filter((s) => {
      const k = JSON.stringify(s);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }

  function define(file) {
    const id = defIdOf(file);
    if (defs.has(id)) return;
    const decl = interfaceOf(file);
    const type = checker.getTypeAtLocation(decl);
    const title = id.slice(id.lastIndexOf('.') + 1);
    if (checker.getPropertiesOfType(type).length === 0) {
      // Free-form objects (RawExtension, FieldsV1, JSON): anything goes.
      defs.set(id, { schema: { title }, file, numberProps: [] });
      return;
    }
    defs.set(id, { ...objectSchema(type, title), file });
  }

  function objectSchema(type, title) {
    const props = checker.getPropertiesOfType(type);
    const properties = {};
    const required = [];
    const numberProps = [];
    for (const prop of [...props].sort((a, b) => (a.getName() < b.getName() ? -1 : 1))) {
      const pdecl = prop.valueDeclaration ?? prop.declarations[0];
      const ptype = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(prop, pdecl));
      const name = prop.getName();
      const schema = schemaOfType(ptype, pdecl, `${title}.${name}`);
      properties[name] = schema;
      // apiVersion and kind: the rule checks them on resources; list items may omit them.
      if (!(prop.flags & ts.SymbolFlags.Optional) && name !== 'apiVersion' && name !== 'kind') required.push(name);
      if (schema.type === 'number') numberProps.push({ name, array: false });
      else if (schema.type === 'array' && schema.items.type === 'number') numberProps.push({ name, array: true });
      else if (schema.type === 'object' && schema.additionalProperties?.type === 'number') numberProps.push({ name, map: true });
    }
    const schema = { title, type: 'object', properties, additionalProperties: false };
    if (required.length) schema.required = required;
    return { schema, numberProps };
  }

  for (const k of kindFiles) pending.push(k.dts);
  while (pending.length) define(pending.shift());
  return defs;
}

// ---------------------------------------------------------------------------
// 3. Integers: the declarations say `number`; the models' validators know.

async function markIntegers(defs) {
  for (const def of defs.values()) {
    if (def.numberProps.length === 0) continue;
    const long = longNameOf(def.file);
    const base = def.file.startsWith(machineryDir) ? machineryDir : modelsDir;
    const validatorFile = path.join(base, '_schemas', `${long}.js`);
    if (!long || !existsSync(validatorFile)) throw new Error(`no validator for ${def.file}`);
    const { validate } = await import(pathToFileURL(validatorFile).href);
    const errorsFor = (p, value) => {
      validate({ [p.name]: p.array ? [value] : p.map ? { k: value } : value });
      const where = `/${p.name}${p.array ? '/0' : p.map ? '/k' : ''}`;
      return (validate.errors ?? []).filter((e) => e.instancePath === where);
    };
    for (const p of def.numberProps) {
      const isInt = errorsFor(p, 1.5).some((e) => e.keyword === 'type' && e.params.type === 'integer');
      if (!isInt) continue;
      // int32 fields (replicas, ports, ...) reject 2^31; int64 ones do not.
      const int32 = errorsFor(p, 2 ** 31).some((e) => e.keyword === 'format' && e.params.format === 'int32');
      const type = int32 ? 'int32' : 'integer';
      const s = def.schema.properties[p.name];
      if (p.array) s.items.type = type;
      else if (p.map) s.additionalProperties.type = type;
      else s.type = type;
    }
  }
}

// ---------------------------------------------------------------------------
// 4. Compact schema nodes, the intermediate form the code is written from:
// 's' string, 'i' integer, 'i32' 32-bit integer, 'n' number, 'b' boolean, '*' anything, 'o' any
// object, 'q' quantity, 'is' int-or-string, 'ns' number or string, 'bs'
// boolean or string, {e: [...]} string enum, {a: node} array, {m: node} map,
// {r: id} definition; a definition is {t: title, p: {field: node}, q: [required]}
// or, free-form, just {t}.

/** JSON Schema (as built above) -> compact node. */
function compact(s) {
  if (s.$ref) return { r: s.$ref.slice('#/definitions/'.length) };
  if (s.anyOf) return { u: s.anyOf.map(compact) };
  if (s.pattern === QUANTITY_PATTERN) return 'q';
  if (s.enum) return { e: s.enum };
  const t = s.type;
  if (Array.isArray(t)) {
    const key = [...t].sort().join(',');
    if (key === 'integer,string') return 'is';
    if (key === 'number,string') return 'ns';
    if (key === 'boolean,string') return 'bs';
    throw new Error(`no compact form for type ${key}`);
  }
  switch (t) {
    case undefined: return '*';
    case 'string': return 's';
    case 'integer': return 'i';
    case 'int32': return 'i32';
    case 'number': return 'n';
    case 'boolean': return 'b';
    case 'array': return { a: compact(s.items) };
    case 'object':
      if (s.properties) return compactObject(s);
      if (s.additionalProperties) return { m: compact(s.additionalProperties) };
      return 'o';
  }
  throw new Error(`no compact form for ${JSON.stringify(s)}`);
}

function compactObject(s) {
  const out = { t: s.title, p: {} };
  for (const [k, v] of Object.entries(s.properties)) out.p[k] = compact(v);
  if (s.required?.length) out.q = s.required;
  return out;
}

function compactDef(def) {
  return def.schema.properties ? compactObject(def.schema) : { t: def.schema.title };
}

/** Ids of the definitions `rootId` references, stopping at shared ones (which are loaded, not copied). */
function closureOf(defs, rootId, shared = new Set()) {
  const seen = new Set([rootId]);
  const walk = (s) => {
    if (!s || typeof s !== 'object') return;
    if (typeof s.$ref === 'string') {
      const id = s.$ref.slice('#/definitions/'.length);
      if (!seen.has(id)) {
        seen.add(id);
        if (!shared.has(id)) walk(defs.get(id).schema);
      }
    }
    for (const v of Object.values(s)) if (v && typeof v === 'object') walk(v);
  };
  walk(defs.get(rootId).schema);
  return [...seen].sort();
}

/**
 * Definitions big enough and used by enough kinds to live in their own file
 * under _shared/ (pod template, containers, volumes, object metadata...): one
 * copy that every kind using it loads, instead of one copy per kind.
 */
function pickShared(defs, kinds) {
  const usedBy = new Map();
  for (const k of kinds) for (const id of closureOf(defs, defIdOf(k.dts))) usedBy.set(id, (usedBy.get(id) ?? 0) + 1);
  const shared = new Set();
  for (const [id, n] of usedBy) if (n >= SHARED_MIN_USERS && closureOf(defs, id).length >= SHARED_MIN_DEFS) shared.add(id);
  return shared;
}
const SHARED_MIN_USERS = 3;
const SHARED_MIN_DEFS = 45;

/** The definitions of one module: `rootId` and those it reaches that are not shared. */
function moduleDefs(defs, rootId, shared) {
  const others = new Set([...shared].filter((id) => id !== rootId));
  const out = new Map();
  for (const id of closureOf(defs, rootId, others)) if (!others.has(id)) out.set(id, compactDef(defs.get(id)));
  return { defs: out, uses: closureOf(defs, rootId, others).filter((id) => others.has(id)) };
}

// ---------------------------------------------------------------------------
// 5. Compact nodes -> JavaScript. One function per object definition; each
// field check is inlined in a switch on the key; errors go through the
// runtime helpers `R` (src/schema/runtime.ts), which build the messages.

const JS = JSON.stringify;
/** Compact scalar node -> the runtime helper that checks it (see src/schema/runtime.ts). */
const SCALAR_HELPERS = { s: 'S', i: 'I', i32: 'I32', n: 'N', b: 'B', q: 'Q', is: 'IS', ns: 'NS', bs: 'BS', o: 'O' };

class ModuleWriter {
  constructor(defs, uses) {
    this.defs = defs;
    this.names = new Map();
    this.consts = [];
    this.constKeys = new Map();
    this.inlined = [];
    let n = 0;
    for (const id of defs.keys()) this.names.set(id, `f${n++}`);
    uses.forEach((id, i) => {
      this.names.set(id, `x${i}`);
      this.consts.push(`const x${i}=need(${JS(id)});`);
    });
  }

  constant(prefix, code) {
    let name = this.constKeys.get(code);
    if (!name) {
      name = `${prefix}${this.constKeys.size}`;
      this.constKeys.set(code, name);
      this.consts.push(`const ${name}=${code};`);
    }
    return name;
  }

  isFree(id) {
    const d = this.defs.get(id);
    return d !== undefined && d.p === undefined;
  }

  /**
   * Code checking value `v` at key `k` (expressions) under path `p`. Scalars
   * go through the runtime's helpers (which skip null); objects and arrays
   * are walked inline, so the caller must make sure `v` is not null.
   */
  check(node, v, k, depth) {
    if (typeof node === 'string') {
      if (node === '*') return '';
      if (!SCALAR_HELPERS[node]) throw new Error(`no code for node ${node}`);
      // The commonest checks inline (the hot path stays in one function); the rest call a helper.
      if (node === 's') return `if(typeof ${v}!=="string"&&${v}!==null)S(${v},${k},p);`;
      if (node === 'b') return `if(typeof ${v}!=="boolean"&&${v}!==null)B(${v},${k},p);`;
      if (node === 'i32') return `if((typeof ${v}!=="number"||${v}%1!==0||${v}>2147483647||${v}<-2147483648)&&${v}!==null)I32(${v},${k},p);`;
      return `${SCALAR_HELPERS[node]}(${v},${k},p);`;
    }
    if (node.e) return `E(${v},${k},p,${this.constant('e', `new Set(${JS(node.e)})`)});`;
    if (node.r || node.p) {
      if (node.r && this.isFree(node.r)) return '';
      const fn = node.r ? this.names.get(node.r) : this.inline(node);
      return `if(typeof ${v}==="object"&&!Array.isArray(${v})){p.push(${k});${fn}(${v},p);p.pop()}else R.type(p,${k},${v},"object");`;
    }
    if (node.a || node.m) {
      const item = node.a ?? node.m;
      const i = `i${depth}`;
      const x = `v${depth}`;
      const inner = this.check(item, x, i, depth + 1);
      const nullOk = item === '*' || (item.r && this.isFree(item.r));
      const body = `const ${x}=${v}[${i}];if(${x}===null){${nullOk ? '' : `R.type(p,${i},null,${JS(this.expected(item))});`}}else{${inner}}`;
      if (node.a) return `if(Array.isArray(${v})){p.push(${k});for(let ${i}=0;${i}<${v}.length;${i}++){${body}}p.pop()}else R.type(p,${k},${v},"array");`;
      return `if(typeof ${v}==="object"&&!Array.isArray(${v})){p.push(${k});for(const ${i} in ${v}){${body}}p.pop()}else R.type(p,${k},${v},"object");`;
    }
    throw new Error(`no code for node ${JS(node)}`);
  }

  /** An anonymous object type (e.g. StatefulSetSpec.volumeClaimTemplates items): a function of its own. */
  inline(def) {
    const name = `g${this.inlined.length}`;
    this.inlined.push([name, def]);
    return name;
  }

  expected(node) {
    if (typeof node === 'string') return { s: 'string', i: 'integer', i32: 'integer', n: 'number', b: 'boolean', o: 'object', q: 'quantity (string or number)', is: 'integer or string', ns: 'number or string', bs: 'boolean or string', '*': 'any value' }[node];
    if (node.e) return 'string';
    if (node.a) return 'array';
    return 'object';
  }

  defFunction(name, def) {
    const fields = Object.keys(def.p);
    const info = this.constant('t', JS([def.t, ...fields]));
    let code = `function ${name}(o,p){for(const k in o){const v=o[k];switch(k){`;
    for (const f of fields) {
      const node = def.p[f];
      const c = this.check(node, 'v', 'k', 0);
      const needsGuard = typeof node !== 'string' && !node.e && c !== '';
      code += `case ${JS(f)}:${needsGuard ? `if(v!==null){${c}}` : c}break;`;
    }
    code += `default:R.unknown(p,k,${info})}}`;
    for (const f of def.q ?? []) {
      code += `if(o[${JS(f)}]==null)R.missing(p,${JS(f)},o[${JS(f)}],${info},${JS(this.expected(def.p[f]))});`;
    }
    return code + '}';
  }

  write(rootId, header) {
    const fns = [];
    for (const [id, def] of this.defs) if (def.p) fns.push(this.defFunction(this.names.get(id), def));
    for (let i = 0; i < this.inlined.length; i++) fns.push(this.defFunction(...this.inlined[i]));
    const root = this.isFree(rootId) ? 'function(){}' : this.names.get(rootId);
    return `// Generated by scripts/gen-k8s-schemas.mjs from kubernetes-models ${modelsVersion}: ${header}. Do not edit.\n"use strict";module.exports=function(R,need){const{s:S,i:I,i32:I32,n:N,b:B,q:Q,is:IS,ns:NS,bs:BS,o:O,e:E}=R;${this.consts.join('')}${fns.join('')}return ${root}};\n`;
  }
}

function moduleOf(defs, rootId, shared, header) {
  const m = moduleDefs(defs, rootId, shared);
  return new ModuleWriter(m.defs, m.uses).write(rootId, header);
}

function moduleRel(k) {
  return `${k.group === '' ? 'core' : k.group}/${k.version}/${k.kind}.cjs`;
}

async function generate() {
  const kinds = listKindFiles();
  const defs = buildDefinitions(kinds);
  await markIntegers(defs);
  const shared = pickShared(defs, kinds);
  const files = new Map();
  const index = { source: `kubernetes-models@${modelsVersion}`, apiVersions: {} };
  for (const k of kinds) {
    const av = apiVersionOf(k);
    (index.apiVersions[av] ??= {})[k.kind] = moduleRel(k);
    files.set(moduleRel(k), moduleOf(defs, defIdOf(k.dts), shared, `${av} ${k.kind}`));
  }
  for (const id of [...shared].sort()) files.set(`_shared/${id}.cjs`, moduleOf(defs, id, shared, id));
  files.set('index.json', JSON.stringify(index, null, 1) + '\n');
  return files;
}

function listExisting(dir, prefix = '') {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listExisting(path.join(dir, e.name), rel));
    else out.push(rel);
  }
  return out;
}

const files = await generate();
if (process.argv.includes('--check')) {
  const stale = [];
  for (const [rel, text] of files) {
    const p = path.join(outDir, rel);
    if (!existsSync(p) || readFileSync(p, 'utf8') !== text) stale.push(rel);
  }
  for (const rel of listExisting(outDir)) if (!files.has(rel)) stale.push(`${rel} (not generated)`);
  if (stale.length) {
    console.error(`schemas/k8s is stale (${stale.length} files), run: node scripts/gen-k8s-schemas.mjs\n  ${stale.slice(0, 20).join('\n  ')}`);
    process.exit(1);
  }
  console.log(`schemas/k8s is fresh (${files.size} files)`);
} else {
  rmSync(outDir, { recursive: true, force: true });
  let bytes = 0;
  for (const [rel, text] of files) {
    const p = path.join(outDir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, text);
    bytes += Buffer.byteLength(text);
  }
  console.log(`wrote ${files.size} files, ${(bytes / 1024 / 1024).toFixed(2)} MiB, to schemas/k8s`);
}
