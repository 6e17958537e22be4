/**
 * The `helm template` output stream: splitting rendered files into documents, reading each
 * document's head, separating hooks from manifests, ordering by kind, `# Source:` framing, CRDs,
 * `--no-hooks`, `--skip-tests` and `--show-only`.
 * (Helm: `pkg/release/v1/util/{manifest.go,manifest_sorter.go,kind_sorter.go}`, `pkg/cmd/template.go`.)
 */
import { formatFloat, GoError, GoInt, GoMap, type GoValue, quoteString } from '../go';
import { reshape, utf8ReaderProblem, YamlError, type YamlShape, yamlToGo, yamlToGoShaped } from '../yaml';
import { HelmError } from './errors';

/** InstallOrder is the kind order Helm v4 installs (and prints) manifests and hooks in. */
export const InstallOrder: readonly string[] = [
  'PriorityClass',
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodSecurityPolicy',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'SecretList',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleList',
  'ClusterRoleBinding',
  'ClusterRoleBindingList',
  'Role',
  'RoleList',
  'RoleBinding',
  'RoleBindingList',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
  'APIService',
  // Helm: v4 only; Helm v3 sorts these two as unknown kinds (after every known kind, by name).
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
];

const kindRank = new Map(InstallOrder.map((k, i) => [k, i]));

/** HookEvents maps the accepted `helm.sh/hook` event names (lower case) to their canonical event. */
export const HookEvents: ReadonlyMap<string, string> = new Map([
  ['pre-install', 'pre-install'],
  ['post-install', 'post-install'],
  ['pre-delete', 'pre-delete'],
  ['post-delete', 'post-delete'],
  ['pre-upgrade', 'pre-upgrade'],
  ['post-upgrade', 'post-upgrade'],
  ['pre-rollback', 'pre-rollback'],
  ['post-rollback', 'post-rollback'],
  ['test', 'test'],
  // Helm: Helm 2's `test-success` is still accepted as `test`.
  ['test-success', 'test'],
]);

// Go: unicode.IsSpace (what strings.TrimSpace trims); JavaScript's trim also drops U+FEFF.
function isGoSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** goTrimSpace is Go's strings.TrimSpace (Unicode white space, not U+FEFF). */
export function goTrimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isGoSpace(s.charCodeAt(start))) start++;
  while (end > start && isGoSpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

// Go: \s in Helm's separator regexp `(?:^|\s*\n)---\s*` is [\t\n\f\r ].
function isSepSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c;
}

/**
 * splitManifests is Helm's SplitManifests: the trimmed text split on `---` separators (the regexp
 * `(?:^|\s*\n)---\s*`, matched leftmost-first as Go does), empty pieces dropped, each piece trimmed.
 */
export function splitManifests(text: string): string[] {
  const s = goTrimSpace(text);
  const pieces: string[] = [];
  if (s === '') return pieces;
  let beg = 0;
  let pos = 0;
  for (;;) {
    // The leftmost match at or after pos: `---` at 0, or the white-space run before a `\n---`.
    let start: number;
    let dashes: number;
    if (pos === 0 && s.startsWith('---')) {
      start = 0;
      dashes = 0;
    } else {
      const q = s.indexOf('\n---', pos);
      if (q < 0) break;
      start = q;
      while (start > pos && isSepSpace(s.charCodeAt(start - 1))) start--;
      dashes = q + 1;
    }
    let end = dashes + 3;
    while (end < s.length && isSepSpace(s.charCodeAt(end))) end++;
    // Go: regexp.Split keeps the piece before a match unless the match ends at 0.
    if (end !== 0) pieces.push(s.slice(beg, start));
    beg = end;
    pos = end;
  }
  pieces.push(s.slice(beg));
  return pieces.filter((p) => p !== '').map(goTrimSpace);
}

/** ManifestHead is the part of a document Helm reads: apiVersion, kind, metadata name and annotations. */
export interface ManifestHead {
  apiVersion: string;
  kind: string;
  name: string;
  /** annotations is null when the document has no (or a null) `metadata.annotations`. */
  annotations: Map<string, string> | null;
}

/**
 * YamlReader parses one YAML document the way yaml.v2 does (before sigs.k8s.io/yaml's JSON step:
 * integers as {@link GoInt}, floats as numbers, maps as {@link GoMap}) and throws an Error whose
 * message is the yaml.v2 error text (`yaml: line 3: mapping values are not allowed in this context`).
 */
export type YamlReader = (doc: string) => GoValue;

const headStructType =
  'struct { Name string "json:\\"name\\""; Annotations map[string]string "json:\\"annotations\\"" }';

function jsonKind(v: GoValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || v instanceof GoInt) return 'number';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

// Helm: sigs.k8s.io/yaml converts scalars to strings when the target field is a string.
function scalarToTargetString(v: GoValue): GoValue {
  if (v instanceof GoInt) return v.value.toString();
  if (typeof v === 'number') return formatFloat(v, 'g', -1, 32);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v;
}

class JsonTypeError extends Error {}

function typeError(v: GoValue, field: string, type: string): JsonTypeError {
  return new JsonTypeError(
    `json: cannot unmarshal ${jsonKind(v)} into Go struct field ${field} of type ${type}`,
  );
}

// Go: encoding/json matches object keys to fields exactly or case-insensitively; keys arrive in
// sorted order (json.Marshal of a map) and a later key overwrites an earlier one.
function structEntries(m: GoMap, fields: readonly string[]): [string, GoValue][] {
  const out: [string, GoValue][] = [];
  for (const key of [...m.keys()].sort(byteCompare)) {
    const exact = fields.find((f) => f === key);
    const field = exact ?? fields.find((f) => f.toLowerCase() === key.toLowerCase());
    if (field !== undefined) out.push([field, m.get(key) ?? null]);
  }
  return out;
}

const surrogate = /[\uD800-\uDFFF]/;

/** byteCompare orders strings by their UTF-8 bytes, as Go's sort.Strings does. */
export function byteCompare(a: string, b: string): number {
  if (a === b) return 0;
  // Without surrogate pairs, JavaScript's own UTF-16 order is code point order, which is UTF-8 byte
  // order; the loop below is only needed for characters beyond U+FFFF (and is slow on long paths).
  if (!surrogate.test(a) && !surrogate.test(b)) return a < b ? -1 : 1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length < b.length ? -1 : 1;
}

/**
 * decodeHead reads a {@link ManifestHead} from a parsed document as Helm's `yaml.Unmarshal` into
 * `util.SimpleHead` does, throwing an Error with encoding/json's message on a type mismatch.
 */
export function decodeHead(doc: GoValue): ManifestHead {
  const head: ManifestHead = { apiVersion: '', kind: '', name: '', annotations: null };
  if (doc === null) return head;
  if (!(doc instanceof GoMap)) {
    throw new JsonTypeError(`json: cannot unmarshal ${jsonKind(doc)} into Go value of type util.SimpleHead`);
  }
  let firstError: JsonTypeError | undefined;
  const fail = (e: JsonTypeError) => {
    firstError ??= e;
  };
  for (const [field, raw] of structEntries(doc, ['apiVersion', 'kind', 'metadata'])) {
    if (field === 'metadata') {
      if (raw === null) continue;
      if (!(raw instanceof GoMap)) {
        fail(typeError(raw, 'SimpleHead.metadata', headStructType));
        continue;
      }
      for (const [mf, mv] of structEntries(raw, ['name', 'annotations'])) {
        if (mf === 'name') {
          const v = scalarToTargetString(mv);
          if (typeof v === 'string') head.name = v;
          else if (v !== null) fail(typeError(v, '.metadata.name', 'string'));
          continue;
        }
        if (mv === null) {
          head.annotations = null;
          continue;
        }
        if (!(mv instanceof GoMap)) {
          fail(typeError(mv, '.metadata.annotations', 'map[string]string'));
          continue;
        }
        const ann = head.annotations ?? new Map<string, string>();
        for (const [k, av] of mv) {
          const v = scalarToTargetString(av);
          if (typeof v === 'string') ann.set(k, v);
          else if (v === null) ann.set(k, '');
          else fail(typeError(v, '.metadata.annotations', 'string'));
        }
        head.annotations = ann;
      }
      continue;
    }
    const v = scalarToTargetString(raw);
    if (typeof v === 'string') {
      if (field === 'apiVersion') head.apiVersion = v;
      else head.kind = v;
    } else if (v !== null) {
      fail(typeError(v, `SimpleHead.${field}`, 'string'));
    }
  }
  if (firstError) throw firstError;
  return head;
}

/** Manifest is one document of a rendered file, with its head and (for hooks) its events. */
export interface Manifest {
  /** path is the template path printed after `# Source:`. */
  path: string;
  /** text is the document text, trimmed and otherwise exactly as rendered. */
  text: string;
  head: ManifestHead;
  /** events are the hook events; undefined for a plain manifest. */
  events?: string[];
}

/** SortedManifests is what {@link sortManifests} returns: plain manifests, hooks and log lines. */
export interface SortedManifests {
  manifests: Manifest[];
  hooks: Manifest[];
  /** logs are the lines Helm logs to stderr (`level=INFO msg="skipping unknown hooks" …`). */
  logs: string[];
}

/**
 * sortManifests is Helm's SortManifests over rendered files (path → text): files in path order,
 * partials and blank files skipped, documents split, hooks separated (unknown hook events dropped
 * with a log line), both lists stable-sorted by {@link InstallOrder}. A document that does not read
 * as a manifest head throws a {@link HelmError} `YAML parse error on <path>: …`.
 */
export function sortManifests(files: ReadonlyMap<string, string>, readYaml: YamlReader): SortedManifests {
  const out: SortedManifests = { manifests: [], hooks: [], logs: [] };
  for (const path of [...files.keys()].sort(byteCompare)) {
    const content = files.get(path) ?? '';
    if (baseName(path).startsWith('_')) continue;
    if (goTrimSpace(content) === '') continue;
    const docs = splitManifests(content);
    for (let d = 0; d < docs.length; d++) {
      const text = docs[d]!;
      let head: ManifestHead;
      try {
        head = cachedHead(text, readYaml, `${path}\u0000${d}`);
      } catch (e) {
        if (e instanceof HeadError) throw new HelmError(`YAML parse error on ${path}: ${e.message}`);
        throw e;
      }
      const hookTypes = head.annotations?.get('helm.sh/hook');
      if (hookTypes === undefined || head.annotations === null || head.annotations.size === 0) {
        out.manifests.push({ path, text, head });
        continue;
      }
      const events: string[] = [];
      let unknown = false;
      for (const part of hookTypes.split(',')) {
        const ev = HookEvents.get(goTrimSpace(part).toLowerCase());
        if (ev === undefined) {
          unknown = true;
          break;
        }
        events.push(ev);
      }
      if (unknown) {
        // Helm: a document with an unknown hook event is dropped, with an INFO log line.
        out.logs.push(`level=INFO msg="skipping unknown hooks" hookTypes=${slogValue(hookTypes)}`);
        continue;
      }
      out.hooks.push({ path, text, head, events });
    }
  }
  out.manifests = sortByKind(out.manifests);
  out.hooks = sortByKind(out.hooks);
  return out;
}

class HeadError extends Error {}

// Document heads by text: the preview re-renders on every keystroke and most documents repeat. The
// texts are the keys, so the cache is bounded by their total length as well as by their number (the
// oldest entries go first): a worker rendering large documents on every keystroke keeps a few MB, not
// 2000 documents' worth.
const headCache = new Map<string, ManifestHead>();
const headCacheLimit = 2000;
const headCacheChars = 4 * 1024 * 1024;
let headCacheLength = 0;

function rememberHead(text: string, head: ManifestHead): void {
  if (text.length > headCacheChars || headCache.has(text)) return;
  while (headCache.size >= headCacheLimit || headCacheLength + text.length > headCacheChars) {
    const oldest = headCache.keys().next().value as string;
    headCache.delete(oldest);
    headCacheLength -= oldest.length;
  }
  headCache.set(text, head);
  headCacheLength += text.length;
}

// The shape of the last document read at each place (file path and document number) and its head. A
// keystroke mostly changes a value or two of a document: when the new text is the old one with only
// simple values replaced outside the head's fields (lib/yaml/shape.ts), it reads without error to the
// same head, and is not parsed again.
const shapes = new Map<string, { shape: YamlShape; head: ManifestHead }>();

function copyHead(h: ManifestHead): ManifestHead {
  return { ...h, annotations: h.annotations && new Map(h.annotations) };
}

/** headKey reports whether a root key may be one the head reads (encoding/json matches names case-insensitively). */
function headKey(key: string | undefined): boolean {
  if (key === undefined || /[^\x20-\x7e]/.test(key)) return true;
  const k = key.toLowerCase();
  return k === 'apiversion' || k === 'kind' || k === 'metadata';
}

function remember<K, V>(cache: Map<K, V>, key: K, value: V): void {
  if (cache.size >= headCacheLimit && !cache.has(key)) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

function cachedHead(text: string, readYaml: YamlReader, place: string): ManifestHead {
  if (readYaml !== readManifestYaml) return readHead(text, readYaml);
  // Comparing with the document read last at this place costs about what hashing the text costs.
  const prev = shapes.get(place);
  if (prev !== undefined) {
    const r = reshape(prev.shape, text);
    if (r !== undefined && !r.changedRootKeys.some(headKey)) {
      if (r.changedRootKeys.length > 0) remember(shapes, place, { shape: r.shape, head: prev.head });
      return copyHead(prev.head);
    }
  }
  const hit = headCache.get(text);
  if (hit) return copyHead(hit);
  let shape: YamlShape | undefined;
  const head = readHead(text, (doc) => {
    const r = yamlToGoShaped(doc);
    shape = r.shape;
    return r.value;
  });
  rememberHead(text, copyHead(head));
  if (shape !== undefined) remember(shapes, place, { shape, head: copyHead(head) });
  else shapes.delete(place);
  return head;
}

/**
 * readManifestYaml reads a manifest document with lib/yaml (sigs.k8s.io/yaml semantics); its
 * errors carry sigs.k8s.io/yaml's `error converting YAML to JSON: …` text.
 */
export const readManifestYaml: YamlReader = (doc) => yamlToGo(doc);

const yamlPrefix = 'error converting YAML to JSON: ';

function readHead(text: string, readYaml: YamlReader): ManifestHead {
  let doc: GoValue;
  // Go: yaml.v2's reader rejects a document that is not UTF-8 before parsing it.
  const problem = utf8ReaderProblem(text);
  if (problem !== undefined) throw new HeadError(`${yamlPrefix}yaml: ${problem}`);
  try {
    doc = readYaml(text);
  } catch (e) {
    if (e instanceof YamlError || e instanceof GoError) {
      throw new HeadError(e.message.startsWith(yamlPrefix) ? e.message : yamlPrefix + e.message);
    }
    throw e;
  }
  try {
    return decodeHead(doc);
  } catch (e) {
    if (e instanceof JsonTypeError)
      throw new HeadError(`error unmarshaling JSON: while decoding JSON: ${e.message}`);
    throw e;
  }
}

/** sortByKind stable-sorts documents by {@link InstallOrder}; unknown kinds last, by kind name. */
export function sortByKind<T extends { head: { kind: string } }>(docs: readonly T[]): T[] {
  return docs
    .map((d, i) => ({ d, i }))
    .sort((a, b) => {
      const ka = a.d.head.kind;
      const kb = b.d.head.kind;
      const ra = kindRank.get(ka);
      const rb = kindRank.get(kb);
      if (ra !== undefined && rb !== undefined) return ra - rb || a.i - b.i;
      if (ra !== undefined) return -1;
      if (rb !== undefined) return 1;
      return byteCompare(ka, kb) || a.i - b.i;
    })
    .map((x) => x.d);
}

function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const i = trimmed.lastIndexOf('/');
  return i < 0 ? trimmed : trimmed.slice(i + 1);
}

/** slogValue prints a string as log/slog's text handler does (quoted when it needs to be). */
export function slogValue(s: string): string {
  // Go: slog's needsQuoting: empty, or any space, '=', '"', or non-printable character.
  if (s === '' || /[\s="\p{C}\u{fffd}]/u.test(s)) return quoteString(s);
  return s;
}

/** CrdFile is a file under a chart's `crds/` folder: its `# Source:` path and its raw text. */
export interface CrdFile {
  path: string;
  text: string;
}

/** StreamOptions are the `helm template` flags that shape the output stream. */
export interface StreamOptions {
  includeCrds?: boolean;
  noHooks?: boolean;
  skipTests?: boolean;
  showOnly?: readonly string[];
}

/**
 * templateStream assembles `helm template`'s stdout: CRDs (with `--include-crds`), manifests,
 * then hooks (unless `--no-hooks`; `--skip-tests` drops test hooks), then `--show-only` filtering.
 * It throws a {@link HelmError} `could not find template <pattern> in chart` for a pattern that
 * matches nothing.
 */
export function templateStream(
  sorted: SortedManifests,
  crds: readonly CrdFile[],
  opts: StreamOptions,
): string {
  let manifestDoc = '';
  if (opts.includeCrds) {
    for (const crd of crds) manifestDoc += `---\n# Source: ${crd.path}\n${crd.text}\n`;
  }
  for (const m of sorted.manifests) manifestDoc += `---\n# Source: ${m.path}\n${m.text}\n`;
  let out = `${goTrimSpace(manifestDoc)}\n`;
  if (!opts.noHooks) {
    for (const h of sorted.hooks) {
      if (opts.skipTests && h.events?.includes('test')) continue;
      out += `---\n# Source: ${h.path}\n${h.text}\n`;
    }
  }
  if (opts.showOnly && opts.showOnly.length > 0) return showOnly(out, opts.showOnly);
  return out;
}

// Helm: `# Source: [^/]+/(.+)`, first match anywhere in the piece.
const sourceLine = /# Source: [^/\n]+\/([^\n]+)/;

/** showOnly is `--show-only`: the stream re-split, and for each pattern in turn the matching pieces. */
export function showOnly(stream: string, patterns: readonly string[]): string {
  const pieces = splitManifests(stream);
  const picked: string[] = [];
  for (const pattern of patterns) {
    let missing = true;
    for (const piece of pieces) {
      const m = sourceLine.exec(piece);
      if (!m?.[1]) continue;
      if (!filepathMatch(pattern, m[1])) continue;
      picked.push(piece);
      missing = false;
    }
    if (missing) throw new HelmError(`could not find template ${pattern} in chart`);
  }
  return picked.map((p) => `---\n${p}\n`).join('');
}

/**
 * filepathMatch is Go's path/filepath.Match with `/` as the separator: `*` and `?` do not match
 * `/`, `[…]` classes with `^` negation and ranges, `\` escapes. A malformed pattern matches nothing.
 */
export function filepathMatch(pattern: string, name: string): boolean {
  const p = [...pattern];
  const s = [...name];
  return matchFrom(p, 0, s, 0) === true;
}

// Returns true/false, or null for a malformed pattern (which Helm treats as no match).
function matchFrom(p: string[], pi: number, s: string[], si: number): boolean | null {
  while (pi < p.length) {
    const c = p[pi]!;
    if (c === '*') {
      while (p[pi] === '*') pi++;
      for (let k = si; ; k++) {
        const r = matchFrom(p, pi, s, k);
        if (r !== false) return r;
        if (k >= s.length || s[k] === '/') return false;
      }
    }
    if (si >= s.length) return checkRest(p, pi) === null ? null : false;
    const ch = s[si]!;
    if (c === '?') {
      if (ch === '/') return false;
      pi++;
      si++;
      continue;
    }
    if (c === '[') {
      const cls = parseClass(p, pi + 1);
      if (cls === null) return null;
      // Go: a class may match the separator (only `*` and `?` exclude it).
      if (cls.test(ch) === cls.negated) return false;
      pi = cls.end;
      si++;
      continue;
    }
    let lit = c;
    if (c === '\\') {
      pi++;
      if (pi >= p.length) return null;
      lit = p[pi]!;
    }
    if (lit !== ch) return false;
    pi++;
    si++;
  }
  return si === s.length;
}

// Go: Match reports ErrBadPattern for a malformed remainder even when the name is exhausted.
function checkRest(p: string[], pi: number): true | null {
  while (pi < p.length) {
    const c = p[pi]!;
    if (c === '[') {
      const cls = parseClass(p, pi + 1);
      if (cls === null) return null;
      pi = cls.end;
    } else if (c === '\\') {
      if (pi + 1 >= p.length) return null;
      pi += 2;
    } else pi++;
  }
  return true;
}

function parseClass(
  p: string[],
  start: number,
): { negated: boolean; test: (ch: string) => boolean; end: number } | null {
  let i = start;
  let negated = false;
  if (p[i] === '^') {
    negated = true;
    i++;
  }
  const ranges: [number, number][] = [];
  let first = true;
  for (;;) {
    if (i >= p.length) return null;
    if (p[i] === ']' && !first) {
      i++;
      break;
    }
    first = false;
    const lo = classChar(p, i);
    if (lo === null) return null;
    i = lo.next;
    let hi = lo.cp;
    if (p[i] === '-') {
      const h = classChar(p, i + 1);
      if (h === null) return null;
      hi = h.cp;
      i = h.next;
    }
    ranges.push([lo.cp, hi]);
  }
  return {
    negated,
    end: i,
    test: (ch) => {
      const cp = ch.codePointAt(0)!;
      return ranges.some(([lo, hi]) => lo <= cp && cp <= hi);
    },
  };
}

function classChar(p: string[], i: number): { cp: number; next: number } | null {
  let c = p[i];
  if (c === undefined || c === '-' || c === ']') return null;
  if (c === '\\') {
    i++;
    c = p[i];
    if (c === undefined) return null;
  }
  return { cp: c.codePointAt(0)!, next: i + 1 };
}
