/** Sprig's encoding functions: base64 and base32 (Go's StdEncoding, padded), with Go's error texts. */
import { base64Encode } from '../go';
import { fromUtf8, strArg, utf8 } from './cast';
import { type FuncMap, goFunc } from './func';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** CorruptInputError is Go's base64.CorruptInputError. */
export class CorruptInputError extends Error {
  constructor(
    readonly offset: number,
    kind: string,
  ) {
    super(`illegal ${kind} data at input byte ${offset}`);
  }
}

/**
 * decodeQuanta decodes Go's padded base-N encodings (4 chars → 3 bytes for base64, 8 → 5 for
 * base32), skipping CR/LF and reporting the first corrupt byte offset as Go does.
 */
function decodeQuanta(
  src: Uint8Array,
  alphabet: string,
  quantum: number,
  bits: number,
  kind: string,
): Uint8Array {
  const map = new Map<number, number>();
  for (let i = 0; i < alphabet.length; i++) map.set(alphabet.charCodeAt(i), i);
  const out: number[] = [];
  let si = 0;
  const isNL = (c: number | undefined) => c === 0x0a || c === 0x0d;
  while (si < src.length) {
    const buf: number[] = [];
    let dlen = quantum;
    let done = false;
    for (let j = 0; j < quantum; j++) {
      if (si === src.length) {
        if (j === 0) return Uint8Array.from(out);
        throw new CorruptInputError(si - j, kind);
      }
      const c = src[si]!;
      si++;
      const v = map.get(c);
      if (v !== undefined) {
        buf[j] = v;
        continue;
      }
      if (isNL(c)) {
        j--;
        continue;
      }
      if (c !== 0x3d) throw new CorruptInputError(si - 1, kind);
      // Padding: the remaining characters of the quantum must all be '='.
      if (quantum === 4) {
        if (j < 2) throw new CorruptInputError(si - 1, kind);
        if (j === 2) {
          while (si < src.length && isNL(src[si])) si++;
          if (si === src.length) throw new CorruptInputError(src.length, kind);
          if (src[si] !== 0x3d) throw new CorruptInputError(si - 1, kind);
          si++;
        }
      } else {
        if (j < 2 || j === 3 || j === 6) throw new CorruptInputError(si - 1, kind);
        for (let k = j + 1; k < quantum; k++) {
          while (si < src.length && isNL(src[si])) si++;
          if (si === src.length || src[si] !== 0x3d)
            throw new CorruptInputError(si === src.length ? si : si, kind);
          si++;
        }
      }
      while (si < src.length && isNL(src[si])) si++;
      if (si < src.length) throw new CorruptInputError(si, kind);
      dlen = j;
      done = true;
      break;
    }
    let acc = 0n;
    for (let j = 0; j < quantum; j++) acc = (acc << BigInt(bits)) | BigInt(j < dlen ? buf[j]! : 0);
    const nbytes = (quantum * bits) / 8;
    const produced = Math.floor((dlen * bits) / 8);
    for (let k = 0; k < produced; k++) out.push(Number((acc >> BigInt(8 * (nbytes - 1 - k))) & 0xffn));
    if (done) break;
  }
  return Uint8Array.from(out);
}

/** base64Decode is base64.StdEncoding.DecodeString; throws {@link CorruptInputError}. */
export function base64Decode(s: string): Uint8Array {
  return decodeQuanta(utf8(s), B64, 4, 6, 'base64');
}

/** base32Encode is base32.StdEncoding.EncodeToString. */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 5) {
    const chunk = bytes.subarray(i, i + 5);
    let acc = 0n;
    for (let k = 0; k < 5; k++) acc = (acc << 8n) | BigInt(chunk[k] ?? 0);
    const chars = Math.ceil((chunk.length * 8) / 5);
    for (let k = 0; k < 8; k++) out += k < chars ? B32[Number((acc >> BigInt(35 - 5 * k)) & 31n)] : '=';
  }
  return out;
}

/** base32Decode is base32.StdEncoding.DecodeString; throws {@link CorruptInputError}. */
export function base32Decode(s: string): Uint8Array {
  return decodeQuanta(utf8(s), B32, 8, 5, 'base32');
}

function decodeOrMessage(decode: (s: string) => Uint8Array, s: string): string {
  try {
    return fromUtf8(decode(s));
  } catch (e) {
    // Sprig: a decoding error is returned as the result text.
    if (e instanceof CorruptInputError) return e.message;
    throw e;
  }
}

/** encodingFuncs returns sprig's b64/b32 functions. */
export function encodingFuncs(): FuncMap {
  return {
    b64enc: goFunc('b64enc', ['string'], (s) => base64Encode(utf8(strArg(s)))),
    b64dec: goFunc('b64dec', ['string'], (s) => decodeOrMessage(base64Decode, strArg(s))),
    b32enc: goFunc('b32enc', ['string'], (s) => base32Encode(utf8(strArg(s)))),
    b32dec: goFunc('b32dec', ['string'], (s) => decodeOrMessage(base32Decode, strArg(s))),
  };
}
