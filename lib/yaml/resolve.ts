/**
 * YAML 1.1 scalar resolution as yaml.v2 (and, for encoding, yaml.v3) performs it: which plain
 * scalars are null, bools, ints, floats, timestamps or merge keys.
 */

/** Resolved is what a plain scalar means under yaml.v2's resolver. */
export type Resolved =
  | { tag: 'null' }
  | { tag: 'bool'; value: boolean }
  | { tag: 'int'; value: bigint }
  | { tag: 'float'; value: number }
  | { tag: 'timestamp' }
  | { tag: 'str' };

const NULL: Resolved = { tag: 'null' };
const STR: Resolved = { tag: 'str' };
const TIMESTAMP: Resolved = { tag: 'timestamp' };

const table = new Map<string, Resolved>();
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) {
  table.set(s, { tag: 'bool', value: true });
}
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) {
  table.set(s, { tag: 'bool', value: false });
}
for (const s of ['', '~', 'null', 'Null', 'NULL']) table.set(s, NULL);
for (const s of ['.nan', '.NaN', '.NAN']) table.set(s, { tag: 'float', value: Number.NaN });
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) {
  table.set(s, { tag: 'float', value: Number.POSITIVE_INFINITY });
}
for (const s of ['-.inf', '-.Inf', '-.INF']) table.set(s, { tag: 'float', value: Number.NEGATIVE_INFINITY });

/** hint mirrors yaml.v2's first-character table: only these starts can be non-strings. */
function hint(c: string): string {
  if (c >= '0' && c <= '9') return 'D';
  if (c === '+' || c === '-') return 'S';
  if (c === '.') return '.';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  return '';
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const numberish = /^[-+0-9][-+0-9a-fA-FxXoO_.:tTzZ ]*$/;
const dotFloat = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;

/** parseGoInt is strconv.ParseInt(s, 0, 64) (signed) or ParseUint(s, 0, 64); undefined on error. */
export function parseGoInt(s: string, signed: boolean): bigint | undefined {
  let i = 0;
  let neg = false;
  if (signed && (s[0] === '+' || s[0] === '-')) {
    neg = s[0] === '-';
    i = 1;
  }
  let base = 10;
  let body = s.slice(i);
  if (body.length >= 2 && body[0] === '0') {
    const p = body[1]!;
    if (p === 'x' || p === 'X') [base, body] = [16, body.slice(2)];
    else if (p === 'o' || p === 'O') [base, body] = [8, body.slice(2)];
    else if (p === 'b' || p === 'B') [base, body] = [2, body.slice(2)];
    else [base, body] = [8, body.slice(1)];
  }
  if (body.length === 0) return undefined;
  const digits =
    base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!digits.test(body)) return undefined;
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
  let v = BigInt(prefix + body);
  if (neg) v = -v;
  if (signed ? v < INT64_MIN || v > INT64_MAX : v > UINT64_MAX) return undefined;
  return v;
}

/** parseGoFloat is strconv.ParseFloat(s, 64) for decimal syntax; undefined on error or overflow. */
function parseGoFloat(s: string): number | undefined {
  const v = Number(s);
  if (!Number.isFinite(v)) return undefined; // Go: out of range is an error (ErrRange)
  return v;
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const tsDate = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const tsFull = /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const tsSpace = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?$/;

/** isTimestamp reports whether yaml.v2 would read s as a !!timestamp (Go time.Parse with its layouts). */
export function isTimestamp(s: string): boolean {
  const m = tsDate.exec(s) ?? tsFull.exec(s) ?? tsSpace.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = mo === 2 && leap ? 29 : monthDays[mo - 1]!;
  if (d < 1 || d > days) return false;
  if (m[4] !== undefined) {
    if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return false;
  }
  return true;
}

/**
 * resolveScalar resolves a plain scalar the way yaml.v2's `resolve("", s)` does (YAML 1.1:
 * `yes`/`on`/`y` bools, `0777` octal, `0x`/`0o`/`0b`, `_` separators, `.inf`).
 * `timestamps` decides whether dates resolve as timestamps (true for the encoder's quoting check).
 */
export function resolveScalar(s: string, timestamps = false): Resolved {
  const h = s === '' ? 'N' : hint(s[0]!);
  if (h === '') return STR;
  const known = table.get(s);
  if (known) return known;
  if (h === '.') {
    if (dotFloat.test(s)) return { tag: 'float', value: Number(s) };
    return STR;
  }
  if (h === 'D' || h === 'S') {
    // Quick reject: only these characters occur in ints, floats and timestamps.
    if (!numberish.test(s)) return STR;
    if (timestamps && isTimestamp(s)) return TIMESTAMP;
    const plain = s.includes('_') ? s.replaceAll('_', '') : s;
    const i = parseGoInt(plain, true) ?? parseGoInt(plain, false);
    if (i !== undefined) return { tag: 'int', value: i };
    if (yamlStyleFloat.test(plain)) {
      const f = parseGoFloat(plain);
      if (f !== undefined) return { tag: 'float', value: f };
    }
    // Go: `-0b…` is also tried; ParseInt with base 0 already accepted every valid form.
  }
  return STR;
}

const base60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** isBase60Float reports whether s is a YAML 1.1 sexagesimal number, which yaml.v2 quotes on output. */
export function isBase60Float(s: string): boolean {
  if (s === '') return false;
  const c = s[0]!;
  if (!(c === '+' || c === '-' || (c >= '0' && c <= '9')) || !s.includes(':')) return false;
  return base60.test(s);
}

const oldBools = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'on',
  'On',
  'ON',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'off',
  'Off',
  'OFF',
]);

/** isOldBool reports whether s is a YAML 1.1-only boolean, which yaml.v3 quotes on output. */
export function isOldBool(s: string): boolean {
  return oldBools.has(s);
}
