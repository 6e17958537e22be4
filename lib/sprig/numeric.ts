/**
 * Sprig's math and conversion functions (`numeric.go`, `functions.go`): integer math on
 * cast.ToInt64 values (int64 results, Go's wrapping and division panics), float math through
 * shopspring/decimal, and the cast conversions.
 */
import { formatValue, GoInt, GoPanic, type GoValue } from '../go';
import { goInt, int64, intArg, parseGoInt, strArg, toFloat64, toInt64 } from './cast';
import { type FuncMap, goFunc, randIntn, type SprigEnv } from './func';
import { untilStep } from './lists';

/** Decimal is an exact decimal number coef × 10^exp (shopspring/decimal's representation). */
export interface Decimal {
  readonly coef: bigint;
  readonly exp: number;
}

/** decimalFromFloat is decimal.NewFromFloat: the shortest decimal that reads back as f. */
export function decimalFromFloat(f: number): Decimal {
  if (!Number.isFinite(f)) throw new GoPanic(`Cannot create a Decimal from ${formatValue(f)}`);
  if (f === 0) return { coef: 0n, exp: 0 };
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(f))!;
  const frac = m[3] ?? '';
  const coef = BigInt(`${m[1]}${m[2]}${frac}`);
  return { coef, exp: Number(m[4] ?? 0) - frac.length };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const exp = Math.min(a.exp, b.exp);
  return [a.coef * 10n ** BigInt(a.exp - exp), b.coef * 10n ** BigInt(b.exp - exp), exp];
}

/** decimalToFloat is Decimal.Float64: the float64 nearest to the exact value. */
export function decimalToFloat(d: Decimal): number {
  return Number(`${d.coef}e${d.exp}`);
}

const DIVISION_PRECISION = 16;

/** decimalOp applies one of shopspring/decimal's Add, Sub, Mul, Div (16 digits, half away from zero). */
export function decimalOp(op: 'add' | 'sub' | 'mul' | 'div', a: Decimal, b: Decimal): Decimal {
  if (op === 'mul') return { coef: a.coef * b.coef, exp: a.exp + b.exp };
  if (op === 'add' || op === 'sub') {
    const [x, y, exp] = align(a, b);
    return { coef: op === 'add' ? x + y : x - y, exp };
  }
  // Go: shopspring/decimal panics with "decimal division by 0" (verified with helm: `divf 1 0`).
  if (b.coef === 0n) throw new GoPanic('decimal division by 0');
  // q = a / b rounded to 10^-16: N / D with N = a.coef·10^(a.exp+16-b.exp), D = b.coef.
  let n = a.coef;
  let d = b.coef;
  const shift = a.exp + DIVISION_PRECISION - b.exp;
  if (shift >= 0) n *= 10n ** BigInt(shift);
  else d *= 10n ** BigInt(-shift);
  let q = n / d;
  const r = n % d;
  const abs = (x: bigint) => (x < 0n ? -x : x);
  if (2n * abs(r) >= abs(d)) q += n < 0n !== d < 0n ? -1n : 1n;
  return { coef: q, exp: -DIVISION_PRECISION };
}

function decimalFold(op: 'add' | 'sub' | 'mul' | 'div', first: GoValue, rest: GoValue[]): number {
  let acc = decimalFromFloat(toFloat64(first));
  for (const x of rest) acc = decimalOp(op, acc, decimalFromFloat(toFloat64(x)));
  return decimalToFloat(acc);
}

/** goMax is math.Max (NaN wins, +0 beats -0). */
function goMax(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
  if (a === 0 && b === 0) return Object.is(a, -0) ? b : a;
  return Math.max(a, b);
}

/** goMin is math.Min (NaN wins, -0 beats +0). */
function goMin(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.NaN;
  if (a === 0 && b === 0) return Object.is(a, -0) ? a : b;
  return Math.min(a, b);
}

const bigMax = (m: bigint, x: bigint) => (x > m ? x : m);
const bigMin = (m: bigint, x: bigint) => (x < m ? x : m);

/** roundPlaces is sprig's round: pow(10,p)·x, then ceil when the fraction ≥ roundOn, else floor. */
export function roundPlaces(x: number, places: number, roundOn = 0.5): number {
  const pow = 10 ** places;
  const digit = pow * x;
  const frac = digit - Math.trunc(digit);
  return (frac >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow;
}

/** seq is sprig's seq: the integers of a range joined by spaces. */
export function seq(params: number[]): string {
  let ints: GoValue[];
  switch (params.length) {
    case 1: {
      const end = params[0]!;
      const inc = end < 1 ? -1 : 1;
      ints = untilStep(1, end + inc, inc);
      break;
    }
    case 2: {
      const [start, end] = params as [number, number];
      const step = end < start ? -1 : 1;
      ints = untilStep(start, end + step, step);
      break;
    }
    case 3: {
      const [start, step, end] = params as [number, number, number];
      let inc = 1;
      if (end < start) {
        inc = -1;
        if (step > 0) return '';
      }
      ints = untilStep(start, end + inc, step);
      break;
    }
    default:
      return '';
  }
  return ints.map((i) => String((i as GoInt).value)).join(' ');
}

/** atoi is strconv.Atoi with sprig's error → 0 (a range error keeps Go's clamped value). */
function atoi(s: string): bigint {
  if (!/^[+-]?\d+$/.test(s)) return 0n;
  const v = BigInt(s);
  const max = (1n << 63n) - 1n;
  if (v > max) return max;
  if (v < -max - 1n) return -max - 1n;
  return v;
}

/** numericFuncs returns sprig's math and conversion functions. */
export function numericFuncs(env: SprigEnv): FuncMap {
  const A = 'interface {}' as const;
  const I = 'int' as const;
  const divide = (a: GoValue, b: GoValue, mod: boolean) => {
    const x = toInt64(a);
    const y = toInt64(b);
    // Go: integer division by zero panics.
    if (y === 0n) throw new GoPanic('runtime error: integer divide by zero');
    return int64(mod ? x % y : x / y);
  };
  const fold = (name: string, op: 'add' | 'sub' | 'mul' | 'div') =>
    goFunc(name, [A, A], (a, ...v) => decimalFold(op, a, v), true);
  return {
    atoi: goFunc('atoi', ['string'], (s) => goInt(atoi(strArg(s)))),
    int64: goFunc('int64', [A], (v) => int64(toInt64(v))),
    int: goFunc('int', [A], (v) => goInt(toInt64(v))),
    float64: goFunc('float64', [A], (v) => toFloat64(v)),
    seq: goFunc('seq', [I], (...p) => seq(p.map(intArg)), true),
    toDecimal: goFunc('toDecimal', [A], (v) => {
      const s = formatValue(v);
      // Go: ParseInt(s, 8, 64) accepts no prefix and no underscores.
      return int64(s.includes('_') ? 0n : (parseGoInt(s, 8) ?? 0n));
    }),
    until: goFunc('until', [I], (n) => {
      const c = intArg(n);
      return untilStep(0, c, c < 0 ? -1 : 1);
    }),
    untilStep: goFunc('untilStep', [I, I, I], (a, b, c) => untilStep(intArg(a), intArg(b), intArg(c))),
    add1: goFunc('add1', [A], (v) => int64(toInt64(v) + 1n)),
    add: goFunc(
      'add',
      [A],
      (...v) => int64(v.reduce<bigint>((s, x) => BigInt.asIntN(64, s + toInt64(x)), 0n)),
      true,
    ),
    sub: goFunc('sub', [A, A], (a, b) => int64(toInt64(a) - toInt64(b))),
    div: goFunc('div', [A, A], (a, b) => divide(a, b, false)),
    mod: goFunc('mod', [A, A], (a, b) => divide(a, b, true)),
    mul: goFunc(
      'mul',
      [A, A],
      (a, ...v) => int64(v.reduce<bigint>((p, x) => BigInt.asIntN(64, p * toInt64(x)), toInt64(a))),
      true,
    ),
    randInt: goFunc('randInt', [I, I], (lo, hi) => {
      const min = intArg(lo);
      const n = intArg(hi) - min;
      if (n <= 0) throw new GoPanic('invalid argument to Intn');
      return goInt(randIntn(env, n) + min);
    }),
    add1f: goFunc('add1f', [A], (v) => decimalFold('add', v, [new GoInt(1n)])),
    addf: goFunc('addf', [A], (...v) => decimalFold('add', 0, v), true),
    subf: fold('subf', 'sub'),
    divf: fold('divf', 'div'),
    mulf: fold('mulf', 'mul'),
    biggest: goFunc('biggest', [A, A], (a, ...v) => int64(v.map(toInt64).reduce(bigMax, toInt64(a))), true),
    max: goFunc('max', [A, A], (a, ...v) => int64(v.map(toInt64).reduce(bigMax, toInt64(a))), true),
    min: goFunc('min', [A, A], (a, ...v) => int64(v.map(toInt64).reduce(bigMin, toInt64(a))), true),
    maxf: goFunc('maxf', [A, A], (a, ...v) => v.map(toFloat64).reduce(goMax, toFloat64(a)), true),
    minf: goFunc('minf', [A, A], (a, ...v) => v.map(toFloat64).reduce(goMin, toFloat64(a)), true),
    ceil: goFunc('ceil', [A], (v) => Math.ceil(toFloat64(v))),
    floor: goFunc('floor', [A], (v) => Math.floor(toFloat64(v))),
    round: goFunc(
      'round',
      [A, I, 'float64'],
      (a, p, ...opt) => roundPlaces(toFloat64(a), intArg(p), opt.length > 0 ? toFloat64(opt[0]!) : 0.5),
      true,
    ),
  };
}
