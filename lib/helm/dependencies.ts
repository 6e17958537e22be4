import { GoMap, type GoValue, quoteString, sprint } from '@/lib/go';
import { type Chart, type ChartDependency, type ChartMetadata, isValidSemver } from './chart';
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

// ---- Masterminds semver v3.4 constraints, as Helm's IsCompatibleRange uses them ----

interface Version {
  major: bigint;
  minor: bigint;
  patch: bigint;
  pre: string;
}

const looseVersion =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;

function parseVersion(v: string): Version | undefined {
  if (!isValidSemver(v)) return undefined;
  const m = looseVersion.exec(v) as RegExpExecArray;
  const seg = (s: string | undefined) => (s ? BigInt(s.replace('.', '')) : 0n);
  return { major: seg(m[1]), minor: seg(m[2]), patch: seg(m[3]), pre: m[5] ?? '' };
}

function comparePrerelease(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  const pa = a.split('.');
  const pb = b.split('.');
  const n = Math.max(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xn = /^[0-9]+$/.test(x);
    const yn = /^[0-9]+$/.test(y);
    if (xn && yn) return BigInt(x) < BigInt(y) ? -1 : 1;
    if (xn) return -1;
    if (yn) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

function compareVersions(a: Version, b: Version): number {
  for (const k of ['major', 'minor', 'patch'] as const) {
    if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  }
  return comparePrerelease(a.pre, b.pre);
}

interface Constraint {
  op: string;
  con: Version;
  dirty: boolean;
  minorDirty: boolean;
  patchDirty: boolean;
}

const cv =
  '[vV]?([0-9|xX*]+)(\\.[0-9|xX*]+)?(\\.[0-9|xX*]+)?(-([0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*))?(\\+([0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*))?';
const cvNoGroups = cv.replace(/\((?!\?)/g, '(?:');
const ops = '=|!=|>|<|>=|=>|<=|=<|~|~>|\\^';
const constraintRe = new RegExp(`^\\s*(${ops}|)\\s*(${cv})\\s*$`);
const findRe = new RegExp(`(?:${ops}|)\\s*${cvNoGroups}`, 'g');
const validRe = new RegExp(
  `^(?:\\s*(?:${ops}|)\\s*${cvNoGroups}\\s*)(?:(?:\\s+|,\\s*)(?:${ops}|)\\s*${cvNoGroups}\\s*)*$`,
);
const rangeRe = new RegExp(`\\s*(${cvNoGroups})\\s+-\\s+(${cvNoGroups})\\s*`, 'g');

const isX = (s: string | undefined) => s === 'x' || s === 'X' || s === '*';

function parseConstraint(c: string): Constraint | undefined {
  const m = constraintRe.exec(c);
  if (!m) return undefined;
  const op = m[1] ?? '';
  const major = m[3] ?? '';
  const minor = (m[4] ?? '').replace(/^\./, '');
  const patch = (m[5] ?? '').replace(/^\./, '');
  const pre = m[6] ?? '';
  let ver: string;
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isX(major) || major === '') {
    ver = `0.0.0${pre}`;
    dirty = true;
  } else if (isX(minor) || minor === '') {
    ver = `${major}.0.0${pre}`;
    dirty = minorDirty = true;
  } else if (isX(patch) || patch === '') {
    ver = `${major}.${minor}.0${pre}`;
    dirty = patchDirty = true;
  } else {
    ver = m[2] as string;
  }
  const con = parseVersion(ver);
  if (!con) return undefined;
  return { op, con, dirty, minorDirty, patchDirty };
}

function checkConstraint(v: Version, c: Constraint, includePre: boolean): boolean {
  if (v.pre !== '' && !includePre) return false;
  const cmp = compareVersions(v, c.con);
  const tilde = () => {
    if (cmp < 0) return false;
    if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty) {
      return true;
    }
    if (v.major !== c.con.major) return false;
    return !(v.minor !== c.con.minor && !c.minorDirty);
  };
  switch (c.op) {
    case '':
    case '=':
      return c.dirty ? tilde() : cmp === 0;
    case '!=':
      if (c.dirty) {
        if (c.con.major !== v.major) return true;
        if (c.con.minor !== v.minor && !c.minorDirty) return true;
        if (c.minorDirty) return false;
        if (c.con.patch !== v.patch && !c.patchDirty) return true;
        if (c.patchDirty) {
          if (v.pre !== '' || c.con.pre !== '') return comparePrerelease(v.pre, c.con.pre) !== 0;
          return false;
        }
      }
      return cmp !== 0;
    case '>':
      if (!c.dirty) return cmp > 0;
      if (v.major > c.con.major) return true;
      if (v.major < c.con.major) return false;
      if (c.minorDirty) return false;
      if (c.patchDirty) return v.minor > c.con.minor;
      return cmp > 0;
    case '<':
      return cmp < 0;
    case '>=':
    case '=>':
      return cmp >= 0;
    case '<=':
    case '=<':
      if (!c.dirty) return cmp <= 0;
      if (v.major > c.con.major) return false;
      return !(v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty);
    case '~':
    case '~>':
      return tilde();
    default: {
      // '^'
      if (cmp < 0) return false;
      if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major;
      if (v.major > 0n) return false;
      if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor;
      if (v.minor > 0n) return false;
      return c.con.patch === v.patch;
    }
  }
}

/**
 * isCompatibleRange is Helm's IsCompatibleRange: whether version satisfies the Masterminds semver
 * constraint (false when either does not parse, including an empty constraint).
 */
export function isCompatibleRange(constraint: string | undefined, version: string): boolean {
  const v = parseVersion(version);
  if (!v) return false;
  const rewritten = (constraint ?? '').replace(rangeRe, (_all, a: string, b: string) => `>= ${a}, <= ${b} `);
  const groups: { cs: Constraint[]; pre: boolean }[] = [];
  for (const part of rewritten.split('||')) {
    if (!validRe.test(part)) return false;
    const found = part.match(findRe) ?? [part];
    const cs: Constraint[] = [];
    let pre = false;
    for (const s of found) {
      const pc = parseConstraint(s);
      if (!pc) return false;
      if (pc.con.pre !== '') pre = true;
      cs.push(pc);
    }
    groups.push({ cs, pre });
  }
  return groups.some((g) => g.cs.every((c) => checkConstraint(v, c, g.pre)));
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
