/**
 * Helm's dependency processing (pkg/chartutil/dependencies.go): aliases,
 * `condition` and `tags` deciding which subcharts are enabled, and
 * `import-values` (both the `exports.<name>` string form and the
 * {child, parent} form) copying subchart values up into the parent.
 * Quirks are kept on purpose: the same coalescing passes, the same order.
 */
import { isGoMap, type GoMap, type GoValue } from '../go/value.js';
import type { Chart, Dependency } from './chart.js';
import { coalesceTables, coalesceValues, deepCopyMap, mergeTables, type PrintFn } from './coalesce.js';
import { isCompatibleRange } from './semver-range.js';
import { formatV } from '../go/fmt.js';

function newMap(): GoMap {
  return Object.create(null) as GoMap;
}

class NoTableError extends Error {
  constructor(readonly key: string) {
    super(`"${key}" is not a table`);
  }
}

/** chartutil.Values.Table: walks dotted keys through nested maps. */
export function valuesTable(v: GoMap, name: string): GoMap {
  let table = v;
  for (const n of name.split('.')) {
    if (!Object.prototype.hasOwnProperty.call(table, n)) throw new NoTableError(n);
    const next = table[n];
    if (!isGoMap(next)) throw new NoTableError(n);
    table = next;
  }
  return table;
}

/** chartutil.Values.PathValue: a non-table value at a dotted path, or NO_VALUE. */
const NO_VALUE = Symbol('no-value');
function pathValue(v: GoMap, path: string): GoValue | typeof NO_VALUE {
  const parts = path.split('.');
  const key = parts[parts.length - 1];
  let t: GoMap = v;
  if (parts.length > 1) {
    try {
      t = valuesTable(v, parts.slice(0, -1).join('.'));
    } catch {
      return NO_VALUE;
    }
  }
  if (Object.prototype.hasOwnProperty.call(t, key) && !isGoMap(t[key])) return t[key];
  return NO_VALUE;
}

function processDependencyConditions(printf: PrintFn, reqs: Dependency[] | null, cvals: GoMap, cpath: string): void {
  for (const r of reqs ?? []) {
    for (const c of r.condition.trim().split(',')) {
      if (c.length === 0) continue;
      const vv = pathValue(cvals, cpath + c);
      if (vv === NO_VALUE) continue;
      if (typeof vv === 'boolean') {
        r.enabled = vv;
        break;
      }
      printf(`Warning: Condition path '${c}' for chart ${r.name} returned non-bool value`);
    }
  }
}

function processDependencyTags(printf: PrintFn, reqs: Dependency[] | null, cvals: GoMap): void {
  let vt: GoMap;
  try {
    vt = valuesTable(cvals, 'tags');
  } catch {
    return;
  }
  for (const r of reqs ?? []) {
    let hasTrue = false;
    let hasFalse = false;
    for (const k of r.tags) {
      if (!Object.prototype.hasOwnProperty.call(vt, k)) continue;
      const b = vt[k];
      if (typeof b === 'boolean') {
        if (b) hasTrue = true;
        else hasFalse = true;
      } else {
        printf(`Warning: Tag '${k}' for chart ${r.name} returned non-bool value`);
      }
    }
    if (!hasTrue && hasFalse) r.enabled = false;
    else if (hasTrue || (!hasTrue && !hasFalse)) r.enabled = true;
  }
}

function getAliasDependency(charts: Chart[], dep: Dependency): Chart | undefined {
  for (const c of charts) {
    if (c.name() !== dep.name) continue;
    if (!isCompatibleRange(dep.version, c.metadata.version)) continue;
    const out = c.cloneWithMetadata();
    if (dep.alias !== '') out.metadata.name = dep.alias;
    return out;
  }
  return undefined;
}

function processDependencyEnabled(printf: PrintFn, c: Chart, v: GoMap, path: string): void {
  if (c.metadata.dependencies === null) return;
  const chartDependencies: Chart[] = [];
  for (const existing of c.dependencies()) {
    const listed = c.metadata.dependencies.some((req) => existing.name() === req.name && isCompatibleRange(req.version, existing.metadata.version));
    if (!listed) chartDependencies.push(existing);
  }
  for (const req of c.metadata.dependencies) {
    const dep = getAliasDependency(c.dependencies(), req);
    if (dep) chartDependencies.push(dep);
    if (req.alias !== '') req.name = req.alias;
  }
  c.setDependencies(chartDependencies);
  for (const lr of c.metadata.dependencies) lr.enabled = true;
  const cvals = coalesceValues(printf, c, v);
  processDependencyTags(printf, c.metadata.dependencies, cvals);
  processDependencyConditions(printf, c.metadata.dependencies, cvals, path);
  const rm = new Set<string>();
  for (const r of c.metadata.dependencies) if (!r.enabled) rm.add(r.name);
  const cd = c.dependencies().filter((n) => !rm.has(n.metadata.name));
  const cdMetadata = c.metadata.dependencies.filter((n) => !rm.has(n.name));
  for (const t of cd) processDependencyEnabled(printf, t, cvals, `${path}${t.metadata.name}.`);
  c.metadata.dependencies = cdMetadata;
  c.setDependencies(cd);
}

function pathToMap(path: string, data: GoMap): GoMap {
  if (path === '.') return data;
  let cur: GoMap = data;
  const parts = path.split('.');
  for (let i = parts.length - 1; i >= 0; i--) {
    const m = newMap();
    m[parts[i]] = cur;
    cur = m;
  }
  return cur;
}

function trimNilValues(vals: GoMap): GoMap {
  const copy = deepCopyMap(vals);
  const trim = (m: GoMap): void => {
    for (const k of Object.keys(m)) {
      if (m[k] === null) delete m[k];
      else if (isGoMap(m[k])) trim(m[k] as GoMap);
    }
  };
  trim(copy);
  return copy;
}

function processImportValues(printf: PrintFn, c: Chart, merge: boolean): void {
  if (c.metadata.dependencies === null) return;
  const cvals = coalesceValues(printf, c, null, merge);
  let b = newMap();
  for (const r of c.metadata.dependencies) {
    const outiv: GoValue[] = [];
    for (const riv of r.importValues) {
      if (isGoMap(riv)) {
        const child = formatV(riv.child ?? null);
        const parent = formatV(riv.parent ?? null);
        const entry = newMap();
        entry.child = child;
        entry.parent = parent;
        outiv.push(entry);
        let vv: GoMap;
        try {
          vv = valuesTable(cvals, `${r.name}.${child}`);
        } catch (e) {
          printf(`Warning: ImportValues missing table from chart ${r.name}: ${(e as Error).message}`);
          continue;
        }
        b = merge ? mergeTables(b, pathToMap(parent, vv), printf) : coalesceTables(b, pathToMap(parent, vv), printf);
      } else if (typeof riv === 'string') {
        const child = `exports.${riv}`;
        const entry = newMap();
        entry.child = child;
        entry.parent = '.';
        outiv.push(entry);
        let vm: GoMap;
        try {
          vm = valuesTable(cvals, `${r.name}.${child}`);
        } catch (e) {
          printf(`Warning: ImportValues missing table: ${(e as Error).message}`);
          continue;
        }
        b = merge ? mergeTables(b, vm, printf) : coalesceTables(b, vm, printf);
      }
    }
    r.importValues = outiv;
  }
  c.values = merge ? mergeTables(deepCopyMap(cvals), b, printf) : coalesceTables(trimNilValues(cvals), b, printf);
}

function processDependencyImportValues(printf: PrintFn, c: Chart, merge: boolean): void {
  for (const d of c.dependencies()) processDependencyImportValues(printf, d, merge);
  processImportValues(printf, c, merge);
}

/** ProcessDependenciesWithMerge, what `helm install`/`template` run before rendering. */
export function processDependencies(printf: PrintFn, c: Chart, vals: GoMap): void {
  processDependencyEnabled(printf, c, vals, '');
  processDependencyImportValues(printf, c, true);
}

/** action.CheckDependencies: every dependency in Chart.yaml must be in charts/. */
export function missingDependencies(c: Chart): string[] {
  const missing: string[] = [];
  for (const r of c.metadata.dependencies ?? []) {
    if (!c.dependencies().some((d) => d.name() === r.name)) missing.push(r.name);
  }
  return missing;
}
