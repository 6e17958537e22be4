/**
 * bcrypt as golang.org/x/crypto/bcrypt generates it (`$2a$`, cost 10 for sprig), on a Blowfish
 * whose initial P-array and S-boxes are the hexadecimal digits of π, computed once on first use.
 */
import { utf8 } from './cast';

const WORDS = 18 + 4 * 256;

let piWords: Uint32Array | undefined;

/** piFraction returns the first `WORDS` 32-bit words of π's fractional part (Machin's formula). */
function piFraction(): Uint32Array {
  if (piWords) return piWords;
  const bits = BigInt(WORDS * 32 + 64);
  const one = 1n << bits;
  const atanInv = (x: bigint): bigint => {
    let term = one / x;
    const x2 = x * x;
    let sum = 0n;
    for (let k = 1n, sign = 1n; term !== 0n; k += 2n, sign = -sign) {
      sum += (sign * term) / k;
      term /= x2;
    }
    return sum;
  };
  const pi = 16n * atanInv(5n) - 4n * atanInv(239n);
  const frac = (pi - 3n * one) >> 64n;
  const out = new Uint32Array(WORDS);
  for (let i = 0; i < WORDS; i++) out[i] = Number((frac >> BigInt((WORDS - 1 - i) * 32)) & 0xffffffffn);
  piWords = out;
  return out;
}

class Blowfish {
  readonly p: Uint32Array;
  readonly s: Uint32Array;
  constructor() {
    const init = piFraction();
    this.p = init.slice(0, 18);
    this.s = init.slice(18);
  }

  private f(x: number): number {
    const s = this.s;
    return (
      (((s[x >>> 24]! + s[256 + ((x >>> 16) & 0xff)]!) ^ s[512 + ((x >>> 8) & 0xff)]!) +
        s[768 + (x & 0xff)]!) >>>
      0
    );
  }

  encrypt(l0: number, r0: number): [number, number] {
    let l = l0;
    let r = r0;
    const p = this.p;
    for (let i = 0; i < 16; i += 2) {
      l = (l ^ p[i]!) >>> 0;
      r = (r ^ this.f(l)) >>> 0;
      r = (r ^ p[i + 1]!) >>> 0;
      l = (l ^ this.f(r)) >>> 0;
    }
    l = (l ^ p[16]!) >>> 0;
    r = (r ^ p[17]!) >>> 0;
    return [r, l];
  }

  /** expand is Blowfish's (salted) key schedule as EksBlowfish uses it. */
  expand(key: Uint8Array, salt?: Uint8Array): void {
    let kpos = 0;
    const word = (data: Uint8Array, pos: { v: number }) => {
      let w = 0;
      for (let i = 0; i < 4; i++) {
        w = (w << 8) | data[pos.v]!;
        pos.v = (pos.v + 1) % data.length;
      }
      return w >>> 0;
    };
    const kp = { v: kpos };
    for (let i = 0; i < 18; i++) this.p[i] = (this.p[i]! ^ word(key, kp)) >>> 0;
    kpos = kp.v;
    const sp = { v: 0 };
    let l = 0;
    let r = 0;
    const fill = (arr: Uint32Array) => {
      for (let i = 0; i < arr.length; i += 2) {
        if (salt) {
          l = (l ^ word(salt, sp)) >>> 0;
          r = (r ^ word(salt, sp)) >>> 0;
        }
        [l, r] = this.encrypt(l, r);
        arr[i] = l;
        arr[i + 1] = r;
      }
    };
    fill(this.p);
    fill(this.s);
  }
}

const B64 = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** bcryptBase64 is bcrypt's unpadded base64 with its own alphabet. */
export function bcryptBase64(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    const chars = Math.ceil((Math.min(3, b.length - i) * 8) / 6);
    for (let k = 0; k < chars; k++) out += B64[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

function bcryptBase64Decode(s: string): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const c of s) {
    acc = (acc << 6) | B64.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** BcryptError is x/crypto/bcrypt's error for an over-long password. */
export class BcryptError extends Error {}

/** bcryptHash computes `$2a$<cost>$<salt><hash>` for a password and a 16-byte salt. */
export function bcryptHash(password: string, cost: number, salt: Uint8Array): string {
  const pw = utf8(password);
  if (pw.length > 72) throw new BcryptError('bcrypt: password length exceeds 72 bytes');
  const key = new Uint8Array(pw.length + 1);
  key.set(pw);
  const bf = new Blowfish();
  bf.expand(key, salt);
  for (let i = 0; i < 2 ** cost; i++) {
    bf.expand(key);
    bf.expand(salt);
  }
  const magic = utf8('OrpheanBeholderScryDoubt');
  const dv = new DataView(magic.buffer);
  const words = [0, 1, 2, 3, 4, 5].map((i) => dv.getUint32(4 * i));
  for (let n = 0; n < 64; n++) {
    for (let i = 0; i < 6; i += 2) [words[i]!, words[i + 1]!] = bf.encrypt(words[i]!, words[i + 1]!);
  }
  const out = new Uint8Array(24);
  const odv = new DataView(out.buffer);
  words.forEach((w, i) => {
    odv.setUint32(4 * i, w);
  });
  return `$2a$${String(cost).padStart(2, '0')}$${bcryptBase64(salt)}${bcryptBase64(out.subarray(0, 23))}`;
}

/** bcryptVerify reports whether a password matches a `$2a$`/`$2b$`/`$2y$` hash. */
export function bcryptVerify(password: string, hash: string): boolean {
  const m = /^\$2[aby]?\$(\d\d)\$([./A-Za-z0-9]{22})([./A-Za-z0-9]{31})$/.exec(hash);
  if (!m) return false;
  const salt = bcryptBase64Decode(m[2]!).subarray(0, 16);
  return bcryptHash(password, Number(m[1]), salt).slice(7) === hash.slice(7);
}
