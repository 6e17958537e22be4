/**
 * Go values to emitter nodes: through encoding/json's rules for yaml.v2 (`toYaml`,
 * sigs.k8s.io/yaml.Marshal) and directly for yaml.v3 (`toYamlPretty`).
 */
import { base64Encode, formatFloat, GoError, GoInt, GoMap, GoObject, type GoValue, goTypeName } from '../go';
import type { ENode } from './emit';

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/** jsonNumberNode is how yaml.v2 prints a float64 after json.Marshal wrote it and yaml re-read it. */
function jsonNumberNode(f: number): ENode {
  if (Number.isNaN(f)) throw new GoError('json: unsupported value: NaN');
  if (!Number.isFinite(f)) throw new GoError(`json: unsupported value: ${f > 0 ? '+Inf' : '-Inf'}`);
  // Go: json writes integral values below 1e21 as their shortest digits padded with zeros
  // (2^63 → 9223372036854776000); yaml.v2 reads that text back as an int when it fits 64 bits.
  if (Number.isInteger(f) && Math.abs(f) < 1e21) {
    const n = BigInt(Object.is(f, -0) ? '0' : String(f));
    if (n >= INT64_MIN && n <= UINT64_MAX) return { kind: 'plain', text: n.toString() };
  }
  return { kind: 'plain', text: formatFloat(f, 'g', -1, 64) };
}

/** badForYamlReader matches characters json.Marshal leaves raw that yaml.v2's reader rejects. */
const badForYamlReader = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

/** jsonStringNode applies the JSON round trip to a string: invalid UTF-16 → U+FFFD, NEL folding. */
function jsonStringNode(s: string): ENode {
  if (badForYamlReader.test(s)) throw new GoError('yaml: control characters are not allowed');
  let t = s;
  if (/[\ud800-\udfff]/.test(t)) {
    t = t.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  }
  if (t.includes('\u0085')) {
    // Go (yaml.v2): inside the JSON's double-quoted scalar a raw NEL is a line break, folded like
    // YAML line breaks: surrounding spaces dropped, one break → space, n breaks → n-1 newlines.
    t = t.replace(/ *\u0085[ \u0085]*/g, (run) => {
      const n = run.split('\u0085').length - 1;
      return n === 1 ? ' ' : '\n'.repeat(n - 1);
    });
  }
  return { kind: 'str', text: t };
}

/** jsonNode converts a Go value the way json.Marshal → yaml.v2 Unmarshal sees it; throws GoError. */
export function jsonNode(v: GoValue): ENode {
  if (v === null) return { kind: 'plain', text: 'null' };
  switch (typeof v) {
    case 'string':
      return jsonStringNode(v);
    case 'boolean':
      return { kind: 'plain', text: v ? 'true' : 'false' };
    case 'number':
      return jsonNumberNode(v);
  }
  if (v instanceof GoInt) return { kind: 'plain', text: v.value.toString() };
  if (Array.isArray(v)) return { kind: 'seq', items: v.map(jsonNode) };
  if (v instanceof GoMap) {
    // Go: the JSON step writes a nil map as null.
    if (v.isNil) return { kind: 'plain', text: 'null' };
    const entries = new Map<string, ENode>();
    for (const [k, x] of v) {
      // Go (yaml.v2): a raw NEL makes the JSON key a multi-line simple key, which fails to parse.
      if (k.includes('\u0085')) throw new GoError("yaml: could not find expected ':'");
      const key = jsonStringNode(k);
      entries.set(key.kind === 'str' ? key.text : k, jsonNode(x));
    }
    return { kind: 'map', entries };
  }
  if (v instanceof Uint8Array) return { kind: 'str', text: base64Encode(v) };
  if (v instanceof GoObject) return jsonNode(v.toJSONValue());
  throw new GoError(`json: unsupported type: ${goTypeName(v)}`);
}

/** prettyNode converts a Go value the way yaml.v3's encoder marshals it (no JSON round trip). */
export function prettyNode(v: GoValue): ENode {
  if (v === null) return { kind: 'plain', text: 'null' };
  switch (typeof v) {
    case 'string':
      return { kind: 'str', text: v };
    case 'boolean':
      return { kind: 'plain', text: v ? 'true' : 'false' };
    case 'number': {
      if (Number.isNaN(v)) return { kind: 'plain', text: '.nan' };
      if (!Number.isFinite(v)) return { kind: 'plain', text: v > 0 ? '.inf' : '-.inf' };
      return { kind: 'plain', text: formatFloat(v, 'g', -1, 64) };
    }
  }
  if (v instanceof GoInt) return { kind: 'plain', text: v.value.toString() };
  if (Array.isArray(v)) return { kind: 'seq', items: v.map(prettyNode) };
  if (v instanceof GoMap) {
    const entries = new Map<string, ENode>();
    for (const [k, x] of v) entries.set(k, prettyNode(x));
    return { kind: 'map', entries };
  }
  if (v instanceof Uint8Array)
    return { kind: 'seq', items: [...v].map((b) => ({ kind: 'plain', text: String(b) })) };
  if (v instanceof GoObject) return prettyNode(v.toJSONValue());
  throw new GoError(`cannot marshal type: ${goTypeName(v)}`);
}
