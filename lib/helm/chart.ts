import { formatFloat, GoError, GoInt, GoMap, type GoValue, quoteString, stringFromBytes } from '@/lib/go';
import { parseVersion } from '@/lib/sprig';
import { parseValues, YamlError, yamlToGo } from '@/lib/yaml';
import { readArchive } from './archive';
import { HelmError } from './errors';
import { HelmIgnore, isPathIgnored } from './helmignore';

/** ChartFile is one file of a chart: its path relative to the chart root (`/`-separated) and bytes. */
export interface ChartFile {
  path: string;
  data: Uint8Array;
}

/** ChartMaintainer is one entry of Chart.yaml `maintainers`. */
export interface ChartMaintainer {
  name: string;
  email?: string;
  url?: string;
}

/** ChartDependency is one entry of Chart.yaml `dependencies` (Helm's `chart.Dependency`). */
export interface ChartDependency {
  name: string;
  version?: string;
  repository: string;
  condition?: string;
  tags?: string[];
  enabled?: boolean;
  /** importValues is `import-values`: strings or `{child, parent}` maps, as decoded. */
  importValues?: GoValue[];
  alias?: string;
}

/**
 * ChartMetadata is Helm's `chart.Metadata`, the decoded Chart.yaml. String fields receive YAML
 * scalars stringified the way sigs.k8s.io/yaml does (`1.10` → `"1.1"`, `off` → `"false"`), and
 * are sanitized (whitespace → space, non-printable characters dropped) as Helm's validation does.
 */
export interface ChartMetadata {
  apiVersion: string;
  name: string;
  version: string;
  appVersion?: string;
  kubeVersion?: string;
  description?: string;
  type?: string;
  keywords?: string[];
  home?: string;
  sources?: string[];
  maintainers?: ChartMaintainer[];
  icon?: string;
  deprecated?: boolean;
  annotations?: Record<string, string>;
  condition?: string;
  tags?: string;
  dependencies?: ChartDependency[];
}

/** ChartLock is the decoded Chart.lock (or requirements.lock), kept as a generic value. */
export type ChartLock = GoValue;

/** Chart is a loaded chart: Helm's `chart.Chart` with its subcharts. */
export interface Chart {
  metadata: ChartMetadata;
  /** templates are the files under `templates/`, in load (directory walk) order. */
  templates: ChartFile[];
  /** values is the parsed values.yaml (an empty map when there is none). */
  values: GoMap;
  /** rawValues is the text of values.yaml ('' when there is none). */
  rawValues: string;
  /** schema is the parsed values.schema.json, when it is valid JSON. */
  schema?: unknown;
  /** schemaText is the text of values.schema.json, when the chart has one. */
  schemaText?: string;
  /** files is the `.Files` set: every file that is not Chart.yaml, values.yaml, a template, a subchart… */
  files: ChartFile[];
  /** crds are the files `crds/*.yaml|yml|json` of this chart (not of subcharts). */
  crds: ChartFile[];
  /** dependencies are the subcharts loaded from `charts/` (folders and .tgz archives). */
  dependencies: Chart[];
  /** raw is every file the chart was loaded from (after `.helmignore`), like Helm's `Chart.Raw`. */
  raw: ChartFile[];
  lock?: ChartLock;
  parent?: Chart;
}

/** text is Go's string(data): bytes that are not UTF-8 are kept (as escapes, see stringFromBytes). */
function text(data: Uint8Array): string {
  return stringFromBytes(data);
}

function stripBOM(data: Uint8Array): Uint8Array {
  // Helm: a UTF-8 byte order mark is removed from every chart file.
  if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return data.subarray(3);
  return data;
}

/** compareWalkOrder orders paths as Go's filepath.Walk visits them (each directory sorted by name). */
function compareWalkOrder(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** maxFileSize is Helm's MaxDecompressedFileSize (5 MiB). */
const maxFileSize = 5 * 1024 * 1024;

/**
 * loadChart loads a chart from the files of its folder, as `helm template ./dir` does: the root
 * `.helmignore` (plus the default rule `templates/.?*`) is applied, byte order marks are stripped,
 * Chart.yaml is decoded and validated, values.yaml parsed, and `charts/` subcharts (folders and
 * `.tgz`) are loaded. It throws a HelmError with Helm's message.
 */
export function loadChart(files: ChartFile[]): Chart {
  const chartYaml = files.find((f) => f.path === 'Chart.yaml');
  if (!chartYaml) throw new HelmError('Chart.yaml file is missing');
  checkAPIVersion(stripBOM(chartYaml.data));
  let rules = new HelmIgnore();
  const ignoreFile = files.find((f) => f.path === '.helmignore');
  if (ignoreFile) rules = HelmIgnore.parse(text(ignoreFile.data));
  rules.withDefaults();
  const kept: ChartFile[] = [];
  const dirs = new Map<string, boolean>();
  for (const f of files) {
    if (isPathIgnored(rules, f.path, dirs)) continue;
    if (f.data.length > maxFileSize) {
      const base = f.path.slice(f.path.lastIndexOf('/') + 1);
      throw new HelmError(`chart file "${base}" is larger than the maximum file size ${maxFileSize}`);
    }
    kept.push({ path: f.path, data: stripBOM(f.data) });
  }
  kept.sort((a, b) => compareWalkOrder(a.path, b.path));
  return loadFiles(kept);
}

/**
 * loadArchive loads a chart from the bytes of a chart `.tgz` (one top folder); `.helmignore` is not
 * applied to archives. With `name` (the path as helm shows it) the errors are those of
 * `helm template <name>` (`file '…' does not appear to be a gzipped archive; got '…'`,
 * `unable to load chart archive`); without it, those of Helm's `loader.LoadArchive`
 * (`stream does not appear to be a valid chart file (details: …)`, `unable to load chart archive: …`).
 */
export function loadArchive(tgz: Uint8Array, name?: string): Chart {
  if (name !== undefined) ensureArchive(name, tgz);
  let files: ChartFile[];
  try {
    files = readArchive(tgz);
  } catch (e) {
    if (!(e instanceof HelmError)) throw e;
    const header = e.message === 'gzip: invalid header';
    if (name !== undefined) {
      if (header)
        throw new HelmError(
          `file '${name}' does not appear to be a valid chart file (details: ${e.message})`,
        );
      throw new HelmError('unable to load chart archive');
    }
    if (header)
      throw new HelmError(`stream does not appear to be a valid chart file (details: ${e.message})`);
    throw new HelmError(`unable to load chart archive: ${e.message}`);
  }
  const chartYaml = files.find((f) => f.path === 'Chart.yaml');
  if (!chartYaml) throw new HelmError('unable to detect chart version, no Chart.yaml found');
  checkAPIVersion(chartYaml.data);
  return loadFiles(files);
}

/**
 * ensureArchive is Helm's EnsureArchive: the first 512 bytes (zero-padded, as Helm reads them) must
 * sniff as gzip; otherwise the error names the content type net/http's sniffer reports.
 */
function ensureArchive(name: string, data: Uint8Array): void {
  const head = new Uint8Array(512);
  head.set(data.subarray(0, 512));
  if (head[0] === 0x1f && head[1] === 0x8b && head[2] === 0x08) return;
  if (name.endsWith('.yml') || name.endsWith('.yaml')) {
    throw new HelmError(`file '${name}' seems to be a YAML file, but expected a gzipped archive`);
  }
  throw new HelmError(
    `file '${name}' does not appear to be a gzipped archive; got '${sniffContentType(head)}'`,
  );
}

/** sniffContentType is the common part of Go's http.DetectContentType. */
function sniffContentType(b: Uint8Array): string {
  const starts = (...sig: number[]) => sig.every((x, i) => b[i] === x);
  const ascii = (s: string) => starts(...Array.from(s, (c) => c.charCodeAt(0)));
  if (starts(0xef, 0xbb, 0xbf)) return 'text/plain; charset=utf-8';
  if (starts(0xfe, 0xff)) return 'text/plain; charset=utf-16be';
  if (starts(0xff, 0xfe)) return 'text/plain; charset=utf-16le';
  if (ascii('%PDF-')) return 'application/pdf';
  if (ascii('%!PS-Adobe-')) return 'application/postscript';
  if (ascii('GIF87a') || ascii('GIF89a')) return 'image/gif';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (ascii('BM')) return 'image/bmp';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'application/zip';
  if (ascii('Rar!\x1A\x07')) return 'application/x-rar-compressed';
  if (starts(0x00, 0x61, 0x73, 0x6d)) return 'application/wasm';
  let i = 0;
  while (i < b.length && [0x09, 0x0a, 0x0c, 0x0d, 0x20].includes(b[i] as number)) i++;
  const rest = new TextDecoder('latin1').decode(b.subarray(i, i + 16)).toLowerCase();
  if (rest.startsWith('<?xml')) return 'text/xml; charset=utf-8';
  if (
    /^<(!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--)[ >]/.test(rest)
  ) {
    return 'text/html; charset=utf-8';
  }
  // Go: bytes 0x00-0x08, 0x0B, 0x0E-0x1A and 0x1C-0x1F make the data binary.
  for (const c of b) {
    if (c <= 0x08 || c === 0x0b || (c >= 0x0e && c <= 0x1a) || (c >= 0x1c && c <= 0x1f)) {
      return 'application/octet-stream';
    }
  }
  return 'text/plain; charset=utf-8';
}

/** checkAPIVersion reproduces Helm 4's dispatch on Chart.yaml `apiVersion` before loading. */
function checkAPIVersion(data: Uint8Array): void {
  const doc = decodeYaml('Chart.yaml', data);
  const api = decodeStruct(doc, 'loader.chartBase', '', { apiVersion: 'string' }).apiVersion ?? '';
  if (api === 'v1' || api === 'v2' || api === '') return;
  // Helm: v3 charts load through a separate loader that `helm template` (v4.1.4) then refuses.
  if (api === 'v3') throw new HelmError('invalid chart apiVersion');
  throw new HelmError('unsupported chart version');
}

function decodeYaml(name: string, data: Uint8Array): GoValue {
  try {
    return yamlToGo(text(data));
  } catch (e) {
    if (!(e instanceof YamlError)) throw e;
    throw new HelmError(`cannot load ${name}: ${e.message}`);
  }
}

/**
 * loadFiles is Helm's `loader.LoadFiles`: it sorts already-filtered chart files into a Chart
 * and loads its subcharts. It throws a HelmError with Helm's message.
 */
export function loadFiles(files: ChartFile[]): Chart {
  const chartYaml = files.find((f) => f.path === 'Chart.yaml');
  if (!chartYaml) throw new HelmError('Chart.yaml file is missing');
  const metadata = decodeMetadata(decodeYaml('Chart.yaml', chartYaml.data), emptyMetadata());
  if (metadata.apiVersion === '') metadata.apiVersion = 'v1';
  const c: Chart = {
    metadata,
    templates: [],
    values: new GoMap(),
    rawValues: '',
    files: [],
    crds: [],
    dependencies: [],
    raw: files,
  };
  const subcharts = new Map<string, ChartFile[]>();
  for (const f of files) {
    const p = f.path;
    if (p === 'Chart.yaml') continue;
    if (p === 'Chart.lock') {
      c.lock = decodeYaml('Chart.lock', f.data);
    } else if (p === 'values.yaml') {
      c.rawValues = text(f.data);
      try {
        c.values = parseValues(c.rawValues);
      } catch (e) {
        if (!(e instanceof YamlError)) throw e;
        throw new HelmError(`cannot load values.yaml: ${e.helmMessage}`);
      }
    } else if (p === 'values.schema.json') {
      c.schemaText = text(f.data);
      try {
        c.schema = JSON.parse(c.schemaText);
      } catch {
        c.schema = undefined;
      }
    } else if (p === 'requirements.yaml') {
      // Helm: requirements.yaml (apiVersion v1) is decoded over the metadata.
      c.metadata = decodeMetadata(decodeYaml('requirements.yaml', f.data), c.metadata);
      if (c.metadata.apiVersion === 'v1') c.files.push(f);
    } else if (p === 'requirements.lock') {
      c.lock = decodeYaml('requirements.lock', f.data);
      if (c.metadata.apiVersion === 'v1') c.files.push(f);
    } else if (p.startsWith('templates/')) {
      c.templates.push(f);
    } else if (p.startsWith('charts/')) {
      if (extName(p) === '.prov') {
        c.files.push(f);
        continue;
      }
      const rest = p.slice('charts/'.length);
      const slash = rest.indexOf('/');
      const cname = slash < 0 ? rest : rest.slice(0, slash);
      let list = subcharts.get(cname);
      if (!list) subcharts.set(cname, (list = []));
      list.push({ path: rest, data: f.data });
    } else {
      c.files.push(f);
    }
  }
  validateMetadata(c.metadata);
  c.crds = c.files.filter((f) => f.path.startsWith('crds/') && hasManifestExtension(f.path));
  // Helm iterates a Go map here (random order); name order keeps our output deterministic.
  for (const n of [...subcharts.keys()].sort()) {
    const sfiles = subcharts.get(n) as ChartFile[];
    if (n.startsWith('_') || n.startsWith('.')) continue;
    let sc: Chart;
    try {
      if (extName(n) === '.tgz') {
        const file = sfiles[0] as ChartFile;
        if (file.path !== n) {
          throw new HelmError(
            `error unpacking subchart tar in ${c.metadata.name}: expected ${n}, got ${file.path}`,
          );
        }
        sc = loadFiles(readArchive(file.data));
      } else {
        const buff: ChartFile[] = [];
        for (const f of sfiles) {
          const i = f.path.indexOf('/');
          if (i < 0) continue;
          buff.push({ path: f.path.slice(i + 1), data: f.data });
        }
        sc = loadFiles(buff);
      }
    } catch (e) {
      if (e instanceof HelmError && e.message.startsWith('error unpacking subchart tar in')) throw e;
      if (!(e instanceof HelmError)) throw e;
      throw new HelmError(`error unpacking subchart ${n} in ${c.metadata.name}: ${e.message}`);
    }
    sc.parent = c;
    c.dependencies.push(sc);
  }
  return c;
}

/** extName is Go's `filepath.Ext`. */
function extName(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) {
    if (p[i] === '.') return p.slice(i);
  }
  return '';
}

function hasManifestExtension(p: string): boolean {
  const ext = extName(p).toLowerCase();
  return ext === '.yaml' || ext === '.yml' || ext === '.json';
}

function emptyMetadata(): ChartMetadata {
  return { apiVersion: '', name: '', version: '' };
}

// ---- Decoding YAML into Helm's Go structs (sigs.k8s.io/yaml + encoding/json rules) ----

type FieldType =
  | 'string'
  | 'bool'
  | '[]string'
  | 'map[string]string'
  | '[]interface {}'
  | { list: string; fields: Record<string, FieldType> };

const maintainerFields: Record<string, FieldType> = { name: 'string', email: 'string', url: 'string' };
const dependencyFields: Record<string, FieldType> = {
  name: 'string',
  version: 'string',
  repository: 'string',
  condition: 'string',
  tags: '[]string',
  enabled: 'bool',
  'import-values': '[]interface {}',
  alias: 'string',
};
const metadataFields: Record<string, FieldType> = {
  name: 'string',
  home: 'string',
  sources: '[]string',
  version: 'string',
  description: 'string',
  keywords: '[]string',
  maintainers: { list: 'v2.Maintainer', fields: maintainerFields },
  icon: 'string',
  apiVersion: 'string',
  condition: 'string',
  tags: 'string',
  appVersion: 'string',
  deprecated: 'bool',
  annotations: 'map[string]string',
  kubeVersion: 'string',
  dependencies: { list: 'v2.Dependency', fields: dependencyFields },
  type: 'string',
};

/** jsonKind is the JSON type name encoding/json puts in its unmarshal errors. */
function jsonKind(v: GoValue): string {
  if (v instanceof GoMap) return 'object';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return 'number';
}

class UnmarshalError extends HelmError {}

function fieldError(v: GoValue, struct: string, path: string, type: string): UnmarshalError {
  return new UnmarshalError(
    `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go struct field ${struct}.${path} of type ${type}`,
  );
}

/** scalarString converts a YAML scalar bound for a Go string field as sigs.k8s.io/yaml does. */
function scalarString(v: GoValue): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  // Helm (sigs.k8s.io/yaml): integers print exactly, floats with 32-bit %g. Our YAML values carry
  // float64 only, so an integral number is taken for an integer literal (`1.0` prints `1` both ways).
  if (v instanceof GoInt) return v.value.toString();
  if (typeof v === 'number') {
    if (Number.isSafeInteger(v)) return String(v);
    return formatFloat(v, 'g', -1, 32);
  }
  return undefined;
}

function decodeField(v: GoValue, t: FieldType, struct: string, path: string): unknown {
  if (v === null) return undefined;
  if (t === 'string') {
    const s = scalarString(v);
    if (s === undefined) throw fieldError(v, struct, path, 'string');
    return s;
  }
  if (t === 'bool') {
    if (typeof v !== 'boolean') throw fieldError(v, struct, path, 'bool');
    return v;
  }
  if (t === '[]interface {}') {
    if (!Array.isArray(v)) throw fieldError(v, struct, path, '[]interface {}');
    return v;
  }
  if (t === '[]string') {
    if (!Array.isArray(v)) throw fieldError(v, struct, path, '[]string');
    return v.map((e) => {
      const s = e === null ? '' : scalarString(e);
      if (s === undefined) throw fieldError(e, struct, path, 'string');
      return s;
    });
  }
  if (t === 'map[string]string') {
    if (!(v instanceof GoMap)) throw fieldError(v, struct, path, 'map[string]string');
    const out: Record<string, string> = {};
    for (const [k, e] of v) {
      const s = e === null ? '' : scalarString(e);
      if (s === undefined) throw fieldError(e, struct, path, 'string');
      out[k] = s;
    }
    return out;
  }
  if (!Array.isArray(v)) throw fieldError(v, struct, path, `[]*${t.list}`);
  const elemStruct = t.list.slice(t.list.indexOf('.') + 1);
  return v.map((e) => {
    if (e === null) return null;
    if (!(e instanceof GoMap)) throw fieldError(e, struct, path, t.list);
    return decodeStruct(e, elemStruct, `${path}.`, t.fields);
  });
}

function decodeStruct(
  v: GoValue,
  goType: string,
  prefix: string,
  fields: Record<string, FieldType>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (v === null) return out;
  if (!(v instanceof GoMap)) {
    throw new UnmarshalError(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(v)} into Go value of type ${goType}`,
    );
  }
  const struct = goType.slice(goType.indexOf('.') + 1);
  for (const [k, e] of v) {
    // Go: encoding/json matches field names case-insensitively when there is no exact match.
    const name = k in fields ? k : Object.keys(fields).find((f) => f.toLowerCase() === k.toLowerCase());
    if (name === undefined) continue;
    const t = fields[name] as FieldType;
    const decoded = decodeField(e, t, struct, `${prefix}${name}`);
    if (decoded !== undefined || e === null) out[name] = decoded;
  }
  return out;
}

function decodeMetadata(doc: GoValue, into: ChartMetadata): ChartMetadata {
  let raw: Record<string, unknown>;
  try {
    raw = decodeStruct(doc, 'v2.Metadata', '', metadataFields);
  } catch (e) {
    if (e instanceof UnmarshalError) throw new HelmError(`cannot load Chart.yaml: ${e.message}`);
    throw e;
  }
  const md: ChartMetadata = { ...into };
  const rec = md as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(raw)) {
    if (k === 'maintainers') {
      md.maintainers = (v as (Record<string, unknown> | null)[] | undefined)?.map((m) =>
        m === null ? (null as unknown as ChartMaintainer) : (m as unknown as ChartMaintainer),
      );
    } else if (k === 'dependencies') {
      md.dependencies = (v as (Record<string, unknown> | null)[] | undefined)?.map((d) => {
        if (d === null) return null as unknown as ChartDependency;
        const { 'import-values': iv, ...rest } = d;
        const dep = { name: '', repository: '', ...rest } as ChartDependency;
        if (iv !== undefined) dep.importValues = iv as GoValue[];
        return dep;
      });
    } else if (v === undefined) {
      // Go: a JSON null leaves a string or bool field as it was and clears a slice or map.
      if (metadataFields[k] !== 'string' && metadataFields[k] !== 'bool') delete rec[k];
    } else {
      rec[k] = v;
    }
  }
  return md;
}

// ---- Validation (Helm's Metadata.Validate) ----

/** sanitizeString is Helm's: every Unicode space becomes ' ', non-printable characters are dropped. */
function sanitizeString(s: string): string {
  // Go: unicode.IsSpace (Latin-1 spaces and the White_Space property; not U+FEFF).
  return s
    .replace(/[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/gu, ' ')
    .replace(/[^\p{L}\p{M}\p{N}\p{P}\p{S} ]/gu, '');
}

/** isValidSemver reports whether Masterminds semver v3.4 `NewVersion` (coercing mode) accepts v. */
export function isValidSemver(v: string): boolean {
  try {
    parseVersion(v);
    return true;
  } catch (e) {
    if (e instanceof GoError) return false;
    throw e;
  }
}

const aliasNameFormat = /^[a-zA-Z0-9_-]+$/;

function validation(msg: string): HelmError {
  return new HelmError(`validation: ${msg}`);
}

/** goQuote is Go's %q, used by Helm's validation messages. */
function goQuote(s: string): string {
  return quoteString(s);
}

/**
 * validateMetadata is Helm's `Metadata.Validate`: it sanitizes string fields in place and throws a
 * HelmError (`validation: chart.metadata.name is required`, …) for invalid metadata.
 */
export function validateMetadata(md: ChartMetadata): void {
  md.name = sanitizeString(md.name);
  for (const k of [
    'description',
    'home',
    'icon',
    'condition',
    'tags',
    'appVersion',
    'kubeVersion',
  ] as const) {
    const v = md[k];
    if (v !== undefined) md[k] = sanitizeString(v);
  }
  if (md.sources) md.sources = md.sources.map(sanitizeString);
  if (md.keywords) md.keywords = md.keywords.map(sanitizeString);
  if (md.apiVersion === '') throw validation('chart.metadata.apiVersion is required');
  if (md.name === '') throw validation('chart.metadata.name is required');
  if (md.name === '.' || md.name === '..')
    throw validation(`chart.metadata.name ${goQuote(md.name)} is not allowed`);
  const trimmed = md.name.replace(/\/+$/, '');
  const base = trimmed === '' ? '/' : trimmed.slice(trimmed.lastIndexOf('/') + 1);
  if (md.name !== base) throw validation(`chart.metadata.name ${goQuote(md.name)} is invalid`);
  if (md.version === '') throw validation('chart.metadata.version is required');
  if (!isValidSemver(md.version))
    throw validation(`chart.metadata.version ${goQuote(md.version)} is invalid`);
  if (md.type !== undefined && md.type !== '' && md.type !== 'application' && md.type !== 'library') {
    throw validation('chart.metadata.type must be application or library');
  }
  for (const m of md.maintainers ?? []) {
    if (m === null) throw validation('maintainers must not contain empty or null nodes');
    m.name = sanitizeString(m.name ?? '');
    if (m.email !== undefined) m.email = sanitizeString(m.email);
    if (m.url !== undefined) m.url = sanitizeString(m.url);
  }
  const seen = new Set<string>();
  for (const d of md.dependencies ?? []) {
    if (d === null) throw validation('dependencies must not contain empty or null nodes');
    d.name = sanitizeString(d.name);
    if (d.version !== undefined) d.version = sanitizeString(d.version);
    d.repository = sanitizeString(d.repository);
    if (d.condition !== undefined) d.condition = sanitizeString(d.condition);
    if (d.tags) d.tags = d.tags.map(sanitizeString);
    if (d.alias && !aliasNameFormat.test(d.alias)) {
      throw validation(`dependency ${goQuote(d.name)} has disallowed characters in the alias`);
    }
    const key = d.alias ? d.alias : d.name;
    if (seen.has(key)) throw validation(`more than one dependency with name or alias ${goQuote(key)}`);
    seen.add(key);
  }
}

/** chartFullPath is Helm's `ChartFullPath`: `root/charts/sub/charts/subsub`. */
export function chartFullPath(c: Chart): string {
  return c.parent ? `${chartFullPath(c.parent)}/charts/${c.metadata.name}` : c.metadata.name;
}
