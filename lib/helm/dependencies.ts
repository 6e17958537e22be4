import { GoError, GoMap, type GoValue, quoteString, sprint } from '@/lib/go';
import { semverCompare } from '@/lib/sprig';
import type { Chart, ChartDependency, ChartMetadata } from './chart';
import { HelmError } from './errors';
import {
  coalesceTables,
  coalesceValues,
  deepCopy,
  isTable,
  mergeTables,
  mergeValues,
  type Warn,
} from './values';

/**
 * Helm's dependency processing (`pkg/chart/v2/util/dependencies.go`): which subcharts are enabled
 * (tags, conditions), aliases, and `import-values`.
 */

/**
 * isCompatibleRange is Helm's IsCompatibleRange: whether version satisfies the Masterminds semver
 * constraint (false when either does not parse, including an empty constraint).
 */
export function isCompatibleRange(constraint: string | undefined, version: string): boolean {
  try {
    return semverCompare(constraint ?? '', version);
  } catch (e) {
    if (e instanceof GoError) return false;
    throw e;
  }
}

// ---- Enabling, aliases ----

function copyMetadata(md: ChartMetadata): ChartMetadata {
  return {
    ...md,
    dependencies: md.dependencies?.map((d) => ({ ...d })),
  };
}

/** shallowChart copies a chart with its own metadata and dependency list (files shared). */
function copyChart(c: Chart): Chart {
  return { ...c, metadata: copyMetadata(c.metadata), dependencies: [...c.dependencies] };
}

/** copyTree copies a chart tree so processing can rewrite metadata, values and dependency lists. */
function copyTree(c: Chart, parent?: Chart): Chart {
  const out = copyChart(c);
  out.parent = parent;
  out.dependencies = c.dependencies.map((d) => copyTree(d, out));
  return out;
}

function aliasDependency(charts: Chart[], dep: ChartDependency): Chart | undefined {
  for (const c of charts) {
    if (c.metadata.name !== dep.name) continue;
    if (!isCompatibleRange(dep.version, c.metadata.version)) continue;
    const out = copyChart(c);
    out.dependencies = c.dependencies.map((d) => ({ ...d, parent: out }));
    if (dep.alias) out.metadata.name = dep.alias;
    return out;
  }
  return undefined;
}

/** pathValue is Helm's `Values.PathValue`: a non-table value at a dotted path, or undefined. */
function pathValue(v: GoMap, path: string): GoValue | undefined {
  if (path === '') return undefined;
  const parts = path.split('.');
  let t: GoMap = v;
  for (const p of parts.slice(0, -1)) {
    const n = t.get(p);
    if (!isTable(n)) return undefined;
    t = n;
  }
  const key = parts[parts.length - 1] as string;
  if (!t.has(key)) return undefined;
  const val = t.get(key) as GoValue;
  return isTable(val) ? undefined : val;
}

/** table is Helm's `Values.Table`: the map at a dotted path, or undefined. */
function table(v: GoMap, path: string): GoMap | undefined {
  const r = tableLookup(v, path);
  return typeof r === 'string' ? undefined : r;
}

/** tableLookup is {@link table} returning Helm's ErrNoTable text (`"x" is not a table`) on failure. */
function tableLookup(v: GoMap, path: string): GoMap | string {
  let t: GoMap = v;
  for (const p of path.split('.')) {
    const n = t.get(p);
    if (!(n instanceof GoMap)) return `${quoteString(p)} is not a table`;
    t = n;
  }
  return t;
}

/** warnAttrs reports a dependency warning: attrs go to the text when they have no spaces. */
function warnAttrs(warn: Warn, msg: string, attrs: [string, string][]): void {
  const text = attrs
    .filter(([, v]) => v !== '' && !/\s/.test(v))
    .map(([k, v]) => ` ${k}=${v}`)
    .join('');
  warn(`${msg}${text}`, attrs);
}

function processTags(reqs: ChartDependency[], cvals: GoMap, warn: Warn): void {
  const vt = table(cvals, 'tags');
  if (!vt) return;
  for (const r of reqs) {
    let hasTrue = false;
    let hasFalse = false;
    for (const k of r.tags ?? []) {
      if (!vt.has(k)) continue;
      const b = vt.get(k);
      if (typeof b === 'boolean') {
        if (b) hasTrue = true;
        else hasFalse = true;
      } else {
        warnAttrs(warn, 'returned non-bool value', [
          ['tag', k],
          ['chart', r.name],
        ]);
      }
    }
    if (!hasTrue && hasFalse) r.enabled = false;
    else if (hasTrue || (!hasTrue && !hasFalse)) r.enabled = true;
  }
}

function processConditions(reqs: ChartDependency[], cvals: GoMap, cpath: string, warn: Warn): void {
  for (const r of reqs) {
    for (const c of (r.condition ?? '').trim().split(',')) {
      if (c.length === 0) continue;
      const vv = pathValue(cvals, cpath + c);
      if (vv === undefined) continue;
      if (typeof vv === 'boolean') {
        r.enabled = vv;
        break;
      }
      warnAttrs(warn, 'returned non-bool value', [
        ['path', c],
        ['chart', r.name],
      ]);
    }
  }
}

function processEnabled(c: Chart, v: GoMap, path: string, warn: Warn): void {
  const reqs = c.metadata.dependencies;
  if (!reqs) return;
  const chartDependencies: Chart[] = [];
  for (const existing of c.dependencies) {
    const listed = reqs.some(
      (req) =>
        existing.metadata.name === req.name && isCompatibleRange(req.version, existing.metadata.version),
    );
    if (!listed) chartDependencies.push(existing);
  }
  for (const req of reqs) {
    const cd = aliasDependency(c.dependencies, req);
    if (cd) chartDependencies.push(cd);
    if (req.alias) req.name = req.alias;
  }
  for (const d of chartDependencies) d.parent = c;
  c.dependencies = chartDependencies;
  for (const r of reqs) r.enabled = true;
  const cvals = coalesceValues(c, v, warn);
  processTags(reqs, cvals, warn);
  processConditions(reqs, cvals, path, warn);
  const rm = new Set(reqs.filter((r) => !r.enabled).map((r) => r.name));
  const cd = c.dependencies.filter((n) => !rm.has(n.metadata.name));
  const cdMetadata = reqs.filter((n) => !rm.has(n.name));
  for (const t of cd) processEnabled(t, cvals, `${path}${t.metadata.name}.`, warn);
  c.metadata.dependencies = cdMetadata;
  c.dependencies = cd;
}

// ---- import-values ----

function pathToMap(path: string, data: GoMap): GoMap {
  if (path === '.') return data;
  let cur = data;
  const parts = path.split('.');
  for (let i = parts.length - 1; i >= 0; i--) cur = new GoMap([[parts[i] as string, cur]]);
  return cur;
}

function trimNilValues(vals: GoMap): GoMap {
  const out = deepCopy(vals);
  for (const [k, v] of [...out]) {
    if (v === null) out.delete(k);
    else if (isTable(v)) out.set(k, trimNilValues(v));
  }
  return out;
}

function processImportValues(c: Chart, merge: boolean, warn: Warn): void {
  const reqs = c.metadata.dependencies;
  if (!reqs) return;
  const cvals = merge ? mergeValues(c, new GoMap(), warn) : coalesceValues(c, new GoMap(), warn);
  let b = new GoMap();
  for (const r of reqs) {
    const outiv: GoValue[] = [];
    for (const riv of r.importValues ?? []) {
      let child: string;
      let parent: string;
      if (riv instanceof GoMap) {
        // Go: fmt.Sprintf("%v", iv["child"]) — a missing key prints <nil>.
        child = sprint([riv.get('child') ?? null]);
        parent = sprint([riv.get('parent') ?? null]);
        outiv.push(
          new GoMap(
            [
              ['child', child],
              ['parent', parent],
            ],
            'map[string]string',
          ),
        );
        const vv = tableLookup(cvals, `${r.name}.${child}`);
        if (typeof vv === 'string') {
          warnAttrs(warn, 'ImportValues missing table from chart', [
            ['chart', r.name],
            ['error', vv],
          ]);
          continue;
        }
        const src = pathToMap(parent, vv);
        b = merge ? mergeTables(b, src, warn) : coalesceTables(b, src, warn);
      } else if (typeof riv === 'string') {
        child = `exports.${riv}`;
        outiv.push(
          new GoMap(
            [
              ['child', child],
              ['parent', '.'],
            ],
            'map[string]string',
          ),
        );
        const vm = tableLookup(cvals, `${r.name}.${child}`);
        if (typeof vm === 'string') {
          warnAttrs(warn, 'ImportValues missing table', [['error', vm]]);
          continue;
        }
        b = merge ? mergeTables(b, vm, warn) : coalesceTables(b, vm, warn);
      }
    }
    r.importValues = outiv;
  }
  c.values = merge ? mergeTables(deepCopy(cvals), b, warn) : coalesceTables(trimNilValues(cvals), b, warn);
}

function processImports(c: Chart, merge: boolean, warn: Warn): void {
  for (const d of c.dependencies) processImports(d, merge, warn);
  processImportValues(c, merge, warn);
}

/**
 * processDependencies is Helm's `ProcessDependencies` on a copy of the chart tree: subcharts listed
 * in Chart.yaml are matched by name and version range, renamed to their alias, enabled or removed by
 * `tags` and `condition` (evaluated on the coalesced values), and `import-values` are merged into
 * each parent's values. The input chart is not modified. It throws a HelmError
 * (`type mismatch on sub: …`), which `helm template` reports as
 * `chart dependencies processing failed: <message>` after logging it at level ERROR.
 */
export function processDependencies(chart: Chart, values: GoMap, warn: Warn = () => {}): Chart {
  const c = copyTree(chart);
  processEnabled(c, values, '', warn);
  processImports(c, true, warn);
  return c;
}

/**
 * checkDependencies is the check `helm template` runs before rendering: every dependency in
 * Chart.yaml must be present in `charts/` (by name). It throws Helm's HelmError
 * (`an error occurred while checking for chart dependencies. … missing in charts/ directory: x`).
 */
export function checkDependencies(chart: Chart): void {
  const reqs = chart.metadata.dependencies ?? [];
  if (reqs.length === 0) return;
  const missing = reqs
    .filter((r) => !chart.dependencies.some((d) => d.metadata.name === r.name))
    .map((r) => r.name);
  if (missing.length > 0) {
    throw new HelmError(
      'an error occurred while checking for chart dependencies. You may need to run `helm dependency build` ' +
        `to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: ${missing.join(', ')}`,
    );
  }
}
