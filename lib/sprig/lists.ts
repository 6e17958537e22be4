/**
 * Sprig's list functions (`list.go`). Inputs may be any slice or array; results are
 * `[]interface{}`. A non-list input panics (`Cannot find first on type int`) and the `must*`
 * variants return that as an error; a nil input panics with Go's nil dereference, as
 * `reflect.TypeOf(nil).Kind()` does.
 */
import { GoError, type GoInt, GoPanic, type GoValue, sliceType, typedSlice } from '../go';
import {
  deepEqual,
  goInt,
  intArg,
  isEmpty,
  isSliceKind,
  kindOf,
  listItems,
  NIL_DEREF,
  toInt64,
} from './cast';
import { type FuncMap, goFunc } from './func';

type Fail = (msg: string) => never;

const panicWith: Fail = (msg) => {
  throw new GoPanic(msg);
};
const errorWith: Fail = (msg) => {
  throw new GoError(msg);
};

/** items returns the elements of a list argument, or fails with `<prefix> <kind><suffix>`. */
function items(v: GoValue, fail: Fail, prefix: string, suffix = ''): GoValue[] {
  if (v === null) throw new GoPanic(NIL_DEREF);
  if (!isSliceKind(v)) return fail(`${prefix} ${kindOf(v)}${suffix}`);
  return listItems(v).slice();
}

function sliceList(list: GoValue, indices: GoValue[], fail: Fail): GoValue {
  const l = items(list, fail, 'list should be type of slice or array but');
  if (l.length === 0) return null;
  const start = indices.length > 0 ? Number(toInt64(indices[0]!)) : 0;
  const end = indices.length < 2 ? l.length : Number(toInt64(indices[1]!));
  // Go: reflect.Value.Slice panics on bad bounds (in both the plain and the must variant).
  if (start < 0 || end < start || end > l.length)
    throw new GoPanic('reflect.Value.Slice: slice index out of bounds');
  if (list instanceof Uint8Array) return list.slice(start, end);
  return typedSlice(l.slice(start, end), sliceType(list as GoValue[]));
}

function chunk(size: number, list: GoValue, fail: Fail): GoValue {
  const l = items(list, fail, 'Cannot chunk type');
  const cs = Math.floor((l.length - 1) / size) + 1;
  if (!Number.isFinite(cs) || cs < 0) throw new GoPanic('runtime error: makeslice: len out of range');
  const out: GoValue[] = [];
  for (let i = 0; i < cs; i++) {
    let clen = size;
    if (i === cs - 1) {
      clen = Math.floor(l.length % size);
      if (clen === 0) clen = size;
    }
    out.push(l.slice(i * size, i * size + clen));
  }
  return typedSlice(out, '[][]interface {}');
}

function listFuncPair(
  name: string,
  params: ('interface {}' | 'int')[],
  impl: (fail: Fail, ...args: GoValue[]) => GoValue,
  variadic = false,
): FuncMap {
  const must = `must${name[0]!.toUpperCase()}${name.slice(1)}`;
  return {
    [name]: goFunc(name, params, (...a) => impl(panicWith, ...a), variadic),
    [must]: goFunc(must, params, (...a) => impl(errorWith, ...a), variadic),
  };
}

/** listFuncs returns sprig's list functions. */
export function listFuncs(): FuncMap {
  const A = 'interface {}' as const;
  const list = goFunc('list', [A], (...v) => v, true);
  const push = listFuncPair('push', [A, A], (fail, l, v) => [...items(l, fail, 'Cannot push on type'), v]);
  return {
    list,
    tuple: { ...list, name: 'tuple' },
    ...push,
    append: { ...push.push!, name: 'append' },
    mustAppend: { ...push.mustPush!, name: 'mustAppend' },
    ...listFuncPair('prepend', [A, A], (fail, l, v) => [v, ...items(l, fail, 'Cannot prepend on type')]),
    ...listFuncPair('chunk', ['int', A], (fail, n, l) => chunk(intArg(n), l, fail)),
    ...listFuncPair('last', [A], (fail, l) => {
      const x = items(l, fail, 'Cannot find last on type');
      return x.length === 0 ? null : x[x.length - 1]!;
    }),
    ...listFuncPair('first', [A], (fail, l) => {
      const x = items(l, fail, 'Cannot find first on type');
      return x.length === 0 ? null : x[0]!;
    }),
    ...listFuncPair('rest', [A], (fail, l) => items(l, fail, 'Cannot find rest on type').slice(1)),
    ...listFuncPair('initial', [A], (fail, l) => items(l, fail, 'Cannot find initial on type').slice(0, -1)),
    ...listFuncPair('reverse', [A], (fail, l) => items(l, fail, 'Cannot find reverse on type').reverse()),
    ...listFuncPair('compact', [A], (fail, l) =>
      items(l, fail, 'Cannot compact on type').filter((x) => !isEmpty(x)),
    ),
    ...listFuncPair('uniq', [A], (fail, l) => {
      const out: GoValue[] = [];
      for (const x of items(l, fail, 'Cannot find uniq on type')) {
        if (!out.some((y) => deepEqual(x, y))) out.push(x);
      }
      return out;
    }),
    ...listFuncPair(
      'without',
      [A, A],
      (fail, l, ...omit) =>
        items(l, fail, 'Cannot find without on type').filter((x) => !omit.some((o) => deepEqual(x, o))),
      true,
    ),
    ...listFuncPair('has', [A, A], (fail, needle, hay) => {
      if (hay === null) return false;
      return items(hay, fail, 'Cannot find has on type').some((x) => deepEqual(needle, x));
    }),
    ...listFuncPair('slice', [A, A], (fail, l, ...idx) => sliceList(l, idx, fail), true),
    concat: goFunc(
      'concat',
      [A],
      (...lists) => {
        const out: GoValue[] = [];
        for (const l of lists) out.push(...items(l, panicWith, 'Cannot concat type', ' as list'));
        return out;
      },
      true,
    ),
  };
}

/** untilStep is sprig's untilStep: integers from start towards stop by step, as []int. */
export function untilStep(start: number, stop: number, step: number): GoValue[] {
  const out: GoInt[] = [];
  if (stop < start) {
    if (step >= 0) return typedSlice(out, '[]int');
    for (let i = start; i > stop; i += step) out.push(goInt(i));
    return typedSlice(out, '[]int');
  }
  if (step <= 0) return typedSlice(out, '[]int');
  for (let i = start; i < stop; i += step) out.push(goInt(i));
  return typedSlice(out, '[]int');
}
