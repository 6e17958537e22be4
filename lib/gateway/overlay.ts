/**
 * Values overlays: what an environment changes relative to the chart's defaults, and edits of the
 * overlay's YAML document that keep its comments and the keys nobody touched.
 */
import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Pair,
  parseDocument,
  Scalar,
  visit,
  type YAMLMap,
} from 'yaml';

/** PathSegment is a map key or a list index along a path into the values. */
export type PathSegment = string | number;
/** ValuesPath is a path from the root of the values. */
export type ValuesPath = readonly PathSegment[];
/** PlainValue is a value as YAML gives it to JavaScript. */
export type PlainValue = null | string | number | boolean | PlainValue[] | { [key: string]: PlainValue };
/** PlainMap is a values map. */
export type PlainMap = { [key: string]: PlainValue };

/** YamlProblem is a YAML error with a 1-based line and column. */
export interface YamlProblem {
  message: string;
  line: number;
  col: number;
}

/** ParsedValues is a values text read as data, or the errors that stop it from being read. */
export type ParsedValues = { ok: true; values: PlainMap } | { ok: false; errors: YamlProblem[] };

// Helm: values are read as YAML 1.1 (go-yaml v2 behind sigs.k8s.io/yaml): yes/no/on/off are booleans.
const yamlVersion = '1.1' as const;

/** isPlainMap reports whether a value is a values map (not a list, not a scalar, not null). */
export function isPlainMap(v: unknown): v is PlainMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** deepEqual compares two plain values structurally (map key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainMap(a) && isPlainMap(b)) {
    const ka = Object.keys(a);
    return (
      ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]))
    );
  }
  return false;
}

function problems(doc: Document): YamlProblem[] {
  return doc.errors.map((e) => ({
    // yaml ends the first line of its message with the position, which line and col already carry.
    message: (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, ''),
    line: e.linePos?.[0]?.line ?? 1,
    col: e.linePos?.[0]?.col ?? 1,
  }));
}

function parseValuesDocument(text: string): Document {
  return parseDocument(text, { version: yamlVersion, keepSourceTokens: false });
}

/**
 * parseValues reads a values file as data. An empty file is an empty map; a file whose top level is
 * not a map is an error, as in Helm.
 */
export function parseValues(text: string): ParsedValues {
  const doc = parseValuesDocument(text);
  const errors = problems(doc);
  if (errors.length > 0) return { ok: false, errors };
  const value: unknown = doc.toJS({ maxAliasCount: 1000 });
  if (value === null || value === undefined) return { ok: true, values: {} };
  if (!isPlainMap(value)) {
    const pos = doc.contents?.range?.[0] ?? 0;
    const line = text.slice(0, pos).split('\n').length;
    return {
      ok: false,
      errors: [{ message: 'The values must be a map of keys (key: value).', line, col: 1 }],
    };
  }
  return { ok: true, values: value };
}

function clone<T extends PlainValue | undefined>(v: T): T {
  return v === undefined ? v : (structuredClone(v) as T);
}

/**
 * mergeValues layers an overlay on defaults the way Helm coalesces user values: maps merge key by key,
 * lists and scalars replace, and a null removes the default key.
 */
export function mergeValues(defaults: PlainMap, overlay: PlainMap): PlainMap {
  const out: PlainMap = {};
  for (const [k, v] of Object.entries(defaults)) {
    if (!Object.hasOwn(overlay, k)) out[k] = clone(v);
  }
  for (const [k, v] of Object.entries(defaults)) {
    if (!Object.hasOwn(overlay, k)) continue;
    const o = overlay[k]!;
    // Helm: a null in the user values deletes the key from the chart's defaults.
    if (o === null) continue;
    out[k] = isPlainMap(o) && isPlainMap(v) ? mergeValues(v, o) : clone(o);
  }
  for (const [k, o] of Object.entries(overlay)) {
    if (Object.hasOwn(defaults, k) || o === null) continue;
    out[k] = isPlainMap(o) ? mergeValues({}, o) : clone(o);
  }
  // Keep the defaults' key order, then the overlay's new keys.
  const ordered: PlainMap = {};
  for (const k of Object.keys(defaults)) if (Object.hasOwn(out, k)) ordered[k] = out[k]!;
  for (const k of Object.keys(out)) if (!Object.hasOwn(ordered, k)) ordered[k] = out[k]!;
  return ordered;
}

/**
 * computeOverlay returns the smallest overlay that turns the defaults into `values`: only keys whose
 * value differs, maps compared key by key, lists whole. Keys come in the defaults' order (the order of
 * the chart's values.yaml), then keys the chart does not have, sorted. A default key missing from
 * `values` becomes null (Helm deletes it).
 */
export function computeOverlay(defaults: PlainMap, values: PlainMap): PlainMap {
  const out: PlainMap = {};
  for (const [k, d] of Object.entries(defaults)) {
    if (!Object.hasOwn(values, k)) {
      if (d !== null) out[k] = null;
      continue;
    }
    const v = values[k]!;
    if (isPlainMap(d) && isPlainMap(v)) {
      const sub = computeOverlay(d, v);
      if (Object.keys(sub).length > 0) out[k] = sub;
    } else if (!deepEqual(d, v)) {
      out[k] = clone(v);
    }
  }
  for (const k of Object.keys(values).sort()) {
    if (!Object.hasOwn(defaults, k)) out[k] = clone(values[k]!);
  }
  return out;
}

/** ValueChange is one key an environment sets differently from the chart's defaults. */
export interface ValueChange {
  path: string;
  from: PlainValue | undefined;
  to: PlainValue | undefined;
}

/** formatPath prints a values path the way `--set` writes it: `ingress.hosts[0].host`. */
export function formatPath(path: ValuesPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

/**
 * valueChanges lists, leaf by leaf, exactly which keys the overlay changes relative to the defaults;
 * a key set to its default value is not a change, a list counts as one leaf, a removed key goes to
 * `undefined`.
 */
export function valueChanges(defaults: PlainMap, overlay: PlainMap): ValueChange[] {
  const merged = mergeValues(defaults, overlay);
  const out: ValueChange[] = [];
  const walk = (d: PlainValue | undefined, v: PlainValue | undefined, path: PathSegment[]) => {
    if (isPlainMap(d) && isPlainMap(v)) {
      const keys = [
        ...Object.keys(d),
        ...Object.keys(v)
          .filter((k) => !Object.hasOwn(d, k))
          .sort(),
      ];
      for (const k of keys) walk(d[k], v[k], [...path, k]);
      return;
    }
    if (deepEqual(d, v)) return;
    if (isPlainMap(v) && d === undefined) {
      for (const k of Object.keys(v).sort()) walk(undefined, v[k], [...path, k]);
      return;
    }
    out.push({ path: formatPath(path), from: d, to: v });
  };
  walk(defaults, merged, []);
  return out;
}

/** getPath returns the value at a path, or undefined when it is missing. */
export function getPath(values: PlainValue | undefined, path: ValuesPath): PlainValue | undefined {
  let cur: PlainValue | undefined = values;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[seg];
    } else {
      if (!isPlainMap(cur) || !Object.hasOwn(cur, seg)) return undefined;
      cur = cur[seg];
    }
  }
  return cur;
}

/** OverlayEditError says an overlay could not be edited because its YAML does not parse. */
export class OverlayEditError extends Error {
  constructor(readonly errors: YamlProblem[]) {
    super(`the values YAML has ${errors.length} error(s); fix them before editing in the form`);
    this.name = 'OverlayEditError';
  }
}

type Commented = { commentBefore?: string | null; comment?: string | null };

// ownComments returns every comment written in the nodes of an entry, in order: above a node, inside a
// collection it holds (its entries' comments), after its value on the same line or at its end.
function ownComments(...nodes: unknown[]): string | undefined {
  const parts: string[] = [];
  const walk = (n: unknown) => {
    if (!n || typeof n !== 'object') return;
    const c = n as Commented;
    if (c.commentBefore) parts.push(c.commentBefore);
    if (isMap(n) || isSeq(n)) {
      for (const item of n.items) {
        if (isPair(item)) {
          walk(item.key);
          walk(item.value);
        } else walk(item);
      }
    }
    if (c.comment) parts.push(c.comment);
  };
  for (const n of nodes) walk(n);
  return parts.length > 0 ? parts.join('\n') : undefined;
}

// deleteKeepingComments deletes a map key or list item; its comments (above it, after its value, at the
// end of a map or list it held) move to the next entry, or to the end of the collection, so deleting a
// key never deletes the user's comments (but for the value's own line comment with dropLineComment).
function deleteKeepingComments(doc: Document, path: readonly PathSegment[], dropLineComment = false): void {
  // Nothing to delete (the key, or a map on the way to it, is not in the overlay).
  if (!doc.hasIn(path)) return;
  const parentPath = path.slice(0, -1);
  const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
  const last = path[path.length - 1];
  let comment: string | undefined;
  let next: { commentBefore?: string | null } | undefined;
  if (isMap(parent)) {
    const index = parent.items.findIndex((p) => isScalar(p.key) && p.key.value === last);
    const pair = parent.items[index];
    const value = pair?.value;
    // A secret's own line comment goes with it (it may say what the secret is).
    const kept = dropLineComment && isScalar(value) ? { commentBefore: value.commentBefore } : value;
    comment = pair ? ownComments(pair.key, kept) : undefined;
    const after = parent.items[index + 1];
    next = after && isScalar(after.key) ? after.key : undefined;
  } else if (isSeq(parent) && typeof last === 'number') {
    comment = ownComments(parent.items[last]);
    const after = parent.items[last + 1];
    next = after && typeof after === 'object' ? (after as { commentBefore?: string | null }) : undefined;
  }
  if (comment) {
    const join = (a: string | null | undefined) => (a ? `${comment}\n${a}` : comment);
    if (next) next.commentBefore = join(next.commentBefore);
    else if (parentPath.length === 0) doc.comment = join(doc.comment);
    else if (isMap(parent) || isSeq(parent)) parent.comment = join(parent.comment);
  }
  doc.deleteIn(path);
}

// replaceKeepingComments sets the value at a path to a new node that keeps the comments of the node it
// replaces: a scalar's stay where they were (above it, after it on its line); a collection's, its
// entries' included, go above the new value.
function replaceKeepingComments(doc: Document, path: readonly PathSegment[], value: PlainValue): void {
  const old = doc.getIn(path, true) as unknown;
  const node = doc.createNode(value);
  if (isScalar(old)) {
    if (old.commentBefore) node.commentBefore = old.commentBefore;
    if (old.comment) node.comment = old.comment;
  } else if (isMap(old) || isSeq(old)) {
    const comments = ownComments(old);
    if (comments) node.commentBefore = comments;
  }
  doc.setIn([...path], node);
}

// setDeep sets the value at a path whose entries may be missing: at the deepest map or list of the
// path in the document, the rest of the path is built as plain data, so nothing is made as `!!omap`
// (the yaml package's own setIn, under YAML 1.1) and the entries already there keep their comments.
function setDeep(doc: Document, path: ValuesPath, value: PlainValue): void {
  let n = path.length - 1;
  let holder: unknown = doc.contents;
  for (; n > 0; n--) {
    holder = doc.getIn(path.slice(0, n), true);
    if (typeof path[n] === 'number' ? isSeq(holder) : isMap(holder)) break;
  }
  if (n === 0) holder = doc.contents;
  const at = path.slice(0, n + 1);
  const seg = path[n];
  if (typeof seg === 'number' && isSeq(holder)) {
    while (holder.items.length < seg) holder.items.push(doc.createNode(null));
  }
  const current = doc.getIn(at, true) as { toJSON?(): PlainValue } | undefined;
  const sub =
    n === path.length - 1 ? value : setInPlain(current?.toJSON?.() ?? null, path.slice(n + 1), value);
  replaceKeepingComments(doc, at, sub as PlainValue);
}

function pruneEmptyMaps(doc: Document, path: PathSegment[]): void {
  for (let n = path.length; n > 0; n--) {
    const parent = path.slice(0, n);
    const node = doc.getIn(parent, true);
    if (isMap(node) && (node as YAMLMap).items.length === 0) deleteKeepingComments(doc, parent);
    else return;
  }
}

function editableDocument(text: string): Document {
  const doc = parseValuesDocument(text);
  const errors = problems(doc);
  if (errors.length > 0) throw new OverlayEditError(errors);
  if (doc.contents === null || doc.contents === undefined) {
    const fresh = parseValuesDocument('{}');
    fresh.contents = fresh.createNode({});
    // A comment-only file keeps its comment above the first key.
    if (doc.commentBefore) fresh.commentBefore = doc.commentBefore;
    if (doc.comment) fresh.commentBefore = [fresh.commentBefore, doc.comment].filter(Boolean).join('\n');
    return fresh;
  }
  if (!isMap(doc.contents)) {
    throw new OverlayEditError([
      { message: 'The values must be a map of keys (key: value).', line: 1, col: 1 },
    ]);
  }
  return doc;
}

// Flow collections the user wrote (`paths: ["/"]`) print as written, without yaml's inner padding.
const printOptions = { lineWidth: 0, flowCollectionPadding: false } as const;

function printDocument(doc: Document): string {
  const contents = doc.contents;
  if (isMap(contents) && contents.items.length === 0 && !doc.commentBefore && !doc.comment) return '';
  if (isMap(contents)) contents.flow = false;
  return doc.toString(printOptions);
}

/**
 * setOverlayValue edits one value in an overlay's YAML text and returns the new text. Only that key's
 * node changes: comments and other keys stay as written. Setting a value equal to the default removes
 * the key from the overlay (and empty parent maps); `undefined` removes the key, writing `null` when
 * the chart has a default there so Helm deletes it. Lists are replaced whole, as Helm merges them;
 * a path into a list the overlay already holds edits that item in place. Comments of a removed or
 * replaced node move to the next entry (or the end of its collection); `dropLineComment` drops the
 * comment on a removed value's own line instead (secrets: it may describe the secret).
 * It throws OverlayEditError when the text is not valid YAML (the form waits until it is).
 *
 * Typing into a form field edits one scalar again and again, each edit on the text the last one
 * returned; those edits splice the new value into the text without parsing and printing the whole
 * document (see "Fast path" below), with the same result to the byte.
 */
export function setOverlayValue(
  text: string,
  defaults: PlainMap,
  path: ValuesPath,
  value: PlainValue | undefined,
  options: { dropLineComment?: boolean } = {},
): string {
  const frame = recallFrame(text);
  if (frame) {
    const made = spliceEdit(frame, defaults, path, value);
    if (made) {
      editCounts.fast++;
      rememberFrame(made);
      return made.text;
    }
  }
  editCounts.slow++;
  const doc = editableDocument(text);
  // Read before the edit, which moves comments between nodes.
  const layout = layoutOf(text, doc);
  const changed = editDocument(doc, defaults, path, value, options);
  const out = printDocument(doc);
  if (layout) learnFrame(layout, defaults, path, value, changed, out);
  return out;
}

/**
 * setOverlayValueUncached is setOverlayValue's slow path alone: it parses the whole text, edits the
 * document and prints it again, and neither uses nor fills the fast path's memo of recent texts. It is for
 * tests and benchmarks; the app calls setOverlayValue.
 */
export function setOverlayValueUncached(
  text: string,
  defaults: PlainMap,
  path: ValuesPath,
  value: PlainValue | undefined,
  options: { dropLineComment?: boolean } = {},
): string {
  const doc = editableDocument(text);
  editDocument(doc, defaults, path, value, options);
  return printDocument(doc);
}

// editsScalarInPlace reports whether setting `value` at a path of map keys changes the scalar found
// there in place (keeping its comments and style) rather than removing or replacing the key's node.
function editsScalarInPlace(
  defaults: PlainMap,
  keyPath: readonly string[],
  value: PlainValue | undefined,
  existing: unknown,
): existing is Scalar {
  if (value === undefined) return false;
  const def = getPath(defaults, keyPath);
  // A value equal to the default is removed from the overlay.
  if (def !== undefined && deepEqual(value, def) && !isPlainMap(value)) return false;
  return isScalar(existing) && (value === null || typeof value !== 'object');
}

// setScalarValue changes a scalar's value; a style or tag that belonged to another type is dropped.
function setScalarValue(node: Scalar, value: PlainValue): void {
  if (typeof node.value !== typeof value || node.tag) {
    node.type = undefined;
    node.tag = undefined;
  }
  node.value = value;
}

// editDocument makes setOverlayValue's edit in the document; it returns the scalar it changed in place,
// if that is what the edit did.
function editDocument(
  doc: Document,
  defaults: PlainMap,
  path: ValuesPath,
  value: PlainValue | undefined,
  options: { dropLineComment?: boolean },
): Scalar | undefined {
  const listAt = path.findIndex((seg) => typeof seg === 'number');
  const keyPath = (listAt < 0 ? path : path.slice(0, listAt)) as string[];
  const existed = keyPath.map((_, i) => doc.hasIn(keyPath.slice(0, i + 1)));
  if (listAt >= 0) {
    const inOverlay = doc.getIn(keyPath, true);
    let list: PlainValue | undefined;
    if (isSeq(inOverlay)) {
      if (value === undefined) deleteKeepingComments(doc, path, options.dropLineComment);
      else setDeep(doc, path, value);
      list = (doc.getIn(keyPath, true) as { toJSON(): PlainValue }).toJSON();
    } else {
      const current = readOverlayMap(doc);
      const base = clone(getPath(mergeValues(defaults, current), keyPath)) ?? [];
      list = setInPlain(base, path.slice(listAt), value);
      makeMapsAlong(doc, keyPath.slice(0, -1));
      replaceKeepingComments(doc, keyPath, list);
      placeNewKeys(doc, keyPath, existed, defaults);
    }
    if (deepEqual(list, getPath(defaults, keyPath))) {
      deleteKeepingComments(doc, keyPath);
      pruneEmptyMaps(doc, keyPath.slice(0, -1));
    }
    return undefined;
  }
  const existing = doc.getIn(keyPath, true);
  if (editsScalarInPlace(defaults, keyPath, value, existing)) {
    // Change the scalar in place so its comments stay.
    setScalarValue(existing, value as PlainValue);
    return existing;
  }
  const def = getPath(defaults, keyPath);
  if (value === undefined) {
    if (def !== undefined && def !== null) {
      makeMapsAlong(doc, keyPath.slice(0, -1));
      replaceKeepingComments(doc, keyPath, null);
      placeNewKeys(doc, keyPath, existed, defaults);
    } else {
      deleteKeepingComments(doc, keyPath, options.dropLineComment);
      pruneEmptyMaps(doc, keyPath.slice(0, -1));
    }
  } else if (def !== undefined && deepEqual(value, def) && !isPlainMap(value)) {
    deleteKeepingComments(doc, keyPath);
    pruneEmptyMaps(doc, keyPath.slice(0, -1));
  } else {
    makeMapsAlong(doc, keyPath.slice(0, -1));
    replaceKeepingComments(doc, keyPath, value);
    placeNewKeys(doc, keyPath, existed, defaults);
  }
  return undefined;
}

/**
 * renameOverlayKey renames the key `from` of the map at `parent` to `to` where it stands, keeping its
 * value and comments, when the overlay holds it and the chart has no default under `from` (which the
 * overlay would have to delete with a null) and none under `to`. Otherwise it removes `from` and sets
 * `to` to `value` with setOverlayValue. It throws OverlayEditError when the text is not valid YAML.
 */
export function renameOverlayKey(
  text: string,
  defaults: PlainMap,
  parent: readonly string[],
  from: string,
  to: string,
  value: PlainValue,
): string {
  if (from === to) return text;
  const doc = editableDocument(text);
  const map = parent.length === 0 ? doc.contents : doc.getIn(parent, true);
  const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && p.key.value === from) : undefined;
  const taken = isMap(map) && map.items.some((p) => isScalar(p.key) && p.key.value === to);
  if (
    pair &&
    isScalar(pair.key) &&
    !taken &&
    getPath(defaults, [...parent, from]) === undefined &&
    getPath(defaults, [...parent, to]) === undefined
  ) {
    const key = doc.createNode(to);
    key.commentBefore = pair.key.commentBefore;
    key.comment = pair.key.comment;
    pair.key = key;
    return printDocument(doc);
  }
  const removed = setOverlayValue(text, defaults, [...parent, from], undefined);
  return setOverlayValue(removed, defaults, [...parent, to], value);
}

// placeNewKeys moves each key the edit created to where the chart's values.yaml has it among its
// siblings, so an overlay grows in the defaults' order; keys the chart lacks stay last.
function placeNewKeys(
  doc: Document,
  keyPath: readonly string[],
  existed: readonly boolean[],
  defaults: PlainMap,
): void {
  for (let i = 0; i < keyPath.length; i++) {
    if (existed[i]) continue;
    const parentPath = keyPath.slice(0, i);
    const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
    const rank = defaultsRank(defaults, parentPath);
    if (!isMap(parent) || !rank) return;
    // Keys parsed from the text are Scalar nodes; keys the edit added are plain strings.
    const keyOf = (k: unknown) => (isScalar(k) ? k.value : k);
    const from = parent.items.findIndex((p) => keyOf(p.key) === keyPath[i]);
    const mine = rank(keyPath[i]);
    if (from < 0 || mine === Number.POSITIVE_INFINITY) continue;
    const to = parent.items.findIndex((p, j) => j !== from && rank(keyOf(p.key)) > mine);
    if (to < 0 || to > from) continue;
    const [pair] = parent.items.splice(from, 1);
    if (!pair) continue;
    // A comment that sat above the key now below it stays with the key it was written for.
    const below = parent.items[to];
    if (below && isScalar(below.key) && below.key.commentBefore && to === 0 && i === 0) {
      // The file's heading comment stays at the top of the file.
      const moved = below.key.commentBefore;
      below.key.commentBefore = undefined;
      if (!isScalar(pair.key)) pair.key = doc.createNode(pair.key);
      (pair.key as { commentBefore?: string | null }).commentBefore = moved;
    }
    parent.items.splice(to, 0, pair);
  }
}

// defaultsRank returns where a key stands among the keys of the chart's map at `parentPath` (Infinity for
// a key the chart lacks), which orders new keys in an overlay; undefined when the chart has no map there.
// The slow path (placeNewKeys) and the fast path (addEntry) place keys by it alike.
function defaultsRank(
  defaults: PlainMap,
  parentPath: readonly string[],
): ((key: unknown) => number) | undefined {
  const order = getPath(defaults, parentPath);
  if (!isPlainMap(order)) return undefined;
  const ranks = Object.keys(order);
  return (k) => {
    const r = typeof k === 'string' ? ranks.indexOf(k) : -1;
    return r < 0 ? Number.POSITIVE_INFINITY : r;
  };
}

// makeMapsAlong creates the parent maps of a path, replacing a null or scalar that sits where the path
// needs a map (`ingress: null`). The yaml package's own setIn would create them as `!!omap` under YAML 1.1.
function makeMapsAlong(doc: Document, path: string[]): void {
  for (let n = 1; n <= path.length; n++) {
    const prefix = path.slice(0, n);
    const node = doc.getIn(prefix, true);
    if (!isMap(node)) replaceKeepingComments(doc, prefix, {});
  }
}

function readOverlayMap(doc: Document): PlainMap {
  const v: unknown = doc.toJS();
  return isPlainMap(v) ? (v as PlainMap) : {};
}

function setInPlain(root: PlainValue, path: ValuesPath, value: PlainValue | undefined): PlainValue {
  if (path.length === 0) return value ?? null;
  // Removing what is not there changes nothing (no empty entries made on the way).
  if (value === undefined && getPath(root, path) === undefined) return root;
  const [seg, ...rest] = path;
  if (typeof seg === 'number') {
    const list = Array.isArray(root) ? [...root] : [];
    if (rest.length === 0 && value === undefined) list.splice(seg, 1);
    else list[seg] = setInPlain(list[seg] ?? null, rest, value);
    return list;
  }
  const map: PlainMap = isPlainMap(root) ? { ...root } : {};
  if (rest.length === 0 && value === undefined) delete map[seg!];
  else map[seg!] = setInPlain(map[seg!] ?? null, rest, value);
  return map;
}

/** overlayToYaml prints an overlay map as a YAML values file (empty map: empty text). */
export function overlayToYaml(overlay: PlainMap): string {
  if (Object.keys(overlay).length === 0) return '';
  const doc = parseValuesDocument('{}');
  doc.contents = doc.createNode(overlay);
  return printDocument(doc);
}

// Fast path: typing into one field.
//
// A keystroke in a form field sets one scalar (`replicaCount: 12` to `123`) in the text the previous
// keystroke returned, and parsing and printing the whole overlay for it costs milliseconds in the browser,
// on the way from the keystroke to the preview. The printer works locally: a scalar value of a block map
// prints the same wherever it stands, given how deep it is, and the rest of the document prints the same
// whatever that value is, as long as the value prints on one line and not as nothing (`key:` is framed
// differently from `key: x`). So the edit prints the new value alone, in a small document of the same
// depth, and splices it into the text over the old value.
//
// The printer prints a block map entry by entry, each on lines of its own: its blank line (spaceBefore),
// the comment lines above its key, its key and value. So removing a key whose value is a one-line scalar
// with no comment removes its lines, and adding a scalar key inserts its line where the slow path puts
// the pair, as long as no comment changes hands in a way that prints differently (the slow path gives a
// removed key's comment to the next key, and the top of the file keeps its heading comment) and the map
// neither empties nor is created. Typing the chart's default into a field removes the key, and the next
// keystroke adds it back: both are spliced too.
//
// That equals the slow path's output only on a text the printer prints back unchanged (it would reformat
// `key:  x`), so the fast path works on the texts of a few frames known to be such texts: one the slow
// path returned, when that output is what the fast path would have made of its input (nothing else
// reformatted), or one the fast path returned. A frame records the entries of its block maps in text
// order, where their lines start, and where each scalar value sits, with its node as the parser reads it:
// a value's style, number format and spelling decide how a new value prints there (`0x10`, `1.50`, `yes`,
// `'quoted'`), so a spliced value is read back, alone, for the next frame.

// ScalarSlot is one scalar value of a frame's text.
interface ScalarSlot {
  // The value's node as the parser reads it from the text; never changed (an edit changes a copy).
  node: Scalar;
  // How many map keys lead to it: how deep the printer indents it.
  depth: number;
  // Where its text starts and ends (a comment after it not included).
  start: number;
  end: number;
  // Whether its text is known to be how the printer prints its node, on one line and not as nothing: true
  // for a value the fast path spliced in; a value read by a slow edit is checked before it is replaced.
  checked: boolean;
  // Whether the text has comments or a blank line with the value, as read from it: a splice keeps them in
  // the text, but the node read back from the spliced value alone does not have them.
  commented: boolean;
}

// Entry is one key of a block map of a frame's text.
interface Entry {
  // The key when it is a string (what the defaults' order ranks), and its path (slotKey); undefined for
  // other keys.
  key: string | undefined;
  path: string | undefined;
  // The path (slotKey) of the map that holds it.
  parent: string;
  // Where its lines start (its blank line, else its comment lines above the key, else its key's line), and
  // where its key's line starts; both -1 when not known (no key is then added or removed next to it).
  start: number;
  keyLine: number;
  // A blank line above it, comment lines above its key.
  spaceBefore: boolean;
  commentBefore: boolean;
  // Its key is a plain string node: no anchor an alias could point to, no tag, no comment of its own.
  plainKey: boolean;
  // Its value, when that is a scalar the fast path may print.
  slot: ScalarSlot | undefined;
}

// Frame is a text the printer prints back unchanged, with the entries of its block maps.
interface Frame {
  text: string;
  // In text order (a map's entries follow its key).
  entries: readonly Entry[];
  // An entry's index by its path (slotKey); a frame whose entries are those of another, moved, shares it.
  index: ReadonlyMap<string, number>;
  // The block maps the entries are in, by path (slotKey; the top level is `[]`): whether a comment ends
  // the map (the printer puts it after the map's last entry). Keys may be added to these maps.
  maps: ReadonlyMap<string, { comment: boolean }>;
  // Whether keys may be added and removed: not when a block scalar is in the text (one that keeps its
  // final line breaks changes how the entry after it prints).
  structural: boolean;
}

// A few recent frames: a keystroke edits the text the previous one returned, an update may run twice on
// one text (React's strict mode), and undo goes back a step.
const frameLimit = 4;
const frames: Frame[] = [];
const editCounts = { fast: 0, slow: 0 };

/**
 * overlayEditCounts reports how many setOverlayValue calls so far spliced a value into a recent text
 * (fast) and how many parsed and printed the whole document (slow). For tests and benchmarks.
 */
export function overlayEditCounts(): { fast: number; slow: number } {
  return { ...editCounts };
}

function recallFrame(text: string): Frame | undefined {
  return frames.find((f) => f.text === text);
}

function rememberFrame(frame: Frame): void {
  const known = frames.findIndex((f) => f.text === frame.text);
  if (known >= 0) frames.splice(known, 1);
  frames.unshift(frame);
  if (frames.length > frameLimit) frames.length = frameLimit;
}

const slotKey = (path: readonly string[]) => JSON.stringify(path);

// spliceEdit makes setOverlayValue's edit of a frame's text without parsing it, and returns the frame of
// the result, when the edit changes a scalar in place, removes a scalar key or adds one in the simple
// cases (see above), or changes nothing; otherwise it returns undefined (and the slow path runs).
function spliceEdit(
  frame: Frame,
  defaults: PlainMap,
  path: ValuesPath,
  value: PlainValue | undefined,
): Frame | undefined {
  if (!path.every((seg) => typeof seg === 'string')) return undefined;
  const at = frame.index.get(slotKey(path));
  if (at === undefined) return addEntry(frame, defaults, path, value);
  const slot = frame.entries[at]?.slot;
  if (!slot) return undefined;
  if (editsScalarInPlace(defaults, path, value, slot.node))
    return spliceScalar(frame, at, value as PlainValue);
  return removesKey(defaults, path, value) ? removeEntry(frame, at) : undefined;
}

// removesKey reports whether editDocument deletes the key at a path of map keys (rather than setting it),
// given that the edit does not change its scalar in place.
function removesKey(defaults: PlainMap, keyPath: readonly string[], value: PlainValue | undefined): boolean {
  const def = getPath(defaults, keyPath);
  // Removing a key the chart has writes a null, for Helm to delete the default.
  if (value === undefined) return def === undefined || def === null;
  return def !== undefined && deepEqual(value, def) && !isPlainMap(value);
}

// spliceScalar replaces the text of entry `at`'s scalar with the new value, when it prints on one line.
function spliceScalar(frame: Frame, at: number, value: PlainValue): Frame | undefined {
  const slot = frame.entries[at]!.slot!;
  // An empty value (`key:`) or one on several lines is framed differently from a one-line value.
  if (!slot.checked && printScalarAt(slot.node, slot.depth) !== frame.text.slice(slot.start, slot.end))
    return undefined;
  const node = copyScalar(slot.node);
  setScalarValue(node, value);
  const printed = printScalarAt(node, slot.depth);
  if (printed === undefined) return undefined;
  const out = frame.text.slice(0, slot.start) + printed + frame.text.slice(slot.end);
  return deriveFrame(frame, at, printed, out);
}

// deriveFrame returns `out`, the frame's text with entry `at`'s value replaced by `printed`, as a frame:
// its other values are where they were (shifted), and the new one is read back from its text. When that
// value would not print back the same, it returns undefined.
function deriveFrame(frame: Frame, at: number, printed: string, out: string): Frame | undefined {
  const slot = frame.entries[at]!.slot!;
  const node = readBack(printed, slot.depth);
  if (!node) return undefined;
  const end = slot.start + printed.length;
  const entries = frame.entries.map((e, i) => {
    if (i === at) return { ...e, slot: { ...slot, node, end, checked: true } };
    return shifted(e, slot.end, end - slot.end);
  });
  return { ...frame, text: out, entries };
}

// shifted moves the places of an entry at or after `from` by `delta` characters.
function shifted(e: Entry, from: number, delta: number): Entry {
  if (delta === 0) return e;
  const move = (n: number) => (n >= from ? n + delta : n);
  const s = e.slot;
  if (e.start < from && (!s || s.start < from)) return e;
  return {
    ...e,
    start: move(e.start),
    keyLine: move(e.keyLine),
    slot: s && { ...s, start: move(s.start), end: move(s.end) },
  };
}

function indexEntries(entries: readonly Entry[]): Map<string, number> {
  const index = new Map<string, number>();
  entries.forEach((e, i) => {
    if (e.path !== undefined && !index.has(e.path)) index.set(e.path, i);
  });
  return index;
}

// mapEntries lists the indexes of the entries of the map at a path (slotKey), in order.
function mapEntries(frame: Frame, parent: string): number[] {
  const out: number[] = [];
  frame.entries.forEach((e, i) => {
    if (e.parent === parent) out.push(i);
  });
  return out;
}

// removeEntry removes entry `at`, a key whose value is a one-line scalar with no comment, as
// deleteKeepingComments does: the comment lines above its key stay where they are, the next key's now.
// Its map must keep an entry (the slow path would prune it), and the next entry must print as it did.
function removeEntry(frame: Frame, at: number): Frame | undefined {
  const { text, entries } = frame;
  const x = entries[at]!;
  const slot = x.slot!;
  if (!frame.structural || x.start < 0 || !x.plainKey || slot.commented) return undefined;
  if (text[slot.end] !== '\n' || text.slice(x.keyLine, slot.end).includes('\n')) return undefined;
  const siblings = mapEntries(frame, x.parent);
  const n = siblings.indexOf(at);
  const nextAt = siblings[n + 1];
  const next = nextAt === undefined ? undefined : entries[nextAt];
  if (siblings.length < 2 || (next && next.start < 0)) return undefined;
  // The entry that becomes its map's first: a blank line above the first key prints apart, and comment
  // lines above the first key of a nested map are the map's own when read again (they print above it).
  if (n === 0 && next && (next.spaceBefore || (next.commentBefore && x.parent !== slotKey([]))))
    return undefined;
  let from = x.start;
  if (x.commentBefore) {
    // Its comment lines go to the next key: printed where they are, unless a blank line parts them.
    if (!next || x.spaceBefore || next.spaceBefore) return undefined;
    from = x.keyLine;
  }
  const to = slot.end + 1;
  // The lines above and below the removed ones meet. A comment or blank line below belongs to the next key
  // (or ends a map) and must go on belonging to it when the text is read again: the line above must be one
  // that cannot take it, not an empty value (`key:`, which takes the comment lines after it) or a comment
  // of something else.
  let below = to;
  while (text[below] === ' ') below++;
  if ((text[to] === '\n' || text[below] === '#') && !closesLine(frame, from, x)) return undefined;
  const out = text.slice(0, from) + text.slice(to);
  const kept: Entry[] = [];
  for (let i = 0; i < entries.length; i++) {
    if (i === at) continue;
    const e = shifted(entries[i]!, to, from - to);
    kept.push(i === nextAt && x.commentBefore ? { ...e, start: x.start, commentBefore: true } : e);
  }
  return { ...frame, text: out, entries: kept, index: indexEntries(kept) };
}

// closesLine reports whether the text before `from` (where entry x's removed lines start) ends so that
// comment lines after it belong to what comes next: at the start of the text, after x's own comment
// lines (which go to the next key with them), or after a one-line value with nothing after it.
function closesLine(frame: Frame, from: number, x: Entry): boolean {
  if (from === 0 || (x.commentBefore && from === x.keyLine)) return true;
  return frame.entries.some((e) => {
    const s = e.slot;
    return s !== undefined && s.end === from - 1 && s.end > s.start && !s.commented;
  });
}

// addEntry makes the edit of a key its map lacks, in a map of the frame: setting a scalar adds the key
// where placeNewKeys puts it, removing it or setting the default changes nothing.
function addEntry(
  frame: Frame,
  defaults: PlainMap,
  keyPath: readonly string[],
  value: PlainValue | undefined,
): Frame | undefined {
  const parentPath = keyPath.slice(0, -1);
  const parent = slotKey(parentPath);
  const map = frame.maps.get(parent);
  if (!map) return undefined;
  // The map has an entry, so removing a key it lacks prunes nothing: the text prints as it is.
  if (removesKey(defaults, keyPath, value)) return frame;
  const set = value === undefined ? null : value;
  if (set !== null && typeof set === 'object') return undefined;
  if (!frame.structural) return undefined;
  const { text, entries } = frame;
  const name = keyPath[keyPath.length - 1]!;
  const depth = keyPath.length;
  const probe = probeAt(depth);
  if (!probe) return undefined;
  const line = printPairAt(name, probe.doc.createNode(set) as Scalar, depth);
  if (!line) return undefined;
  // Where placeNewKeys puts it: before the first entry the defaults rank after it, else last.
  const siblings = mapEntries(frame, parent);
  const rank = defaultsRank(defaults, parentPath);
  let before: number | undefined;
  if (rank) {
    const mine = rank(name);
    if (mine !== Number.POSITIVE_INFINITY) before = siblings.find((i) => rank(entries[i]!.key) > mine);
  }
  let pos: number;
  // The heading comment of the file: comment lines above the first top-level key stay on top, above the
  // key put first.
  let heading = false;
  if (before !== undefined) {
    const s = entries[before]!;
    if (s.start < 0) return undefined;
    heading = before === siblings[0] && depth === 1 && s.commentBefore;
    if (heading && s.spaceBefore) return undefined;
    pos = heading ? s.keyLine : s.start;
  } else {
    // After the last entry's line: its value must end it (no comment after it), and no comment ends the
    // map.
    const last = entries[siblings[siblings.length - 1]!];
    const slot = last?.slot;
    if (map.comment || !slot || slot.commented || text[slot.end] !== '\n') return undefined;
    pos = slot.end + 1;
  }
  const out = text.slice(0, pos) + line.text + text.slice(pos);
  const delta = line.text.length;
  const node = readBack(line.value, depth);
  if (!node) return undefined;
  const start = pos + line.text.length - 1 - line.value.length;
  const added: Entry = {
    key: name,
    path: slotKey(keyPath),
    parent,
    start: heading ? entries[before!]!.start : pos,
    keyLine: pos,
    spaceBefore: false,
    commentBefore: heading,
    plainKey: true,
    slot: { node, depth, start, end: start + line.value.length, checked: true, commented: false },
  };
  const moved = entries.map((e, i) => {
    const m = shifted(e, pos, delta);
    return heading && i === before ? { ...m, start: m.keyLine, commentBefore: false } : m;
  });
  const at = before ?? siblings[siblings.length - 1]! + 1;
  moved.splice(at, 0, added);
  return { ...frame, text: out, entries: moved, index: indexEntries(moved) };
}

// learnFrame remembers the output of a slow edit of `text` when it equals what the fast path would have
// made of `text` (`layout`, read before the edit): then the printer reformats nothing else in it. An edit
// that changed the scalar `changed` in place is learned when only that value's text changed.
function learnFrame(
  layout: Frame,
  defaults: PlainMap,
  path: ValuesPath,
  value: PlainValue | undefined,
  changed: Scalar | undefined,
  out: string,
): void {
  if (!changed) {
    const made = spliceEdit(layout, defaults, path, value);
    if (made && made.text === out) rememberFrame(made);
    return;
  }
  const { text } = layout;
  const range = changed.range;
  if (!range) return;
  const [start, end] = range;
  const keyPath = path as readonly string[];
  // An empty value (`key:`) or one on several lines is framed differently from a one-line value.
  if (end <= start || /[\n\r]/.test(text.slice(start, end))) return;
  const printed = printScalarAt(changed, keyPath.length);
  if (
    printed === undefined ||
    out.length !== start + printed.length + (text.length - end) ||
    !out.startsWith(printed, start) ||
    !out.startsWith(text.slice(0, start)) ||
    !out.endsWith(text.slice(end))
  )
    return;
  const at = layout.index.get(slotKey(keyPath));
  if (at === undefined || layout.entries[at]?.slot?.node !== changed) return;
  const made = deriveFrame(layout, at, printed, out);
  if (made) rememberFrame(made);
}

// layoutOf reads the entries of a document's block maps (no tag or anchor on the way), and where each
// sits in the text the document was read from, as a frame of that text (which setOverlayValue checks
// against the slow path's output before it remembers anything made from it). It returns undefined for a
// document that does not print as the probes do.
function layoutOf(text: string, doc: Document): Frame | undefined {
  const contents = doc.contents;
  if (!isMap(contents) || contents.tag || contents.anchor || contents.flow || !contents.range)
    return undefined;
  if (!sameSchemaAsProbes(doc)) return undefined;
  const entries: Entry[] = [];
  const maps = new Map<string, { comment: boolean }>();
  const walk = (map: YAMLMap, path: string[]) => {
    const parent = slotKey(path);
    maps.set(parent, { comment: !!map.comment });
    for (const { key, value } of map.items) {
      const name = isScalar(key) && typeof key.value === 'string' ? key.value : undefined;
      const at = name === undefined ? undefined : [...path, name];
      const entry: Entry = {
        key: name,
        path: at && slotKey(at),
        parent,
        start: -1,
        keyLine: -1,
        spaceBefore: false,
        commentBefore: false,
        plainKey: name !== undefined && isScalar(key) && !key.anchor && !key.tag && !key.comment,
        slot: undefined,
      };
      if (isScalar(key)) placeEntry(text, entry, key, path.length + 1);
      entries.push(entry);
      if (!at) continue;
      if (isMap(value)) {
        if (!value.flow && !value.tag && !value.anchor) walk(value, at);
      } else if (isScalar(value) && !value.tag && !value.anchor && value.range) {
        const [start, end] = value.range;
        const commented = !!(value.comment || value.commentBefore || value.spaceBefore);
        entry.slot = { node: value, depth: at.length, start, end, checked: false, commented };
      }
    }
  };
  walk(contents, []);
  let structural = true;
  visit(doc, {
    Scalar(_, node) {
      if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
        structural = false;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return { text, entries, index: indexEntries(entries), maps, structural };
}

// placeEntry finds where an entry's lines start in the text: its key's line, indented as the printer
// indents it, and above it as many comment lines as its key's comment has, and its blank line. It leaves
// the places unknown (-1) when the text does not read so.
function placeEntry(text: string, entry: Entry, key: Scalar, depth: number): void {
  const keyStart = key.range?.[0];
  if (keyStart === undefined) return;
  const keyLine = text.lastIndexOf('\n', keyStart - 1) + 1;
  if (text.slice(keyLine, keyStart) !== '  '.repeat(depth - 1)) return;
  const comment = key.commentBefore ?? '';
  if (/^\n+$/.test(comment)) return;
  const commentLines = comment === '' ? 0 : comment.split('\n').length;
  let start = keyLine;
  for (let i = 0; i < commentLines + (key.spaceBefore ? 1 : 0); i++) {
    if (start === 0) return;
    const from = text.lastIndexOf('\n', start - 2) + 1;
    const line = text.slice(from, start - 1);
    if (i < commentLines ? !/^( *#.*)?$/.test(line) : line !== '') return;
    start = from;
  }
  entry.start = start;
  entry.keyLine = keyLine;
  entry.spaceBefore = !!key.spaceBefore;
  entry.commentBefore = comment !== '';
}

// A probe is a small document whose only value sits `depth` maps deep: a value printed there prints as
// in any document of the same schema at that depth.
interface Probe {
  doc: Document;
  pair: Pair<unknown, unknown>;
  // The probe's text before its value.
  prefix: string;
}
const probeDepthLimit = 16;
const probes: (Probe | null)[] = [];

function probeAt(depth: number): Probe | undefined {
  if (depth < 1 || depth > probeDepthLimit) return undefined;
  let probe = probes[depth];
  if (probe === undefined) {
    let prefix = '';
    for (let i = 0; i < depth; i++) prefix += `${'  '.repeat(i)}k:${i < depth - 1 ? '\n' : ' '}`;
    const doc = parseValuesDocument(`${prefix}0\n`);
    let pair: unknown = isMap(doc.contents) ? doc.contents.items[0] : undefined;
    for (let i = 1; i < depth && isPair(pair); i++)
      pair = isMap(pair.value) ? pair.value.items[0] : undefined;
    // The printer must print the probe as written, or its prefix would not frame a value.
    probe = isPair(pair) && doc.toString(printOptions) === `${prefix}0\n` ? { doc, pair, prefix } : null;
    probes[depth] = probe;
  }
  return probe ?? undefined;
}

function sameSchemaAsProbes(doc: Document): boolean {
  const probe = probeAt(1);
  // A `%YAML 1.2` or `%TAG` directive changes how values print (`yes` is a plain string in YAML 1.2).
  return (
    probe !== undefined &&
    doc.schema.name === probe.doc.schema.name &&
    JSON.stringify(doc.directives?.tags) === JSON.stringify(probe.doc.directives?.tags)
  );
}

// copyScalar copies a scalar node: its value, style, number format, spelling, comments. (The node's own
// clone() does the same through property descriptors, several times slower.)
function copyScalar(node: Scalar): Scalar {
  return Object.assign(new Scalar(node.value), node);
}

// bareCopy copies a scalar without the comments and blank lines around it: they print around a value,
// not in it.
function bareCopy(node: Scalar): Scalar {
  const copy = copyScalar(node);
  copy.commentBefore = undefined;
  copy.comment = undefined;
  copy.spaceBefore = undefined;
  return copy;
}

// printProbe prints a probe document, or returns undefined when the printer refuses its value.
function printProbe(doc: Document): string | undefined {
  try {
    return doc.toString(printOptions);
  } catch {
    return undefined;
  }
}

// printScalarAt prints a scalar as the value of a block map `depth` maps deep, or returns undefined when
// it would not print on one line (or would print as nothing).
function printScalarAt(node: Scalar, depth: number): string | undefined {
  const probe = probeAt(depth);
  if (!probe) return undefined;
  probe.pair.value = bareCopy(node);
  const out = printProbe(probe.doc);
  if (out === undefined) return undefined;
  if (!out.startsWith(probe.prefix) || !out.endsWith('\n')) return undefined;
  const printed = out.slice(probe.prefix.length, -1);
  return printed === '' || /[\n\r]/.test(printed) ? undefined : printed;
}

// printPairAt prints `key: value` as an entry of a block map `depth` maps deep: its line, with its
// indentation and line break, and the value's text; undefined when it would not print on one line.
function printPairAt(key: string, node: Scalar, depth: number): { text: string; value: string } | undefined {
  const probe = probeAt(depth);
  const value = printScalarAt(node, depth);
  if (!probe || value === undefined) return undefined;
  const probeKey = probe.pair.key;
  // A string key, as the slow path's setIn adds it.
  probe.pair.key = key;
  probe.pair.value = bareCopy(node);
  const out = printProbe(probe.doc);
  probe.pair.key = probeKey;
  if (out === undefined) return undefined;
  const head = probe.prefix.slice(0, probe.prefix.lastIndexOf('\n') + 1);
  const indent = '  '.repeat(depth - 1);
  const text = out.slice(head.length);
  if (!out.startsWith(head) || !text.startsWith(indent) || !text.endsWith(`: ${value}\n`)) return undefined;
  // One line, its key not empty (an explicit `? key` takes more lines).
  if (/[\n\r]/.test(text.slice(0, -1)) || text.length <= indent.length + value.length + 3) return undefined;
  return { text, value };
}

// readBack reads a value's printed text back as the node a parse of the new text would hold there, or
// returns undefined when that node would not print the same text (so later splices could not rely on it).
function readBack(printed: string, depth: number): Scalar | undefined {
  const node = readScalarAt(printed, depth);
  return node && printScalarAt(node, depth) === printed ? node : undefined;
}

// readScalarAt reads a value's text as the value of a block map `depth` maps deep, as the parser reads
// it in any document there: its value, style, number format and spelling.
function readScalarAt(printed: string, depth: number): Scalar | undefined {
  const probe = probeAt(depth);
  if (!probe) return undefined;
  const doc = parseValuesDocument(`${probe.prefix}${printed}\n`);
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  let node: unknown = doc.contents;
  for (let i = 0; i < depth; i++) {
    if (!isMap(node) || node.items.length !== 1) return undefined;
    node = node.items[0]!.value;
  }
  if (!isScalar(node) || node.tag || node.anchor || !node.range) return undefined;
  // The value is all of the text, nothing before or after it.
  const start = probe.prefix.length;
  return node.range[0] === start && node.range[1] === start + printed.length ? node : undefined;
}
