/**
 * Sprig's crypto functions in pure TypeScript: SHA-1/256/512, Adler-32, HMAC-SHA256, scrypt
 * (`derivePassword`), bcrypt (`bcrypt`, `htpasswd`), AES-256-CBC (`encryptAES`/`decryptAES`) and
 * `randBytes`. Randomness comes from the injected source. Key and certificate generation are not
 * implemented by this engine: those functions fail with a clear error naming the function.
 */
import { GoError, GoPanic } from '../go';
import { BcryptError, bcryptHash } from './bcrypt';
import { fromUtf8, intArg, strArg, utf8 } from './cast';
import { base64Decode, base64Encode, CorruptInputError } from './encoding';
import { type FuncMap, goFunc, randIntn, type SprigEnv } from './func';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

function pad64(msg: Uint8Array, lenBytes: 8 | 16): Uint8Array {
  const block = lenBytes === 8 ? 64 : 128;
  const total = Math.ceil((msg.length + 1 + lenBytes) / block) * block;
  const out = new Uint8Array(total);
  out.set(msg);
  out[msg.length] = 0x80;
  const bits = BigInt(msg.length) * 8n;
  for (let i = 0; i < 8; i++) out[total - 1 - i] = Number((bits >> BigInt(8 * i)) & 0xffn);
  return out;
}

/** sha1 returns the SHA-1 digest of data. */
export function sha1(data: Uint8Array): Uint8Array {
  const m = pad64(data, 8);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Uint32Array(80);
  const dv = new DataView(m.buffer);
  for (let o = 0; o < m.length; o += 64) {
    for (let i = 0; i < 16; i++) w[i] = dv.getUint32(o + 4 * i);
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (x << 1) | (x >>> 31);
    }
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const f =
        i < 20 ? (b & c) | (~b & d) : i < 40 ? b ^ c ^ d : i < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]!) >>> 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
  }
  const out = new Uint8Array(20);
  const odv = new DataView(out.buffer);
  h.forEach((x, i) => {
    odv.setUint32(4 * i, x);
  });
  return out;
}

const K256 = Uint32Array.from(
  '428a2f98 71374491 b5c0fbcf e9b5dba5 3956c25b 59f111f1 923f82a4 ab1c5ed5 d807aa98 12835b01 243185be 550c7dc3 72be5d74 80deb1fe 9bdc06a7 c19bf174 e49b69c1 efbe4786 0fc19dc6 240ca1cc 2de92c6f 4a7484aa 5cb0a9dc 76f988da 983e5152 a831c66d b00327c8 bf597fc7 c6e00bf3 d5a79147 06ca6351 14292967 27b70a85 2e1b2138 4d2c6dfc 53380d13 650a7354 766a0abb 81c2c92e 92722c85 a2bfe8a1 a81a664b c24b8b70 c76c51a3 d192e819 d6990624 f40e3585 106aa070 19a4c116 1e376c08 2748774c 34b0bcb5 391c0cb3 4ed8aa4a 5b9cca4f 682e6ff3 748f82ee 78a5636f 84c87814 8cc70208 90befffa a4506ceb bef9a3f7 c67178f2'
    .split(' ')
    .map((x) => parseInt(x, 16)),
);

/** sha256 returns the SHA-256 digest of data. */
export function sha256(data: Uint8Array): Uint8Array {
  const m = pad64(data, 8);
  const h = Uint32Array.from([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  const dv = new DataView(m.buffer);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let o = 0; o < m.length; o += 64) {
    for (let i = 0; i < 16; i++) w[i] = dv.getUint32(o + 4 * i);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15]!, 7) ^ rotr(w[i - 15]!, 18) ^ (w[i - 15]! >>> 3);
      const s1 = rotr(w[i - 2]!, 17) ^ rotr(w[i - 2]!, 19) ^ (w[i - 2]! >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = h as unknown as number[] as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    for (let i = 0; i < 64; i++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K256[i]! + w[i]!) >>> 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0]! += a;
    h[1]! += b;
    h[2]! += c;
    h[3]! += d;
    h[4]! += e;
    h[5]! += f;
    h[6]! += g;
    h[7]! += hh;
  }
  const out = new Uint8Array(32);
  const odv = new DataView(out.buffer);
  h.forEach((x, i) => {
    odv.setUint32(4 * i, x);
  });
  return out;
}

const K512 = (
  '428a2f98d728ae22 7137449123ef65cd b5c0fbcfec4d3b2f e9b5dba58189dbbc 3956c25bf348b538 59f111f1b605d019 923f82a4af194f9b ab1c5ed5da6d8118 ' +
  'd807aa98a3030242 12835b0145706fbe 243185be4ee4b28c 550c7dc3d5ffb4e2 72be5d74f27b896f 80deb1fe3b1696b1 9bdc06a725c71235 c19bf174cf692694 ' +
  'e49b69c19ef14ad2 efbe4786384f25e3 0fc19dc68b8cd5b5 240ca1cc77ac9c65 2de92c6f592b0275 4a7484aa6ea6e483 5cb0a9dcbd41fbd4 76f988da831153b5 ' +
  '983e5152ee66dfab a831c66d2db43210 b00327c898fb213f bf597fc7beef0ee4 c6e00bf33da88fc2 d5a79147930aa725 06ca6351e003826f 142929670a0e6e70 ' +
  '27b70a8546d22ffc 2e1b21385c26c926 4d2c6dfc5ac42aed 53380d139d95b3df 650a73548baf63de 766a0abb3c77b2a8 81c2c92e47edaee6 92722c851482353b ' +
  'a2bfe8a14cf10364 a81a664bbc423001 c24b8b70d0f89791 c76c51a30654be30 d192e819d6ef5218 d69906245565a910 f40e35855771202a 106aa07032bbd1b8 ' +
  '19a4c116b8d2d0c8 1e376c085141ab53 2748774cdf8eeb99 34b0bcb5e19b48a8 391c0cb3c5c95a63 4ed8aa4ae3418acb 5b9cca4f7763e373 682e6ff3d6b2b8a3 ' +
  '748f82ee5defb2fc 78a5636f43172f60 84c87814a1f0ab72 8cc702081a6439ec 90befffa23631e28 a4506cebde82bde9 bef9a3f7b2c67915 c67178f2e372532b ' +
  'ca273eceea26619c d186b8c721c0c207 eada7dd6cde0eb1e f57d4f7fee6ed178 06f067aa72176fba 0a637dc5a2c898a6 113f9804bef90dae 1b710b35131c471b ' +
  '28db77f523047d84 32caab7b40c72493 3c9ebe0a15c9bebc 431d67c49c100d4c 4cc5d4becb3e42b6 597f299cfc657e2a 5fcb6fab3ad6faec 6c44198c4a475817'
)
  .split(' ')
  .map((x) => BigInt(`0x${x}`));

/** sha512 returns the SHA-512 digest of data. */
export function sha512(data: Uint8Array): Uint8Array {
  const M = (1n << 64n) - 1n;
  const m = pad64(data, 16);
  const h = [
    0x6a09e667f3bcc908n,
    0xbb67ae8584caa73bn,
    0x3c6ef372fe94f82bn,
    0xa54ff53a5f1d36f1n,
    0x510e527fade682d1n,
    0x9b05688c2b3e6c1fn,
    0x1f83d9abfb41bd6bn,
    0x5be0cd19137e2179n,
  ];
  const rotr = (x: bigint, n: bigint) => ((x >> n) | (x << (64n - n))) & M;
  const dv = new DataView(m.buffer);
  const w: bigint[] = new Array(80);
  for (let o = 0; o < m.length; o += 128) {
    for (let i = 0; i < 16; i++) w[i] = dv.getBigUint64(o + 8 * i);
    for (let i = 16; i < 80; i++) {
      const s0 = rotr(w[i - 15]!, 1n) ^ rotr(w[i - 15]!, 8n) ^ (w[i - 15]! >> 7n);
      const s1 = rotr(w[i - 2]!, 19n) ^ rotr(w[i - 2]!, 61n) ^ (w[i - 2]! >> 6n);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) & M;
    }
    let [a, b, c, d, e, f, g, hh] = h as [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint];
    for (let i = 0; i < 80; i++) {
      const S1 = rotr(e, 14n) ^ rotr(e, 18n) ^ rotr(e, 41n);
      const ch = (e & f) ^ (~e & M & g);
      const t1 = (hh + S1 + ch + K512[i]! + w[i]!) & M;
      const S0 = rotr(a, 28n) ^ rotr(a, 34n) ^ rotr(a, 39n);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) & M;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) & M;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) & M;
    }
    [a, b, c, d, e, f, g, hh].forEach((x, i) => {
      h[i] = (h[i]! + x) & M;
    });
  }
  const out = new Uint8Array(64);
  const odv = new DataView(out.buffer);
  h.forEach((x, i) => {
    odv.setBigUint64(8 * i, x);
  });
  return out;
}

/** adler32 is hash/adler32.Checksum. */
export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const x of data) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** hmacSha256 is HMAC with SHA-256. */
export function hmacSha256(key: Uint8Array, msg: Uint8Array): Uint8Array {
  const k = key.length > 64 ? sha256(key) : key;
  const ipad = new Uint8Array(64 + msg.length);
  const opad = new Uint8Array(64 + 32);
  for (let i = 0; i < 64; i++) {
    ipad[i] = (k[i] ?? 0) ^ 0x36;
    opad[i] = (k[i] ?? 0) ^ 0x5c;
  }
  ipad.set(msg, 64);
  opad.set(sha256(ipad), 64);
  return sha256(opad);
}

function pbkdf2Sha256(
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  keyLen: number,
): Uint8Array {
  const out = new Uint8Array(keyLen);
  const block = new Uint8Array(salt.length + 4);
  block.set(salt);
  for (let i = 1, off = 0; off < keyLen; i++, off += 32) {
    new DataView(block.buffer).setUint32(salt.length, i);
    let u = hmacSha256(password, block);
    const t = u.slice();
    for (let j = 1; j < iterations; j++) {
      u = hmacSha256(password, u);
      for (let k = 0; k < 32; k++) t[k]! ^= u[k]!;
    }
    out.set(t.subarray(0, Math.min(32, keyLen - off)), off);
  }
  return out;
}

function salsa208(b: Uint32Array): void {
  const x = b.slice();
  const R = (a: number, n: number) => (a << n) | (a >>> (32 - n));
  for (let i = 0; i < 8; i += 2) {
    x[4]! ^= R(x[0]! + x[12]!, 7);
    x[8]! ^= R(x[4]! + x[0]!, 9);
    x[12]! ^= R(x[8]! + x[4]!, 13);
    x[0]! ^= R(x[12]! + x[8]!, 18);
    x[9]! ^= R(x[5]! + x[1]!, 7);
    x[13]! ^= R(x[9]! + x[5]!, 9);
    x[1]! ^= R(x[13]! + x[9]!, 13);
    x[5]! ^= R(x[1]! + x[13]!, 18);
    x[14]! ^= R(x[10]! + x[6]!, 7);
    x[2]! ^= R(x[14]! + x[10]!, 9);
    x[6]! ^= R(x[2]! + x[14]!, 13);
    x[10]! ^= R(x[6]! + x[2]!, 18);
    x[3]! ^= R(x[15]! + x[11]!, 7);
    x[7]! ^= R(x[3]! + x[15]!, 9);
    x[11]! ^= R(x[7]! + x[3]!, 13);
    x[15]! ^= R(x[11]! + x[7]!, 18);
    x[1]! ^= R(x[0]! + x[3]!, 7);
    x[2]! ^= R(x[1]! + x[0]!, 9);
    x[3]! ^= R(x[2]! + x[1]!, 13);
    x[0]! ^= R(x[3]! + x[2]!, 18);
    x[6]! ^= R(x[5]! + x[4]!, 7);
    x[7]! ^= R(x[6]! + x[5]!, 9);
    x[4]! ^= R(x[7]! + x[6]!, 13);
    x[5]! ^= R(x[4]! + x[7]!, 18);
    x[11]! ^= R(x[10]! + x[9]!, 7);
    x[8]! ^= R(x[11]! + x[10]!, 9);
    x[9]! ^= R(x[8]! + x[11]!, 13);
    x[10]! ^= R(x[9]! + x[8]!, 18);
    x[12]! ^= R(x[15]! + x[14]!, 7);
    x[13]! ^= R(x[12]! + x[15]!, 9);
    x[14]! ^= R(x[13]! + x[12]!, 13);
    x[15]! ^= R(x[14]! + x[13]!, 18);
  }
  for (let i = 0; i < 16; i++) b[i] = (b[i]! + x[i]!) >>> 0;
}

function blockMix(b: Uint32Array, y: Uint32Array, r: number): void {
  const x = b.slice((2 * r - 1) * 16, 2 * r * 16);
  for (let i = 0; i < 2 * r; i++) {
    for (let j = 0; j < 16; j++) x[j]! ^= b[i * 16 + j]!;
    salsa208(x);
    y.set(x, (i % 2 === 0 ? i / 2 : r + (i - 1) / 2) * 16);
  }
}

/** scrypt is golang.org/x/crypto/scrypt.Key. */
export function scrypt(
  password: Uint8Array,
  salt: Uint8Array,
  N: number,
  r: number,
  p: number,
  keyLen: number,
) {
  const B = pbkdf2Sha256(password, salt, 1, p * 128 * r);
  const words = 32 * r;
  const X = new Uint32Array(words);
  const Y = new Uint32Array(words);
  const V = new Uint32Array(words * N);
  const dv = new DataView(B.buffer);
  for (let i = 0; i < p; i++) {
    const off = i * 128 * r;
    for (let k = 0; k < words; k++) X[k] = dv.getUint32(off + 4 * k, true);
    for (let j = 0; j < N; j++) {
      V.set(X, j * words);
      blockMix(X, Y, r);
      X.set(Y);
    }
    for (let j = 0; j < N; j++) {
      const idx = X[(2 * r - 1) * 16]! & (N - 1);
      for (let k = 0; k < words; k++) X[k]! ^= V[idx * words + k]!;
      blockMix(X, Y, r);
      X.set(Y);
    }
    for (let k = 0; k < words; k++) dv.setUint32(off + 4 * k, X[k]!, true);
  }
  return pbkdf2Sha256(password, B, 1, keyLen);
}

const TEMPLATES: Record<string, string[]> = {
  maximum: ['anoxxxxxxxxxxxxxxxxx', 'axxxxxxxxxxxxxxxxxno'],
  long: [
    'CvcvnoCvcvCvcv',
    'CvcvCvcvnoCvcv',
    'CvcvCvcvCvcvno',
    'CvccnoCvcvCvcv',
    'CvccCvcvnoCvcv',
    'CvccCvcvCvcvno',
    'CvcvnoCvccCvcv',
    'CvcvCvccnoCvcv',
    'CvcvCvccCvcvno',
    'CvcvnoCvcvCvcc',
    'CvcvCvcvnoCvcc',
    'CvcvCvcvCvccno',
    'CvccnoCvccCvcv',
    'CvccCvccnoCvcv',
    'CvccCvccCvcvno',
    'CvcvnoCvccCvcc',
    'CvcvCvccnoCvcc',
    'CvcvCvccCvccno',
    'CvccnoCvcvCvcc',
    'CvccCvcvnoCvcc',
    'CvccCvcvCvccno',
  ],
  medium: ['CvcnoCvc', 'CvcCvcno'],
  short: ['Cvcn'],
  basic: ['aaanaaan', 'aannaaan', 'aaannaaa'],
  pin: ['nnnn'],
};

const CHARS: Record<string, string> = {
  V: 'AEIOU',
  C: 'BCDFGHJKLMNPQRSTVWXYZ',
  v: 'aeiou',
  c: 'bcdfghjklmnpqrstvwxyz',
  A: 'AEIOUBCDFGHJKLMNPQRSTVWXYZ',
  a: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz',
  n: '0123456789',
  o: "@&%?,=[]_:-+*$#!'^~;()/.",
  x: 'AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()',
};

function u32be(n: number): number[] {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}

/** derivePassword is sprig's Master Password algorithm (scrypt N=32768, r=8, p=2). */
export function derivePassword(
  counter: number,
  type: string,
  password: string,
  user: string,
  site: string,
): string {
  const templates = TEMPLATES[type];
  if (!templates) return `cannot find password template ${type}`;
  const seedName = utf8('com.lyndir.masterpassword');
  const u = utf8(user);
  const salt = Uint8Array.from([...seedName, ...u32be(u.length), ...u]);
  const key = scrypt(utf8(password), salt, 32768, 8, 2, 64);
  const s = utf8(site);
  const msg = Uint8Array.from([...seedName, ...u32be(s.length), ...s, ...u32be(counter >>> 0)]);
  const seed = hmacSha256(key, msg);
  const tpl = templates[seed[0]! % templates.length]!;
  let out = '';
  for (let i = 0; i < tpl.length; i++) {
    const chars = CHARS[tpl[i]!]!;
    out += chars[seed[i + 1]! % chars.length];
  }
  return out;
}

// AES (FIPS-197) with S-boxes computed from GF(2^8) inverses.
const SBOX = new Uint8Array(256);
const INV_SBOX = new Uint8Array(256);
(() => {
  let p = 1;
  let q = 1;
  do {
    p = p ^ ((p << 1) & 0xff) ^ (p & 0x80 ? 0x1b : 0);
    q ^= q << 1;
    q ^= q << 2;
    q ^= q << 4;
    q &= 0xff;
    if (q & 0x80) q ^= 0x09;
    const x =
      q ^ ((q << 1) | (q >> 7)) ^ ((q << 2) | (q >> 6)) ^ ((q << 3) | (q >> 5)) ^ ((q << 4) | (q >> 4));
    SBOX[p] = (x ^ 0x63) & 0xff;
  } while (p !== 1);
  SBOX[0] = 0x63;
  for (let i = 0; i < 256; i++) INV_SBOX[SBOX[i]!] = i;
})();

const xtime = (a: number) => ((a << 1) ^ (a & 0x80 ? 0x1b : 0)) & 0xff;
function gmul(a: number, b: number): number {
  let r = 0;
  for (let i = 0; i < 8; i++) {
    if (b & 1) r ^= a;
    a = xtime(a);
    b >>= 1;
  }
  return r;
}

function expandKey(key: Uint8Array): Uint8Array[] {
  const nk = key.length / 4;
  const rounds = nk + 6;
  const w = new Uint8Array(16 * (rounds + 1));
  w.set(key);
  let rcon = 1;
  for (let i = nk; i < 4 * (rounds + 1); i++) {
    let t = Array.from(w.subarray(4 * (i - 1), 4 * i));
    if (i % nk === 0) {
      t = [SBOX[t[1]!]! ^ rcon, SBOX[t[2]!]!, SBOX[t[3]!]!, SBOX[t[0]!]!];
      rcon = xtime(rcon);
    } else if (nk > 6 && i % nk === 4) t = t.map((x) => SBOX[x]!);
    for (let j = 0; j < 4; j++) w[4 * i + j] = w[4 * (i - nk) + j]! ^ t[j]!;
  }
  return Array.from({ length: rounds + 1 }, (_, r) => w.subarray(16 * r, 16 * r + 16));
}

function aesBlock(keys: Uint8Array[], input: Uint8Array, decrypt: boolean): Uint8Array {
  const s = input.slice();
  const rounds = keys.length - 1;
  const addKey = (k: Uint8Array) => {
    for (let i = 0; i < 16; i++) s[i]! ^= k[i]!;
  };
  const shift = (inv: boolean) => {
    const t = s.slice();
    for (let c = 0; c < 4; c++) {
      for (let r = 0; r < 4; r++) s[4 * c + r] = t[4 * ((c + (inv ? 4 - r : r)) % 4) + r]!;
    }
  };
  const mix = (m: number[]) => {
    for (let c = 0; c < 4; c++) {
      const col = s.slice(4 * c, 4 * c + 4);
      for (let r = 0; r < 4; r++) {
        s[4 * c + r] =
          gmul(col[0]!, m[(4 - r) % 4]!) ^
          gmul(col[1]!, m[(5 - r) % 4]!) ^
          gmul(col[2]!, m[(6 - r) % 4]!) ^
          gmul(col[3]!, m[(7 - r) % 4]!);
      }
    }
  };
  if (!decrypt) {
    addKey(keys[0]!);
    for (let r = 1; r <= rounds; r++) {
      for (let i = 0; i < 16; i++) s[i] = SBOX[s[i]!]!;
      shift(false);
      if (r < rounds) mix([2, 3, 1, 1]);
      addKey(keys[r]!);
    }
  } else {
    addKey(keys[rounds]!);
    for (let r = rounds - 1; r >= 0; r--) {
      shift(true);
      for (let i = 0; i < 16; i++) s[i] = INV_SBOX[s[i]!]!;
      addKey(keys[r]!);
      if (r > 0) mix([14, 11, 13, 9]);
    }
  }
  return s;
}

function aesKey(password: string): Uint8Array[] {
  const key = new Uint8Array(32);
  key.set(utf8(password).subarray(0, 32));
  return expandKey(key);
}

/** encryptAES is sprig's encryptAES: AES-256-CBC, PKCS#7 padding, random IV, base64. */
export function encryptAES(env: SprigEnv, password: string, plaintext: string): string {
  if (plaintext === '') return '';
  const keys = aesKey(password);
  const content = utf8(plaintext);
  const padding = 16 - (content.length % 16);
  const data = new Uint8Array(content.length + padding).fill(padding);
  data.set(content);
  const out = new Uint8Array(16 + data.length);
  for (let i = 0; i < 16; i++) out[i] = randIntn(env, 256);
  let prev = out.subarray(0, 16);
  for (let o = 0; o < data.length; o += 16) {
    const block = data.slice(o, o + 16);
    for (let i = 0; i < 16; i++) block[i]! ^= prev[i]!;
    const enc = aesBlock(keys, block, false);
    out.set(enc, 16 + o);
    prev = out.subarray(16 + o, 32 + o);
  }
  return base64Encode(out);
}

/** decryptAES is sprig's decryptAES (Go's panics on malformed input included). */
export function decryptAES(password: string, crypt64: string): string {
  if (crypt64 === '') return '';
  const keys = aesKey(password);
  let crypt: Uint8Array;
  try {
    crypt = base64Decode(crypt64);
  } catch (e) {
    if (e instanceof CorruptInputError) throw new GoError(e.message);
    throw e;
  }
  if (crypt.length < 16)
    throw new GoPanic(`runtime error: slice bounds out of range [:16] with capacity ${crypt.length}`);
  const body = crypt.subarray(16);
  if (body.length % 16 !== 0) throw new GoPanic('crypto/cipher: input not full blocks');
  const out = new Uint8Array(body.length);
  let prev = crypt.subarray(0, 16);
  for (let o = 0; o < body.length; o += 16) {
    const dec = aesBlock(keys, body.subarray(o, o + 16), true);
    for (let i = 0; i < 16; i++) out[o + i] = dec[i]! ^ prev[i]!;
    prev = body.subarray(o, o + 16);
  }
  if (out.length === 0) throw new GoPanic('runtime error: index out of range [-1]');
  const cut = out.length - out[out.length - 1]!;
  if (cut < 0) throw new GoPanic(`runtime error: slice bounds out of range [:${cut}]`);
  return fromUtf8(out.subarray(0, cut));
}

/** bcrypt is sprig's bcrypt: cost 10, a random salt, errors returned as text. */
export function bcrypt(env: SprigEnv, password: string): string {
  const salt = Uint8Array.from({ length: 16 }, () => randIntn(env, 256));
  try {
    return bcryptHash(password, 10, salt);
  } catch (e) {
    if (e instanceof BcryptError) return `failed to encrypt string with bcrypt: ${e.message}`;
    throw e;
  }
}

function unsupported(name: string): never {
  throw new GoPanic(`${name} is not supported by this engine`);
}

/** cryptoFuncs returns sprig's hashing, password, AES, random-bytes and certificate functions. */
export function cryptoFuncs(env: SprigEnv): FuncMap {
  const S = 'string' as const;
  const A = 'interface {}' as const;
  const hashFn = (name: string, h: (d: Uint8Array) => Uint8Array) =>
    goFunc(name, [S], (s) => hex(h(utf8(strArg(s)))));
  const notHere = (name: string, params: ('string' | 'int' | 'interface {}' | '[]interface {}')[]) =>
    goFunc(name, params, () => unsupported(name));
  return {
    sha1sum: hashFn('sha1sum', sha1),
    sha256sum: hashFn('sha256sum', sha256),
    sha512sum: hashFn('sha512sum', sha512),
    adler32sum: goFunc('adler32sum', [S], (s) => String(adler32(utf8(strArg(s))))),
    derivePassword: goFunc('derivePassword', ['uint32', S, S, S, S], (c, t, p, u, s) =>
      derivePassword(intArg(c), strArg(t), strArg(p), strArg(u), strArg(s)),
    ),
    encryptAES: goFunc('encryptAES', [S, S], (p, t) => encryptAES(env, strArg(p), strArg(t))),
    decryptAES: goFunc('decryptAES', [S, S], (p, t) => decryptAES(strArg(p), strArg(t))),
    randBytes: goFunc('randBytes', ['int'], (n) => {
      const count = intArg(n);
      if (count < 0) throw new GoPanic('runtime error: makeslice: len out of range');
      return base64Encode(Uint8Array.from({ length: count }, () => randIntn(env, 256)));
    }),
    bcrypt: goFunc('bcrypt', [S], (p) => bcrypt(env, strArg(p))),
    htpasswd: goFunc('htpasswd', [S, S], (u, p) => {
      const user = strArg(u);
      if (user.includes(':')) return `invalid username: ${user}`;
      return `${user}:${bcrypt(env, strArg(p))}`;
    }),
    genPrivateKey: notHere('genPrivateKey', [S]),
    buildCustomCert: notHere('buildCustomCert', [S, S]),
    genCA: notHere('genCA', [S, 'int']),
    genCAWithKey: notHere('genCAWithKey', [S, 'int', S]),
    genSelfSignedCert: notHere('genSelfSignedCert', [S, '[]interface {}', '[]interface {}', 'int']),
    genSelfSignedCertWithKey: notHere('genSelfSignedCertWithKey', [
      S,
      '[]interface {}',
      '[]interface {}',
      'int',
      S,
    ]),
    genSignedCert: notHere('genSignedCert', [S, '[]interface {}', '[]interface {}', 'int', A]),
    genSignedCertWithKey: notHere('genSignedCertWithKey', [
      S,
      '[]interface {}',
      '[]interface {}',
      'int',
      A,
      S,
    ]),
  };
}
