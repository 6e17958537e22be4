/**
 * Go strings are byte sequences, JavaScript strings are UTF-16. A Go string made of bytes that are not
 * valid UTF-8 (`.Files.Get` of a binary file, `b64dec` of binary data) keeps each invalid byte as a lone
 * low surrogate U+DC80–U+DCFF (the "surrogate escape" convention), so that converting it back to bytes
 * (`b64enc`, `sha256sum`, `len`, the rendered output) gives the original bytes, as in Go.
 */

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();
const surrogate = /[\uD800-\uDFFF]/;

/** seqLen returns the length of the valid UTF-8 sequence starting at b[i], or 0 when it is invalid. */
function seqLen(b: Uint8Array, i: number): number {
  const c = b[i]!;
  const cont = (j: number, lo = 0x80, hi = 0xbf) => j < b.length && b[j]! >= lo && b[j]! <= hi;
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) return cont(i + 1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    // Overlong forms (E0 80–9F) and surrogates (ED A0–BF) are invalid, as in Go's utf8.DecodeRune.
    const lo = c === 0xe0 ? 0xa0 : 0x80;
    const hi = c === 0xed ? 0x9f : 0xbf;
    return cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const lo = c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xf4 ? 0x8f : 0xbf;
    return cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  }
  return 0;
}

/** stringFromBytes is Go's string(b): valid UTF-8 decodes as text, each invalid byte becomes U+DC80+byte. */
export function stringFromBytes(b: Uint8Array): string {
  try {
    return fatalDecoder.decode(b);
  } catch {
    let out = '';
    let start = 0;
    let i = 0;
    while (i < b.length) {
      const n = seqLen(b, i);
      if (n > 0) {
        i += n;
        continue;
      }
      if (start < i) out += fatalDecoder.decode(b.subarray(start, i));
      out += String.fromCharCode(0xdc00 + b[i]!);
      i++;
      start = i;
    }
    if (start < b.length) out += fatalDecoder.decode(b.subarray(start));
    return out;
  }
}

/** stringBytes is Go's []byte(s): UTF-8, with U+DC80–U+DCFF (escaped raw bytes) written as those bytes. */
export function stringBytes(s: string): Uint8Array {
  if (!surrogate.test(s)) return encoder.encode(s);
  const out: number[] = [];
  let start = 0;
  const flush = (end: number) => {
    if (start < end) for (const x of encoder.encode(s.slice(start, end))) out.push(x);
  };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    if (c >= 0xdc80 && c <= 0xdcff) {
      flush(i);
      out.push(c - 0xdc00);
      start = i + 1;
    }
  }
  flush(s.length);
  return Uint8Array.from(out);
}

/**
 * runes returns the code points of a string as Go's `range` over it yields them: surrogate pairs join,
 * and an unpaired surrogate (an invalid byte, see above) reads as U+FFFD.
 */
export function runes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    out.push(c >= 0xd800 && c <= 0xdfff ? 0xfffd : c);
  }
  return out;
}

/**
 * utf8Length counts the UTF-8 bytes of text[from:to] (the whole text by default): a surrogate pair is
 * 4 bytes, any other UTF-16 unit 1 to 3.
 */
export function utf8Length(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = from; i < to && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
