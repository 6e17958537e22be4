import { GoMap, type GoValue, sliceType, sprintf, typedSlice } from '@/lib/go';
import { parseValues, YamlError } from '@/lib/yaml';
import type { Chart } from './chart';
import { HelmError } from './errors';
import { parseSet } from './strvals';

/**
 * Helm's values: merging `-f`/`--set*` sources (`pkg/cli/values`), coalescing them with chart
 * defaults and subchart values including `global` (`pkg/chart/common/util/coalesce.go`).
 */

/**
 * Warn receives the warnings Helm logs: coalescing (`warning: skipped value for …`, logged by
 * log.Printf at INFO) and dependency processing (`returned non-bool value tag=t chart=c`, slog WARN).
 * `attrs` are the slog attributes in Helm's order; the message text also carries those without
 * spaces as ` key=value`.
 */
export type Warn = (message: string, attrs?: readonly (readonly [string, string])[]) => void;

const noWarn: Warn = () => {};

/** isTable reports whether v is a plain `map[string]interface {}` (Helm's `istable`). */
export function isTable(v: GoValue | undefined): v is GoMap {
  return v instanceof GoMap && v.goType === 'map[string]interface {}';
}

/** deepCopy copies maps and slices recursively (Helm's copystructure.Copy); scalars are shared. */
export function deepCopy<T extends GoValue>(v: T): T {
  if (v instanceof GoMap) {
    const src: GoMap = v;
    const m = new GoMap(null, src.goType, src.methods);
    for (const [k, e] of src) m.set(k, deepCopy(e));
    return m as T;
  }
  if (Array.isArray(v)) {
    const t = sliceType(v);
    return typedSlice(
      v.map((e) => deepCopy(e)),
      t,
    ) as T;
  }
  if (v instanceof Uint8Array) return v.slice() as T;
  return v;
}

/** mergeMaps is Helm's `loader.MergeMaps`: b over a, maps merged recursively, anything else replaced. */
export function mergeMaps(a: GoMap, b: GoMap): GoMap {
  const out = new GoMap(a);
  for (const [k, v] of b) {
    const av = out.get(k);
    if (v instanceof GoMap && v.goType === 'map[string]interface {}' && isTable(av)) {
      out.set(k, mergeMaps(av, v));
      continue;
    }
    out.set(k, v);
  }
  return out;
}

function concatPrefix(a: string, b: string): string {
  return a === '' ? b : `${a}.${b}`;
}

/**
 * coalesceValues is Helm's `CoalesceValues`: the user's values (copied, never modified) over the
 * chart's defaults and, recursively, over every subchart's defaults, with globals copied down and a
 * user `null` deleting a chart default. `chart` should be the enabled tree from
 * {@link processDependencies}. It throws a HelmError (`type mismatch on sub: …`).
 */
export function coalesceValues(chart: Chart, userValues: GoMap, warn: Warn = noWarn): GoMap {
  return coalesce(warn, chart, deepCopy(userValues), '', false);
}

/** mergeValues is Helm's `MergeValues`: like {@link coalesceValues} but a `null` never deletes. */
export function mergeValues(chart: Chart, userValues: GoMap, warn: Warn = noWarn): GoMap {
  return coalesce(warn, chart, deepCopy(userValues), '', true);
}

function coalesce(warn: Warn, ch: Chart, dest: GoMap, prefix: string, merge: boolean): GoMap {
  coalesceChartValues(warn, ch, dest, prefix, merge);
  return coalesceDeps(warn, ch, dest, prefix, merge);
}

function coalesceDeps(warn: Warn, ch: Chart, dest: GoMap, prefix: string, merge: boolean): GoMap {
  for (const sub of ch.dependencies) {
    const name = sub.metadata.name;
    const c = dest.get(name);
    if (c === undefined) {
      dest.set(name, new GoMap());
    } else if (!isTable(c)) {
      throw new HelmError(sprintf('type mismatch on %s: %t', [name, c]));
    }
    const dv = dest.get(name) as GoMap;
    const subPrefix = concatPrefix(prefix, ch.metadata.name);
    coalesceGlobals(warn, dv, dest, subPrefix);
    dest.set(name, coalesce(warn, sub, dv, subPrefix, merge));
  }
  return dest;
}

/** coalesceGlobals copies the parent's `global` table into a subchart's values (parent wins). */
function coalesceGlobals(warn: Warn, dest: GoMap, src: GoMap, prefix: string): void {
  let dg: GoMap;
  let sg: GoMap;
  const destglob = dest.get('global');
  if (destglob === undefined) dg = new GoMap();
  else if (isTable(destglob)) dg = destglob;
  else {
    warn('warning: skipping globals because destination global is not a table.');
    return;
  }
  const srcglob = src.get('global');
  if (srcglob === undefined) sg = new GoMap();
  else if (isTable(srcglob)) sg = srcglob;
  else {
    warn('warning: skipping globals because source global is not a table.');
    return;
  }
  for (const [key, val] of sg) {
    if (isTable(val)) {
      const vv = new GoMap(val);
      const destv = dg.get(key);
      if (destv === undefined) {
        dg.set(key, vv);
      } else if (!isTable(destv)) {
        warn(`Conflict: cannot merge map onto non-map for "${key}". Skipping.`);
      } else {
        coalesceTablesFullKey(warn, vv, destv, concatPrefix(prefix, key), true);
        dg.set(key, vv);
      }
    } else if (isTable(dg.get(key))) {
      warn(`key ${key} is table. Skipping`);
    } else {
      dg.set(key, val);
    }
  }
  dest.set('global', dg);
}

function isSubchartKey(ch: Chart, key: string): boolean {
  return ch.dependencies.some((d) => d.metadata.name === key);
}

function coalesceChartValues(warn: Warn, ch: Chart, v: GoMap, prefix: string, merge: boolean): void {
  const subPrefix = concatPrefix(prefix, ch.metadata.name);
  const vc = deepCopy(ch.values);
  for (const [key, val] of vc) {
    if (v.has(key)) {
      const value = v.get(key) as GoValue;
      if (value === null && !merge) {
        // Helm: a user null deletes the chart default.
        v.delete(key);
      } else if (isTable(value)) {
        if (!isTable(val)) {
          if (val !== null) warn(`warning: skipped value for ${subPrefix}.${key}: Not a table.`);
        } else {
          // Helm: the values of a subchart are merged (nulls kept) until its own defaults apply.
          const m = merge || isSubchartKey(ch, key);
          coalesceTablesFullKey(warn, value, val, concatPrefix(subPrefix, key), m);
        }
      }
    } else {
      v.set(key, val);
    }
  }
}

/** coalesceTables is Helm's `CoalesceTables`: src under dst, a dst null deletes a src value. */
export function coalesceTables(dst: GoMap, src: GoMap, warn: Warn = noWarn): GoMap {
  return coalesceTablesFullKey(warn, dst, src, '', false);
}

/** mergeTables is Helm's `MergeTables`: src under dst, nulls kept. */
export function mergeTables(dst: GoMap, src: GoMap, warn: Warn = noWarn): GoMap {
  return coalesceTablesFullKey(warn, dst, src, '', true);
}

function coalesceTablesFullKey(warn: Warn, dst: GoMap, src: GoMap, prefix: string, merge: boolean): GoMap {
  const srcOriginalNonNil = new Set<string>();
  for (const [key, val] of src) if (val !== null) srcOriginalNonNil.add(key);
  for (const [key, val] of dst) if (val === null) src.set(key, null);
  for (const [key, val] of src) {
    const fullkey = concatPrefix(prefix, key);
    const has = dst.has(key);
    const dv = dst.get(key);
    if (has && !merge && dv === null && srcOriginalNonNil.has(key)) {
      dst.delete(key);
    } else if (!has) {
      dst.set(key, val);
    } else if (isTable(val)) {
      if (isTable(dv)) coalesceTablesFullKey(warn, dv, val, fullkey, merge);
      else warn(sprintf('warning: cannot overwrite table with non table for %s (%v)', [fullkey, val]));
    } else if (isTable(dv) && val !== null) {
      warn(sprintf('warning: destination for %s is a table. Ignoring non-table value (%v)', [fullkey, val]));
    }
  }
  return dst;
}

/** ValueSources are the command-line value options of `helm template`, in Helm's terms. */
export interface ValueSources {
  /** valueFiles are the contents of the `-f` files, in order. */
  valueFiles?: string[];
  /** valueFileNames name the `-f` files for error messages (same order as valueFiles). */
  valueFileNames?: string[];
  set?: string[];
  setString?: string[];
  setJson?: string[];
  setLiteral?: string[];
  /** setFile are `--set-file key=path` with the file already read. */
  setFile?: { key: string; content: string }[];
}

// Values files read before, by text: the studio renders on every keystroke with the same files but
// the one being edited. A hit is deep-copied (--set and coalescing write into the maps they are given).
const parsedFiles = new Map<string, GoMap>();
const parsedFilesLimit = 16;

function parseValuesFile(content: string): GoMap {
  const hit = parsedFiles.get(content);
  if (hit !== undefined) return deepCopy(hit);
  const parsed = parseValues(content);
  if (parsedFiles.size >= parsedFilesLimit) parsedFiles.delete(parsedFiles.keys().next().value!);
  parsedFiles.set(content, deepCopy(parsed));
  return parsed;
}

/**
 * mergeValueSources is Helm's `values.Options.MergeValues`: `-f` files deep-merged in order, then
 * `--set-json`, `--set`, `--set-string`, `--set-file`, `--set-literal`. It throws a HelmError with
 * Helm's message (`failed parsing --set data: …`).
 */
export function mergeValueSources(opts: ValueSources): GoMap {
  let base = new GoMap();
  (opts.valueFiles ?? []).forEach((content, i) => {
    let current: GoMap;
    try {
      current = parseValuesFile(content);
    } catch (e) {
      if (!(e instanceof YamlError)) throw e;
      const name = opts.valueFileNames?.[i] ?? `values file ${i + 1}`;
      throw new HelmError(`failed to parse ${name}: ${e.helmMessage}`);
    }
    base = mergeMaps(base, current);
  });
  for (const value of opts.setJson ?? []) {
    const trimmed = value.trim();
    if (trimmed.startsWith('{')) {
      const parsed = parseJSONObject(trimmed);
      if (!parsed) throw new HelmError(`failed parsing --set-json data JSON: ${value}`);
      base = mergeMaps(base, parsed);
    } else {
      try {
        parseSet(value, base, 'json');
      } catch (e) {
        if (!(e instanceof HelmError)) throw e;
        throw new HelmError(`failed parsing --set-json data ${value}`);
      }
    }
  }
  const apply = (list: string[] | undefined, kind: 'set' | 'string' | 'literal', flag: string) => {
    for (const value of list ?? []) {
      try {
        parseSet(value, base, kind);
      } catch (e) {
        if (!(e instanceof HelmError)) throw e;
        throw new HelmError(`failed parsing ${flag} data: ${e.message}`);
      }
    }
  };
  apply(opts.set, 'set', '--set');
  apply(opts.setString, 'string', '--set-string');
  for (const { key, content } of opts.setFile ?? []) {
    try {
      // The value after `=` stands for the file's path; the parser's file reader returns `content`.
      parseSet(`${key}=path`, base, 'file', content);
    } catch (e) {
      if (!(e instanceof HelmError)) throw e;
      throw new HelmError(`failed parsing --set-file data: ${e.message}`);
    }
  }
  apply(opts.setLiteral, 'literal', '--set-literal');
  return base;
}

/** jsonToGo converts a JSON.parse result into Go values (numbers are float64). */
export function jsonToGo(v: unknown): GoValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return v;
  if (Array.isArray(v)) return v.map(jsonToGo);
  const m = new GoMap();
  for (const [k, e] of Object.entries(v as Record<string, unknown>)) m.set(k, jsonToGo(e));
  return m;
}

function parseJSONObject(text: string): GoMap | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (v === null) return new GoMap();
  if (typeof v !== 'object' || Array.isArray(v)) return undefined;
  return jsonToGo(v) as GoMap;
}
