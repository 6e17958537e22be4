/**
 * The Go value model shared by the template engine, sprig, YAML and Helm modules.
 *
 * Go distinguishes types that JavaScript does not (int vs float64, nil vs "no value", typed maps
 * and slices), and Helm's output depends on every one of them. The mapping is:
 *
 * | Go                                  | TypeScript                                  |
 * |-------------------------------------|---------------------------------------------|
 * | nil interface / missing map key     | `null`                                      |
 * | string                              | `string`                                    |
 * | bool                                | `boolean`                                   |
 * | float64 (every number from YAML)    | `number`                                    |
 * | int, int64, uint8, … (any integer)  | {@link GoInt} (bigint value + Go type)      |
 * | []interface{} / typed slices        | `GoValue[]` (typed: {@link sliceType})      |
 * | map[string]interface{} / typed maps | {@link GoMap} (a `Map` with a Go type name) |
 * | []byte                              | `Uint8Array`                                |
 * | structs, pointers, time, semver…    | {@link GoObject}                            |
 * | func values                         | {@link GoFuncValue}                         |
 */
export type GoValue =
  | null
  | string
  | boolean
  | number
  | GoInt
  | GoValue[]
  | GoMap
  | Uint8Array
  | GoObject
  | GoFuncValue;

/** IntType names every Go integer type a value can carry. */
export type IntType =
  | 'int'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'uintptr';

/** GoInt is a Go integer of a definite type; its value is held exactly as a bigint. */
export class GoInt {
  constructor(
    readonly value: bigint,
    readonly type: IntType = 'int',
  ) {}
  /** toNumber returns the value as a JS number (may lose precision beyond 2^53). */
  toNumber(): number {
    return Number(this.value);
  }
}

/**
 * GoNamedInt is a value of a named Go integer type with a String method, such as `time.Month` or
 * `time.Weekday`: it computes and compares as an `int` (its reflect kind) and prints as its name with
 * %v and %s, as Go's fmt calls String; `%T` gives the type's name.
 */
export class GoNamedInt extends GoInt {
  constructor(
    value: bigint,
    /** goType is the type's name (`time.Month`). */
    readonly goType: string,
    /** name is what the type's String method returns for this value (`March`). */
    readonly name: string,
  ) {
    super(value, 'int');
  }
}

/** int makes a Go `int` from a JS number or bigint (numbers are truncated toward zero). */
export function int(v: number | bigint, type: IntType = 'int'): GoInt {
  return new GoInt(typeof v === 'bigint' ? v : BigInt(Math.trunc(v)), type);
}

/** isUnsigned reports whether an integer type is one of Go's unsigned types. */
export function isUnsigned(t: IntType): boolean {
  return t.startsWith('u');
}

/**
 * GoMap is a Go map with string keys. `goType` is its Go type name as `%T` prints it
 * (`map[string]interface {}` by default; `common.Values`, `map[string]string`, `engine.files`…).
 * A map type may have methods (Helm's `common.Values` has `YAML`, `AsMap`, …); Go's field access
 * looks methods up before keys, so `.Values.YAML` calls the method.
 */
export class GoMap extends Map<string, GoValue> {
  methods: Readonly<Record<string, GoFuncValue>> | undefined;
  /**
   * isNil marks a nil map of a definite type (Go: `map[string]string(nil)`, e.g. `.Chart.Annotations`
   * when Chart.yaml has none): it prints `map[]`, has length 0, and encodes to JSON as `null`.
   */
  isNil = false;
  private type: string;
  private elem: string;
  constructor(
    entries?: Iterable<readonly [string, GoValue]> | null,
    goType = 'map[string]interface {}',
    methods?: Readonly<Record<string, GoFuncValue>>,
  ) {
    super(entries ?? undefined);
    this.type = goType;
    this.elem = elemTypeOf(goType);
    this.methods = methods;
  }
  /** goType is the map's Go type name as `%T` prints it. */
  get goType(): string {
    return this.type;
  }
  set goType(t: string) {
    this.type = t;
    this.elem = elemTypeOf(t);
  }
  /** elemType is the Go type of the map's values as `%T`/errors print it. */
  get elemType(): string {
    return this.elem;
  }
  /** method returns the map type's method of that name, if any (never Object.prototype members). */
  method(name: string): GoFuncValue | undefined {
    const m = this.methods;
    return m !== undefined && Object.hasOwn(m, name) ? m[name] : undefined;
  }
}

/** nilMap returns a nil map of the given Go map type. */
export function nilMap(goType: string): GoMap {
  const m = new GoMap(null, goType);
  m.isNil = true;
  return m;
}

function elemTypeOf(goType: string): string {
  if (goType === 'map[string]interface {}') return 'interface {}';
  const m = /^map\[string\](.*)$/.exec(goType);
  if (m?.[1]) return m[1];
  if (goType === 'engine.files') return '[]uint8';
  return 'interface {}';
}

const sliceTypes = new WeakMap<GoValue[], string>();

/** sliceType returns the Go type of a slice (`[]interface {}` unless set with {@link typedSlice}). */
export function sliceType(list: GoValue[]): string {
  return sliceTypes.get(list) ?? '[]interface {}';
}

/** typedSlice marks a slice with a Go type such as `[]string` or `[]int` and returns it. */
export function typedSlice<T extends GoValue[]>(list: T, goType: string): T {
  if (goType !== '[]interface {}') sliceTypes.set(list, goType);
  return list;
}

const sliceMethodTables = new WeakMap<GoValue[], Readonly<Record<string, GoFuncValue>>>();

/**
 * withSliceMethods gives a slice the methods of its named Go type (Helm's `common.VersionSet` has
 * `Has`); template field access finds them as it finds a GoMap's methods. Returns the slice.
 */
export function withSliceMethods<T extends GoValue[]>(
  list: T,
  methods: Readonly<Record<string, GoFuncValue>>,
): T {
  sliceMethodTables.set(list, methods);
  return list;
}

/** sliceMethods returns the methods given to a slice with {@link withSliceMethods}, if any. */
export function sliceMethods(list: GoValue[]): Readonly<Record<string, GoFuncValue>> | undefined {
  return sliceMethodTables.get(list);
}

/**
 * GoObject is a Go struct (or pointer to one) reached from templates: `.Capabilities`,
 * `.Capabilities.KubeVersion`, a `*semver.Version`, a `time.Time`, …
 * Field access asks {@link GoObject.field}, then {@link GoObject.method}; `%v` printing uses
 * {@link GoObject.string} when the type has a String method, else {@link GoObject.format}.
 */
export abstract class GoObject {
  /** goType is the type name `%T` prints (`*chartutil.Capabilities`, `time.Time`…). */
  abstract readonly goType: string;
  /** kind is the reflect kind name (`struct`, `ptr`, …) as sprig's `kindOf` prints it. */
  readonly kind: string = 'struct';
  /** field returns the value of an exported field, or `undefined` when there is no such field. */
  field(_name: string): GoValue | undefined {
    return undefined;
  }
  /** method returns a bound method, or `undefined` when there is none. */
  method(_name: string): GoFuncValue | undefined {
    return undefined;
  }
  /** string is the result of the type's String method, or `undefined` when it has none. */
  string(): string | undefined {
    return undefined;
  }
  /**
   * goString is the result of the type's GoString method (what `%#v` prints, as `time.Time`'s
   * `time.Date(…)`), or `undefined` when it has none.
   */
  goString(): string | undefined {
    return undefined;
  }
  /**
   * structFields returns the struct's fields in declaration order, unexported ones included, as
   * fmt walks them (`%+v` names them, `%#v` adds the type and quotes, `%d` applies to each), or
   * `undefined` when the value is printed through {@link GoObject.format} alone.
   */
  structFields(): readonly (readonly [string, GoValue])[] | undefined {
    return undefined;
  }
  /** format prints the value as `%v` would without a String method (`{a b}`, `&{…}`). */
  abstract format(): string;
  /**
   * passed is the value a function receives as an `interface {}` argument: Go copies a struct
   * there, and the copy is not addressable, so methods declared on the pointer no longer apply.
   */
  passed(): GoObject {
    return this;
  }
  /** toJSON returns what encoding/json would marshal this value as (null for nothing). */
  toJSONValue(): GoValue {
    return null;
  }
}

/**
 * GoType is a parameter or result type of a Go function, as far as template execution needs it:
 * argument conversion and the texts of Go's errors (`expected integer; found 1.5`,
 * `wrong type for value; expected string; got float64`).
 */
export type GoType =
  | 'interface {}'
  | 'string'
  | 'bool'
  | 'int'
  | 'int64'
  | 'int32'
  | 'uint'
  | 'uint32'
  | 'uint64'
  | 'uint8'
  | 'float64'
  | '[]interface {}'
  | '[]string'
  | 'map[string]interface {}'
  | '[]uint8'
  | 'reflect.Value'
  | 'time.Time'
  | 'sprig.certificate';

/**
 * GoFuncValue describes a Go function callable from templates: its name, parameter types (the
 * last one repeated when `variadic`), and whether it returns an error as a second result.
 * `fn` throws {@link GoError} for a returned error, or {@link GoPanic} for a Go panic; the
 * template executor turns both into `error calling NAME: …`.
 */
export interface GoFuncValue {
  readonly name: string;
  readonly params: readonly GoType[];
  readonly variadic?: boolean;
  readonly fn: (...args: GoValue[]) => GoValue;
}

/** GoError is an error returned by a Go function; its message is the Go error text. */
export class GoError extends Error {
  override name = 'GoError';
}

/** GoPanic is a Go panic raised by a function; template execution reports it like an error. */
export class GoPanic extends Error {
  override name = 'GoPanic';
}

/** isGoInt reports whether v is a Go integer. */
export function isGoInt(v: GoValue | undefined): v is GoInt {
  return v instanceof GoInt;
}

/** isMap reports whether v is a Go map. */
export function isMap(v: GoValue | undefined): v is GoMap {
  return v instanceof GoMap;
}

/** isList reports whether v is a Go slice. */
export function isList(v: GoValue | undefined): v is GoValue[] {
  return Array.isArray(v);
}

/** goTypeName returns what Go's `%T` prints for a value (`<nil>` for nil). */
export function goTypeName(v: GoValue): string {
  if (v === null) return '<nil>';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return 'float64';
  }
  if (v instanceof GoInt) return v instanceof GoNamedInt ? v.goType : v.type;
  if (Array.isArray(v)) return sliceType(v);
  if (v instanceof GoMap) return v.goType;
  if (v instanceof Uint8Array) return '[]uint8';
  if (v instanceof GoObject) return v.goType;
  return `func(${v.params.join(', ')})`;
}

/** goKindName returns the reflect kind name of a value (`map`, `slice`, `float64`, `invalid`…). */
export function goKindName(v: GoValue): string {
  if (v === null) return 'invalid';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return 'float64';
  }
  if (v instanceof GoInt) return v.type;
  if (Array.isArray(v) || v instanceof Uint8Array) return 'slice';
  if (v instanceof GoMap) return 'map';
  if (v instanceof GoObject) return v.kind;
  return 'func';
}

/**
 * truth reports Go template truthiness: false for nil, false, zero numbers, empty strings,
 * empty slices and maps; true for everything else (structs are always true).
 */
export function truth(v: GoValue): boolean {
  if (v === null) return false;
  switch (typeof v) {
    case 'string':
      return v.length > 0;
    case 'boolean':
      return v;
    case 'number':
      return v !== 0;
  }
  if (v instanceof GoInt) return v.value !== 0n;
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length > 0;
  if (v instanceof GoMap) return v.size > 0;
  return true;
}
