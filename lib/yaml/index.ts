/**
 * YAML, JSON and TOML exactly as Helm reads and prints them: values files (yaml.v2 + the
 * sigs.k8s.io/yaml JSON round trip), `toYaml`/`toYamlPretty`/`toJson`/`fromYaml`/`fromJson`…
 */
import { GoError, GoMap, type GoValue, stringBytes } from '../go';
import { emitYaml } from './emit';
import { YamlError } from './errors';
import {
  decodeJsonPartial,
  decodeJson as decodeJsonValue,
  type EncodeJsonOptions,
  encodeJson as encodeJsonValue,
  jsonKind,
  jsonTopKind,
} from './json';
import { checkDocument, decodeDocuments, unmarshalError } from './parse';
import { type YamlShape, yamlShape } from './shape';
import { jsonNode, prettyNode } from './to-yaml';

export { YamlError } from './errors';
export { type EncodeJsonOptions, jsonString } from './json';
export { isBase60Float, type Resolved, resolveScalar } from './resolve';
export { type ReshapeResult, reshape, type YamlShape } from './shape';
export { naturalCompare, naturalLess } from './sort';
export { decodeToml, encodeToml, fromToml, TomlDateTime, TomlError, toToml } from './toml';

/** Chunk is one document of a values file as k8s.io's YAMLReader cuts it, with its first line. */
interface Chunk {
  text: string;
  line: number;
}

/**
 * splitYamlReader cuts a stream at lines starting with `---` as k8s.io/apimachinery's YAMLReader
 * does (Helm v4 reads values files with it): anything but a comment after `---` is an error, and a
 * `---` that ends no document (the stream's first line) is kept as the first line of the next one.
 */
function splitYamlReader(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let buf = '';
  let bufLine = 0;
  let line = 0;
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl + 1;
    const l = text.slice(pos, end);
    if (l.startsWith('---')) {
      const rest = l.slice(3).trim();
      if (rest.length > 0 && rest[0] !== '#') {
        throw new YamlError(`invalid Yaml document separator: ${rest}`, {
          line: line + 1,
          column: 4,
          stage: 'error reading yaml document',
        });
      }
      if (buf.length > 0) {
        chunks.push({ text: buf, line: bufLine });
        buf = '';
        pos = end;
        line++;
        continue;
      }
      // Go: a separator with nothing before it stays in the document it opens (its lines count).
    }
    if (buf.length === 0) bufLine = line;
    buf += l;
    pos = end;
    line++;
  }
  if (buf.length > 0) chunks.push({ text: buf, line: bufLine });
  return chunks;
}

/**
 * utf8ReaderProblem returns the error go-yaml's reader (readerc.go) reports for a document that is not
 * valid UTF-8 (raw bytes are kept as U+DC80–U+DCFF escapes in our strings), or undefined.
 */
export function utf8ReaderProblem(text: string): string | undefined {
  if (!/[\uDC80-\uDCFF]/.test(text)) return undefined;
  const b = stringBytes(text);
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const w =
      (c & 0x80) === 0 ? 1 : (c & 0xe0) === 0xc0 ? 2 : (c & 0xf0) === 0xe0 ? 3 : (c & 0xf8) === 0xf0 ? 4 : 0;
    if (w === 0) return 'invalid leading UTF-8 octet';
    if (i + w > b.length) return 'incomplete UTF-8 octet sequence';
    let v = w === 1 ? c : w === 2 ? c & 0x1f : w === 3 ? c & 0x0f : c & 0x07;
    for (let k = 1; k < w; k++) {
      const t = b[i + k]!;
      if ((t & 0xc0) !== 0x80) return 'invalid trailing UTF-8 octet';
      v = (v << 6) | (t & 0x3f);
    }
    if (!(w === 1 || (w === 2 && v >= 0x80) || (w === 3 && v >= 0x800) || (w === 4 && v >= 0x10000))) {
      return 'invalid length of a UTF-8 sequence';
    }
    if ((v >= 0xd800 && v <= 0xdfff) || v > 0x10ffff) return 'invalid Unicode character';
    i += w;
  }
  return undefined;
}

/** firstDocument decodes a text the way sigs.k8s.io/yaml.Unmarshal does: only its first document. */
function firstDocument(text: string, lineOffset = 0, keepInts = false): GoValue {
  // Go: yaml.v2's reader rejects a document that is not UTF-8 before parsing it.
  const problem = utf8ReaderProblem(text);
  if (problem !== undefined) throw new YamlError(`error converting YAML to JSON: yaml: ${problem}`);
  const d = decodeDocuments(text, lineOffset, true, keepInts)[0];
  return d ? checkDocument(d, lineOffset) : null;
}

function asMap(v: GoValue, target = 'map[string]interface {}'): GoMap {
  if (v === null) return new GoMap();
  if (!(v instanceof GoMap)) throw unmarshalError(jsonKind(v), target);
  return v;
}

/** mergeMaps is Helm v4's loader.MergeMaps: maps merged recursively, anything else replaced. */
function mergeMaps(a: GoMap, b: GoMap): GoMap {
  for (const [k, v] of b) {
    const old = a.get(k);
    if (v instanceof GoMap && old instanceof GoMap) a.set(k, mergeMaps(old, v));
    else a.set(k, v);
  }
  return a;
}

/**
 * parseValues reads a values file as Helm v4 does (yaml.v2 YAML 1.1 resolution, JSON round trip:
 * every number float64, keys strings; several documents deep-merged). Throws {@link YamlError}
 * whose message is Helm's text after `cannot unmarshal yaml document: ` (see `helmMessage`).
 */
export function parseValues(text: string): GoMap {
  let values = new GoMap();
  for (const chunk of splitYamlReader(text)) {
    // Go: k8s.io's LineReader hands every line over with its newline.
    const v = firstDocument(chunk.text.endsWith('\n') ? chunk.text : chunk.text + '\n', chunk.line);
    values = mergeMaps(values, asMap(v));
  }
  return values;
}

/**
 * yamlToGo converts one YAML document as sigs.k8s.io/yaml.Unmarshal into interface{} does
 * (numbers float64); throws YamlError. With `keepInts`, integers stay int64/uint64 {@link GoInt}s,
 * as yaml.v2 decoded them before the JSON step: what decoding into a struct's string field needs
 * (sigs.k8s.io/yaml prints ints exactly and floats with 32-bit `%g`: `1.10` → `1.1`, `1e7` → `1e+07`).
 */
export function yamlToGo(text: string, opts: { keepInts?: boolean } = {}): GoValue {
  return firstDocument(text, 0, opts.keepInts ?? false);
}

/**
 * yamlToGoShaped is {@link yamlToGo} (numbers float64) that also returns the document's shape, when it
 * has one (see lib/yaml/shape.ts): a later text of the same shape can be read with {@link reshape}.
 */
export function yamlToGoShaped(text: string): { value: GoValue; shape: YamlShape | undefined } {
  let shape: YamlShape | undefined;
  const d = decodeDocuments(text, 0, true, false, (events) => {
    shape = yamlShape(text, events);
  })[0];
  // A document whose conversion fails has no shape: only texts that read without error are shaped.
  const value = d ? checkDocument(d, 0) : null;
  return { value, shape: d ? shape : undefined };
}

/** yamlDocuments decodes every document of a YAML stream as {@link yamlToGo} decodes one. */
export function yamlDocuments(text: string): GoValue[] {
  return decodeDocuments(text).map((d) => checkDocument(d));
}

/** marshalYaml is sigs.k8s.io/yaml.Marshal (JSON round trip + yaml.v2, trailing newline); throws GoError. */
export function marshalYaml(v: GoValue): string {
  let node: ReturnType<typeof jsonNode>;
  try {
    node = jsonNode(v);
  } catch (e) {
    if (e instanceof GoError && e.message.startsWith('json:')) {
      throw new GoError(`error marshaling into JSON: ${e.message}`);
    }
    throw e;
  }
  return emitYaml(node);
}

/** toYaml is Helm's toYaml: {@link marshalYaml} with one trailing newline removed, '' on error. */
export function toYaml(v: GoValue): string {
  let out: string;
  try {
    out = marshalYaml(v);
  } catch (e) {
    if (e instanceof GoError) return '';
    throw e;
  }
  return out.endsWith('\n') ? out.slice(0, -1) : out;
}

/** toYamlPretty is Helm's toYamlPretty: yaml.v3's encoder with indent 2, no JSON round trip, trailing newline removed. */
export function toYamlPretty(v: GoValue): string {
  let out: string;
  try {
    out = emitYaml(prettyNode(v), { v3: true });
  } catch (e) {
    if (e instanceof GoError) return '';
    throw e;
  }
  return out.endsWith('\n') ? out.slice(0, -1) : out;
}

function errorText(e: unknown): string {
  if (e instanceof YamlError || e instanceof GoError) return e.message;
  throw e;
}

/** fromYaml is Helm's fromYaml: a map, or `map[Error:<message>]` when the text is not a YAML mapping. */
export function fromYaml(s: string): GoMap {
  try {
    return asMap(yamlToGo(s));
  } catch (e) {
    return new GoMap([['Error', errorText(e)]]);
  }
}

/** fromYamlArray is Helm's fromYamlArray: a list, or `[<message>]` on failure. */
export function fromYamlArray(s: string): GoValue[] {
  try {
    const v = yamlToGo(s);
    if (v === null) return [];
    if (!Array.isArray(v)) throw unmarshalError(jsonKind(v), '[]interface {}');
    return v;
  } catch (e) {
    return [errorText(e)];
  }
}

/** encodeJson is Go's encoding/json Marshal (sorted keys, HTML escaping unless disabled, Go floats, base64 []byte); throws GoError. */
export function encodeJson(v: GoValue, opts?: EncodeJsonOptions): string {
  return encodeJsonValue(v, opts);
}

/** decodeJson is Go's json.Unmarshal into interface{} (numbers float64); throws GoError with Go's texts. */
export function decodeJson(text: string): GoValue {
  return decodeJsonValue(text);
}

/** fromJson is Helm's fromJson: a map, or `map[Error:<message>]` (next to what was decoded, as Go leaves it). */
export function fromJson(s: string): GoMap {
  try {
    const kind = jsonTopKind(s);
    const { value, error } = decodeJsonPartial(s);
    if (kind !== 'object' && kind !== 'null') {
      throw new GoError(`json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`);
    }
    const m = value instanceof GoMap ? value : new GoMap();
    if (error) m.set('Error', error.message);
    return m;
  } catch (e) {
    return new GoMap([['Error', errorText(e)]]);
  }
}

/** fromJsonArray is Helm's fromJsonArray: a list, or `[<message>]`. */
export function fromJsonArray(s: string): GoValue[] {
  try {
    const kind = jsonTopKind(s);
    const { value, error } = decodeJsonPartial(s);
    if (kind !== 'array' && kind !== 'null') {
      throw new GoError(`json: cannot unmarshal ${kind} into Go value of type []interface {}`);
    }
    if (error) throw error;
    return Array.isArray(value) ? value : [];
  } catch (e) {
    return [errorText(e)];
  }
}
