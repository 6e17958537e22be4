import {
  formatFloat,
  GoError,
  GoInt,
  GoMap,
  type GoValue,
  goTypeName,
  quoteRune,
  quoteString,
} from '@/lib/go';
import { decodeJson } from '@/lib/yaml';
import type { Chart } from './chart';

/**
 * values.schema.json validation with the messages of santhosh-tekuri/jsonschema v6 as Helm v4
 * prints them (`- at '/replicas': minimum: got 0, want 1`). Drafts 2020-12 (default), 2019-09, 7, 6
 * and 4: the schema is first checked against its draft's metaschema, then the values.
 * References resolve against `$id` base URIs inside the document; a missing `file:` document fails
 * as Helm's loader does. Not reproduced: remote http(s) `$ref`s (Helm fetches them; here they are
 * always valid, like Helm's `urn:` fallback), `$dynamicRef` in user schemas, the `regex`,
 * `uri-reference`, `duration` and other less common formats, and the order of errors that
 * Go's map iteration makes random (several failing properties of one object; we sort by name).
 */

type Schema = boolean | Record<string, unknown>;

/** SchemaError is one validation error: where, what, and the errors that caused it. */
interface SchemaError {
  at: string[];
  message: string;
  causes: SchemaError[];
  /** ref marks a `$ref` wrapper, which is not printed when it has a single cause. */
  ref?: boolean;
  /** group marks "validation failed" (several errors at one place). */
  group?: boolean;
}

/** quote is the library's single-quoted Go string (`'it\'s'`). */
function quote(s: string): string {
  const q = quoteString(s).replaceAll('\\"', '"').replaceAll("'", "\\'");
  return `'${q.slice(1, -1)}'`;
}

const superscript: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
  '+': '',
};

function group(intPart: string): string {
  const neg = intPart.startsWith('-');
  const digits = neg ? intPart.slice(1) : intPart;
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return (neg ? '-' : '') + out;
}

/** printNumber formats a float64 as golang.org/x/text's English printer does for `%v`. */
export function printNumber(v: number): string {
  const s = formatFloat(v, 'g', -1, 64);
  const m = /^(-?)([0-9]+)(\.[0-9]+)?(?:e([+-][0-9]+))?$/.exec(s);
  if (!m) return s;
  const mant = group(`${m[1]}${m[2]}`) + (m[3] ?? '');
  if (m[4] === undefined) return mant;
  return `${mant}×10${Array.from(m[4], (c) => superscript[c] ?? c).join('')}`;
}

/** printInt formats an int with English digit grouping (`1,000`). */
function printInt(n: number): string {
  return group(String(n));
}

/** plain formats a primitive as Go's `%v` does (enum/const messages). */
function plain(v: GoValue): string {
  if (typeof v === 'string') return quote(v);
  if (v === null) return '<nil>';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return formatFloat(v, 'g', -1, 64);
  if (v instanceof GoInt) return v.value.toString();
  return 'value';
}

type JsonType = 'null' | 'boolean' | 'number' | 'integer' | 'string' | 'array' | 'object';
const typeOrder: JsonType[] = ['null', 'boolean', 'number', 'integer', 'string', 'array', 'object'];

function typeOf(v: GoValue): JsonType | undefined {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number' || v instanceof GoInt) return 'number';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v) && goTypeName(v) === '[]interface {}') return 'array';
  if (v instanceof GoMap && v.goType === 'map[string]interface {}') return 'object';
  return undefined;
}

function num(v: GoValue): number {
  return v instanceof GoInt ? Number(v.value) : (v as number);
}

function isInteger(v: GoValue): boolean {
  return v instanceof GoInt || (typeof v === 'number' && Number.isInteger(v));
}

function toJS(v: GoValue): unknown {
  if (v instanceof GoMap) return Object.fromEntries([...v].map(([k, e]) => [k, toJS(e)]));
  if (Array.isArray(v)) return v.map(toJS);
  if (v instanceof GoInt) return Number(v.value);
  return v;
}

function equals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => equals(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every((k) => k in b && equals((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return false;
}

interface Ctx {
  root: Schema;
  draft: number;
  /** locations maps every schema object of the document to its JSON pointer (for cycle messages). */
  locations?: WeakMap<object, string>;
  /** bases maps every schema object to the base URI its references resolve against. */
  bases?: WeakMap<object, string>;
  /** meta marks metaschema validation, which asserts the `regex` format in every draft. */
  meta?: boolean;
  /** resources maps a resource URI (no fragment) to its schema (the document, or a `$id` subschema). */
  resources?: Map<string, Schema>;
  /** refs memoizes {@link lookupRef} per schema object and reference (the metaschema's few `$ref`s
   * are followed once per subschema of the checked document; URL parsing dominated a cold run). */
  refs?: WeakMap<object, Map<string, RefTarget>>;
}

/** documentURI is where Helm registers values.schema.json. */
const documentURI = 'file:///values.schema.json';

/** nonSchemaKeys hold instance data, never subschemas. */
const nonSchemaKeys = new Set(['enum', 'const', 'default', 'examples']);

function stripFragment(u: string): string {
  const i = u.indexOf('#');
  return i < 0 ? u : u.slice(0, i);
}

function resolveURI(ref: string, base: string): string | undefined {
  try {
    return new URL(ref, base).href;
  } catch {
    return undefined;
  }
}

/** indexResources records the base URI of every schema object and the resources `$id` creates. */
function indexResources(ctx: Ctx): void {
  if (ctx.bases) return;
  const bases = new WeakMap<object, string>();
  const resources = new Map<string, Schema>();
  const walk = (o: unknown, base: string) => {
    if (o === null || typeof o !== 'object') return;
    if (Array.isArray(o)) {
      for (const e of o) walk(e, base);
      return;
    }
    const rec = o as Record<string, unknown>;
    let b = base;
    const id =
      typeof rec.$id === 'string' ? rec.$id : ctx.draft === 4 && typeof rec.id === 'string' ? rec.id : '';
    if (id !== '' && !id.startsWith('#')) {
      const u = resolveURI(id, base);
      if (u) {
        b = stripFragment(u);
        if (!resources.has(b)) resources.set(b, rec);
      }
    }
    bases.set(rec, b);
    for (const [k, v] of Object.entries(rec)) if (!nonSchemaKeys.has(k)) walk(v, b);
  };
  resources.set(documentURI, ctx.root);
  walk(ctx.root, documentURI);
  if (typeof ctx.root === 'object') {
    // The document stays reachable under Helm's file name even when it declares an `$id`.
    resources.set(documentURI, ctx.root);
  }
  ctx.bases = bases;
  ctx.resources = resources;
}

/** refSchema is the schema a checked reference leads to (compilation has reported the others). */
function refSchema(t: RefTarget): Schema {
  return 'schema' in t ? t.schema : true;
}

/** RefTarget is a resolved reference: a schema, or why it cannot be loaded. */
type RefTarget = { schema: Schema } | { missing: string } | { failed: string };

/** missingText is the library's message for a reference whose fragment does not resolve. */
function missingText(uri: string, fragment: string): string {
  if (fragment.startsWith('/')) return `json-pointer in ${quoteString(`${uri}#${fragment}`)} not found`;
  return `anchor in ${quoteString(`${uri}#${fragment}`)} not found in schema ${quoteString(uri)}`;
}

/** lookupRef resolves a `$ref` of schema `from` the way the library does for local documents. */
function lookupRef(ctx: Ctx, from: Schema, ref: string): RefTarget {
  if (typeof from !== 'object') return resolveRef(ctx, from, ref);
  ctx.refs ??= new WeakMap();
  let byRef = ctx.refs.get(from);
  if (byRef === undefined) {
    byRef = new Map();
    ctx.refs.set(from, byRef);
  }
  let target = byRef.get(ref);
  if (target === undefined) {
    target = resolveRef(ctx, from, ref);
    byRef.set(ref, target);
  }
  return target;
}

function resolveRef(ctx: Ctx, from: Schema, ref: string): RefTarget {
  indexResources(ctx);
  const base = (typeof from === 'object' && ctx.bases?.get(from)) || documentURI;
  const abs = resolveURI(ref, base);
  if (abs === undefined) return { schema: true };
  const hash = abs.indexOf('#');
  const uri = hash < 0 ? abs : abs.slice(0, hash);
  const fragment = hash < 0 ? '' : decodeURIComponent(abs.slice(hash + 1));
  const resource = ctx.resources?.get(uri);
  if (resource === undefined) {
    // Helm: `urn:` references fall back to a permissive schema; http(s) would be fetched (not here).
    if (uri.startsWith('file:')) {
      const path = decodeURIComponent(new URL(uri).pathname);
      return { failed: `failing loading ${quoteString(uri)}: open ${path}: no such file or directory` };
    }
    return { schema: true };
  }
  if (fragment === '') return { schema: resource };
  if (!fragment.startsWith('/')) {
    let found: Schema | undefined;
    const walk = (o: unknown) => {
      if (found || o === null || typeof o !== 'object') return;
      const rec = o as Record<string, unknown>;
      if (
        rec.$anchor === fragment ||
        rec.$dynamicAnchor === fragment ||
        rec.$id === `#${fragment}` ||
        rec.id === `#${fragment}`
      ) {
        found = rec;
        return;
      }
      for (const [k, v] of Object.entries(rec)) if (!nonSchemaKeys.has(k)) walk(v);
    };
    walk(resource);
    return found === undefined ? { missing: missingText(uri, fragment) } : { schema: found };
  }
  let cur: unknown = resource;
  for (const raw of fragment.slice(1).split('/')) {
    const tok = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, tok)) {
      return { missing: missingText(uri, fragment) };
    }
    cur = (cur as Record<string, unknown>)[tok];
  }
  return { schema: cur as Schema };
}

/** schemaLocation returns the JSON pointer of a schema object inside the document ('' for the root). */
function schemaLocation(ctx: Ctx, s: Schema): string {
  if (typeof s !== 'object') return '';
  if (!ctx.locations) {
    const map = new WeakMap<object, string>();
    const walk = (o: unknown, ptr: string) => {
      if (o === null || typeof o !== 'object' || map.has(o)) return;
      map.set(o, ptr);
      for (const [k, v] of Object.entries(o))
        walk(v, `${ptr}/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`);
    };
    walk(ctx.root, '');
    ctx.locations = map;
  }
  return ctx.locations.get(s) ?? '';
}

function draftOf(root: Schema): number {
  if (typeof root !== 'object') return 2020;
  const s = typeof root.$schema === 'string' ? root.$schema : '';
  if (s.includes('draft-04')) return 4;
  if (s.includes('draft-06')) return 6;
  if (s.includes('draft-07')) return 7;
  if (s.includes('2019-09')) return 2019;
  return 2020;
}

/** codePoints counts the code points of a string (a surrogate pair is one). */
function codePoints(str: string): number {
  let n = str.length;
  for (let i = 0; i < str.length - 1; i++) {
    const c = str.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = str.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

class Validator {
  /**
   * track is set when evaluated properties and items matter: this schema or one above it on the same
   * value (through `$ref`, allOf…) has unevaluatedProperties/unevaluatedItems. Without it the sets
   * below are never made: a render validates every value of the chart on each keystroke.
   */
  track = false;
  private evaluatedProps: Set<string> | undefined;
  private evaluatedIdx: Set<number> | undefined;

  /** evaluated collects property names evaluated by this schema (for unevaluatedProperties). */
  get evaluated(): Set<string> {
    this.evaluatedProps ??= new Set();
    return this.evaluatedProps;
  }

  /** evaluatedItems collects item indexes evaluated by this schema (for unevaluatedItems). */
  get evaluatedItems(): Set<number> {
    this.evaluatedIdx ??= new Set();
    return this.evaluatedIdx;
  }
  errors: SchemaError[] = [];

  /** parent is the validator this one was started from (the library's scope chain). */
  parent: Validator | undefined;
  /** ref is `$ref` when this validator follows a reference. */
  ref = '';
  /** vid counts the instance levels below the root (same value ⇒ same vid). */
  vid = 0;

  /** atPath is the instance location; a child's is made from its parent's when first asked for. */
  private atPath: string[] | undefined;
  /** atTok is a child's last location token (its property name or item index). */
  private atTok = '';

  constructor(
    readonly ctx: Ctx,
    readonly s: Schema,
    readonly v: GoValue,
    at: string[] | undefined,
  ) {
    this.atPath = at;
  }

  /** at is the instance location (made only when an error needs it: most values are valid). */
  get at(): string[] {
    this.atPath ??= [...this.parent!.at, this.atTok];
    return this.atPath;
  }

  /** kwLoc is the keyword path from the root scope to this one (`/properties/a/$ref`). */
  kwLoc(): string {
    let loc = '';
    for (let sc: Validator = this; sc.parent; sc = sc.parent) {
      if (sc.ref !== '') loc = `/${sc.ref}${loc}`;
      else {
        const cur = schemaLocation(this.ctx, sc.s);
        const parent = schemaLocation(this.ctx, sc.parent.s);
        loc = `${cur.slice(parent.length)}${loc}`;
      }
    }
    return loc;
  }

  /** cycle finds an enclosing scope validating the same schema on the same value. */
  cycle(): Validator | undefined {
    for (let sc = this.parent; sc && sc.vid === this.vid; sc = sc.parent) {
      if (sc.s === this.s) return sc;
    }
    return undefined;
  }

  err(message: string, causes: SchemaError[] = []): SchemaError {
    return { at: this.at, message, causes };
  }

  add(message: string, causes: SchemaError[] = []): void {
    this.errors.push(this.err(message, causes));
  }

  addErr(e: SchemaError | undefined): void {
    if (e) this.errors.push(e);
  }

  /** child validates another value (a property or item) with a subschema. */
  child(s: unknown, v: GoValue, tok: string): SchemaError | undefined {
    const sub = new Validator(this.ctx, s as Schema, v, undefined);
    sub.atTok = tok;
    sub.parent = this;
    sub.vid = this.vid + 1;
    return sub.run();
  }

  /** self validates the same value with a subschema, merging its evaluated properties when valid. */
  self(s: unknown, ref = ''): SchemaError | undefined {
    const sub = new Validator(this.ctx, s as Schema, this.v, this.at);
    sub.parent = this;
    sub.ref = ref;
    sub.vid = this.vid;
    sub.track = this.track;
    const e = sub.run();
    if (!e) {
      if (sub.evaluatedProps) for (const p of sub.evaluatedProps) this.evaluated.add(p);
      if (sub.evaluatedIdx) for (const i of sub.evaluatedIdx) this.evaluatedItems.add(i);
    }
    return e;
  }

  run(): SchemaError | undefined {
    const s = this.s;
    const v = this.v;
    if (s === true || s === undefined) return undefined;
    if (s === false) return this.err('false schema');
    const loop = this.cycle();
    if (loop) {
      const url = `file:///values.schema.json#${schemaLocation(this.ctx, s)}`;
      return this.err(
        `both ${this.kwLoc()} and ${loop.kwLoc()} resolve to ${quoteString(url)} causing reference cycle`,
      );
    }
    const d = this.ctx.draft;
    if (s.unevaluatedProperties !== undefined || s.unevaluatedItems !== undefined) this.track = true;
    const t = typeOf(v);
    if (t === undefined) return this.err(`invalid jsonType ${goTypeName(v)}`);
    if (d < 2019 && typeof s.$ref === 'string') {
      // Drafts up to 7: `$ref` replaces every sibling keyword.
      const e = this.self(refSchema(lookupRef(this.ctx, s, s.$ref)), '$ref');
      return e ? this.refErr(e) : undefined;
    }
    if (s.type !== undefined) {
      const types = (Array.isArray(s.type) ? s.type : [s.type]) as JsonType[];
      const ok = types.includes(t) || (types.includes('integer') && t === 'number' && isInteger(v));
      if (!ok) {
        const want = typeOrder.filter((x) => types.includes(x));
        return this.err(`got ${t}, want ${want.join(' or ')}`);
      }
    }
    if ('const' in s) {
      if (!equals(toJS(v), s.const)) {
        const w = s.const;
        if (w !== null && typeof w === 'object') return this.err("'const' failed");
        return this.err(`value must be ${plain(w as GoValue)}`);
      }
    }
    if (Array.isArray(s.enum)) {
      const jv = toJS(v);
      if (!s.enum.some((e) => equals(jv, e))) {
        if (s.enum.some((e) => e !== null && typeof e === 'object')) return this.err("'enum' failed");
        if (s.enum.length === 1) return this.err(`value must be ${plain(s.enum[0] as GoValue)}`);
        return this.err(`value must be one of ${s.enum.map((e) => plain(e as GoValue)).join(', ')}`);
      }
    }
    // jsonschema: `format` is asserted only for drafts 4 to 7 (an annotation in 2019-09 and 2020-12).
    if (
      typeof s.format === 'string' &&
      typeof v === 'string' &&
      (d <= 7 || (this.ctx.meta && s.format === 'regex'))
    ) {
      const fe = formatError(s.format, v);
      if (fe !== undefined) return this.err(`${quote(v)} is not valid ${s.format}: ${fe}`);
    }
    if (typeof s.$ref === 'string') {
      const target = refSchema(lookupRef(this.ctx, s, s.$ref));
      const e = this.self(target ?? true, '$ref');
      if (e) this.errors.push(this.refErr(e));
    }
    if (t === 'object') this.object(v as GoMap);
    else if (t === 'array') this.array(v as GoValue[]);
    else if (t === 'string') this.string(v as string);
    else if (t === 'number') this.number(num(v));
    this.cond();
    if (d >= 2019 && t === 'object' && s.unevaluatedProperties !== undefined) {
      for (const k of [...(v as GoMap).keys()].sort()) {
        if (this.evaluated.has(k)) continue;
        this.addErr(this.child(s.unevaluatedProperties, (v as GoMap).get(k) as GoValue, k));
        this.evaluated.add(k);
      }
    }
    if (d >= 2019 && t === 'array' && s.unevaluatedItems !== undefined) {
      (v as GoValue[]).forEach((item, i) => {
        if (this.evaluatedItems.has(i)) return;
        this.addErr(this.child(s.unevaluatedItems, item, String(i)));
        this.evaluatedItems.add(i);
      });
    }
    if (this.errors.length === 0) return undefined;
    if (this.errors.length === 1) return this.errors[0];
    return { at: this.at, message: 'validation failed', causes: this.errors, group: true };
  }

  refErr(e: SchemaError): SchemaError {
    return { at: this.at, message: 'validation failed', causes: e.group ? e.causes : [e], ref: true };
  }

  object(obj: GoMap): void {
    const s = this.s as Record<string, unknown>;
    const d = this.ctx.draft;
    if (typeof s.minProperties === 'number' && obj.size < s.minProperties) {
      this.add(`minProperties: got ${printInt(obj.size)}, want ${printInt(s.minProperties)}`);
    }
    if (typeof s.maxProperties === 'number' && obj.size > s.maxProperties) {
      this.add(`maxProperties: got ${printInt(obj.size)}, want ${printInt(s.maxProperties)}`);
    }
    if (Array.isArray(s.required)) {
      const missing = (s.required as string[]).filter((p) => !obj.has(p));
      if (missing.length === 1) this.add(`missing property ${quote(missing[0] as string)}`);
      else if (missing.length > 1) this.add(`missing properties ${missing.map(quote).join(', ')}`);
    }
    if (d < 2019 && s.dependencies && typeof s.dependencies === 'object') {
      for (const [p, dep] of Object.entries(s.dependencies as Record<string, unknown>)) {
        if (!obj.has(p)) continue;
        if (Array.isArray(dep)) {
          const missing = (dep as string[]).filter((x) => !obj.has(x));
          if (missing.length > 0) {
            this.add(`properties ${missing.map(quote).join(', ')} required, if ${quote(p)} exists`);
          }
        } else {
          this.addErr(this.self(dep));
        }
      }
    }
    const props = (s.properties ?? {}) as Record<string, unknown>;
    const patterns =
      s.patternProperties === undefined
        ? []
        : Object.entries(s.patternProperties as Record<string, unknown>).map(
            ([re, sch]) => [goRegExp(re), sch] as const,
          );
    let additional: string[] | undefined;
    // Go iterates the object map in random order; name order keeps our messages stable. The keys are
    // visited in map order and only the (rare) errors are put in name order afterwards.
    let found: [string, SchemaError][] | undefined;
    const keep = (k: string, e: SchemaError | undefined) => {
      if (e) (found ??= []).push([k, e]);
    };
    // forEach and an indexed loop: cheaper than for…of destructuring while the code is still interpreted
    // (a command-line run validates the schema against its metaschema once, all of it cold).
    obj.forEach((pv, k) => {
      let evaluated = false;
      if (Object.hasOwn(props, k)) {
        evaluated = true;
        keep(k, this.child(props[k], pv, k));
      }
      for (let i = 0; i < patterns.length; i++) {
        const [re, sch] = patterns[i]!;
        if (re.test(k)) {
          evaluated = true;
          keep(k, this.child(sch, pv, k));
        }
      }
      if (!evaluated && s.additionalProperties !== undefined) {
        evaluated = true;
        if (s.additionalProperties === false) (additional ??= []).push(k);
        else if (s.additionalProperties !== true) keep(k, this.child(s.additionalProperties, pv, k));
      }
      if (evaluated && this.track) this.evaluated.add(k);
    });
    if (found !== undefined) {
      // A stable sort: one key's errors keep their order (properties, patterns, additional).
      found.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      for (const [, e] of found) this.errors.push(e);
    }
    if (additional !== undefined)
      this.add(`additional properties ${additional.sort().map(quote).join(', ')} not allowed`);
    if (d === 4) return;
    if (s.propertyNames !== undefined) {
      for (const k of [...obj.keys()].sort()) {
        // jsonschema validates each name as a fresh instance, so every location here is ''.
        const e = new Validator(this.ctx, s.propertyNames as Schema, k, []).run();
        if (e)
          this.errors.push({
            at: [],
            message: `invalid propertyName ${quote(k)}`,
            causes: e.group ? e.causes : [e],
          });
      }
    }
    if (d === 6) return;
    if (d >= 2019 && (s.dependentSchemas !== undefined || s.dependentRequired !== undefined)) {
      for (const [p, sch] of Object.entries((s.dependentSchemas ?? {}) as Record<string, unknown>)) {
        if (obj.has(p)) this.addErr(this.self(sch));
      }
      for (const [p, reqd] of Object.entries((s.dependentRequired ?? {}) as Record<string, string[]>)) {
        if (!obj.has(p)) continue;
        const missing = reqd.filter((x) => !obj.has(x));
        if (missing.length > 0) {
          this.add(`properties ${missing.map(quote).join(', ')} required, if ${quote(p)} exists`);
        }
      }
    }
  }

  array(arr: GoValue[]): void {
    const s = this.s as Record<string, unknown>;
    const d = this.ctx.draft;
    if (typeof s.minItems === 'number' && arr.length < s.minItems) {
      this.add(`minItems: got ${printInt(arr.length)}, want ${printInt(s.minItems)}`);
    }
    if (typeof s.maxItems === 'number' && arr.length > s.maxItems) {
      this.add(`maxItems: got ${printInt(arr.length)}, want ${printInt(s.maxItems)}`);
    }
    if (s.uniqueItems === true && arr.length > 1) {
      const js = arr.map(toJS);
      outer: for (let i = 0; i < js.length; i++) {
        for (let j = i + 1; j < js.length; j++) {
          if (equals(js[i], js[j])) {
            this.add(`items at ${i} and ${j} are equal`);
            break outer;
          }
        }
      }
    }
    if (d < 2020) {
      let evaluated = 0;
      if (Array.isArray(s.items)) {
        evaluated = Math.min(arr.length, s.items.length);
        for (let i = 0; i < evaluated; i++) this.addErr(this.child(s.items[i], arr[i] as GoValue, String(i)));
      } else if (s.items !== undefined) {
        arr.forEach((item, i) => {
          this.addErr(this.child(s.items, item, String(i)));
        });
        evaluated = arr.length;
      }
      if (s.additionalItems === false && evaluated !== arr.length) {
        this.add(`last ${arr.length - evaluated} additionalItem(s) not allowed`);
      } else if (s.additionalItems !== undefined && typeof s.additionalItems !== 'boolean') {
        // jsonschema: the index reported is relative to the first additional item.
        arr.slice(evaluated).forEach((item, i) => {
          this.addErr(this.child(s.additionalItems, item, String(i)));
        });
      }
    } else {
      const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : [];
      const evaluated = Math.min(prefix.length, arr.length);
      for (let i = 0; i < evaluated; i++) {
        this.addErr(this.child(prefix[i], arr[i] as GoValue, String(i)));
        if (this.track) this.evaluatedItems.add(i);
      }
      if (s.items !== undefined) {
        if (this.track) for (let i = evaluated; i < arr.length; i++) this.evaluatedItems.add(i);
        // jsonschema: the index reported is relative to the first item after prefixItems.
        arr.slice(evaluated).forEach((item, i) => {
          this.addErr(this.child(s.items, item, String(i)));
        });
      }
    }
    if (s.contains !== undefined && d >= 6) {
      const errors: SchemaError[] = [];
      const matched: number[] = [];
      arr.forEach((item, i) => {
        const e = this.child(s.contains, item, String(i));
        if (e) errors.push(e);
        else {
          matched.push(i);
          if (d >= 2020 && this.track) this.evaluatedItems.add(i);
        }
      });
      if (typeof s.minContains === 'number' && d >= 2019) {
        if (matched.length < s.minContains) {
          this.add(
            matched.length === 0
              ? `min ${s.minContains} items required to match contains schema, but none matched`
              : `min ${s.minContains} items required to match contains schema, but matched ${matched.length} items at ${matched.join(' ')}`,
            errors,
          );
        }
      } else if (matched.length === 0) {
        this.add('no items match contains schema', errors);
      }
      if (typeof s.maxContains === 'number' && d >= 2019 && matched.length > s.maxContains) {
        this.add(
          `max ${s.maxContains} items required to match contains schema, but matched ${matched.length} items at ${matched.join(' ')}`,
        );
      }
    }
  }

  string(str: string): void {
    const s = this.s as Record<string, unknown>;
    const len = codePoints(str);
    if (typeof s.minLength === 'number' && len < s.minLength) {
      this.add(`minLength: got ${printInt(len)}, want ${printInt(s.minLength)}`);
    }
    if (typeof s.maxLength === 'number' && len > s.maxLength) {
      this.add(`maxLength: got ${printInt(len)}, want ${printInt(s.maxLength)}`);
    }
    if (typeof s.pattern === 'string' && !goRegExp(s.pattern).test(str)) {
      this.add(`${quote(str)} does not match pattern ${quote(s.pattern)}`);
    }
  }

  number(n: number): void {
    const s = this.s as Record<string, unknown>;
    const d = this.ctx.draft;
    let exMin = s.exclusiveMinimum;
    let exMax = s.exclusiveMaximum;
    let min = s.minimum;
    let max = s.maximum;
    if (d === 4) {
      // Draft 4: exclusiveMinimum/Maximum are booleans modifying minimum/maximum.
      if (exMin === true) [exMin, min] = [min, undefined];
      else exMin = undefined;
      if (exMax === true) [exMax, max] = [max, undefined];
      else exMax = undefined;
    }
    if (typeof min === 'number' && n < min)
      this.add(`minimum: got ${printNumber(n)}, want ${printNumber(min)}`);
    if (typeof max === 'number' && n > max)
      this.add(`maximum: got ${printNumber(n)}, want ${printNumber(max)}`);
    if (typeof exMin === 'number' && n <= exMin) {
      this.add(`exclusiveMinimum: got ${printNumber(n)}, want ${printNumber(exMin)}`);
    }
    if (typeof exMax === 'number' && n >= exMax) {
      this.add(`exclusiveMaximum: got ${printNumber(n)}, want ${printNumber(exMax)}`);
    }
    if (typeof s.multipleOf === 'number' && !isMultiple(n, s.multipleOf)) {
      this.add(`multipleOf: got ${printNumber(n)}, want ${printNumber(s.multipleOf)}`);
    }
  }

  cond(): void {
    const s = this.s as Record<string, unknown>;
    if (s.not !== undefined) {
      const sub = new Validator(this.ctx, s.not as Schema, this.v, this.at);
      sub.parent = this;
      sub.vid = this.vid;
      if (!sub.run()) this.add("'not' failed");
    }
    if (Array.isArray(s.allOf) && s.allOf.length > 0) {
      const errors = s.allOf.map((x) => this.self(x)).filter((e): e is SchemaError => e !== undefined);
      if (errors.length > 0) this.add("'allOf' failed", errors);
    }
    if (Array.isArray(s.anyOf) && s.anyOf.length > 0) {
      const errors: SchemaError[] = [];
      let matched = false;
      for (const x of s.anyOf) {
        const e = this.self(x);
        if (e) errors.push(e);
        else matched = true;
      }
      if (!matched) this.add("'anyOf' failed", errors);
    }
    if (Array.isArray(s.oneOf) && s.oneOf.length > 0) {
      const errors: SchemaError[] = [];
      let matched = -1;
      for (let i = 0; i < s.oneOf.length; i++) {
        const e = this.self(s.oneOf[i]);
        if (e) {
          if (matched === -1) errors.push(e);
        } else if (matched === -1) {
          matched = i;
        } else {
          this.add(`'oneOf' failed, subschemas ${matched}, ${i} matched`);
          break;
        }
      }
      if (matched === -1) this.add("'oneOf' failed, none matched", errors);
    }
    if (s.if !== undefined && this.ctx.draft >= 7) {
      if (!this.self(s.if)) {
        if (s.then !== undefined) this.addErr(this.self(s.then));
      } else if (s.else !== undefined) {
        this.addErr(this.self(s.else));
      }
    }
  }
}

function isMultiple(n: number, m: number): boolean {
  const q = n / m;
  if (Number.isInteger(q)) return true;
  // Decimal multiples (0.1, 0.01…): compare with a scaled integer ratio as big.Rat would.
  const scale = 10 ** Math.min(15, Math.max(decimals(n), decimals(m)));
  const a = Math.round(n * scale);
  const b = Math.round(m * scale);
  return b !== 0 && Number.isSafeInteger(a) && a % b === 0;
}

function decimals(x: number): number {
  const s = String(x);
  const e = /e-(\d+)$/.exec(s);
  if (e) return Number(e[1]);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

const regexCache = new Map<string, RegExp>();

const posixClasses: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-/:-@[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

/** translateGoRegex rewrites the RE2 constructs JavaScript lacks, outside and inside classes. */
function translateGoRegex(src: string): string {
  let out = '';
  let inClass = false;
  // Scoped flags of `(?i:…)`/`(?s:…)` groups (and of mid-pattern `(?i)`), one entry per open group.
  const scopes: { fold: boolean; dotAll: boolean }[] = [{ fold: false, dotAll: false }];
  const cur = () => scopes[scopes.length - 1] as { fold: boolean; dotAll: boolean };
  const litChar = (ch: string) => (/[.*+?^${}()|[\]\\/-]/.test(ch) ? `\\${ch}` : ch);
  const foldChar = (ch: string) => {
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    return lo !== up && cur().fold ? (inClass ? `${lo}${up}` : `[${lo}${up}]`) : ch;
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    if (c === '\\') {
      const n = src[i + 1] ?? '';
      i++;
      if (n === 'Q' && !inClass) {
        const end = src.indexOf('\\E', i + 1);
        const lit = src.slice(i + 1, end < 0 ? src.length : end);
        out += Array.from(lit, (ch) => (cur().fold ? foldChar(ch) : litChar(ch))).join('');
        i = end < 0 ? src.length : end + 1;
        continue;
      }
      if (n === 'A' && !inClass) out += '^';
      else if (n === 'z' && !inClass) out += '(?![\\s\\S])';
      else if (n === 's') out += inClass ? '\\t\\n\\f\\r ' : '[\\t\\n\\f\\r ]';
      else if (n === 'S' && !inClass) out += '[^\\t\\n\\f\\r ]';
      else if (n === 'p' || n === 'P') {
        let name: string;
        if (src[i + 1] === '{') {
          const close = src.indexOf('}', i);
          name = src.slice(i + 2, close < 0 ? src.length : close);
          i = close < 0 ? src.length : close;
        } else {
          name = src[i + 1] ?? '';
          i++;
        }
        const neg = name.startsWith('^');
        const bare = neg ? name.slice(1) : name;
        const kind = (n === 'P') !== neg ? 'P' : 'p';
        out +=
          bare === 'Any' ? (kind === 'p' ? '[\\s\\S]' : '[^\\s\\S]') : `\\${kind}{${jsUnicodeClass(bare)}}`;
      } else out += `\\${n}`;
      continue;
    }
    if (inClass) {
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(src.slice(i));
      if (posix && posixClasses[posix[2] as string] && posix[1] === '') {
        out += posixClasses[posix[2] as string];
        i += posix[0].length - 1;
        continue;
      }
      if (c === ']') inClass = false;
      out += c === ']' ? c : foldChar(c);
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (src[i + 1] === '^') {
        out += '^';
        i++;
      }
      // Go: a `]` right after `[` or `[^` is a literal.
      if (src[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '(' && src.startsWith('(?P<', i)) {
      out += '(?<';
      i += 3;
      scopes.push({ ...cur() });
      continue;
    }
    const flagGroup = c === '(' ? /^\(\?([imsU]*)(?:-([imsU]*))?([:)])/.exec(src.slice(i)) : null;
    if (flagGroup) {
      const on = flagGroup[1] ?? '';
      const off = flagGroup[2] ?? '';
      const next = { ...cur() };
      if (on.includes('i')) next.fold = true;
      if (off.includes('i')) next.fold = false;
      if (on.includes('s')) next.dotAll = true;
      if (off.includes('s')) next.dotAll = false;
      i += flagGroup[0].length - 1;
      if (flagGroup[3] === ':') {
        out += '(?:';
        scopes.push(next);
      } else {
        scopes[scopes.length - 1] = next;
      }
      continue;
    }
    if (c === '(') {
      scopes.push({ ...cur() });
      out += c;
      continue;
    }
    if (c === ')') {
      if (scopes.length > 1) scopes.pop();
      out += c;
      continue;
    }
    if (c === '.' && cur().dotAll) {
      out += '[\\s\\S]';
      continue;
    }
    out += foldChar(c);
  }
  return out;
}

/** jsUnicodeClass maps a Go Unicode class name (category or script) to JavaScript's `\p{…}` syntax. */
function jsUnicodeClass(name: string): string {
  try {
    new RegExp(`\\p{${name}}`, 'u');
    return name;
  } catch {
    return `Script=${name}`;
  }
}

/**
 * goRegExp compiles a Go (RE2) pattern as a JavaScript RegExp: leading `(?flags)`, `(?P<name>`,
 * `\A`, `\z` and POSIX classes are translated; Go's `\s` is ASCII-only.
 */
export function goRegExp(pattern: string): RegExp {
  const cached = regexCache.get(pattern);
  if (cached) return cached;
  let src = pattern;
  let flags = 'u';
  const lead = /^\(\?([imsU]+)\)/.exec(src);
  if (lead) {
    // Go: leading flags apply to the whole pattern, which JavaScript flags express directly.
    src = src.slice(lead[0].length);
    for (const f of lead[1] as string) if (f !== 'U' && !flags.includes(f)) flags += f;
  }
  src = translateGoRegex(src);
  let re: RegExp;
  try {
    re = new RegExp(src, flags);
  } catch {
    try {
      // Go accepts escapes of any punctuation (`\_`, `\-`…) that Unicode-mode JavaScript rejects.
      re = new RegExp(src, flags.replace('u', ''));
    } catch {
      // A construct JavaScript lacks (flags in mid-pattern…): such a pattern matches everything here.
      re = /(?:)/;
    }
  }
  regexCache.set(pattern, re);
  return re;
}

const perlClasses = new Set(['d', 'D', 's', 'S', 'w', 'W']);
const posixNames = new Set(Object.keys(posixClasses));

/**
 * goRegexError checks a pattern with Go's regexp/syntax rules (Perl flags) and returns Go's error
 * text (`error parsing regexp: missing closing ): \`(\``), or undefined when Go accepts it.
 */
export function goRegexError(pattern: string): string | undefined {
  const fail = (code: string, expr: string) => `error parsing regexp: ${code}: \`${expr}\``;
  const cps = Array.from(pattern);
  let i = 0;
  let depth = 0;
  // canRepeat: an operand precedes; lastRepeat: start index of the repetition just parsed.
  let canRepeat = false;
  let lastRepeat = -1;
  const text = (from: number, to: number) => cps.slice(from, to).join('');
  const isOctal = (c: string | undefined) => c !== undefined && c >= '0' && c <= '7';
  const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);
  const isAlnum = (c: string) => /^[0-9A-Za-z]$/.test(c);
  /** escape parses `\x` at i (i at the backslash); returns an error or moves i past it. */
  const parseEscape = (inClass: boolean): string | undefined => {
    const start = i;
    i++;
    const c = cps[i];
    if (c === undefined) return fail('trailing backslash at end of expression', '');
    i++;
    if (!inClass && 'AzbBQ'.includes(c)) {
      if (c === 'Q') {
        const end = text(i, cps.length).indexOf('\\E');
        i = end < 0 ? cps.length : i + Array.from(text(i, cps.length).slice(0, end)).length + 2;
      }
      return undefined;
    }
    if (perlClasses.has(c)) return undefined;
    if (c === 'p' || c === 'P') {
      if (cps[i] === '{') {
        const close = cps.indexOf('}', i);
        if (close < 0) return fail('invalid character class range', text(start, cps.length));
        const name = text(i + 1, close).replace(/^\^/, '');
        i = close + 1;
        if (!/^[A-Za-z_]+$/.test(name) || !knownUnicodeClass(name)) {
          return fail('invalid character class range', text(start, i));
        }
        return undefined;
      }
      const n = cps[i];
      if (n === undefined) return fail('invalid character class range', text(start, i));
      i++;
      if (!knownUnicodeClass(n)) return fail('invalid character class range', text(start, i));
      return undefined;
    }
    if (c >= '1' && c <= '7' && !isOctal(cps[i])) return fail('invalid escape sequence', text(start, i));
    if (c >= '0' && c <= '7') {
      for (let k = 0; k < 2 && isOctal(cps[i]); k++) i++;
      return undefined;
    }
    if (c === 'x') {
      if (cps[i] === '{') {
        i++;
        let digits = 0;
        let value = 0;
        for (;;) {
          const h = cps[i];
          if (h === undefined) return fail('invalid escape sequence', text(start, i));
          i++;
          if (h === '}') {
            if (digits === 0) return fail('invalid escape sequence', text(start, i));
            return undefined;
          }
          if (!isHex(h)) return fail('invalid escape sequence', text(start, i));
          value = value * 16 + Number.parseInt(h, 16);
          digits++;
          if (value > 0x10ffff) return fail('invalid escape sequence', text(start, i));
        }
      }
      // Go: two more runes are read, whatever they are, before checking them.
      const a = cps[i];
      const b = cps[i + 1];
      i = Math.min(cps.length, i + 2);
      if (!isHex(a) || !isHex(b)) return fail('invalid escape sequence', text(start, i));
      return undefined;
    }
    if ('afnrtv'.includes(c)) return undefined;
    if (!isAlnum(c)) return undefined;
    return fail('invalid escape sequence', text(start, i));
  };
  const charClass = (): string | undefined => {
    const start = i;
    i++;
    if (cps[i] === '^') i++;
    let first = true;
    for (;;) {
      const c = cps[i];
      if (c === undefined) return fail('missing closing ]', text(start, cps.length));
      if (c === ']' && !first) {
        i++;
        return undefined;
      }
      first = false;
      if (c === '[' && cps[i + 1] === ':') {
        const close = text(i, cps.length).indexOf(':]');
        if (close >= 0) {
          const name = text(i + 2, i + close).replace(/^\^/, '');
          const whole = text(i, i + close + 2);
          if (!posixNames.has(name)) return fail('invalid character class range', whole);
          i += Array.from(whole).length;
          continue;
        }
      }
      const rangeStart = i;
      let lo: number;
      if (c === '\\') {
        const n = cps[i + 1];
        if (n !== undefined && (perlClasses.has(n) || n === 'p' || n === 'P')) {
          const e = parseEscape(true);
          if (e) return e;
          continue;
        }
        const e = parseEscape(true);
        if (e) return e;
        lo = escapedValue(text(rangeStart, i));
      } else {
        lo = c.codePointAt(0) ?? 0;
        i++;
      }
      if (cps[i] === '-' && cps[i + 1] !== undefined && cps[i + 1] !== ']') {
        i++;
        let hi: number;
        if (cps[i] === '\\') {
          const hs = i;
          const e = parseEscape(true);
          if (e) return e;
          hi = escapedValue(text(hs, i));
        } else {
          hi = (cps[i] as string).codePointAt(0) ?? 0;
          i++;
        }
        if (hi < lo) return fail('invalid character class range', text(rangeStart, i));
      }
    }
  };
  while (i < cps.length) {
    const c = cps[i] as string;
    if (c === '(') {
      if (cps[i + 1] === '?') {
        const rest = text(i, cps.length);
        if (rest.startsWith('(?P<') || (rest.startsWith('(?<') && rest.length > 3)) {
          const end = rest.indexOf('>');
          if (end < 0) return fail('invalid named capture', rest);
          const name = rest.slice(rest.startsWith('(?P<') ? 4 : 3, end);
          if (!/^[\p{L}\p{N}_]+$/u.test(name)) return fail('invalid named capture', rest.slice(0, end + 1));
          i += Array.from(rest.slice(0, end + 1)).length;
        } else {
          let k = i + 2;
          let ok = false;
          while (k < cps.length) {
            const f = cps[k] as string;
            k++;
            if ('imsU-'.includes(f)) continue;
            if (f === ')' || f === ':') ok = true;
            break;
          }
          if (!ok) return fail('invalid or unsupported Perl syntax', text(i, k));
          if (cps[k - 1] === ')') {
            i = k;
            canRepeat = false;
            lastRepeat = -1;
            continue;
          }
          i = k;
        }
      } else {
        i++;
      }
      depth++;
      canRepeat = false;
      lastRepeat = -1;
      continue;
    }
    if (c === ')') {
      if (depth === 0) return fail('unexpected )', pattern);
      depth--;
      i++;
      canRepeat = true;
      lastRepeat = -1;
      continue;
    }
    if (c === '|') {
      i++;
      canRepeat = false;
      lastRepeat = -1;
      continue;
    }
    if (c === '*' || c === '+' || c === '?' || c === '{') {
      const start = i;
      if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(text(i, cps.length));
        if (!m) {
          // Go: a `{` that does not start a repetition is a literal.
          i++;
          canRepeat = true;
          lastRepeat = -1;
          continue;
        }
        i += m[0].length;
        const min = Number(m[1]);
        const max = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3]);
        if (min > 1000 || max > 1000 || (max >= 0 && min > max)) {
          return fail('invalid repeat count', m[0]);
        }
      } else {
        i++;
      }
      if (cps[i] === '?') i++;
      if (lastRepeat >= 0) return fail('invalid nested repetition operator', text(lastRepeat, i));
      if (!canRepeat) return fail('missing argument to repetition operator', text(start, i));
      lastRepeat = start;
      continue;
    }
    lastRepeat = -1;
    if (c === '[') {
      const e = charClass();
      if (e) return e;
      canRepeat = true;
      continue;
    }
    if (c === '\\') {
      const e = parseEscape(false);
      if (e) return e;
      // Go: empty-width assertions (\A, \b…) may be repeated too.
      canRepeat = true;
      continue;
    }
    i++;
    canRepeat = true;
  }
  if (depth > 0) return fail('missing closing )', pattern);
  return undefined;
}

/** escapedValue is the code point of a single-character escape (`\n`, `\x41`, `\-`). */
function escapedValue(esc: string): number {
  const body = esc.slice(1);
  const simple: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
  if (body in simple) return simple[body] as number;
  if (body.startsWith('x{')) return Number.parseInt(body.slice(2, -1), 16);
  if (body.startsWith('x')) return Number.parseInt(body.slice(1), 16);
  if (/^[0-7]+$/.test(body)) return Number.parseInt(body, 8);
  return body.codePointAt(0) ?? 0;
}

/** knownUnicodeClass reports whether Go knows a `\p{…}` class name (categories and scripts). */
function knownUnicodeClass(name: string): boolean {
  if (name === 'Any') return true;
  try {
    new RegExp(`\\p{${name}}`, 'u');
    return true;
  } catch {
    try {
      new RegExp(`\\p{Script=${name}}`, 'u');
      return true;
    } catch {
      return false;
    }
  }
}

/** refError returns the compile error of the first `$ref` that does not resolve, if any. */
function refError(ctx: Ctx, s: unknown): string | undefined {
  if (s === null || typeof s !== 'object') return undefined;
  if (Array.isArray(s)) {
    for (const e of s) {
      const m = refError(ctx, e);
      if (m !== undefined) return m;
    }
    return undefined;
  }
  const o = s as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if (nonSchemaKeys.has(k)) continue;
    if (k === '$ref' && typeof v === 'string') {
      const t = lookupRef(ctx, o, v);
      if ('missing' in t) return t.missing;
      if ('failed' in t) return t.failed;
    }
    const m = refError(ctx, v);
    if (m !== undefined) return m;
  }
  return undefined;
}

// ---- format assertions (drafts 4, 6 and 7), with the library's messages ----

/** goQ is Go's %q of a string. */
const goQ = (v: string) => quoteString(v);

function hostnameError(h: string): string | undefined {
  const name = h.endsWith('.') ? h.slice(0, -1) : h;
  if (name.length > 253) return 'more than 253 characters long';
  for (const label of name.split('.')) {
    if (label.length < 1 || label.length > 63) return 'label must be 1 to 63 characters long';
    if (label.startsWith('-')) return 'label starts with hyphen';
    if (label.endsWith('-')) return 'label ends with hyphen';
    for (const c of label) {
      if (!/[a-zA-Z0-9-]/.test(c)) return `invalid character ${quoteRune(c.codePointAt(0) ?? 0)}`;
    }
  }
  return undefined;
}

function ipv4Error(s: string): string | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return 'expected four decimals';
  for (const p of parts) {
    if (!/^[+-]?[0-9]+$/.test(p)) return `strconv.Atoi: parsing ${goQ(p)}: invalid syntax`;
    if (p.length > 1 && p[0] === '0') return 'leading zeros';
    const n = Number(p);
    if (n < 0 || n > 255) return 'decimal must be between 0 and 255';
  }
  return undefined;
}

function ipv6Valid(s: string): boolean {
  let addr = s;
  const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    if (ipv4Error(v4[2] as string) !== undefined) return false;
    addr = `${v4[1]}0:0`;
  }
  const halves = addr.split('::');
  if (halves.length > 2) return false;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const all = halves.flatMap(groups);
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? all.length < 8 : all.length === 8;
}

function emailError(s: string): string | undefined {
  const at = s.lastIndexOf('@');
  if (at < 0) return 'missing @';
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (local.length > 64) return 'local part more than 64 characters long';
  if (!(local.length > 1 && local.startsWith('"') && local.endsWith('"'))) {
    if (local.startsWith('.')) return 'starts with dot';
    if (local.endsWith('.')) return 'ends with dot';
    if (local.includes('..')) return 'consecutive dots';
    for (const c of local) {
      if (!/[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]/.test(c))
        return `invalid character ${quoteRune(c.codePointAt(0) ?? 0)}`;
    }
  }
  if (domain.startsWith('[') && domain.endsWith(']')) {
    const ip = domain.slice(1, -1);
    if (ip.startsWith('IPv6:') ? !ipv6Valid(ip.slice(5)) : ipv4Error(ip) !== undefined) return 'invalid ip';
    return undefined;
  }
  const h = hostnameError(domain);
  return h === undefined ? undefined : `invalid domain: ${h}`;
}

/** dateError reproduces Go's time.Parse("2006-01-02", s) errors. */
function dateError(s: string): string | undefined {
  const layout: [string, RegExp][] = [
    ['2006', /^\d{4}/],
    ['-', /^-/],
    ['01', /^\d{2}/],
    ['-', /^-/],
    ['02', /^\d{2}/],
  ];
  let rest = s;
  const nums: number[] = [];
  for (const [elem, re] of layout) {
    const m = re.exec(rest);
    if (!m) return `parsing time ${goQ(s)} as "2006-01-02": cannot parse ${goQ(rest)} as ${goQ(elem)}`;
    if (elem !== '-') nums.push(Number(m[0]));
    rest = rest.slice(m[0].length);
  }
  if (rest !== '') return `parsing time ${goQ(s)}: extra text: ${goQ(rest)}`;
  const [y, mo, d] = nums as [number, number, number];
  if (mo < 1 || mo > 12) return `parsing time ${goQ(s)}: month out of range`;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > days) return `parsing time ${goQ(s)}: day out of range`;
  return undefined;
}

function timeError(s: string): string | undefined {
  if (s.length < 9) return 'less than 9 characters long';
  if (s[2] !== ':' || s[5] !== ':') return 'missing colon in correct place';
  const num = (x: string) => (/^\d{2}$/.test(x) ? Number(x) : Number.NaN);
  const h = num(s.slice(0, 2));
  const m = num(s.slice(3, 5));
  const sec = num(s.slice(6, 8));
  if (Number.isNaN(h) || Number.isNaN(m) || Number.isNaN(sec)) return 'invalid hour/min/sec';
  if (h > 23 || m > 59 || sec > 60) return 'hour/min/sec out of range';
  let rest = s.slice(8);
  const frac = /^\.\d+/.exec(rest);
  if (frac) rest = rest.slice(frac[0].length);
  let offset = 0;
  if (rest === 'z' || rest === 'Z') {
    offset = 0;
  } else {
    const z = /^([+-])(\d{2}):(\d{2})$/.exec(rest);
    if (!z) return 'invalid time offset';
    const oh = Number(z[2]);
    const om = Number(z[3]);
    if (oh > 23 || om > 59) return 'hour/min in offset out of range';
    offset = (z[1] === '+' ? 1 : -1) * (oh * 60 + om);
  }
  if (sec === 60) {
    const utc = (((h * 60 + m - offset) % 1440) + 1440) % 1440;
    if (utc !== 23 * 60 + 59) return 'invalid leap second';
  }
  return undefined;
}

function dateTimeError(s: string): string | undefined {
  if (s.length < 20) return 'less than 20 characters long';
  if (s[10] !== 't' && s[10] !== 'T') return '11th character must be t or T';
  const d = dateError(s.slice(0, 10));
  if (d !== undefined) return `invalid date element: ${d}`;
  const t = timeError(s.slice(11));
  if (t !== undefined) return `invalid time element: ${t}`;
  return undefined;
}

function uuidError(s: string): string | undefined {
  const parts = s.split('-');
  if (parts.length !== 5) return 'must have 5 elements';
  const lens = [8, 4, 4, 4, 12];
  for (let i = 0; i < 5; i++) {
    const p = parts[i] as string;
    if (p.length !== lens[i]) return `element ${i + 1} must be ${lens[i]} characters long`;
    for (const c of p) {
      if (!/[0-9a-fA-F]/.test(c)) return `non-hex character ${quoteRune(c.codePointAt(0) ?? 0)}`;
    }
  }
  return undefined;
}

function uriError(s: string): string | undefined {
  if (s.startsWith(':')) return `parse ${goQ(s)}: missing protocol scheme`;
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/s.exec(s);
  if (!m) return 'relative url';
  const rest = m[2] as string;
  if (rest.startsWith('//')) {
    const host = rest.slice(2).split(/[/?#]/)[0] as string;
    const hostPart = host.slice(host.lastIndexOf('@') + 1);
    if (hostPart.startsWith('[') && !hostPart.includes(']')) return `parse ${goQ(s)}: missing ']' in host`;
  }
  return undefined;
}

/** formatError checks a string against an asserted format; undefined when valid or unknown. */
function formatError(format: string, s: string): string | undefined {
  switch (format) {
    case 'email':
      return emailError(s);
    case 'hostname':
      return hostnameError(s);
    case 'ipv4':
      return ipv4Error(s);
    case 'ipv6':
      if (!s.includes(':')) return 'missing colon';
      return ipv6Valid(s) ? undefined : `ParseAddr(${goQ(s)}): unable to parse IP`;
    case 'date':
      return dateError(s);
    case 'time':
      return timeError(s);
    case 'date-time':
      return dateTimeError(s);
    case 'uuid':
      return uuidError(s);
    case 'uri':
      return uriError(s);
    case 'regex':
      return goRegexError(s);
    default:
      return undefined;
  }
}

// ---- metaschemas: what each draft's metaschema requires of a schema, in this module's terms ----
// Helm compiles values.schema.json with the draft's metaschema first; errors are reported with the
// metaschema's own structure (2020-12: an `allOf` of vocabularies; drafts 4-7: one flat schema).

const simpleTypes = { enum: ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'] };

/** meta2020 is the 2020-12 metaschema: vocabularies under `$vocabs`, `#` is the whole metaschema. */
const meta2020 = {
  allOf: ['core', 'applicator', 'unevaluated', 'validation', 'metaData', 'formatAnnotation', 'content'].map(
    (v) => ({ $ref: `#/$vocabs/${v}` }),
  ),
  type: ['object', 'boolean'],
  properties: {
    definitions: { type: 'object', additionalProperties: { $ref: '#' } },
    dependencies: {
      type: 'object',
      additionalProperties: { anyOf: [{ $ref: '#' }, { $ref: '#/$vocabs/validation/$defs/stringArray' }] },
    },
    $recursiveAnchor: { $ref: '#/$vocabs/core/$defs/anchorString' },
    $recursiveRef: { $ref: '#/$vocabs/core/$defs/uriReferenceString' },
  },
  $vocabs: {
    core: {
      type: ['object', 'boolean'],
      properties: {
        $id: { $ref: '#/$vocabs/core/$defs/uriReferenceString', pattern: '^[^#]*#?$' },
        $schema: { $ref: '#/$vocabs/core/$defs/uriString' },
        $ref: { $ref: '#/$vocabs/core/$defs/uriReferenceString' },
        $anchor: { $ref: '#/$vocabs/core/$defs/anchorString' },
        $dynamicRef: { $ref: '#/$vocabs/core/$defs/uriReferenceString' },
        $dynamicAnchor: { $ref: '#/$vocabs/core/$defs/anchorString' },
        $vocabulary: {
          type: 'object',
          propertyNames: { $ref: '#/$vocabs/core/$defs/uriString' },
          additionalProperties: { type: 'boolean' },
        },
        $comment: { type: 'string' },
        $defs: { type: 'object', additionalProperties: { $ref: '#' } },
      },
      $defs: {
        anchorString: { type: 'string', pattern: '^[A-Za-z_][-A-Za-z0-9._]*$' },
        uriString: { type: 'string', format: 'uri' },
        uriReferenceString: { type: 'string', format: 'uri-reference' },
      },
    },
    applicator: {
      type: ['object', 'boolean'],
      properties: {
        prefixItems: { $ref: '#/$vocabs/applicator/$defs/schemaArray' },
        items: { $ref: '#' },
        contains: { $ref: '#' },
        additionalProperties: { $ref: '#' },
        properties: { type: 'object', additionalProperties: { $ref: '#' } },
        patternProperties: {
          type: 'object',
          additionalProperties: { $ref: '#' },
          propertyNames: { format: 'regex' },
        },
        dependentSchemas: { type: 'object', additionalProperties: { $ref: '#' } },
        propertyNames: { $ref: '#' },
        if: { $ref: '#' },
        // biome-ignore lint/suspicious/noThenProperty: a JSON schema keyword
        then: { $ref: '#' },
        else: { $ref: '#' },
        allOf: { $ref: '#/$vocabs/applicator/$defs/schemaArray' },
        anyOf: { $ref: '#/$vocabs/applicator/$defs/schemaArray' },
        oneOf: { $ref: '#/$vocabs/applicator/$defs/schemaArray' },
        not: { $ref: '#' },
      },
      $defs: { schemaArray: { type: 'array', minItems: 1, items: { $ref: '#' } } },
    },
    unevaluated: {
      type: ['object', 'boolean'],
      properties: { unevaluatedItems: { $ref: '#' }, unevaluatedProperties: { $ref: '#' } },
    },
    validation: {
      type: ['object', 'boolean'],
      properties: {
        type: {
          anyOf: [
            { $ref: '#/$vocabs/validation/$defs/simpleTypes' },
            {
              type: 'array',
              items: { $ref: '#/$vocabs/validation/$defs/simpleTypes' },
              minItems: 1,
              uniqueItems: true,
            },
          ],
        },
        const: true,
        enum: { type: 'array', items: true },
        multipleOf: { type: 'number', exclusiveMinimum: 0 },
        maximum: { type: 'number' },
        exclusiveMaximum: { type: 'number' },
        minimum: { type: 'number' },
        exclusiveMinimum: { type: 'number' },
        maxLength: { $ref: '#/$vocabs/validation/$defs/nonNegativeInteger' },
        minLength: { $ref: '#/$vocabs/validation/$defs/nonNegativeIntegerDefault0' },
        pattern: { type: 'string', format: 'regex' },
        maxItems: { $ref: '#/$vocabs/validation/$defs/nonNegativeInteger' },
        minItems: { $ref: '#/$vocabs/validation/$defs/nonNegativeIntegerDefault0' },
        uniqueItems: { type: 'boolean' },
        maxContains: { $ref: '#/$vocabs/validation/$defs/nonNegativeInteger' },
        minContains: { $ref: '#/$vocabs/validation/$defs/nonNegativeInteger' },
        maxProperties: { $ref: '#/$vocabs/validation/$defs/nonNegativeInteger' },
        minProperties: { $ref: '#/$vocabs/validation/$defs/nonNegativeIntegerDefault0' },
        required: { $ref: '#/$vocabs/validation/$defs/stringArray' },
        dependentRequired: {
          type: 'object',
          additionalProperties: { $ref: '#/$vocabs/validation/$defs/stringArray' },
        },
      },
      $defs: {
        nonNegativeInteger: { type: 'integer', minimum: 0 },
        nonNegativeIntegerDefault0: { $ref: '#/$vocabs/validation/$defs/nonNegativeInteger' },
        simpleTypes,
        stringArray: { type: 'array', items: { type: 'string' }, uniqueItems: true },
      },
    },
    metaData: {
      type: ['object', 'boolean'],
      properties: {
        title: { type: 'string' },
        description: { type: 'string' },
        deprecated: { type: 'boolean' },
        readOnly: { type: 'boolean' },
        writeOnly: { type: 'boolean' },
        examples: { type: 'array', items: true },
      },
    },
    formatAnnotation: { type: ['object', 'boolean'], properties: { format: { type: 'string' } } },
    content: {
      type: ['object', 'boolean'],
      properties: {
        contentEncoding: { type: 'string' },
        contentMediaType: { type: 'string' },
        contentSchema: { $ref: '#' },
      },
    },
  },
};

/** meta07 is the draft-07 metaschema (also used for drafts 4 and 6, which differ in details). */
const meta07 = {
  type: ['object', 'boolean'],
  properties: {
    $id: { type: 'string', format: 'uri-reference' },
    $schema: { type: 'string', format: 'uri' },
    $ref: { type: 'string', format: 'uri-reference' },
    $comment: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    readOnly: { type: 'boolean' },
    writeOnly: { type: 'boolean' },
    examples: { type: 'array', items: true },
    multipleOf: { type: 'number', exclusiveMinimum: 0 },
    maximum: { type: 'number' },
    exclusiveMaximum: { type: 'number' },
    minimum: { type: 'number' },
    exclusiveMinimum: { type: 'number' },
    maxLength: { $ref: '#/definitions/nonNegativeInteger' },
    minLength: { $ref: '#/definitions/nonNegativeIntegerDefault0' },
    pattern: { type: 'string', format: 'regex' },
    additionalItems: { $ref: '#' },
    items: { anyOf: [{ $ref: '#' }, { $ref: '#/definitions/schemaArray' }] },
    maxItems: { $ref: '#/definitions/nonNegativeInteger' },
    minItems: { $ref: '#/definitions/nonNegativeIntegerDefault0' },
    uniqueItems: { type: 'boolean' },
    contains: { $ref: '#' },
    maxProperties: { $ref: '#/definitions/nonNegativeInteger' },
    minProperties: { $ref: '#/definitions/nonNegativeIntegerDefault0' },
    required: { $ref: '#/definitions/stringArray' },
    additionalProperties: { $ref: '#' },
    definitions: { type: 'object', additionalProperties: { $ref: '#' } },
    properties: { type: 'object', additionalProperties: { $ref: '#' } },
    patternProperties: {
      type: 'object',
      additionalProperties: { $ref: '#' },
      propertyNames: { format: 'regex' },
    },
    dependencies: {
      type: 'object',
      additionalProperties: { anyOf: [{ $ref: '#' }, { $ref: '#/definitions/stringArray' }] },
    },
    propertyNames: { $ref: '#' },
    enum: { type: 'array', items: true },
    type: {
      anyOf: [
        { $ref: '#/definitions/simpleTypes' },
        { type: 'array', items: { $ref: '#/definitions/simpleTypes' }, minItems: 1, uniqueItems: true },
      ],
    },
    format: { type: 'string' },
    contentMediaType: { type: 'string' },
    contentEncoding: { type: 'string' },
    if: { $ref: '#' },
    // biome-ignore lint/suspicious/noThenProperty: a JSON schema keyword
    then: { $ref: '#' },
    else: { $ref: '#' },
    allOf: { $ref: '#/definitions/schemaArray' },
    anyOf: { $ref: '#/definitions/schemaArray' },
    oneOf: { $ref: '#/definitions/schemaArray' },
    not: { $ref: '#' },
  },
  definitions: {
    schemaArray: { type: 'array', minItems: 1, items: { $ref: '#' } },
    nonNegativeInteger: { type: 'integer', minimum: 0 },
    nonNegativeIntegerDefault0: { allOf: [{ $ref: '#/definitions/nonNegativeInteger' }] },
    simpleTypes,
    stringArray: { type: 'array', items: { type: 'string' }, uniqueItems: true },
  },
};

/** metaschemaURL names the metaschema of a draft as the library prints it. */
function metaschemaURL(schema: Schema): string {
  const s = typeof schema === 'object' && typeof schema.$schema === 'string' ? schema.$schema : '';
  if (s.includes('draft-04')) return 'http://json-schema.org/draft-04/schema#';
  if (s.includes('draft-06')) return 'http://json-schema.org/draft-06/schema#';
  if (s.includes('draft-07')) return 'http://json-schema.org/draft-07/schema#';
  return 'https://json-schema.org/draft/2020-12/schema#';
}

/** metaContexts keeps one context per metaschema, so its index and resolved references are built once. */
const metaContexts = new Map<number, Ctx>();

function metaContext(draft: 7 | 2020): Ctx {
  let ctx = metaContexts.get(draft);
  if (ctx === undefined) {
    ctx = { root: (draft === 7 ? meta07 : meta2020) as unknown as Schema, draft, meta: true };
    metaContexts.set(draft, ctx);
  }
  return ctx;
}

/** metaErrors validates a schema document against its draft's metaschema; '' when it is valid. */
function metaErrors(schema: Schema, doc: GoValue): string {
  const draft = draftOf(schema);
  const ctx = metaContext(draft <= 7 ? 7 : 2020);
  const err = new Validator(ctx, ctx.root, doc, []).run();
  if (!err) return '';
  const out: string[] = [];
  for (const c of err.group ? err.causes : [err]) display(c, 1, out);
  return (
    `"file:///values.schema.json#" is not valid against metaschema: jsonschema validation failed with ` +
    `${quote(metaschemaURL(schema))}${out.join('')}`
  );
}

function jsonPtr(tokens: string[]): string {
  return tokens.map((t) => `/${t.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

function display(e: SchemaError, indent: number, out: string[]): void {
  let next = indent;
  if (!(e.ref && e.causes.length === 1)) {
    let line = '';
    if (indent > 0) line += `\n${'  '.repeat(indent - 1)}- `;
    line += `at ${quote(jsonPtr(e.at))}: ${e.message}`;
    out.push(line);
    next = indent + 1;
  }
  for (const c of e.causes) display(c, next, out);
}

/**
 * validateValues validates values against one schema text and returns the library's error text as
 * Helm prints it under the chart name (`- at '/x': …` lines, each ending in a newline), or null
 * when the values are valid.
 */
export function validateValues(schemaText: string, values: GoMap): string | null {
  const compiled = compileSchema(schemaText);
  if (typeof compiled === 'string') return compiled;
  const err = new Validator(compiled, compiled.root, values, []).run();
  if (!err) return null;
  const causes = err.group ? err.causes : [err];
  const out: string[] = [];
  for (const c of causes) display(c, 1, out);
  return `${out.join('').replace(/^\n/, '')}\n`;
}

/** compiled caches the checked schemas by text: the preview validates the same schema on every keystroke. */
const compiled = new Map<string, Ctx | string>();

/** compileSchema parses a schema and checks it (metaschema, references); a string is Helm's error. */
function compileSchema(schemaText: string): Ctx | string {
  const hit = compiled.get(schemaText);
  if (hit !== undefined) return hit;
  const result = compileUncached(schemaText);
  if (compiled.size >= 32) compiled.delete(compiled.keys().next().value as string);
  compiled.set(schemaText, result);
  return result;
}

function compileUncached(schemaText: string): Ctx | string {
  let root: Schema;
  let doc: GoValue;
  try {
    doc = decodeJson(schemaText);
    root = JSON.parse(schemaText) as Schema;
  } catch (e) {
    // Helm: a schema that is not JSON reports Go's decoder error, without a trailing newline.
    if (e instanceof GoError) return e.message;
    if (e instanceof SyntaxError) return e.message;
    throw e;
  }
  const metaError = metaErrors(root, doc);
  if (metaError !== '') return metaError;
  const ctx: Ctx = { root, draft: draftOf(root) };
  const missing = refError(ctx, root);
  if (missing !== undefined) return missing;
  return ctx;
}

/**
 * validateSchemas is Helm's ValidateAgainstSchema over a chart tree: each chart with a
 * values.schema.json is validated against its section of the coalesced values. It returns null
 * when everything is valid, else Helm's full message
 * (`values don't meet the specifications of the schema(s) in the following chart(s):\nc4:\n- at …`).
 */
export function validateSchemas(chart: Chart, values: GoMap): string | null {
  const body = validateTree(chart, values);
  if (body === '') return null;
  return `values don't meet the specifications of the schema(s) in the following chart(s):\n${body}`;
}

function validateTree(chart: Chart, values: GoMap): string {
  let sb = '';
  if (chart.schemaText !== undefined) {
    const e = validateValues(chart.schemaText, values);
    if (e !== null) sb += `${chart.metadata.name}:\n${e}`;
  }
  for (const sub of chart.dependencies) {
    const raw = values.get(sub.metadata.name);
    if (raw === undefined || raw === null) continue;
    if (!(raw instanceof GoMap && raw.goType === 'map[string]interface {}')) {
      sb += `${sub.metadata.name}:\ninvalid type for values: expected object (map), got ${goTypeName(raw)}\n`;
      continue;
    }
    sb += validateTree(sub, raw);
  }
  return sb;
}
