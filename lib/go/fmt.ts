/**
 * Go's fmt and strconv formatting of {@link GoValue}s: what `{{ x }}`, `print`, `printf`, `%v`,
 * `%q`, `%T` and sprig's `toString`/`quote` print.
 */
import { stringBytes } from './bytes';
import {
  GoInt,
  GoMap,
  GoNamedInt,
  GoObject,
  GoPanic,
  type GoValue,
  goTypeName,
  isUnsigned,
  sliceType,
} from './value';

// ---------------------------------------------------------------------------------------------
// Decimal digits of a float64 (strconv's decimalSlice: value = 0.d1d2…dn × 10^dp).

interface Digits {
  d: string;
  dp: number;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** exactDigits returns the exact decimal expansion of a finite positive float64. */
function exactDigits(v: number): Digits {
  f64[0] = v;
  const hi = u32[littleEndian ? 1 : 0]!;
  const lo = u32[littleEndian ? 0 : 1]!;
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (bexp === 0) {
    exp = -1074;
  } else {
    mant |= 1n << 52n;
    exp = bexp - 1075;
  }
  if (mant === 0n) return { d: '', dp: 0 };
  let s: string;
  let dp: number;
  if (exp >= 0) {
    s = (mant << BigInt(exp)).toString();
    dp = s.length;
  } else {
    s = (mant * 5n ** BigInt(-exp)).toString();
    dp = s.length + exp;
  }
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
  return { d: s.slice(0, end), dp };
}

/** shortestDigits returns the shortest digits that round-trip to v (positive, finite). */
function shortestDigits(v: number, bitSize: 32 | 64): Digits {
  if (v === 0) return { d: '', dp: 0 };
  let e: string;
  if (bitSize === 64) {
    e = v.toExponential();
  } else {
    e = v.toExponential(8);
    for (let p = 0; p < 9; p++) {
      const cand = v.toExponential(p);
      if (Math.fround(Number(cand)) === v) {
        e = cand;
        break;
      }
    }
  }
  const ei = e.indexOf('e');
  const mantissa = e.slice(0, ei).replace('.', '');
  let end = mantissa.length;
  while (end > 1 && mantissa.charCodeAt(end - 1) === 48) end--;
  return { d: mantissa.slice(0, end), dp: Number(e.slice(ei + 1)) + 1 };
}

/** roundDigits rounds to nd significant digits, halfway cases to even, as strconv's decimal does. */
function roundDigits(x: Digits, nd: number): Digits {
  if (nd < 0) return { d: '', dp: 0 };
  if (nd >= x.d.length) return x;
  const c = x.d.charCodeAt(nd);
  let up: boolean;
  // Go: exactly halfway rounds to even.
  if (c === 53 && nd + 1 === x.d.length) up = nd > 0 && (x.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  else up = c >= 53;
  if (!up) {
    let end = nd;
    while (end > 0 && x.d.charCodeAt(end - 1) === 48) end--;
    return { d: x.d.slice(0, end), dp: end === 0 ? 0 : x.dp };
  }
  let i = nd - 1;
  while (i >= 0 && x.d.charCodeAt(i) === 57) i--;
  if (i < 0) return { d: '1', dp: x.dp + 1 };
  return { d: x.d.slice(0, i) + String.fromCharCode(x.d.charCodeAt(i) + 1), dp: x.dp };
}

function fmtE(neg: boolean, digs: Digits, prec: number, e: 'e' | 'E'): string {
  let s = neg ? '-' : '';
  s += digs.d.length === 0 ? '0' : digs.d[0];
  if (prec > 0) {
    s += '.';
    const avail = Math.min(digs.d.length, prec + 1);
    let i = 1;
    if (i < avail) {
      s += digs.d.slice(1, avail);
      i = avail;
    }
    for (; i <= prec; i++) s += '0';
  }
  let exp = digs.d.length === 0 ? 0 : digs.dp - 1;
  s += e;
  if (exp < 0) {
    s += '-';
    exp = -exp;
  } else s += '+';
  s += exp < 10 ? `0${exp}` : String(exp);
  return s;
}

function fmtF(neg: boolean, digs: Digits, prec: number): string {
  let s = neg ? '-' : '';
  if (digs.dp > 0) {
    const m = Math.min(digs.d.length, digs.dp);
    s += digs.d.slice(0, m);
    for (let i = m; i < digs.dp; i++) s += '0';
  } else s += '0';
  if (prec > 0) {
    s += '.';
    for (let i = 1; i <= prec; i++) {
      const j = digs.dp + i - 1;
      s += j >= 0 && j < digs.d.length ? digs.d[j] : '0';
    }
  }
  return s;
}

function fmtB(v: number, bitSize: 32 | 64): string {
  f64[0] = v;
  const hi = u32[littleEndian ? 1 : 0]!;
  const lo = u32[littleEndian ? 0 : 1]!;
  const neg = hi >>> 31 === 1;
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (bitSize === 32) {
    const f32 = new Float32Array([v]);
    const bits = new Uint32Array(f32.buffer)[0]!;
    const e32 = (bits >>> 23) & 0xff;
    mant = BigInt(bits & 0x7fffff);
    if (e32 === 0) exp = -149;
    else {
      mant |= 1n << 23n;
      exp = e32 - 150;
    }
  } else if (bexp === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = bexp - 1075;
  }
  return `${neg ? '-' : ''}${mant}p${exp >= 0 ? '+' : ''}${exp}`;
}

function fmtX(v: number, prec: number, upper: boolean, bitSize: 32 | 64): string {
  const neg = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  let mant: bigint;
  let exp: number;
  if (a === 0) {
    mant = 0n;
    exp = 0;
  } else {
    const d = exactBinary(a, bitSize);
    mant = d.mant;
    exp = d.exp;
    // Normalize so that the leading 1 is at bit 60.
    while (mant < 1n << 60n) {
      mant <<= 1n;
      exp--;
    }
    exp += 60;
  }
  // mant has 61 significant bits: 1.xxxx (60 fraction bits = 15 hex digits).
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(4 * (15 - prec));
    const extra = mant & ((1n << shift) - 1n);
    mant >>= shift;
    const half = 1n << (shift - 1n);
    if (extra > half || (extra === half && (mant & 1n) === 1n)) mant++;
    if (mant >> BigInt(4 * prec) >= 2n) {
      mant >>= 1n;
      exp++;
    }
    mant <<= shift;
  }
  let hex = (mant & ((1n << 60n) - 1n)).toString(16).padStart(15, '0');
  if (prec < 0) hex = hex.replace(/0+$/, '');
  else if (prec <= 15) hex = hex.slice(0, prec);
  else hex = hex + '0'.repeat(prec - 15);
  const lead = a === 0 ? '0' : '1';
  let s = `${neg ? '-' : ''}0x${lead}${hex ? `.${hex}` : ''}p`;
  s += exp >= 0 ? '+' : '-';
  const ae = Math.abs(exp);
  s += ae < 10 ? `0${ae}` : String(ae);
  return upper ? s.toUpperCase() : s;
}

function exactBinary(a: number, bitSize: 32 | 64): { mant: bigint; exp: number } {
  if (bitSize === 32) {
    const bits = new Uint32Array(new Float32Array([a]).buffer)[0]!;
    const e32 = (bits >>> 23) & 0xff;
    const m = BigInt(bits & 0x7fffff);
    return e32 === 0 ? { mant: m, exp: -149 } : { mant: m | (1n << 23n), exp: e32 - 150 };
  }
  f64[0] = a;
  const hi = u32[littleEndian ? 1 : 0]!;
  const lo = u32[littleEndian ? 0 : 1]!;
  const bexp = (hi >>> 20) & 0x7ff;
  const m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return bexp === 0 ? { mant: m, exp: -1074 } : { mant: m | (1n << 52n), exp: bexp - 1075 };
}

/**
 * formatFloat is strconv.FormatFloat(v, fmt, prec, bitSize) for fmt in 'e' 'E' 'f' 'g' 'G'
 * (plus 'b', 'x' and 'X'); prec −1 selects the shortest digits that round-trip.
 */
export function formatFloat(
  v: number,
  fmt: 'e' | 'E' | 'f' | 'g' | 'G' | 'b' | 'x' | 'X',
  prec: number,
  bitSize: 32 | 64,
): string {
  if (bitSize === 32) v = Math.fround(v);
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return '+Inf';
  if (v === Number.NEGATIVE_INFINITY) return '-Inf';
  if (fmt === 'b') return fmtB(v, bitSize);
  if (fmt === 'x' || fmt === 'X') return fmtX(v, prec, fmt === 'X', bitSize);
  const neg = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  const shortest = prec < 0;
  let digs: Digits;
  if (shortest) {
    digs = shortestDigits(a, bitSize);
    if (fmt === 'e' || fmt === 'E') prec = Math.max(digs.d.length - 1, 0);
    else if (fmt === 'f') prec = Math.max(digs.d.length - digs.dp, 0);
    else prec = digs.d.length;
  } else {
    const exact = a === 0 ? { d: '', dp: 0 } : exactDigits(a);
    if (fmt === 'e' || fmt === 'E') digs = roundDigits(exact, prec + 1);
    else if (fmt === 'f') digs = roundDigits(exact, exact.dp + prec);
    else {
      if (prec === 0) prec = 1;
      digs = roundDigits(exact, prec);
    }
  }
  if (fmt === 'e' || fmt === 'E') return fmtE(neg, digs, prec, fmt);
  if (fmt === 'f') return fmtF(neg, digs, prec);
  let eprec = prec;
  if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
  // Go: shortest formatting decides the exponent form with precision 6.
  if (shortest) eprec = 6;
  const exp = digs.dp - 1;
  if (digs.d.length !== 0 && (exp < -4 || exp >= eprec)) {
    if (prec > digs.d.length) prec = digs.d.length;
    return fmtE(neg, digs, prec - 1, fmt === 'g' ? 'e' : 'E');
  }
  if (prec > digs.dp) prec = digs.d.length;
  return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
}

// ---------------------------------------------------------------------------------------------
// strconv quoting.

// Made on first use: a Unicode-class pattern costs start-up time in every command-line run.
let printableRe: RegExp | undefined;

/** isPrint is strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isPrint(r: number): boolean {
  if (r < 0x7f) return r >= 0x20;
  if (r >= 0xd800 && r <= 0xdfff) return false;
  printableRe ??= /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
  return printableRe.test(String.fromCodePoint(r));
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function appendEscapedRune(r: number, quote: number, asciiOnly: boolean): string {
  if (r === quote || r === 92) return `\\${String.fromCharCode(r)}`;
  if (asciiOnly) {
    if (r < 0x80 && isPrint(r)) return String.fromCharCode(r);
  } else if (isPrint(r)) return String.fromCodePoint(r);
  switch (r) {
    case 7:
      return '\\a';
    case 8:
      return '\\b';
    case 12:
      return '\\f';
    case 10:
      return '\\n';
    case 13:
      return '\\r';
    case 9:
      return '\\t';
    case 11:
      return '\\v';
  }
  if (r < 0x20 || r === 0x7f) return `\\x${hex(r, 2)}`;
  // A lone U+DC80–U+DCFF stands for one byte of a string that is not valid UTF-8: Go writes \xNN.
  if (r >= 0xdc80 && r <= 0xdcff) return `\\x${hex(r - 0xdc00, 2)}`;
  if (r >= 0xd800 && r <= 0xdfff) return '\\ufffd';
  if (r < 0x10000) return `\\u${hex(r, 4)}`;
  return `\\U${hex(r, 8)}`;
}

function quoteWith(s: string, quote: number, asciiOnly: boolean): string {
  const q = String.fromCharCode(quote);
  let out = q;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Fast path: printable ASCII other than the quote and backslash is copied.
    if (c >= 0x20 && c < 0x7f && c !== quote && c !== 92) continue;
    out += s.slice(start, i);
    const r = s.codePointAt(i)!;
    if (r > 0xffff) i++;
    out += appendEscapedRune(r, quote, asciiOnly);
    start = i + 1;
  }
  return out + s.slice(start) + q;
}

/** quoteString is strconv.Quote: a double-quoted Go string literal with Go's escapes. */
export function quoteString(s: string): string {
  return quoteWith(s, 34, false);
}

/** quoteStringASCII is strconv.QuoteToASCII: like {@link quoteString} with non-ASCII escaped. */
export function quoteStringASCII(s: string): string {
  return quoteWith(s, 34, true);
}

function validRune(r: bigint): number {
  // Go: runes beyond the Unicode range and surrogates print as U+FFFD.
  if (r < 0n || r > 0x10ffffn) return 0xfffd;
  const n = Number(r);
  return n >= 0xd800 && n <= 0xdfff ? 0xfffd : n;
}

/** quoteRune is strconv.QuoteRune: a single-quoted Go character literal. */
export function quoteRune(r: number, asciiOnly = false): string {
  const c = r < 0 || r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff) ? 0xfffd : r;
  return `'${appendEscapedRune(c, 39, asciiOnly)}'`;
}

/** canBackquote is strconv.CanBackquote: s has no control characters (but tab), backquote or BOM. */
export function canBackquote(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 9) || c === 0x7f || c === 0x60 || c === 0xfeff) return false;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++; // a pair: one valid character
    } else if (c >= 0xdc80 && c <= 0xdcff) return false; // a byte that is not valid UTF-8
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// The printer (fmt's pp and fmt structs).

function runeCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function truncateRunes(s: string, n: number): string {
  let i = 0;
  let count = 0;
  while (i < s.length && count < n) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
    count++;
  }
  return s.slice(0, i);
}

/** compareKeys orders map keys as Go's fmtsort orders strings: by UTF-8 bytes (code points). */
export function compareKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort after every BMP character in UTF-8 order.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** sortedKeys returns a map's keys in Go's fmtsort order. */
export function sortedKeys(m: GoMap): string[] {
  const keys = [...m.keys()];
  let sorted = true;
  for (let i = 1; i < keys.length; i++) {
    if (compareKeys(keys[i - 1]!, keys[i]!) > 0) {
      sorted = false;
      break;
    }
  }
  if (!sorted) keys.sort(compareKeys);
  return keys;
}

/** stringerVerb reports whether fmt calls a value's String method for a verb (Go's handleMethods). */
function stringerVerb(verb: string): boolean {
  return verb === 'v' || verb === 's' || verb === 'x' || verb === 'X' || verb === 'q';
}

class Printer {
  buf = '';
  // flags
  plus = false;
  minus = false;
  sharp = false;
  space = false;
  zero = false;
  plusV = false;
  sharpV = false;
  wid = 0;
  prec = 0;
  widPresent = false;
  precPresent = false;
  erroring = false;
  arg: GoValue | undefined = undefined;

  clearFlags(): void {
    this.plus = this.minus = this.sharp = this.space = this.zero = false;
    this.plusV = this.sharpV = false;
    this.wid = this.prec = 0;
    this.widPresent = this.precPresent = false;
  }

  writePadding(n: number): void {
    if (n <= 0) return;
    // Go: zero padding is only allowed to the left.
    this.buf += (this.zero && !this.minus ? '0' : ' ').repeat(n);
  }

  pad(s: string): void {
    if (!this.widPresent || this.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.wid - runeCount(s);
    if (!this.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  fmtBoolean(b: boolean): void {
    this.pad(b ? 'true' : 'false');
  }

  fmtS(s: string): void {
    if (this.precPresent) s = truncateRunes(s, this.prec);
    this.pad(s);
  }

  fmtSbx(bytes: Uint8Array, upper: boolean): void {
    const digits = upper ? '0123456789ABCDEFX' : '0123456789abcdefx';
    let length = bytes.length;
    if (this.precPresent && this.prec < length) length = this.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.space) {
        if (this.sharp) width *= 2;
        width += length - 1;
      } else if (this.sharp) width += 2;
    } else {
      if (this.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.widPresent && this.wid > width && !this.minus) this.writePadding(this.wid - width);
    let out = '';
    if (this.sharp) out += `0${digits[16]}`;
    for (let i = 0; i < length; i++) {
      if (this.space && i > 0) {
        out += ' ';
        if (this.sharp) out += `0${digits[16]}`;
      }
      const c = bytes[i]!;
      out += digits[c >> 4]! + digits[c & 15]!;
    }
    this.buf += out;
    if (this.widPresent && this.wid > width && this.minus) this.writePadding(this.wid - width);
  }

  fmtQ(s: string): void {
    if (this.precPresent) s = truncateRunes(s, this.prec);
    if (this.sharp && canBackquote(s)) this.pad(`\`${s}\``);
    else if (this.plus) this.pad(quoteStringASCII(s));
    else this.pad(quoteString(s));
  }

  fmtInteger(u: bigint, base: number, isSigned: boolean, verb: string, upper: boolean): void {
    const negative = isSigned && u < 0n;
    if (negative) u = -u;
    let prec = 0;
    if (this.precPresent) {
      prec = this.prec;
      if (prec === 0 && u === 0n) {
        const oldZero = this.zero;
        this.zero = false;
        this.writePadding(this.wid);
        this.zero = oldZero;
        return;
      }
    } else if (this.zero && !this.minus && this.widPresent) {
      prec = this.wid;
      if (negative || this.plus || this.space) prec--;
    }
    let digits = u.toString(base);
    if (upper) digits = digits.toUpperCase();
    if (digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits;
    if (this.sharp) {
      if (base === 2) digits = `0b${digits}`;
      else if (base === 8) {
        if (digits[0] !== '0') digits = `0${digits}`;
      } else if (base === 16) digits = (upper ? '0X' : '0x') + digits;
    }
    if (verb === 'O') digits = `0o${digits}`;
    if (negative) digits = `-${digits}`;
    else if (this.plus) digits = `+${digits}`;
    else if (this.space) digits = ` ${digits}`;
    const oldZero = this.zero;
    this.zero = false;
    this.pad(digits);
    this.zero = oldZero;
  }

  fmtC(u: bigint): void {
    this.pad(String.fromCodePoint(validRune(u)));
  }

  fmtQc(u: bigint): void {
    const r = u > 0x10ffffn || u < 0n ? 0xfffd : Number(u);
    this.pad(quoteRune(r, this.plus));
  }

  fmtUnicode(u: bigint): void {
    let prec = 4;
    if (this.precPresent && this.prec > 4) prec = this.prec;
    let s = `U+${(u < 0n ? u + (1n << 64n) : u).toString(16).toUpperCase().padStart(prec, '0')}`;
    if (this.sharp && u >= 0n && u <= 0x10ffffn && isPrint(Number(u))) {
      s += ` '${String.fromCodePoint(Number(u))}'`;
    }
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  fmtFloatRaw(v: number, size: 32 | 64, verb: string, prec: number): void {
    if (this.precPresent) prec = this.prec;
    const f = verb as 'e' | 'E' | 'f' | 'g' | 'G' | 'b' | 'x' | 'X';
    let num = formatFloat(v, f, prec, size);
    if (num[0] !== '-' && num[0] !== '+') num = `+${num}`;
    if (this.space && num[0] === '+' && !this.plus) num = ` ${num.slice(1)}`;
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = this.zero;
      this.zero = false;
      if (num[1] === 'N' && !this.space && !this.plus) num = num.slice(1);
      this.pad(num);
      this.zero = oldZero;
      return;
    }
    if (this.sharp && verb !== 'b') num = this.sharpFloat(num, verb, prec);
    if (this.plus || num[0] !== '+') {
      if (this.zero && !this.minus && this.widPresent && this.wid > num.length) {
        this.buf += num[0];
        this.writePadding(this.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  /** sharpFloat applies %#: keep the decimal point and (for %g) trailing zeros up to the precision. */
  sharpFloat(num: string, verb: string, prec: number): string {
    let digits = 0;
    if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') {
      digits = prec;
      if (digits === -1) digits = 6;
    }
    let tail = '';
    let body = num;
    const expChar = verb === 'x' || verb === 'X' ? 'p' : 'e';
    const ei = body.toLowerCase().indexOf(expChar, 1);
    if (ei >= 0) {
      tail = body.slice(ei);
      body = body.slice(0, ei);
    }
    let sawNonzero = false;
    let hasPoint = false;
    for (let i = 1; i < body.length; i++) {
      const c = body[i]!;
      if (c === '.') hasPoint = true;
      else if (verb === 'x' || verb === 'X') {
        if (c !== '0' || sawNonzero) digits--;
      } else if (c >= '0' && c <= '9') {
        if (c !== '0') sawNonzero = true;
        if (sawNonzero) digits--;
      }
    }
    if (!hasPoint) {
      if (body.length === 2 && body[1] === '0') digits--;
      body += '.';
    }
    while (digits > 0) {
      body += '0';
      digits--;
    }
    return body + tail;
  }

  badVerb(verb: string, value: GoValue | undefined): void {
    this.erroring = true;
    this.buf += `%!${verb}(`;
    if (value === undefined || value === null) this.buf += '<nil>';
    else {
      this.buf += goTypeName(value);
      this.buf += '=';
      this.printValue(value, 'v', 0);
    }
    this.buf += ')';
    this.erroring = false;
  }

  printInteger(v: GoInt, verb: string): void {
    const signed = !isUnsigned(v.type);
    switch (verb) {
      case 'v':
        if (this.sharpV && !signed) {
          const s = this.sharp;
          this.sharp = true;
          this.fmtInteger(v.value, 16, false, 'v', false);
          this.sharp = s;
        } else this.fmtInteger(v.value, 10, signed, verb, false);
        return;
      case 'd':
        this.fmtInteger(v.value, 10, signed, verb, false);
        return;
      case 'b':
        this.fmtInteger(v.value, 2, signed, verb, false);
        return;
      case 'o':
      case 'O':
        this.fmtInteger(v.value, 8, signed, verb, false);
        return;
      case 'x':
        this.fmtInteger(v.value, 16, signed, verb, false);
        return;
      case 'X':
        this.fmtInteger(v.value, 16, signed, verb, true);
        return;
      case 'c':
        this.fmtC(v.value);
        return;
      case 'q':
        this.fmtQc(v.value);
        return;
      case 'U':
        this.fmtUnicode(v.value);
        return;
      default:
        this.badVerb(verb, v);
    }
  }

  printFloat(v: number, verb: string): void {
    switch (verb) {
      case 'v':
        this.fmtFloatRaw(v, 64, 'g', -1);
        return;
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        this.fmtFloatRaw(v, 64, verb, -1);
        return;
      case 'f':
      case 'e':
      case 'E':
        this.fmtFloatRaw(v, 64, verb, 6);
        return;
      case 'F':
        this.fmtFloatRaw(v, 64, 'f', 6);
        return;
      default:
        this.badVerb(verb, v);
    }
  }

  printString(s: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.sharpV) this.fmtQ(s);
        else this.fmtS(s);
        return;
      case 's':
        this.fmtS(s);
        return;
      case 'x':
      case 'X':
        this.fmtSbx(stringBytes(s), verb === 'X');
        return;
      case 'q':
        this.fmtQ(s);
        return;
      default:
        this.badVerb(verb, s);
    }
  }

  printBytes(b: Uint8Array, verb: string, depth: number): void {
    switch (verb) {
      case 'v':
      case 'd':
        if (this.sharpV) {
          this.buf += '[]byte{';
          for (let i = 0; i < b.length; i++) {
            if (i > 0) this.buf += ', ';
            const s = this.sharp;
            this.sharp = true;
            this.fmtInteger(BigInt(b[i]!), 16, false, 'v', false);
            this.sharp = s;
          }
          this.buf += '}';
        } else {
          this.buf += '[';
          for (let i = 0; i < b.length; i++) {
            if (i > 0) this.buf += ' ';
            this.fmtInteger(BigInt(b[i]!), 10, false, verb, false);
          }
          this.buf += ']';
        }
        return;
      case 's':
        this.fmtS(new TextDecoder().decode(b));
        return;
      case 'x':
      case 'X':
        this.fmtSbx(b, verb === 'X');
        return;
      case 'q':
        this.fmtQ(new TextDecoder().decode(b));
        return;
    }
    if (this.sharpV) this.buf += '[]uint8{';
    else this.buf += '[';
    for (let i = 0; i < b.length; i++) {
      if (i > 0) this.buf += this.sharpV ? ', ' : ' ';
      this.printValue(new GoInt(BigInt(b[i]!), 'uint8'), verb, depth + 1);
    }
    this.buf += this.sharpV ? '}' : ']';
  }

  /** printArg prints a top-level operand (fmt's printArg). */
  printArg(arg: GoValue, verb: string): void {
    this.arg = arg;
    if (arg === null) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, null);
      return;
    }
    if (verb === 'T') {
      this.fmtS(goTypeName(arg));
      return;
    }
    if (verb === 'p') {
      this.printPointer(arg, verb);
      return;
    }
    this.printValue(arg, verb, 0);
  }

  printPointer(arg: GoValue, verb: string): void {
    if (Array.isArray(arg) || arg instanceof GoMap || arg instanceof Uint8Array || arg instanceof GoObject) {
      // Go prints a memory address, which no other process can reproduce.
      throw new GoPanic('%p (a memory address) cannot be reproduced');
    }
    this.badVerb(verb, arg);
  }

  printValue(v: GoValue, verb: string, depth: number): void {
    if (depth > 0) this.arg = v;
    if (v === null) {
      // Go: a nil interface inside a collection prints <nil> whatever the verb.
      if (depth === 0) {
        if (verb === 'v') this.pad('<nil>');
        else this.badVerb(verb, null);
      } else if (this.sharpV) this.buf += 'interface {}(nil)';
      else this.pad('<nil>');
      return;
    }
    switch (typeof v) {
      case 'string':
        this.printString(v, verb);
        return;
      case 'boolean':
        if (verb === 't' || verb === 'v') this.fmtBoolean(v);
        else this.badVerb(verb, v);
        return;
      case 'number':
        this.printFloat(v, verb);
        return;
    }
    if (v instanceof GoInt) {
      // A named integer's String method answers the verbs fmt gives to Stringers.
      if (v instanceof GoNamedInt && !this.erroring && stringerVerb(verb) && !this.sharpV) {
        this.printString(v.name, verb);
        return;
      }
      this.printInteger(v, verb);
      return;
    }
    if (v instanceof Uint8Array) {
      this.printBytes(v, verb, depth);
      return;
    }
    if (Array.isArray(v)) {
      if (this.sharpV) {
        this.buf += `${sliceType(v)}{`;
        for (let i = 0; i < v.length; i++) {
          if (i > 0) this.buf += ', ';
          this.printValue(v[i]!, verb, depth + 1);
        }
        this.buf += '}';
        return;
      }
      this.buf += '[';
      for (let i = 0; i < v.length; i++) {
        if (i > 0) this.buf += ' ';
        this.printValue(v[i]!, verb, depth + 1);
      }
      this.buf += ']';
      return;
    }
    if (v instanceof GoMap) {
      const keys = sortedKeys(v);
      if (this.sharpV) {
        this.buf += `${v.goType}{`;
        for (let i = 0; i < keys.length; i++) {
          if (i > 0) this.buf += ', ';
          this.printValue(keys[i]!, verb, depth + 1);
          this.buf += ':';
          this.printValue(v.get(keys[i]!) ?? null, verb, depth + 1);
        }
        this.buf += '}';
        return;
      }
      this.buf += 'map[';
      for (let i = 0; i < keys.length; i++) {
        if (i > 0) this.buf += ' ';
        this.printValue(keys[i]!, verb, depth + 1);
        this.buf += ':';
        this.printValue(v.get(keys[i]!) ?? null, verb, depth + 1);
      }
      this.buf += ']';
      return;
    }
    if (v instanceof GoObject) {
      const fields = v.structFields();
      if (fields !== undefined || this.sharpV) {
        if (this.printStruct(v, fields, verb, depth)) return;
      }
      const s = this.erroring ? undefined : v.string();
      if (s !== undefined && stringerVerb(verb)) {
        this.printString(s, verb);
        return;
      }
      // Go: a pointer to a struct prints as `&{…}` at the top (inside a collection, as an address).
      if (depth === 0 && v.goType.startsWith('*')) this.buf += '&';
      this.buf += v.format();
      return;
    }
    // Go: a func value prints as its code address, which no other process can reproduce.
    throw new GoPanic(`printing the function ${v.name} (a code address) cannot be reproduced`);
  }

  /**
   * printStruct prints a struct as Go's fmt does with its methods and fields: GoString for `%#v`,
   * String for the string verbs (not with `%#v`), else `{f1 f2}` (`%+v`: `{Name:f1 …}`, `%#v`:
   * `pkg.Type{Name:"f1", …}`) with the verb applied to every field; a pointer to a struct adds `&`
   * at the top. It returns false when it cannot print the value (no fields known).
   */
  printStruct(
    v: GoObject,
    fields: readonly (readonly [string, GoValue])[] | undefined,
    verb: string,
    depth: number,
  ): boolean {
    if (!this.erroring) {
      if (this.sharpV) {
        const g = v.goString();
        if (g !== undefined) {
          this.fmtS(g);
          return true;
        }
      } else {
        const s = v.string();
        if (s !== undefined && stringerVerb(verb)) {
          this.printString(s, verb);
          return true;
        }
      }
    }
    if (fields === undefined) return false;
    const pointer = v.goType.startsWith('*');
    // (Inside a collection a pointer prints as its address; template values never nest one there.)
    if (pointer && depth === 0) this.buf += '&';
    if (this.sharpV) this.buf += pointer ? v.goType.slice(1) : v.goType;
    this.buf += '{';
    for (let i = 0; i < fields.length; i++) {
      if (i > 0) this.buf += this.sharpV ? ', ' : ' ';
      const [name, value] = fields[i]!;
      if (this.plusV || this.sharpV) this.buf += `${name}:`;
      this.printValue(value, verb, depth + 1);
    }
    this.buf += '}';
    return true;
  }

  // State of one doPrintf call (fields, not closures, so that printing allocates little).
  private format = '';
  private args: readonly GoValue[] = [];
  private argNum = 0;
  private reordered = false;
  private goodArgNum = true;
  /** numOK and numEnd are parsenum's second and third results. */
  private numOK = false;
  private numEnd = 0;
  /** indexFound is argNumber's third result. */
  private indexFound = false;

  /** parsenum parses a decimal number in format[start:stop] (Go's parsenum). */
  private parsenum(start: number, stop: number): number {
    this.numOK = false;
    this.numEnd = stop;
    if (start >= stop) return 0;
    let num = 0;
    let i = start;
    for (; i < stop; i++) {
      const c = this.format.charCodeAt(i);
      if (c < 48 || c > 57) break;
      if (num > 1e6 || num < -1e6) {
        this.numOK = false;
        this.numEnd = stop;
        return 0;
      }
      num = num * 10 + (c - 48);
      this.numOK = true;
    }
    this.numEnd = i;
    return num;
  }

  /** argNumber reads an explicit argument index `[n]` at i and returns the position after it. */
  private argNumber(i: number): number {
    const format = this.format;
    const end = format.length;
    this.indexFound = false;
    if (i >= end || format[i] !== '[') return i;
    this.reordered = true;
    let index = 0;
    let wid = 1;
    let ok = false;
    if (end - i >= 3) {
      for (let j = i + 1; j < end; j++) {
        if (format[j] === ']') {
          const width = this.parsenum(i + 1, j);
          wid = j - i + 1;
          if (this.numOK && this.numEnd === j) {
            index = width - 1;
            ok = true;
          }
          break;
        }
      }
    }
    if (ok && index >= 0 && index < this.args.length) {
      this.argNum = index;
      this.indexFound = true;
      return i + wid;
    }
    this.goodArgNum = false;
    this.indexFound = ok;
    return i + wid;
  }

  /** intFromArg takes a width or precision argument (`*`); numOK reports whether it was an int. */
  private intFromArg(): number {
    let num = 0;
    this.numOK = false;
    if (this.argNum < this.args.length) {
      const v = this.args[this.argNum]!;
      if (v instanceof GoInt && v.value >= -(1n << 63n) && v.value < 1n << 63n) {
        num = Number(v.value);
        this.numOK = true;
      }
      this.argNum++;
      if (num > 1e6 || num < -1e6) {
        num = 0;
        this.numOK = false;
      }
    }
    return num;
  }

  /** doPrintf interprets a format string (fmt's doPrintf). */
  doPrintf(format: string, a: readonly GoValue[]): void {
    const end = format.length;
    this.format = format;
    this.args = a;
    this.argNum = 0;
    this.reordered = false;
    let afterIndex = false;
    let i = 0;
    formatLoop: while (i < end) {
      this.goodArgNum = true;
      const lasti = i;
      while (i < end && format.charCodeAt(i) !== 37) i++;
      if (i > lasti) this.buf += format.slice(lasti, i);
      if (i >= end) break;
      i++;
      this.clearFlags();
      simple: for (; i < end; i++) {
        const c = format[i]!;
        switch (c) {
          case '#':
            this.sharp = true;
            break;
          case '0':
            this.zero = true;
            break;
          case '+':
            this.plus = true;
            break;
          case '-':
            this.minus = true;
            break;
          case ' ':
            this.space = true;
            break;
          default:
            if (c >= 'a' && c <= 'z' && this.argNum < a.length) {
              if (c === 'v') {
                this.sharpV = this.sharp;
                this.sharp = false;
                this.plusV = this.plus;
                this.plus = false;
              }
              this.printArg(a[this.argNum]!, c);
              this.argNum++;
              i++;
              continue formatLoop;
            }
            break simple;
        }
      }
      i = this.argNumber(i);
      afterIndex = this.indexFound;
      if (i < end && format[i] === '*') {
        i++;
        this.wid = this.intFromArg();
        this.widPresent = this.numOK;
        if (!this.widPresent) this.buf += '%!(BADWIDTH)';
        if (this.wid < 0) {
          this.wid = -this.wid;
          this.minus = true;
          this.zero = false;
        }
        afterIndex = false;
      } else {
        this.wid = this.parsenum(i, end);
        this.widPresent = this.numOK;
        i = this.numEnd;
        if (afterIndex && this.widPresent) this.goodArgNum = false;
      }
      if (i + 1 < end && format[i] === '.') {
        i++;
        if (afterIndex) this.goodArgNum = false;
        i = this.argNumber(i);
        afterIndex = this.indexFound;
        if (i < end && format[i] === '*') {
          i++;
          this.prec = this.intFromArg();
          this.precPresent = this.numOK;
          if (this.prec < 0) {
            this.prec = 0;
            this.precPresent = false;
          }
          if (!this.precPresent) this.buf += '%!(BADPREC)';
          afterIndex = false;
        } else {
          this.prec = this.parsenum(i, end);
          this.precPresent = this.numOK;
          i = this.numEnd;
          if (!this.precPresent) {
            this.prec = 0;
            this.precPresent = true;
          }
        }
      }
      if (!afterIndex) {
        i = this.argNumber(i);
        afterIndex = this.indexFound;
      }
      if (i >= end) {
        this.buf += '%!(NOVERB)';
        break;
      }
      const cp = format.codePointAt(i)!;
      const verb = String.fromCodePoint(cp);
      i += verb.length;
      if (verb === '%') {
        this.buf += '%';
      } else if (!this.goodArgNum) {
        this.buf += `%!${verb}(BADINDEX)`;
      } else if (this.argNum >= a.length) {
        this.buf += `%!${verb}(MISSING)`;
      } else {
        if (verb === 'v') {
          this.sharpV = this.sharp;
          this.sharp = false;
          this.plusV = this.plus;
          this.plus = false;
        }
        this.printArg(a[this.argNum]!, verb);
        this.argNum++;
      }
    }
    if (!this.reordered && this.argNum < a.length) {
      this.clearFlags();
      this.buf += '%!(EXTRA ';
      const first = this.argNum;
      for (let j = first; j < a.length; j++) {
        if (j > first) this.buf += ', ';
        const arg = a[j]!;
        if (arg === null) this.buf += '<nil>';
        else {
          this.buf += goTypeName(arg);
          this.buf += '=';
          this.printArg(arg, 'v');
        }
      }
      this.buf += ')';
    }
  }
}

/** formatValue prints a value as `%v` does (fmt.Sprint of one operand); nil prints `<nil>`. */
export function formatValue(v: GoValue): string {
  // Fast paths for the values templates print most.
  if (typeof v === 'string') return v;
  if (v instanceof GoInt) return v instanceof GoNamedInt ? v.name : v.value.toString();
  if (typeof v === 'number') return formatFloat(v, 'g', -1, 64);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) return '<nil>';
  const p = new Printer();
  p.printArg(v, 'v');
  return p.buf;
}

/** sprint is fmt.Sprint: operands printed with %v, a space between two operands when neither is a string. */
export function sprint(args: readonly GoValue[]): string {
  let out = '';
  let prevString = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const isString = typeof arg === 'string';
    if (i > 0 && !isString && !prevString) out += ' ';
    out += formatValue(arg);
    prevString = isString;
  }
  return out;
}

/** sprintln is fmt.Sprintln: operands separated by spaces, followed by a newline. */
export function sprintln(args: readonly GoValue[]): string {
  let out = '';
  for (let i = 0; i < args.length; i++) {
    if (i > 0) out += ' ';
    out += formatValue(args[i]!);
  }
  return `${out}\n`;
}

/** sprintf is fmt.Sprintf with Go's verbs, flags, width, precision and `%!verb(type=value)` errors. */
export function sprintf(format: string, args: readonly GoValue[]): string {
  const p = new Printer();
  p.doPrintf(format, args);
  return p.buf;
}
