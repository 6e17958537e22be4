/**
 * Go's text/template builtin functions (`funcs.go`): and, or, not, len, index, slice, call,
 * print, printf, println, html, js, urlquery and the comparisons. They take execution values
 * ({@link Val}), so they can tell no value from nil as Go's reflect-based builtins do.
 */
import {
  compareKeys,
  GoError,
  type GoFuncValue,
  GoInt,
  GoMap,
  GoPanic,
  type GoType,
  type GoValue,
  goTypeName,
  isPrint,
  isUnsigned,
  sliceType,
  sprint,
  sprintf,
  sprintln,
  stringBytes,
  stringFromBytes,
  typedSlice,
} from '../go';
import { assignable, canBeNil, isTrue, NO_VALUE, type Val, zeroValue } from './value';

/** Builtin is a builtin function: like a GoFuncValue, but over execution values. */
export interface Builtin {
  readonly name: string;
  readonly params: readonly GoType[];
  readonly variadic?: boolean;
  readonly fn: (...args: Val[]) => Val;
}

/** indirectInterface turns a nil interface into no value (Go's indirectInterface). */
function indirect(v: Val): Val {
  return v === null ? NO_VALUE : v;
}

function typeName(v: Val): string {
  return v === NO_VALUE ? '<nil>' : goTypeName(v);
}

type Kind = 'invalid' | 'bool' | 'int' | 'uint' | 'float' | 'string';

function basicKind(v: Val): Kind {
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'number':
      return 'float';
    case 'string':
      return 'string';
  }
  if (v instanceof GoInt) return isUnsigned(v.type) ? 'uint' : 'int';
  return 'invalid';
}

function reflectKind(v: Val): string {
  if (v === NO_VALUE || v === null) return 'invalid';
  if (Array.isArray(v) || v instanceof Uint8Array) return 'slice';
  if (v instanceof GoMap) return 'map';
  if (typeof v === 'object' && 'fn' in v) return 'func';
  return 'other';
}

function isNilVal(v: Val): boolean {
  return v === NO_VALUE || v === null;
}

function comparable(v: Val): boolean {
  const k = reflectKind(v);
  return k !== 'slice' && k !== 'map' && k !== 'func';
}

/** eq is Go's eq: arg1 == arg2 || arg1 == arg3 …, with Go's type classes. */
function eq(arg1: Val, ...rest: Val[]): Val {
  const a1 = indirect(arg1);
  if (rest.length === 0) throw new GoError('missing argument for comparison');
  const k1 = basicKind(a1);
  for (const arg of rest) {
    const a = indirect(arg);
    const k2 = basicKind(a);
    let t = false;
    if (k1 !== k2) {
      if (k1 === 'int' && k2 === 'uint')
        t = (a1 as GoInt).value >= 0n && (a1 as GoInt).value === (a as GoInt).value;
      else if (k1 === 'uint' && k2 === 'int')
        t = (a as GoInt).value >= 0n && (a1 as GoInt).value === (a as GoInt).value;
      else if (a1 !== NO_VALUE && a !== NO_VALUE) {
        throw new GoError(`incompatible types for comparison: ${typeName(a1)} and ${typeName(a)}`);
      }
    } else {
      switch (k1) {
        case 'bool':
        case 'float':
        case 'string':
          t = a1 === a;
          break;
        case 'int':
        case 'uint':
          t = (a1 as GoInt).value === (a as GoInt).value;
          break;
        default: {
          const ka = reflectKind(a1);
          const kb = reflectKind(a);
          if (ka !== kb && ka !== 'invalid' && kb !== 'invalid') {
            throw new GoError(
              `non-comparable types ${sprintf('%s', [a1 as GoValue])}: ${typeName(a1)}, ${typeName(a)}: ${sprintf('%v', [a as GoValue])}`,
            );
          }
          if (isNilVal(a1) || isNilVal(a)) t = isNilVal(a) === isNilVal(a1);
          else {
            if (!comparable(a)) {
              throw new GoError(`non-comparable type ${sprintf('%s', [a as GoValue])}: ${typeName(a)}`);
            }
            t = a1 === a;
          }
        }
      }
    }
    if (t) return true;
  }
  return false;
}

/** lt is Go's lt: a < b for basic types of the same class. */
function lt(arg1: Val, arg2: Val): boolean {
  const a1 = indirect(arg1);
  const k1 = basicKind(a1);
  if (k1 === 'invalid') throw new GoError('invalid type for comparison');
  const a2 = indirect(arg2);
  const k2 = basicKind(a2);
  if (k2 === 'invalid') throw new GoError('invalid type for comparison');
  if (k1 !== k2) {
    if (k1 === 'int' && k2 === 'uint')
      return (a1 as GoInt).value < 0n || (a1 as GoInt).value < (a2 as GoInt).value;
    if (k1 === 'uint' && k2 === 'int')
      return (a2 as GoInt).value >= 0n && (a1 as GoInt).value < (a2 as GoInt).value;
    throw new GoError(`incompatible types for comparison: ${typeName(a1)} and ${typeName(a2)}`);
  }
  switch (k1) {
    case 'bool':
      throw new GoError('invalid type for comparison');
    case 'float':
      return (a1 as number) < (a2 as number);
    case 'string':
      return compareKeys(a1 as string, a2 as string) < 0;
    default:
      return (a1 as GoInt).value < (a2 as GoInt).value;
  }
}

function le(a: Val, b: Val): boolean {
  return lt(a, b) || (eq(a, b) as boolean);
}

function indexArg(index: Val, cap: number): number {
  let x: bigint;
  if (index instanceof GoInt) x = index.value;
  else if (index === NO_VALUE) throw new GoError('cannot index slice/array with nil');
  else throw new GoError(`cannot index slice/array with type ${typeName(index)}`);
  if (x < 0n || x > BigInt(cap)) throw new GoError(`index out of range: ${x}`);
  return Number(x);
}

function prepareArg(value: Val, argType: string): GoValue {
  if (value === NO_VALUE) {
    if (!canBeNil(argType)) throw new GoError(`value is nil; should be of type ${argType}`);
    return zeroValue(argType);
  }
  if (value === null) {
    if (canBeNil(argType)) return argType === 'interface {}' ? null : zeroValue(argType);
    throw new GoError(`value has type interface {}; should be ${argType}`);
  }
  if (assignable(value, argType)) return value;
  throw new GoError(`value has type ${goTypeName(value)}; should be ${argType}`);
}

/** index is Go's index: x[i][j]… over slices, strings (bytes) and maps. */
function index(item: Val, ...indexes: Val[]): Val {
  let v: Val = indirect(item);
  if (v === NO_VALUE) throw new GoError('index of untyped nil');
  for (const raw of indexes) {
    const idx = indirect(raw);
    if (v === null) throw new GoError('index of nil pointer');
    if (typeof v === 'string') {
      const bytes = stringBytes(v);
      const x = indexArg(idx, bytes.length);
      // Go: reflect panics on an index equal to the length.
      if (x >= bytes.length) throw new GoPanic('reflect: string index out of range');
      v = new GoInt(BigInt(bytes[x]!), 'uint8');
    } else if (Array.isArray(v)) {
      const x = indexArg(idx, v.length);
      if (x >= v.length) throw new GoPanic('reflect: slice index out of range');
      v = v[x]!;
    } else if (v instanceof Uint8Array) {
      const x = indexArg(idx, v.length);
      if (x >= v.length) throw new GoPanic('reflect: slice index out of range');
      v = new GoInt(BigInt(v[x]!), 'uint8');
    } else if (v instanceof GoMap) {
      const key = prepareArg(idx, 'string') as string;
      const x = v.get(key);
      v = x === undefined ? zeroValue(v.elemType) : x;
      // (Go's index looks through pointers first: `*common.Capabilities` is named without its `*`.)
    } else throw new GoError(`can't index item of type ${goTypeName(v).replace(/^\*+/, '')}`);
  }
  return v;
}

/** slice is Go's builtin slice: x[i:j:k] over strings and slices. */
function slice(item: Val, ...indexes: Val[]): Val {
  const v = indirect(item);
  if (v === NO_VALUE) throw new GoError('slice of untyped nil');
  if (indexes.length > 3) throw new GoError(`too many slice indexes: ${indexes.length}`);
  let len: number;
  let bytes: Uint8Array | undefined;
  if (typeof v === 'string') {
    if (indexes.length === 3) throw new GoError('cannot 3-index slice a string');
    bytes = stringBytes(v);
    len = bytes.length;
  } else if (Array.isArray(v) || v instanceof Uint8Array) len = v.length;
  else throw new GoError(`can't slice item of type ${typeName(v)}`);
  const idx = [0, len, len];
  indexes.forEach((x, i) => {
    idx[i] = indexArg(indirect(x), len);
  });
  if (idx[0]! > idx[1]!) throw new GoError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1]! > idx[2]!)
    throw new GoError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (bytes) return stringFromBytes(bytes.subarray(idx[0], idx[1]));
  if (v instanceof Uint8Array) return v.slice(idx[0], idx[1]);
  return typedSlice((v as GoValue[]).slice(idx[0], idx[1]), sliceType(v as GoValue[]));
}

/** length is Go's len. */
function length(item: Val): Val {
  if (item === NO_VALUE) throw new GoPanic('reflect: call of reflect.Value.Type on zero Value');
  if (item === null) throw new GoError('len of nil pointer');
  if (typeof item === 'string') return new GoInt(BigInt(stringBytes(item).length));
  if (Array.isArray(item) || item instanceof Uint8Array) return new GoInt(BigInt(item.length));
  if (item instanceof GoMap) return new GoInt(BigInt(item.size));
  throw new GoError(`len of type ${goTypeName(item).replace(/^\*+/, '')}`);
}

/** call is Go's call: invokes a function value with arguments. */
function call(name: Val, fn: Val, ...args: Val[]): Val {
  const f = indirect(fn);
  if (f === NO_VALUE) throw new GoError('call of nil');
  if (f === null || typeof f !== 'object' || !('fn' in f)) {
    throw new GoError(`non-function ${name as string} of type ${goTypeName(f as GoValue)}`);
  }
  const gf = f as GoFuncValue;
  const numIn = gf.params.length;
  if (gf.variadic) {
    if (args.length < numIn - 1) {
      throw new GoError(
        `wrong number of args for ${name as string}: got ${args.length} want at least ${numIn - 1}`,
      );
    }
  } else if (args.length !== numIn) {
    throw new GoError(`wrong number of args for ${name as string}: got ${args.length} want ${numIn}`);
  }
  const argv: GoValue[] = [];
  args.forEach((a, i) => {
    const t = !gf.variadic || i < numIn - 1 ? gf.params[i]! : gf.params[numIn - 1]!;
    try {
      argv.push(prepareArg(indirect(a), t));
    } catch (e) {
      if (e instanceof GoError) throw new GoError(`arg ${i}: ${e.message}`);
      throw e;
    }
  });
  return gf.fn(...argv);
}

/** evalArgs formats arguments like fmt.Sprint, printing no value as `<no value>` (Go's evalArgs). */
function evalArgs(args: Val[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  const vals: GoValue[] = new Array(args.length);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    vals[i] = a === NO_VALUE || a === null ? '<no value>' : a;
  }
  return sprint(vals);
}

/** htmlEscape is template.HTMLEscapeString. */
export function htmlEscape(s: string): string {
  if (!/['"&<>\0]/.test(s)) return s;
  let out = '';
  for (const c of s) {
    switch (c) {
      case '\0':
        out += '\uFFFD';
        break;
      case '"':
        out += '&#34;';
        break;
      case "'":
        out += '&#39;';
        break;
      case '&':
        out += '&amp;';
        break;
      case '<':
        out += '&lt;';
        break;
      case '>':
        out += '&gt;';
        break;
      default:
        out += c;
    }
  }
  return out;
}

/** jsEscape is template.JSEscapeString. */
export function jsEscape(s: string): string {
  let out = '';
  for (const c of s) {
    const r = c.codePointAt(0)!;
    switch (c) {
      case '\\':
        out += '\\\\';
        continue;
      case "'":
        out += "\\'";
        continue;
      case '"':
        out += '\\"';
        continue;
      case '<':
        out += '\\u003C';
        continue;
      case '>':
        out += '\\u003E';
        continue;
      case '&':
        out += '\\u0026';
        continue;
      case '=':
        out += '\\u003D';
        continue;
    }
    if (r < 0x20) out += `\\u00${r.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (r < 0x80 || isPrint(r) || (r >= 0xdc80 && r <= 0xdcff)) out += c;
    else out += `\\u${r.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return out;
}

/** queryEscape is url.QueryEscape. */
export function queryEscape(s: string): string {
  let out = '';
  for (const b of stringBytes(s)) {
    const c = String.fromCharCode(b);
    if (
      (b >= 48 && b <= 57) ||
      (b >= 65 && b <= 90) ||
      (b >= 97 && b <= 122) ||
      c === '-' ||
      c === '_' ||
      c === '.' ||
      c === '~'
    ) {
      out += c;
    } else if (c === ' ') out += '+';
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function asGo(args: Val[]): GoValue[] {
  const out: GoValue[] = new Array(args.length);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    out[i] = a === NO_VALUE ? null : a;
  }
  return out;
}

const RV: GoType = 'reflect.Value';
const IFACE: GoType = 'interface {}';

/** builtins is Go's builtin function table, by name. */
export const builtins: Readonly<Record<string, Builtin>> = {
  and: { name: 'and', params: [RV, RV], variadic: true, fn: () => NO_VALUE },
  or: { name: 'or', params: [RV, RV], variadic: true, fn: () => NO_VALUE },
  not: { name: 'not', params: [RV], fn: (a) => !isTrue(a) },
  call: { name: 'call', params: [RV, RV], variadic: true, fn: (n, f, ...a) => call(n!, f!, ...a) },
  html: { name: 'html', params: [IFACE], variadic: true, fn: (...a) => htmlEscape(evalArgs(a)) },
  index: { name: 'index', params: [RV, RV], variadic: true, fn: (x, ...i) => index(x!, ...i) },
  slice: { name: 'slice', params: [RV, RV], variadic: true, fn: (x, ...i) => slice(x!, ...i) },
  js: { name: 'js', params: [IFACE], variadic: true, fn: (...a) => jsEscape(evalArgs(a)) },
  len: { name: 'len', params: [RV], fn: (a) => length(a!) },
  print: { name: 'print', params: [IFACE], variadic: true, fn: (...a) => sprint(asGo(a)) },
  printf: {
    name: 'printf',
    params: ['string', IFACE],
    variadic: true,
    fn: (f, ...a) => sprintf(f as string, asGo(a)),
  },
  println: { name: 'println', params: [IFACE], variadic: true, fn: (...a) => sprintln(asGo(a)) },
  urlquery: { name: 'urlquery', params: [IFACE], variadic: true, fn: (...a) => queryEscape(evalArgs(a)) },
  eq: { name: 'eq', params: [RV, RV], variadic: true, fn: (a, ...b) => eq(a!, ...b) },
  ge: { name: 'ge', params: [RV, RV], fn: (a, b) => !lt(a!, b!) },
  gt: { name: 'gt', params: [RV, RV], fn: (a, b) => !le(a!, b!) },
  le: { name: 'le', params: [RV, RV], fn: (a, b) => le(a!, b!) },
  lt: { name: 'lt', params: [RV, RV], fn: (a, b) => lt(a!, b!) },
  ne: { name: 'ne', params: [RV, RV], fn: (a, b) => !eq(a!, b!) },
};
