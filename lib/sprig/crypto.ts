/**
 * Sprig's crypto functions in pure TypeScript: SHA-1/256/512, Adler-32, HMAC-SHA256, scrypt
 * (`derivePassword`), bcrypt (`bcrypt`, `htpasswd`), AES-256-CBC (`encryptAES`/`decryptAES`) and
 * `randBytes`. Randomness comes from the injected source. Keys and certificates are in certs.ts.
 */
import { base64Encode, GoError, GoPanic } from '../go';
import { BcryptError, bcryptHash } from './bcrypt';
import { fromUtf8, intArg, strArg, utf8 } from './cast';
import { certFuncs } from './certs';
import { base64Decode, CorruptInputError } from './encoding';
import { type FuncMap, goFunc, randIntn, type SprigEnv } from './func';
import { adler32, hmacSha256, sha1, sha256, sha512 } from './hash';

export { adler32, hmacSha256, sha1, sha256, sha512 } from './hash';

const hexDigits = '0123456789abcdef';

function hex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += hexDigits[x >> 4]! + hexDigits[x & 15]!;
  return s;
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

const salsaScratch = new Uint32Array(16);
const mixScratch = new Uint32Array(16);

/** salsa208 applies the Salsa20/8 core to a 16-word block in place. */
function salsa208(b: Uint32Array): void {
  const x = salsaScratch;
  for (let i = 0; i < 16; i++) x[i] = b[i]!;
  for (let i = 0; i < 8; i += 2) {
    let t = 0;
    // Columns.
    t = (x[0]! + x[12]!) | 0;
    x[4]! ^= (t << 7) | (t >>> 25);
    t = (x[4]! + x[0]!) | 0;
    x[8]! ^= (t << 9) | (t >>> 23);
    t = (x[8]! + x[4]!) | 0;
    x[12]! ^= (t << 13) | (t >>> 19);
    t = (x[12]! + x[8]!) | 0;
    x[0]! ^= (t << 18) | (t >>> 14);
    t = (x[5]! + x[1]!) | 0;
    x[9]! ^= (t << 7) | (t >>> 25);
    t = (x[9]! + x[5]!) | 0;
    x[13]! ^= (t << 9) | (t >>> 23);
    t = (x[13]! + x[9]!) | 0;
    x[1]! ^= (t << 13) | (t >>> 19);
    t = (x[1]! + x[13]!) | 0;
    x[5]! ^= (t << 18) | (t >>> 14);
    t = (x[10]! + x[6]!) | 0;
    x[14]! ^= (t << 7) | (t >>> 25);
    t = (x[14]! + x[10]!) | 0;
    x[2]! ^= (t << 9) | (t >>> 23);
    t = (x[2]! + x[14]!) | 0;
    x[6]! ^= (t << 13) | (t >>> 19);
    t = (x[6]! + x[2]!) | 0;
    x[10]! ^= (t << 18) | (t >>> 14);
    t = (x[15]! + x[11]!) | 0;
    x[3]! ^= (t << 7) | (t >>> 25);
    t = (x[3]! + x[15]!) | 0;
    x[7]! ^= (t << 9) | (t >>> 23);
    t = (x[7]! + x[3]!) | 0;
    x[11]! ^= (t << 13) | (t >>> 19);
    t = (x[11]! + x[7]!) | 0;
    x[15]! ^= (t << 18) | (t >>> 14);
    // Rows.
    t = (x[0]! + x[3]!) | 0;
    x[1]! ^= (t << 7) | (t >>> 25);
    t = (x[1]! + x[0]!) | 0;
    x[2]! ^= (t << 9) | (t >>> 23);
    t = (x[2]! + x[1]!) | 0;
    x[3]! ^= (t << 13) | (t >>> 19);
    t = (x[3]! + x[2]!) | 0;
    x[0]! ^= (t << 18) | (t >>> 14);
    t = (x[5]! + x[4]!) | 0;
    x[6]! ^= (t << 7) | (t >>> 25);
    t = (x[6]! + x[5]!) | 0;
    x[7]! ^= (t << 9) | (t >>> 23);
    t = (x[7]! + x[6]!) | 0;
    x[4]! ^= (t << 13) | (t >>> 19);
    t = (x[4]! + x[7]!) | 0;
    x[5]! ^= (t << 18) | (t >>> 14);
    t = (x[10]! + x[9]!) | 0;
    x[11]! ^= (t << 7) | (t >>> 25);
    t = (x[11]! + x[10]!) | 0;
    x[8]! ^= (t << 9) | (t >>> 23);
    t = (x[8]! + x[11]!) | 0;
    x[9]! ^= (t << 13) | (t >>> 19);
    t = (x[9]! + x[8]!) | 0;
    x[10]! ^= (t << 18) | (t >>> 14);
    t = (x[15]! + x[14]!) | 0;
    x[12]! ^= (t << 7) | (t >>> 25);
    t = (x[12]! + x[15]!) | 0;
    x[13]! ^= (t << 9) | (t >>> 23);
    t = (x[13]! + x[12]!) | 0;
    x[14]! ^= (t << 13) | (t >>> 19);
    t = (x[14]! + x[13]!) | 0;
    x[15]! ^= (t << 18) | (t >>> 14);
  }
  for (let i = 0; i < 16; i++) b[i] = (b[i]! + x[i]!) >>> 0;
}

function blockMix(b: Uint32Array, y: Uint32Array, r: number): void {
  const x = mixScratch;
  const last = (2 * r - 1) * 16;
  for (let j = 0; j < 16; j++) x[j] = b[last + j]!;
  for (let i = 0; i < 2 * r; i++) {
    for (let j = 0; j < 16; j++) x[j]! ^= b[i * 16 + j]!;
    salsa208(x);
    const o = (i % 2 === 0 ? i / 2 : r + (i - 1) / 2) * 16;
    for (let j = 0; j < 16; j++) y[o + j] = x[j]!;
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

/** cryptoFuncs returns sprig's hashing, password, AES, random-bytes and certificate functions. */
export function cryptoFuncs(env: SprigEnv): FuncMap {
  const S = 'string' as const;
  const hashFn = (name: string, h: (d: Uint8Array) => Uint8Array) =>
    goFunc(name, [S], (s) => hex(h(utf8(strArg(s)))));
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
    ...certFuncs(env),
  };
}
