/**
 * Masterminds/semver v3 (as Helm v4.1.4 links it): version parsing with coercion (`1.2` →
 * `1.2.0`, a leading `v`), canonical String(), comparison with pre-release rules, and constraints
 * (`=`, `!=`, `>`, `<`, `>=`, `<=`, `~`, `~>`, `^`, wildcards `x X *`, hyphen ranges, `,`/space AND,
 * `||` OR). Exported for lib/helm (Chart.yaml `kubeVersion`), and as sprig's `semver`/`semverCompare`.
 */
import { GoError, type GoFuncValue, GoInt, GoObject, type GoValue, quoteString } from '../go';
import { strArg } from './cast';
import { type FuncMap, goFunc } from './func';
import { compile, findAll } from './regex';

const LOOSE =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;
const UINT64_MAX = (1n << 64n) - 1n;

function parseU64(s: string): bigint {
  const v = BigInt(s);
  if (v > UINT64_MAX) {
    throw new GoError(
      `error parsing version segment: strconv.ParseUint: parsing ${quoteString(s)}: value out of range`,
    );
  }
  return v;
}

const onlyDigits = (s: string) => /^[0-9]*$/.test(s);
const onlyAllowed = (s: string) => /^[0-9A-Za-z-]*$/.test(s);

function validatePrerelease(p: string): void {
  for (const part of p.split('.')) {
    if (part === '') throw new GoError('invalid prerelease string');
    if (onlyDigits(part)) {
      if (part.length > 1 && part[0] === '0') throw new GoError('version segment starts with 0');
    } else if (!onlyAllowed(part)) throw new GoError('invalid prerelease string');
  }
}

function validateMetadata(m: string): void {
  for (const part of m.split('.')) {
    if (part === '' || !onlyAllowed(part)) throw new GoError('invalid metadata string');
  }
}

/** POINTER_METHODS are the methods semver declares on *Version (absent from a Version value). */
const POINTER_METHODS = new Set([
  'Original',
  'Compare',
  'LessThan',
  'LessThanEqual',
  'GreaterThan',
  'GreaterThanEqual',
  'Equal',
]);

/** SemVersion is a `*semver.Version`; `{{ . }}` prints its canonical String(). */
export class SemVersion extends GoObject {
  readonly goType: string;
  override readonly kind: string;
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly pre: string,
    readonly metadata: string,
    readonly original: string,
    /** pointer is false for a `semver.Version` value (what IncMajor & co. return). */
    pointer = true,
  ) {
    super();
    this.goType = pointer ? '*semver.Version' : 'semver.Version';
    this.kind = pointer ? 'ptr' : 'struct';
  }

  /** next returns a Version value with new parts and Original = the `v` prefix kept + String(). */
  private next(major: bigint, minor: bigint, patch: bigint, pre: string, meta: string): SemVersion {
    const v = new SemVersion(major, minor, patch, pre, meta, '', false);
    const prefix = this.original.startsWith('v') ? 'v' : '';
    return new SemVersion(major, minor, patch, pre, meta, prefix + v.toString(), false);
  }

  /** toString is the canonical `MAJOR.MINOR.PATCH[-PRE][+META]` form. */
  override toString(): string {
    let s = `${this.major}.${this.minor}.${this.patch}`;
    if (this.pre !== '') s += `-${this.pre}`;
    if (this.metadata !== '') s += `+${this.metadata}`;
    return s;
  }

  override string(): string {
    return this.toString();
  }

  override format(): string {
    const fields = `{${this.major} ${this.minor} ${this.patch} ${this.pre} ${this.metadata} ${this.original}}`;
    return this.goType.startsWith('*') ? `&${fields}` : fields;
  }

  override toJSONValue(): GoValue {
    return this.toString();
  }

  /** compare is Version.Compare: -1, 0 or 1 (metadata ignored). */
  compare(o: SemVersion): number {
    for (const [a, b] of [
      [this.major, o.major],
      [this.minor, o.minor],
      [this.patch, o.patch],
    ] as const) {
      if (a !== b) return a < b ? -1 : 1;
    }
    if (this.pre === '' && o.pre === '') return 0;
    if (this.pre === '') return 1;
    if (o.pre === '') return -1;
    return comparePrerelease(this.pre, o.pre);
  }

  override method(name: string): GoFuncValue | undefined {
    const other = (v: GoValue): SemVersion => {
      if (v instanceof SemVersion) return v;
      throw new GoError('semver: argument is not a *semver.Version');
    };
    const u64 = (v: bigint) => new GoInt(v, 'uint64');
    const methods: Record<string, GoFuncValue> = {
      Major: goFunc('Major', [], () => u64(this.major)),
      Minor: goFunc('Minor', [], () => u64(this.minor)),
      Patch: goFunc('Patch', [], () => u64(this.patch)),
      Prerelease: goFunc('Prerelease', [], () => this.pre),
      Metadata: goFunc('Metadata', [], () => this.metadata),
      Original: goFunc('Original', [], () => this.original),
      String: goFunc('String', [], () => this.toString()),
      Compare: goFunc('Compare', ['interface {}'], (o) => new GoInt(BigInt(this.compare(other(o))))),
      LessThan: goFunc('LessThan', ['interface {}'], (o) => this.compare(other(o)) < 0),
      LessThanEqual: goFunc('LessThanEqual', ['interface {}'], (o) => this.compare(other(o)) <= 0),
      GreaterThan: goFunc('GreaterThan', ['interface {}'], (o) => this.compare(other(o)) > 0),
      GreaterThanEqual: goFunc('GreaterThanEqual', ['interface {}'], (o) => this.compare(other(o)) >= 0),
      Equal: goFunc('Equal', ['interface {}'], (o) => this.compare(other(o)) === 0),
      IncPatch: goFunc('IncPatch', [], () =>
        this.pre !== ''
          ? this.next(this.major, this.minor, this.patch, '', '')
          : this.next(this.major, this.minor, this.patch + 1n, '', ''),
      ),
      IncMinor: goFunc('IncMinor', [], () => this.next(this.major, this.minor + 1n, 0n, '', '')),
      IncMajor: goFunc('IncMajor', [], () => this.next(this.major + 1n, 0n, 0n, '', '')),
      SetPrerelease: goFunc('SetPrerelease', ['string'], (p) => {
        const pre = strArg(p);
        if (pre !== '') validatePrerelease(pre);
        return this.next(this.major, this.minor, this.patch, pre, this.metadata);
      }),
      SetMetadata: goFunc('SetMetadata', ['string'], (m) => {
        const meta = strArg(m);
        if (meta !== '') validateMetadata(meta);
        return this.next(this.major, this.minor, this.patch, this.pre, meta);
      }),
    };
    // Go: a Version value (not addressable) has only the value-receiver methods.
    if (!this.goType.startsWith('*') && POINTER_METHODS.has(name)) return undefined;
    return methods[name];
  }
}

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return -1;
  if (o === '') return 1;
  const sn = onlyDigits(s) && BigInt(s) <= UINT64_MAX;
  const on = onlyDigits(o) && BigInt(o) <= UINT64_MAX;
  if (!sn && !on) return s > o ? 1 : -1;
  if (!on) return -1;
  if (!sn) return 1;
  return BigInt(s) > BigInt(o) ? 1 : -1;
}

function comparePrerelease(a: string, b: string): number {
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = comparePrePart(x[i] ?? '', y[i] ?? '');
    if (d !== 0) return d;
  }
  return 0;
}

/** parseVersion is semver.NewVersion (coercing); throws GoError with the library's message. */
export function parseVersion(v: string): SemVersion {
  const m = LOOSE.exec(v);
  if (!m) throw new GoError('invalid semantic version');
  const major = parseU64(m[1]!);
  const minor = m[2] ? parseU64(m[2].slice(1)) : 0n;
  const patch = m[3] ? parseU64(m[3].slice(1)) : 0n;
  const pre = m[5] ?? '';
  const meta = m[8] ?? '';
  if (pre !== '') validatePrerelease(pre);
  if (meta !== '') validateMetadata(meta);
  return new SemVersion(major, minor, patch, pre, meta, v);
}

const CV = String.raw`v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`;
const OPS = String.raw`=||!=|>|<|>=|=>|<=|=<|~|~>|\^`;
const constraintRe = () => compile(String.raw`^\s*(${OPS})\s*(${CV})\s*$`);
const rangeRe = () => compile(String.raw`\s*(${CV})\s+-\s+(${CV})\s*`);
const findRe = () => compile(String.raw`(${OPS})\s*(${CV})`);
const validRe = () => compile(String.raw`^(\s*(${OPS})\s*(${CV})\s*)((?:\s+|,\s*)(${OPS})\s*(${CV})\s*)*$`);

interface Constraint {
  con: SemVersion;
  orig: string;
  op: string;
  minorDirty: boolean;
  patchDirty: boolean;
  dirty: boolean;
}

const isX = (s: string) => s === 'x' || s === '*' || s === 'X';

function parseConstraint(c: string): Constraint {
  if (c.length === 0) {
    return {
      con: new SemVersion(0n, 0n, 0n, '', '', '0.0.0'),
      orig: c,
      op: '',
      minorDirty: false,
      patchDirty: false,
      dirty: true,
    };
  }
  const m = findAll(constraintRe(), c, 1)[0];
  if (!m) throw new GoError(`improper constraint: ${c}`);
  let ver = m[2]!;
  let minorDirty = false;
  let patchDirty = false;
  let dirty = false;
  const g3 = m[3] ?? '';
  const g4 = m[4] ?? '';
  const g5 = m[5] ?? '';
  const g6 = m[6] ?? '';
  if (isX(g3) || g3 === '') {
    ver = `0.0.0${g6}`;
    dirty = true;
  } else if (isX(g4.replace(/^\./, '')) || g4 === '') {
    minorDirty = true;
    dirty = true;
    ver = `${g3}.0.0${g6}`;
  } else if (isX(g5.replace(/^\./, '')) || g5 === '') {
    dirty = true;
    patchDirty = true;
    ver = `${g3}${g4}.0${g6}`;
  }
  let con: SemVersion;
  try {
    con = parseVersion(ver);
  } catch {
    throw new GoError('constraint parser error');
  }
  return { con, orig: m[2]!, op: m[1]!, minorDirty, patchDirty, dirty };
}

function tilde(v: SemVersion, c: Constraint): boolean {
  if (v.compare(c.con) < 0) return false;
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty)
    return true;
  if (v.major !== c.con.major) return false;
  return !(v.minor !== c.con.minor && !c.minorDirty);
}

function check(v: SemVersion, c: Constraint, includePre: boolean): boolean {
  if (v.pre !== '' && !includePre) return false;
  const cmp = v.compare(c.con);
  switch (c.op) {
    case '':
    case '=':
      return c.dirty ? tilde(v, c) : cmp === 0;
    case '!=':
      if (c.dirty) {
        if (c.con.major !== v.major) return true;
        if (c.con.minor !== v.minor && !c.minorDirty) return true;
        if (c.minorDirty) return false;
        if (c.con.patch !== v.patch && !c.patchDirty) return true;
        if (c.patchDirty) {
          if (v.pre !== '' || c.con.pre !== '') return comparePrerelease(v.pre, c.con.pre) !== 0;
          return false;
        }
      }
      return cmp !== 0;
    case '>':
      if (!c.dirty) return cmp === 1;
      if (v.major > c.con.major) return true;
      if (v.major < c.con.major) return false;
      if (c.minorDirty) return false;
      if (c.patchDirty) return v.minor > c.con.minor;
      return cmp === 1;
    case '<':
      return cmp < 0;
    case '>=':
    case '=>':
      return cmp >= 0;
    case '<=':
    case '=<':
      if (!c.dirty) return cmp <= 0;
      if (v.major > c.con.major) return false;
      return !(v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty);
    case '~':
    case '~>':
      return tilde(v, c);
    case '^':
      if (cmp < 0) return false;
      if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major;
      if (v.major > 0n) return false;
      if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor;
      if (v.minor > 0n) return false;
      return c.con.patch === v.patch;
    default:
      return false;
  }
}

/** SemConstraints is a parsed constraint expression (`>= 1.2, < 2 || ^3`). */
export interface SemConstraints {
  readonly groups: readonly { readonly items: readonly Constraint[]; readonly hasPre: boolean }[];
}

const constraintCache = new Map<string, SemConstraints>();

/** parseConstraints is semver.NewConstraint; throws GoError (`improper constraint: …`). */
export function parseConstraints(text: string): SemConstraints {
  const hit = constraintCache.get(text);
  if (hit) return hit;
  const parsed = parseConstraintsUncached(text);
  if (constraintCache.size > 256) constraintCache.clear();
  constraintCache.set(text, parsed);
  return parsed;
}

function parseConstraintsUncached(text: string): SemConstraints {
  let c = text;
  for (const m of findAll(rangeRe(), text, -1)) {
    c = c.replace(m[0], `>= ${m[1]}, <= ${m[11]} `);
  }
  const groups = c.split('||').map((part) => {
    if (findAll(validRe(), part, 1).length === 0) throw new GoError(`improper constraint: ${part}`);
    const found = findAll(findRe(), part, -1).map((m) => m[0]);
    const items = (found.length > 0 ? found : [part]).map(parseConstraint);
    return { items, hasPre: items.some((i) => i.con.pre !== '') };
  });
  return { groups };
}

/** checkConstraints is Constraints.Check: whether v satisfies any OR group. */
export function checkConstraints(cs: SemConstraints, v: SemVersion): boolean {
  return cs.groups.some((g) => g.items.every((c) => check(v, c, g.hasPre)));
}

/** semverCompare is sprig's semverCompare: parse both, then check; throws GoError on bad input. */
export function semverCompare(constraint: string, version: string): boolean {
  const cs = parseConstraints(constraint);
  return checkConstraints(cs, parseVersion(version));
}

/** semverFuncs returns sprig's semver and semverCompare. */
export function semverFuncs(): FuncMap {
  return {
    semver: goFunc('semver', ['string'], (v) => parseVersion(strArg(v))),
    semverCompare: goFunc('semverCompare', ['string', 'string'], (c, v) =>
      semverCompare(strArg(c), strArg(v)),
    ),
  };
}
