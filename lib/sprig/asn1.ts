/** Minimal ASN.1 DER encoding/decoding and PEM framing for keys and X.509 certificates. */
import { base64Encode } from '../go';
import { base64Decode } from './encoding';

/** Der is an encoded DER element. */
export type Der = Uint8Array;

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
}

/** tlv encodes one element from its tag byte and contents. */
export function tlv(tag: number, content: Uint8Array): Der {
  const len = lengthBytes(content.length);
  const out = new Uint8Array(1 + len.length + content.length);
  out[0] = tag;
  out.set(len, 1);
  out.set(content, 1 + len.length);
  return out;
}

/** concat joins byte arrays. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** seq encodes a SEQUENCE. */
export const seq = (...items: Der[]): Der => tlv(0x30, concat(...items));
/** set encodes a SET. */
export const set = (...items: Der[]): Der => tlv(0x31, concat(...items));
/** ctx encodes a constructed context-specific tag [n]. */
export const ctx = (n: number, ...items: Der[]): Der => tlv(0xa0 | n, concat(...items));
/** nul encodes NULL. */
export const nul = (): Der => Uint8Array.of(0x05, 0x00);
/** octets encodes an OCTET STRING. */
export const octets = (b: Uint8Array): Der => tlv(0x04, b);
/** bits encodes a BIT STRING with no unused bits. */
export const bits = (b: Uint8Array): Der => tlv(0x03, concat(Uint8Array.of(0), b));
/** bool encodes a BOOLEAN. */
export const bool = (v: boolean): Der => Uint8Array.of(0x01, 0x01, v ? 0xff : 0x00);

/** bigToBytes returns the unsigned big-endian bytes of a non-negative integer (at least one byte). */
export function bigToBytes(v: bigint, size = 0): Uint8Array {
  let hex = v.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const out = Uint8Array.from(hex.match(/../g)!, (h) => parseInt(h, 16));
  if (out.length >= size) return out;
  const padded = new Uint8Array(size);
  padded.set(out, size - out.length);
  return padded;
}

/** bytesToBig reads unsigned big-endian bytes. */
export function bytesToBig(b: Uint8Array): bigint {
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  return v;
}

/** integer encodes a non-negative INTEGER. */
export function integer(v: bigint | number): Der {
  let b = bigToBytes(BigInt(v));
  if (b[0]! & 0x80) b = concat(Uint8Array.of(0), b);
  return tlv(0x02, b);
}

/** oid encodes an OBJECT IDENTIFIER from dotted text. */
export function oid(dotted: string): Der {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [40 * parts[0]! + parts[1]!];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(out));
}

/** text encodes a string as Go's asn1 does: PrintableString when possible, else UTF8String. */
export function text(s: string): Der {
  const printable = /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(s);
  return tlv(printable ? 0x13 : 0x0c, new TextEncoder().encode(s));
}

/** time encodes a validity time: UTCTime before 2050, GeneralizedTime from 2050 (RFC 5280). */
export function time(d: Date): Der {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const y = d.getUTCFullYear();
  const rest = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  if (y >= 1950 && y < 2050) return tlv(0x17, new TextEncoder().encode(`${p(y % 100)}${rest}`));
  return tlv(0x18, new TextEncoder().encode(`${p(y, 4)}${rest}`));
}

/** Node is a decoded DER element. */
export interface Node {
  readonly tag: number;
  /** raw is the whole element (tag, length and contents). */
  readonly raw: Uint8Array;
  readonly content: Uint8Array;
  readonly children: Node[];
}

/** Asn1Error reports malformed DER. */
export class Asn1Error extends Error {}

/** parse decodes one DER element (constructed elements are decoded recursively). */
export function parse(b: Uint8Array, offset = 0): Node {
  const tag = b[offset];
  if (tag === undefined) throw new Asn1Error('asn1: syntax error: data truncated');
  let len = b[offset + 1];
  if (len === undefined) throw new Asn1Error('asn1: syntax error: data truncated');
  let hdr = 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new Asn1Error('asn1: structure error: length too large');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (b[offset + 2 + i] ?? 0);
    hdr += n;
  }
  const end = offset + hdr + len;
  if (end > b.length) throw new Asn1Error('asn1: syntax error: data truncated');
  const content = b.subarray(offset + hdr, end);
  const children: Node[] = [];
  if (tag & 0x20) {
    for (let o = 0; o < content.length; ) {
      const c = parse(content, o);
      children.push(c);
      o += c.raw.length;
    }
  }
  return { tag, raw: b.subarray(offset, end), content, children };
}

/** intOf reads an INTEGER node as a bigint. */
export function intOf(n: Node | undefined): bigint {
  if (n?.tag !== 0x02) throw new Asn1Error("asn1: structure error: tags don't match");
  return bytesToBig(n.content);
}

/** oidOf reads an OBJECT IDENTIFIER node as dotted text. */
export function oidOf(n: Node | undefined): string {
  if (n?.tag !== 0x06) throw new Asn1Error("asn1: structure error: tags don't match");
  const out = [Math.floor(n.content[0]! / 40), n.content[0]! % 40];
  let v = 0;
  for (const x of n.content.subarray(1)) {
    v = v * 128 + (x & 0x7f);
    if (!(x & 0x80)) {
      out.push(v);
      v = 0;
    }
  }
  return out.join('.');
}

/** pemEncode frames DER bytes as a PEM block (64-column base64, trailing newline). */
export function pemEncode(type: string, der: Uint8Array): string {
  const b64 = base64Encode(der).replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${type}-----\n${b64}\n-----END ${type}-----\n`;
}

/** pemDecode returns the first PEM block of a text, or undefined (like pem.Decode's nil). */
export function pemDecode(s: string): { type: string; bytes: Uint8Array } | undefined {
  const m = /-----BEGIN ([^-\n]+)-----\r?\n([\s\S]*?)-----END \1-----/.exec(s);
  if (!m) return undefined;
  try {
    return { type: m[1]!, bytes: base64Decode(m[2]!.replace(/\s+/g, '')) };
  } catch {
    return undefined;
  }
}
