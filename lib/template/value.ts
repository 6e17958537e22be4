/**
 * Execution-time values: a {@link GoValue} or {@link NO_VALUE}, Go's invalid reflect.Value
 * (what a missing value becomes after a pipeline; printed as `<no value>`). A `null` GoValue is
 * a nil interface{} (a valid value whose type is `interface {}`).
 */
import {
  formatFloat,
  GoInt,
  GoMap,
  GoObject,
  type GoType,
  type GoValue,
  goTypeName,
  type IntType,
  isUnsigned,
  nilMap,
  sliceType,
  truth,
  typedSlice,
} from '../go';

/** NO_VALUE is Go's invalid reflect.Value: no value at all (not even nil). */
export const NO_VALUE: unique symbol = Symbol('no value');

/** Val is what template execution passes around: a Go value or no value. */
export type Val = GoValue | typeof NO_VALUE;

/** isTrue is Go template truthiness (no value is false). */
export function isTrue(v: Val): boolean {
  return v === NO_VALUE ? false : truth(v);
}

/** canBeNil reports whether a Go type has a nil value (interfaces, maps, slices, funcs). */
export function canBeNil(t: string): boolean {
  return (
    t === 'interface {}' ||
    t.startsWith('map[') ||
    t.startsWith('[]') ||
    t.startsWith('func(') ||
    t.startsWith('*')
  );
}

const intTypes = new Set<string>(['int', 'int8', 'int16', 'int32', 'int64']);
const uintTypes = new Set<string>(['uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr']);

/** isIntType reports whether a type name is a signed Go integer type. */
export function isIntType(t: string): t is IntType {
  return intTypes.has(t);
}

/** isUintType reports whether a type name is an unsigned Go integer type. */
export function isUintType(t: string): t is IntType {
  return uintTypes.has(t);
}

/** zeroValue returns Go's zero value of a type (nil interface for interface {}). */
export function zeroValue(t: string): GoValue {
  switch (t) {
    case 'interface {}':
      return null;
    case 'string':
      return '';
    case 'bool':
      return false;
    case 'float64':
    case 'float32':
      return 0;
    case '[]uint8':
      return new Uint8Array(0);
  }
  if (isIntType(t) || isUintType(t)) return new GoInt(0n, t as IntType);
  if (t.startsWith('[]')) return typedSlice([], t);
  // (A nil map reads as empty, prints as `map[]`, but takes no assignment and encodes as null.)
  if (t.startsWith('map[')) return nilMap(t);
  return null;
}

/** wrapInt converts an integer to a Go integer type with Go's two's-complement wrap-around. */
export function wrapInt(v: bigint, t: IntType): GoInt {
  const bits =
    t === 'int8' || t === 'uint8'
      ? 8
      : t === 'int16' || t === 'uint16'
        ? 16
        : t === 'int32' || t === 'uint32'
          ? 32
          : 64;
  return new GoInt(isUnsigned(t) ? BigInt.asUintN(bits, v) : BigInt.asIntN(bits, v), t);
}

/** assignable reports whether a (non-nil) value can be passed as a parameter of type t. */
export function assignable(v: GoValue, t: GoType | string): boolean {
  switch (t) {
    case 'interface {}':
    case 'reflect.Value':
      return true;
    case 'string':
      return typeof v === 'string';
    case 'bool':
      return typeof v === 'boolean';
    case 'float64':
      return typeof v === 'number';
    case '[]uint8':
      return v instanceof Uint8Array;
  }
  if (v instanceof GoInt) return v.type === t;
  if (Array.isArray(v)) return sliceType(v) === t;
  if (v instanceof GoMap) {
    if (v.goType === t) return true;
    // Go: a named map type is assignable to its unnamed underlying type.
    return !v.goType.startsWith('map[') && `map[string]${v.elemType}` === t;
  }
  if (v instanceof GoObject) return v.goType === t;
  return v !== null && goTypeName(v) === t;
}

/** GoComplex is a complex128 constant (`{{ 1+2i }}`); it prints as Go's %v does: `(1+2i)`. */
export class GoComplex extends GoObject {
  readonly goType = 'complex128';
  override readonly kind = 'complex128';
  constructor(
    readonly re: number,
    readonly im: number,
  ) {
    super();
  }
  format(): string {
    const im = formatFloat(this.im, 'g', -1, 64);
    const sign = im[0] === '-' || im[0] === '+' ? '' : '+';
    return `(${formatFloat(this.re, 'g', -1, 64)}${sign}${im}i)`;
  }
}
