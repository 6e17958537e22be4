import { deflateSync, gunzipSync } from 'fflate';
import { GoMap, type GoValue } from '@/lib/go';
import { marshalYaml } from '@/lib/yaml';
import type { Chart, ChartDependency, ChartFile, ChartMetadata } from './chart';
import { isValidSemver, loadChart, validateMetadata } from './chart';
import { HelmError } from './errors';

/**
 * Chart archives: reading a chart `.tgz` the way Helm's `LoadArchiveFiles` does (path checks, size
 * limits, BOM stripping) and writing one the way `helm package` does (`chartutil.Save`).
 */

/** maxChartSize is Helm's MaxDecompressedChartSize (100 MiB). */
const maxChartSize = 100 * 1024 * 1024;
/** maxFileSize is Helm's MaxDecompressedFileSize (5 MiB). */
const maxFileSize = 5 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

interface TarEntry {
  name: string;
  type: string;
  size: number;
  data: Uint8Array;
}

function cString(block: Uint8Array, off: number, len: number): string {
  let end = off;
  while (end < off + len && block[end] !== 0) end++;
  return utf8.decode(block.subarray(off, end));
}

function octal(block: Uint8Array, off: number, len: number): number {
  // GNU base-256 for large numbers.
  if ((block[off] as number) & 0x80) {
    let n = (block[off] as number) & 0x7f;
    for (let i = off + 1; i < off + len; i++) n = n * 256 + (block[i] as number);
    return n;
  }
  const s = cString(block, off, len).trim();
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new HelmError('archive/tar: invalid tar header');
  return Number.parseInt(s, 8);
}

function parsePax(data: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  const text = utf8.decode(data);
  let i = 0;
  while (i < text.length) {
    const sp = text.indexOf(' ', i);
    if (sp < 0) break;
    const len = Number.parseInt(text.slice(i, sp), 10);
    if (!(len > 0)) break;
    // The length counts bytes; records are ASCII-led, so slice on bytes for safety.
    const recBytes = encoder.encode(text.slice(i));
    const rec = utf8.decode(recBytes.subarray(0, len));
    const body = rec.slice(rec.indexOf(' ') + 1, rec.endsWith('\n') ? -1 : undefined);
    const eq = body.indexOf('=');
    if (eq > 0) out.set(body.slice(0, eq), body.slice(eq + 1));
    i += rec.length;
  }
  return out;
}

/** readTar lists the entries of an uncompressed tar stream, resolving PAX and GNU long names. */
function readTar(tar: Uint8Array): TarEntry[] {
  const out: TarEntry[] = [];
  let off = 0;
  let longName: string | undefined;
  let pax: Map<string, string> | undefined;
  while (off + 512 <= tar.length) {
    const block = tar.subarray(off, off + 512);
    if (block.every((b) => b === 0)) break;
    let name = cString(block, 0, 100);
    const size = octal(block, 124, 12);
    const type = String.fromCharCode(block[156] || 0x30);
    const magic = cString(block, 257, 6);
    if (magic === 'ustar') {
      const prefix = cString(block, 345, 155);
      if (prefix) name = `${prefix}/${name}`;
    }
    const start = off + 512;
    if (start + size > tar.length) throw new HelmError('unexpected EOF');
    const data = tar.subarray(start, start + size);
    off = start + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      pax = parsePax(data);
      continue;
    }
    if (type === 'g') continue;
    if (type === 'L') {
      longName = cString(data, 0, data.length);
      continue;
    }
    if (longName !== undefined) name = longName;
    const paxPath = pax?.get('path');
    if (paxPath !== undefined) name = paxPath;
    const paxSize = pax?.get('size');
    longName = undefined;
    pax = undefined;
    out.push({ name, type, size: paxSize ? Number(paxSize) : size, data });
  }
  return out;
}

/** cleanPath is Go's `path.Clean`. */
function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!rooted) parts.push('..');
      continue;
    }
    parts.push(seg);
  }
  const body = parts.join('/');
  if (rooted) return `/${body}`;
  return body === '' ? '.' : body;
}

function stripBOM(data: Uint8Array): Uint8Array {
  if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return data.subarray(3);
  return data;
}

/**
 * readArchive returns the files of a chart `.tgz` with the top folder removed from every path, as
 * Helm's `LoadArchiveFiles` does (directories skipped, BOM stripped, unsafe paths rejected with
 * Helm's messages).
 */
export function readArchive(tgz: Uint8Array): ChartFile[] {
  // Go: gzip.NewReader reads a 10-byte header first.
  if (tgz.length === 0) throw new HelmError('EOF');
  if (tgz.length < 10) throw new HelmError('unexpected EOF');
  if (tgz[0] !== 0x1f || tgz[1] !== 0x8b || tgz[2] !== 8) throw new HelmError('gzip: invalid header');
  let tar: Uint8Array;
  try {
    tar = gunzipSync(tgz);
  } catch {
    throw new HelmError('unexpected EOF');
  }
  const files: ChartFile[] = [];
  let remaining = maxChartSize;
  for (const hd of readTar(tar)) {
    if (hd.type === '5') continue;
    const delimiter = hd.name.includes('\\') ? '\\' : '/';
    const parts = hd.name.split(delimiter);
    let n = parts.slice(1).join(delimiter).split(delimiter).join('/');
    if (n.startsWith('/')) throw new HelmError('chart illegally contains absolute paths');
    n = cleanPath(n);
    if (n === '.') {
      throw new HelmError(
        `chart illegally contains content outside the base directory: ${JSON.stringify(hd.name)}`,
      );
    }
    if (n.startsWith('..')) throw new HelmError('chart illegally references parent directory');
    if (/^[a-zA-Z]:\//.test(n)) throw new HelmError('chart contains illegally named files');
    if (parts[0] === 'Chart.yaml') throw new HelmError('chart yaml not in base directory');
    if (hd.size > remaining) {
      throw new HelmError(`decompressed chart is larger than the maximum size ${maxChartSize}`);
    }
    if (hd.size > maxFileSize) {
      throw new HelmError(
        `decompressed chart file ${JSON.stringify(hd.name)} is larger than the maximum file size ${maxFileSize}`,
      );
    }
    remaining -= hd.data.length;
    files.push({ path: n, data: stripBOM(hd.data.slice()) });
  }
  if (files.length === 0) throw new HelmError('no files in chart archive');
  return files;
}

// ---- Writing (helm package) ----

/** gzipExtra is the Extra field `helm package` writes into the gzip header. */
const gzipExtra = encoder.encode('+aHR0cHM6Ly95b3V0dS5iZS96OVV6MWljandyTQo=');

let crcTable: Uint32Array | undefined;

function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of data) crc = (crcTable[(crc ^ b) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** gzipHelm wraps data in a gzip member with Helm's header: Extra field, comment `Helm`, mtime 0. */
function gzipHelm(data: Uint8Array): Uint8Array {
  const comment = encoder.encode('Helm');
  const body = deflateSync(data, { level: 6 });
  const header = new Uint8Array(10 + 2 + gzipExtra.length + comment.length + 1);
  header.set([0x1f, 0x8b, 0x08, 0x04 | 0x10, 0, 0, 0, 0, 0, 0xff]);
  header[10] = gzipExtra.length & 0xff;
  header[11] = gzipExtra.length >> 8;
  header.set(gzipExtra, 12);
  header.set(comment, 12 + gzipExtra.length);
  const trailer = new Uint8Array(8);
  const view = new DataView(trailer.buffer);
  view.setUint32(0, crc32(data), true);
  view.setUint32(4, data.length >>> 0, true);
  const out = new Uint8Array(header.length + body.length + 8);
  out.set(header, 0);
  out.set(body, header.length);
  out.set(trailer, header.length + body.length);
  return out;
}

function putString(block: Uint8Array, off: number, len: number, s: string): void {
  const b = encoder.encode(s);
  block.set(b.subarray(0, len), off);
}

function putOctal(block: Uint8Array, off: number, len: number, n: number): void {
  putString(block, off, len - 1, n.toString(8).padStart(len - 1, '0'));
}

/** splitUSTARPath splits a long name into USTAR prefix and name fields, as Go's archive/tar does. */
function splitUSTARPath(name: string): [string, string] | undefined {
  const bytes = encoder.encode(name);
  let length = bytes.length;
  if (length <= 100) return ['', name];
  if (length > 256) return undefined;
  if (length > 156) length = 156;
  else if (bytes[length - 1] === 0x2f) length--;
  const i = name.slice(0, length).lastIndexOf('/');
  const nlen = bytes.length - i - 1;
  const plen = i;
  if (i <= 0 || nlen > 100 || nlen === 0 || plen > 155) return undefined;
  return [name.slice(0, i), name.slice(i + 1)];
}

function tarHeader(name: string, size: number, mtime: number, type: string, prefix: string): Uint8Array {
  const block = new Uint8Array(512);
  putString(block, 0, 100, name);
  putOctal(block, 100, 8, 0o644);
  putOctal(block, 108, 8, 0);
  putOctal(block, 116, 8, 0);
  putOctal(block, 124, 12, size);
  putOctal(block, 136, 12, mtime);
  block.fill(0x20, 148, 156);
  block[156] = type.charCodeAt(0);
  putString(block, 257, 6, 'ustar\0');
  putString(block, 263, 2, '00');
  putOctal(block, 329, 8, 0);
  putOctal(block, 337, 8, 0);
  putString(block, 345, 155, prefix);
  let sum = 0;
  for (const b of block) sum += b;
  // Go: the checksum is six octal digits, a NUL and a space.
  putString(block, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

function tarEntry(name: string, data: Uint8Array, mtime: number): Uint8Array[] {
  const blocks: Uint8Array[] = [];
  const split = splitUSTARPath(name);
  let hname = name;
  let prefix = '';
  if (split) [prefix, hname] = split;
  else {
    // Go: names USTAR cannot hold go into a PAX extended header.
    const rec = (len: number) => `${len} path=${name}\n`;
    let len = encoder.encode(rec(0)).length;
    while (encoder.encode(rec(len)).length !== len) len = encoder.encode(rec(len)).length;
    const pax = encoder.encode(rec(len));
    const paxName = `PaxHeaders.0/${name.slice(name.lastIndexOf('/') + 1)}`.slice(0, 100);
    blocks.push(tarHeader(paxName, pax.length, mtime, 'x', ''), padBlock(pax));
    hname = name.slice(0, 100);
  }
  blocks.push(tarHeader(hname, data.length, mtime, '0', prefix), padBlock(data));
  return blocks;
}

function padBlock(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(data.length / 512) * 512);
  out.set(data);
  return out;
}

/** metadataJSON returns Chart.yaml metadata as Helm marshals it (JSON field names, empty fields omitted). */
function metadataJSON(md: ChartMetadata, dropDependencies: boolean): GoMap {
  const m = new GoMap();
  const str = (k: string, v: string | undefined) => {
    if (v) m.set(k, v);
  };
  str('name', md.name);
  str('home', md.home);
  if (md.sources?.length) m.set('sources', [...md.sources]);
  str('version', md.version);
  str('description', md.description);
  if (md.keywords?.length) m.set('keywords', [...md.keywords]);
  if (md.maintainers?.length) {
    m.set(
      'maintainers',
      md.maintainers.map((x) => {
        const mm = new GoMap();
        if (x.name) mm.set('name', x.name);
        if (x.email) mm.set('email', x.email);
        if (x.url) mm.set('url', x.url);
        return mm;
      }),
    );
  }
  str('icon', md.icon);
  str('apiVersion', md.apiVersion);
  str('condition', md.condition);
  str('tags', md.tags);
  str('appVersion', md.appVersion);
  if (md.deprecated) m.set('deprecated', true);
  if (md.annotations && Object.keys(md.annotations).length > 0) {
    m.set('annotations', new GoMap(Object.entries(md.annotations)));
  }
  str('kubeVersion', md.kubeVersion);
  if (!dropDependencies && md.dependencies?.length)
    m.set('dependencies', md.dependencies.map(dependencyJSON));
  str('type', md.type);
  return m;
}

function dependencyJSON(d: ChartDependency): GoMap {
  const m = new GoMap();
  m.set('name', d.name);
  if (d.version) m.set('version', d.version);
  m.set('repository', d.repository);
  if (d.condition) m.set('condition', d.condition);
  if (d.tags?.length) m.set('tags', [...d.tags]);
  if (d.enabled) m.set('enabled', true);
  if (d.importValues?.length) m.set('import-values', d.importValues as GoValue[]);
  if (d.alias) m.set('alias', d.alias);
  return m;
}

/**
 * chartYaml is Chart.yaml as Helm writes it (`helm package`, `helm show chart`): the metadata
 * marshalled through JSON (field names of Helm's struct tags, empty fields omitted, keys sorted).
 */
export function chartYaml(md: ChartMetadata): string {
  return marshalYaml(metadataJSON(md, false));
}

const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * lockJSON is Chart.lock as Helm re-marshals it (`chart.Lock`): `generated` in RFC 3339 with
 * trailing fractional zeros dropped, `digest`, and `dependencies` with Helm's field names; mtime is
 * the `generated` instant in seconds.
 */
function lockJSON(lock: GoMap): { value: GoMap; mtime?: number } {
  const out = new GoMap();
  const deps = lock.get('dependencies');
  out.set(
    'dependencies',
    Array.isArray(deps)
      ? deps.map((d) => {
          if (!(d instanceof GoMap)) return null;
          const str = (k: string) => {
            const v = d.get(k);
            return v === undefined || v === null ? '' : String(v);
          };
          const tags = d.get('tags');
          const iv = d.get('import-values');
          return dependencyJSON({
            name: str('name'),
            version: str('version'),
            repository: str('repository'),
            condition: str('condition'),
            tags: Array.isArray(tags) ? tags.map((t) => String(t)) : undefined,
            enabled: d.get('enabled') === true,
            importValues: Array.isArray(iv) ? iv : undefined,
            alias: str('alias'),
          });
        })
      : null,
  );
  const digest = lock.get('digest');
  out.set('digest', typeof digest === 'string' ? digest : '');
  const generated = lock.get('generated');
  const m = typeof generated === 'string' ? rfc3339.exec(generated) : null;
  if (!m) {
    out.set('generated', '0001-01-01T00:00:00Z');
    return { value: out };
  }
  const frac = (m[7] ?? '').replace(/0+$/, '').replace(/^\.$/, '');
  const zone = m[8] === 'z' || m[8] === 'Z' ? 'Z' : (m[8] as string);
  out.set('generated', `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${frac}${zone}`);
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return { value: out, mtime: Number.isNaN(ms) ? undefined : Math.floor(ms / 1000) };
}

function chartEntries(c: Chart, prefix: string, mtime: number, out: Uint8Array[]): void {
  const base = `${prefix}${c.metadata.name}`;
  const add = (path: string, data: Uint8Array) => {
    for (const b of tarEntry(`${base}/${path}`, data, mtime)) out.push(b);
  };
  add('Chart.yaml', encoder.encode(marshalYaml(metadataJSON(c.metadata, c.metadata.apiVersion === 'v1'))));
  if (c.metadata.apiVersion === 'v2' && c.lock instanceof GoMap) {
    const lock = lockJSON(c.lock);
    // Helm: the Chart.lock entry carries the lock's `generated` time.
    for (const b of tarEntry(
      `${base}/Chart.lock`,
      encoder.encode(marshalYaml(lock.value)),
      lock.mtime ?? mtime,
    )) {
      out.push(b);
    }
  }
  const values = c.raw.find((f) => f.path === 'values.yaml');
  if (values) add('values.yaml', values.data);
  if (c.schemaText !== undefined) {
    try {
      JSON.parse(c.schemaText);
    } catch {
      throw new HelmError('invalid JSON in values.schema.json');
    }
    const raw = c.raw.find((f) => f.path === 'values.schema.json');
    add('values.schema.json', raw ? raw.data : encoder.encode(c.schemaText));
  }
  for (const f of c.templates) add(f.path, f.data);
  for (const f of c.files) add(f.path, f.data);
  for (const d of c.dependencies) chartEntries(d, `${base}/charts/`, mtime, out);
}

/**
 * writeArchive builds the `.tgz` that `helm package` makes from a chart folder's files: the folder
 * is loaded as Helm loads it (`.helmignore` honoured), `opts.version` replaces the version, and the
 * entries are written under `<name>/` in Helm's order (Chart.yaml re-serialized, Chart.lock,
 * values.yaml, values.schema.json, templates, other files, then each subchart expanded under
 * `charts/<name>/`), mode 0644, uid/gid 0, modification time `opts.mtime` (default now), gzip
 * header with Helm's Extra field and comment. It throws a HelmError for an invalid chart or version.
 */
export function writeArchive(
  chart: ChartFile[],
  opts: { name: string; version: string; mtime?: Date },
): Uint8Array {
  const c = loadChart(chart);
  if (!isValidSemver(opts.version)) {
    throw new HelmError(
      `chart validation: validation: chart.metadata.version ${JSON.stringify(opts.version)} is invalid`,
    );
  }
  c.metadata.version = opts.version;
  c.metadata.name = opts.name;
  validateMetadata(c.metadata);
  const mtime = Math.floor((opts.mtime ?? new Date()).getTime() / 1000);
  const blocks: Uint8Array[] = [];
  chartEntries(c, '', mtime, blocks);
  blocks.push(new Uint8Array(1024));
  let total = 0;
  for (const b of blocks) total += b.length;
  const tar = new Uint8Array(total);
  let off = 0;
  for (const b of blocks) {
    tar.set(b, off);
    off += b.length;
  }
  return gzipHelm(tar);
}
