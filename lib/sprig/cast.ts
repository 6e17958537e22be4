/**
 * Conversions shared by the sprig functions: spf13/cast v1.7.0 (`ToInt64`, `ToInt`, `ToFloat64`),
 * strconv's ParseInt/ParseFloat syntax, sprig's `strval`, `empty`, and reflect.DeepEqual.
 */
import {
  formatValue,
  GoInt,
  GoMap,
  GoObject,
  type GoValue,
  goKindName,
  goTypeName,
  type IntType,
  isUnsigned,
  sliceType,
  stringBytes,
  stringFromBytes,
  underscoreOK,
} from '../go';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** utf8 returns the UTF-8 bytes of a string (Go's view of a string; escaped raw bytes come back as bytes). */
export function utf8(s: string): Uint8Array {
  return stringBytes(s);
}

/** fromUtf8 is Go's string(b): invalid UTF-8 bytes are kept as escapes (see stringFromBytes in lib/go). */
export function fromUtf8(b: Uint8Array): string {
  return stringFromBytes(b);
}

/** byteLen is Go's `len(s)` for a string: its length in UTF-8 bytes. */
export function byteLen(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    // A lone U+DC80–U+DCFF is one raw byte of a string that is not valid UTF-8.
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xdc80 && c <= 0xdcff ? 1 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** byteSlice is Go's `s[start:end]` on the UTF-8 bytes of s. */
export function byteSlice(s: string, start: number, end?: number): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s.slice(start, end);
  return fromUtf8(utf8(s).subarray(start, end));
}

/** int64 makes a Go int64, wrapping like Go's two's-complement arithmetic. */
export function int64(v: bigint): GoInt {
  return new GoInt(BigInt.asIntN(64, v), 'int64');
}

/** goInt makes a Go int (64-bit on the reference platform), wrapping on overflow. */
export function goInt(v: bigint | number): GoInt {
  return new GoInt(BigInt.asIntN(64, typeof v === 'number' ? BigInt(Math.trunc(v)) : v), 'int');
}

/** intArg reads an argument of Go type int (a GoInt from the engine, or a number in direct calls). */
export function intArg(v: GoValue): number {
  if (v instanceof GoInt) return Number(v.value);
  if (typeof v === 'number') return Math.trunc(v);
  if (v === null) return 0;
  throw new Error(`intArg: expected an integer, got ${goTypeName(v)}`);
}

/** strArg reads an argument of Go type string (nil becomes "", as Go's zero value). */
export function strArg(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (v === null) return '';
  throw new Error(`strArg: expected a string, got ${goTypeName(v)}`);
}

/** floatToInt64 converts a float64 to int64 like Go on amd64 (NaN and overflow give MinInt64). */
export function floatToInt64(f: number): bigint {
  if (!Number.isFinite(f) || f >= 2 ** 63 || f < -(2 ** 63)) return INT64_MIN;
  return BigInt(Math.trunc(f));
}

/**
 * parseGoInt is strconv.ParseInt(s, base, 64): base 0 detects `0x`, `0o`, `0b` and leading-`0` octal
 * and allows `_` separators. It returns undefined where Go returns an error (syntax or range).
 */
export function parseGoInt(s: string, base = 0): bigint | undefined {
  if (s === '') return undefined;
  let neg = false;
  let body = s;
  if (body[0] === '+' || body[0] === '-') {
    neg = body[0] === '-';
    body = body.slice(1);
  }
  let b = base;
  let underscores = false;
  if (base === 0) {
    b = 10;
    if (body[0] === '0') {
      const p = body[1]?.toLowerCase();
      if (body.length >= 3 && p === 'x') {
        b = 16;
        body = body.slice(2);
      } else if (body.length >= 3 && p === 'o') {
        b = 8;
        body = body.slice(2);
      } else if (body.length >= 3 && p === 'b') {
        b = 2;
        body = body.slice(2);
      } else {
        b = 8;
        body = body.slice(1);
        if (body === '') return 0n;
      }
    }
    underscores = true;
  }
  if (body === '') return undefined;
  let n = 0n;
  const bb = BigInt(b);
  for (const c of body) {
    if (c === '_' && underscores) continue;
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= b) return undefined;
    n = n * bb + BigInt(d);
  }
  if (underscores && !underscoreOK(s)) return undefined;
  if (n > UINT64_MAX) return undefined;
  const v = neg ? -n : n;
  if (v < INT64_MIN || v > INT64_MAX) return undefined;
  return v;
}

/** parseGoFloat is strconv.ParseFloat(s, 64); undefined where Go returns an error (incl. range). */
export function parseGoFloat(s: string): number | undefined {
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (special) {
    if (special[2]!.toLowerCase() === 'nan') return Number.NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  if (s.includes('_') && !underscoreOK(s)) return undefined;
  const clean = s.replaceAll('_', '');
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(clean)) {
    const v = Number(clean);
    return Number.isFinite(v) ? v : undefined;
  }
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(clean);
  if (hex && (hex[2] || hex[3])) {
    const digits = (hex[2] ?? '') + (hex[3] ?? '');
    const mant = Number(BigInt(`0x${digits}`));
    const v = mant * 2 ** (Number(hex[4]) - 4 * (hex[3] ?? '').length);
    if (!Number.isFinite(v)) return undefined;
    return hex[1] === '-' ? -v : v;
  }
  return undefined;
}

/** trimZeroDecimal drops an all-zero fractional part (`"1.00"` → `"1"`), as cast does before ParseInt. */
function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === '.') {
      if (foundZero) return s.slice(0, i - 1);
    } else if (c === '0') {
      foundZero = true;
    } else {
      return s;
    }
  }
  return s;
}

/** toInt64 is cast.ToInt64: integers kept (wrapped), floats truncated, strings parsed, else 0. */
export function toInt64(v: GoValue): bigint {
  if (v instanceof GoInt) return BigInt.asIntN(64, v.value);
  if (typeof v === 'number') return floatToInt64(v);
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'string') return parseGoInt(trimZeroDecimal(v)) ?? 0n;
  return 0n;
}

/** toFloat64 is cast.ToFloat64: numbers converted, strings parsed with ParseFloat, else 0. */
export function toFloat64(v: GoValue): number {
  if (v instanceof GoInt) return isUnsigned(v.type) ? Number(BigInt.asUintN(64, v.value)) : Number(v.value);
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return parseGoFloat(v) ?? 0;
  return 0;
}

/** strval is sprig's string conversion: strings as is, bytes decoded, Stringers, else `%v`. */
export function strval(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return fromUtf8(v);
  if (v instanceof GoObject) {
    const s = v.string();
    if (s !== undefined) return s;
  }
  return formatValue(v);
}

/** isSliceKind reports whether reflect sees a slice or array (sprig's list functions accept both). */
export function isSliceKind(v: GoValue): v is GoValue[] | Uint8Array {
  return Array.isArray(v) || v instanceof Uint8Array;
}

/** listItems returns the elements of a slice as Go values (bytes become uint8 integers). */
export function listItems(v: GoValue[] | Uint8Array): GoValue[] {
  if (Array.isArray(v)) return v;
  return Array.from(v, (b) => new GoInt(BigInt(b), 'uint8'));
}

/** kindOf is reflect.Value.Kind().String() of an interface value (`invalid` for nil). */
export function kindOf(v: GoValue): string {
  return goKindName(v);
}

/** isEmpty is sprig's `empty`: nil, false, zero numbers, empty strings/collections; structs never. */
export function isEmpty(v: GoValue): boolean {
  if (v === null) return true;
  switch (typeof v) {
    case 'string':
      return v.length === 0;
    case 'boolean':
      return !v;
    case 'number':
      return v === 0;
  }
  if (v instanceof GoInt) return v.value === 0n;
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length === 0;
  if (v instanceof GoMap) return v.size === 0;
  return false;
}

/** deepEqual is reflect.DeepEqual on Go values: identical types and deeply equal contents. */
export function deepEqual(a: GoValue, b: GoValue): boolean {
  if (a === b) return typeof a !== 'number' || !Number.isNaN(a);
  if (a === null || b === null) return false;
  if (typeof a !== typeof b) return false;
  if (typeof a === 'number' || typeof a === 'string' || typeof a === 'boolean') return a === b;
  if (a instanceof GoInt) return b instanceof GoInt && a.type === b.type && a.value === b.value;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || sliceType(a) !== sliceType(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]!));
  }
  if (a instanceof Uint8Array) {
    return b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (a instanceof GoMap) {
    if (!(b instanceof GoMap) || a.goType !== b.goType || a.size !== b.size) return false;
    for (const [k, x] of a) {
      if (!b.has(k) || !deepEqual(x, b.get(k)!)) return false;
    }
    return true;
  }
  if (a instanceof GoObject) {
    return b instanceof GoObject && a.goType === b.goType && a.format() === b.format();
  }
  // Go: func values are deeply equal only when both are nil.
  return false;
}

/** intTypeOf returns the Go integer type of v, or undefined when v is not an integer. */
export function intTypeOf(v: GoValue): IntType | undefined {
  return v instanceof GoInt ? v.type : undefined;
}

/** NIL_DEREF is Go's panic text for calling a method on a nil interface (reflect.TypeOf(nil).Kind()). */
export const NIL_DEREF = 'runtime error: invalid memory address or nil pointer dereference';
