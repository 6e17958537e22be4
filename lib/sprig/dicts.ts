/**
 * Sprig's dict functions (`dict.go`, mergo v1.0.1 merging, copystructure deep copies).
 *
 * `keys` and `values`: Go iterates maps in random order, so sprig's output order is random.
 * Here every dict's keys come in sorted (byte) order, which is one of Go's possible orders and is
 * stable; charts normally pipe `keys` to `sortAlpha` anyway.
 */
import { GoError, GoMap, GoPanic, type GoValue, goTypeName, sliceType, typedSlice } from '../go';
import { isEmpty, isSliceKind, strArg, strval } from './cast';
import { type FuncMap, goFunc } from './func';
import { compareGoStrings } from './strings';

const MSI = 'map[string]interface {}' as const;

function asMap(v: GoValue): GoMap {
  if (v instanceof GoMap) return v;
  throw new Error(`sprig: expected a map argument, got ${v === null ? 'nil' : goTypeName(v)}`);
}

function sortedKeys(m: GoMap): string[] {
  return [...m.keys()].sort(compareGoStrings);
}

/** mergeInto is mergo.Merge / MergeWithOverwrite of one map[string]interface{} into another. */
export function mergeInto(dst: GoMap, src: GoMap, overwrite: boolean): void {
  for (const [k, s] of src) {
    const has = dst.has(k);
    const d = has ? dst.get(k)! : null;
    if (s === null) {
      // mergo: a nil source element only replaces with overwrite.
      if (overwrite) dst.set(k, null);
      continue;
    }
    if (s instanceof GoMap && d instanceof GoMap) mergeInto(d, s, overwrite);
    if (has && !isEmpty(d)) {
      if (isSliceKind(s)) {
        if (overwrite) dst.set(k, s);
        continue;
      }
      if (s instanceof GoMap && d instanceof GoMap) continue;
    }
    if (overwrite || !has || isEmpty(d)) dst.set(k, s);
  }
}

/** deepCopy is copystructure.Copy: maps and slices copied recursively, keeping their Go types. */
export function deepCopy(v: GoValue): GoValue {
  if (v instanceof GoMap) {
    return new GoMap(
      [...v].map(([k, x]) => [k, deepCopy(x)] as const),
      v.goType,
      v.methods,
    );
  }
  if (Array.isArray(v)) return typedSlice(v.map(deepCopy), sliceType(v));
  if (v instanceof Uint8Array) return v.slice();
  return v;
}

/** nonNil fails as copystructure does on a nil interface (reflect on the zero Value). */
function nonNil(v: GoValue): GoValue {
  if (v === null) throw new GoPanic('reflect: call of reflect.Value.Type on zero Value');
  return v;
}

/** interfaceConversion is Go's panic text for a failed type assertion. */
function interfaceConversion(v: GoValue, want: string): GoPanic {
  const got = v === null ? 'nil' : goTypeName(v);
  return new GoPanic(`interface conversion: interface {} is ${got}, not ${want}`);
}

function dig(ps: GoValue[]): GoValue {
  if (ps.length < 3) throw new GoPanic('dig needs at least three arguments');
  let dict = ps[ps.length - 1]!;
  if (!(dict instanceof GoMap) || dict.goType !== MSI) throw interfaceConversion(dict, MSI);
  const def = ps[ps.length - 2]!;
  const ks = ps.slice(0, -2).map((k) => {
    if (typeof k !== 'string') throw interfaceConversion(k, 'string');
    return k;
  });
  for (let i = 0; i < ks.length; i++) {
    if (!dict.has(ks[i]!)) return def;
    const step: GoValue = dict.get(ks[i]!)!;
    if (i === ks.length - 1) return step;
    if (!(step instanceof GoMap) || step.goType !== MSI) throw interfaceConversion(step, MSI);
    dict = step;
  }
  return def;
}

/** dictFuncs returns sprig's dict functions. */
export function dictFuncs(): FuncMap {
  const A = 'interface {}' as const;
  const S = 'string' as const;
  const merge = (name: string, overwrite: boolean, must: boolean) =>
    goFunc(
      name,
      [MSI, MSI],
      (dst, ...srcs) => {
        // mergo: a nil destination map is replaced by a new one.
        const d = dst === null || (dst instanceof GoMap && dst.isNil) ? new GoMap() : asMap(dst);
        for (const s of srcs) {
          if (s === null) continue;
          if (!(s instanceof GoMap)) {
            if (must) throw new GoError('src and dst must be of same type');
            return '';
          }
          mergeInto(d, s, overwrite);
        }
        return d;
      },
      true,
    );
  return {
    dict: goFunc(
      'dict',
      [A],
      (...v) => {
        const m = new GoMap();
        for (let i = 0; i < v.length; i += 2) m.set(strval(v[i]!), i + 1 < v.length ? v[i + 1]! : '');
        return m;
      },
      true,
    ),
    get: goFunc('get', [MSI, S], (d, k) => {
      const m = asMap(d);
      const key = strArg(k);
      return m.has(key) ? m.get(key)! : '';
    }),
    set: goFunc('set', [MSI, S, A], (d, k, v) => {
      const m = asMap(d);
      // Go: `set nil …` (or a nil map from `unset nil …`) writes into a nil map, a runtime panic.
      if (m.isNil) throw new GoPanic('assignment to entry in nil map');
      return m.set(strArg(k), v);
    }),
    unset: goFunc('unset', [MSI, S], (d, k) => {
      const m = asMap(d);
      m.delete(strArg(k));
      return m;
    }),
    hasKey: goFunc('hasKey', [MSI, S], (d, k) => asMap(d).has(strArg(k))),
    pluck: goFunc(
      'pluck',
      [S, MSI],
      (k, ...ds) => {
        const key = strArg(k);
        return ds.filter((d) => d instanceof GoMap && d.has(key)).map((d) => (d as GoMap).get(key)!);
      },
      true,
    ),
    keys: goFunc(
      'keys',
      [MSI],
      (...ds) =>
        typedSlice(
          ds.flatMap((d) => (d === null ? [] : sortedKeys(asMap(d)))),
          '[]string',
        ),
      true,
    ),
    values: goFunc('values', [MSI], (d) => {
      const m = d === null ? new GoMap() : asMap(d);
      return sortedKeys(m).map((k) => m.get(k)!);
    }),
    pick: goFunc(
      'pick',
      [MSI, S],
      (d, ...ks) => {
        const m = d === null ? new GoMap() : asMap(d);
        const out = new GoMap();
        for (const k of ks) if (m.has(strArg(k))) out.set(strArg(k), m.get(strArg(k))!);
        return out;
      },
      true,
    ),
    omit: goFunc(
      'omit',
      [MSI, S],
      (d, ...ks) => {
        const m = d === null ? new GoMap() : asMap(d);
        const drop = new Set(ks.map(strArg));
        return new GoMap([...m].filter(([k]) => !drop.has(k)));
      },
      true,
    ),
    merge: merge('merge', false, false),
    mergeOverwrite: merge('mergeOverwrite', true, false),
    mustMerge: merge('mustMerge', false, true),
    mustMergeOverwrite: merge('mustMergeOverwrite', true, true),
    deepCopy: goFunc('deepCopy', [A], (v) => deepCopy(nonNil(v))),
    mustDeepCopy: goFunc('mustDeepCopy', [A], (v) => deepCopy(nonNil(v))),
    dig: goFunc('dig', [A], (...ps) => dig(ps), true),
  };
}
