/**
 * Private keys for sprig's `genPrivateKey` and certificate functions, in pure TypeScript on
 * bigint: RSA (generation, PKCS#1 v1.5 SHA-256 signatures), ECDSA P-256 and Ed25519; PEM/DER
 * encodings as Go's x509 package writes them (PKCS#1, SEC 1, PKCS#8) and parsing of the same.
 */
import * as asn1 from './asn1';
import { randIntn, type SprigEnv } from './func';
import { sha256, sha512 } from './hash';

/** PrivateKey is one of the key kinds sprig can generate or read. */
export type PrivateKey =
  | { kind: 'rsa'; n: bigint; e: bigint; d: bigint; p: bigint; q: bigint }
  | { kind: 'ecdsa'; d: bigint; x: bigint; y: bigint }
  | { kind: 'ed25519'; seed: Uint8Array; pub: Uint8Array };

/** randomBytes draws n bytes from the injected randomness. */
export function randomBytes(env: SprigEnv, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => randIntn(env, 256));
}

/** modPow computes b^e mod m (left-to-right, 4-bit fixed window). */
export function modPow(b: bigint, e: bigint, m: bigint): bigint {
  if (m === 1n) return 0n;
  const base = ((b % m) + m) % m;
  const table: bigint[] = [1n, base];
  for (let i = 2; i < 16; i++) table.push((table[i - 1]! * base) % m);
  const hex = e.toString(16);
  let r = 1n;
  for (let i = 0; i < hex.length; i++) {
    if (i > 0) {
      r = (r * r) % m;
      r = (r * r) % m;
      r = (r * r) % m;
      r = (r * r) % m;
    }
    const d = parseInt(hex[i]!, 16);
    if (d !== 0) r = (r * table[d]!) % m;
  }
  return r;
}

/** modInv computes a^-1 mod m (extended Euclid). */
export function modInv(a: bigint, m: bigint): bigint {
  let [r0, r1] = [((a % m) + m) % m, m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % m) + m) % m;
}

/** smallPrimesList caches {@link smallPrimes}. */
let smallPrimesList: number[] | undefined;

/**
 * smallPrimes returns the odd primes below 2^14, for sieving candidates before Miller-Rabin. It is
 * computed on first use: the sieve costs milliseconds in a cold process, which the CLI must not pay at start.
 */
function smallPrimes(): number[] {
  if (smallPrimesList) return smallPrimesList;
  const limit = 1 << 14;
  const composite = new Uint8Array(limit);
  const out: number[] = [];
  for (let n = 3; n < limit; n += 2) {
    if (composite[n]) continue;
    out.push(n);
    for (let k = n * n; k < limit; k += 2 * n) composite[k] = 1;
  }
  smallPrimesList = out;
  return out;
}

/** millerRabin runs `rounds` Miller-Rabin rounds with random bases (n odd, n > 2^14). */
function millerRabin(n: bigint, env: SprigEnv, rounds: number): boolean {
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  const bytes = (n.toString(16).length + 1) >> 1;
  for (let round = 0; round < rounds; round++) {
    // The first base is 2 (cheap to pick, as good as any for a first test); then random ones.
    const a = round === 0 ? 2n : 2n + (asn1.bytesToBig(randomBytes(env, bytes)) % (n - 4n));
    let x = modPow(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    let composite = true;
    for (let i = 1; i < s && composite; i++) {
      x = (x * x) % n;
      if (x === n - 1n) composite = false;
    }
    if (composite) return false;
  }
  return true;
}

function randomPrime(env: SprigEnv, bits: number, avoid?: bigint): bigint {
  const b = randomBytes(env, bits / 8);
  b[0]! |= 0xc0;
  b[b.length - 1]! |= 1;
  return nextPrime(env, asn1.bytesToBig(b), avoid);
}

/** nextPrime returns the first probable prime ≥ start (start odd), sieving by small primes first. */
function nextPrime(env: SprigEnv, start: bigint, avoid?: bigint): bigint {
  const primes = smallPrimes();
  const residues = primes.map((p) => Number(start % BigInt(p)));
  // 5 rounds after sieving give an error below 2^-100 for random candidates of 1024 bits and more.
  const rounds = start.toString(2).length >= 1024 ? 5 : 20;
  for (let k = 0; ; k += 2) {
    let sieved = false;
    for (let i = 0; i < primes.length; i++) {
      if ((residues[i]! + k) % primes[i]! === 0) {
        sieved = true;
        break;
      }
    }
    if (sieved) continue;
    const n = start + BigInt(k);
    if (n !== avoid && millerRabin(n, env, rounds)) return n;
  }
}

/** generateRsa makes an RSA key with e = 65537 (primes searched upwards from random starts). */
export function generateRsa(env: SprigEnv, bits: number): PrivateKey {
  const e = 65537n;
  let p = randomPrime(env, bits / 2);
  let q = randomPrime(env, bits / 2, p);
  // Both p-1 and q-1 must be coprime to e; move on to the next prime otherwise.
  while ((p - 1n) % e === 0n) p = nextPrime(env, p + 2n, q);
  while ((q - 1n) % e === 0n) q = nextPrime(env, q + 2n, p);
  const phi = (p - 1n) * (q - 1n);
  const [hi, lo] = p > q ? [p, q] : [q, p];
  return { kind: 'rsa', n: p * q, e, d: modInv(e, phi), p: hi, q: lo };
}

// P-256 (secp256r1).
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const A = P - 3n;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const G: [bigint, bigint] = [
  0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
];
type Pt = [bigint, bigint] | null;
const mod = (a: bigint, m: bigint) => ((a % m) + m) % m;

function ecAdd(p1: Pt, p2: Pt): Pt {
  if (!p1) return p2;
  if (!p2) return p1;
  if (p1[0] === p2[0] && mod(p1[1] + p2[1], P) === 0n) return null;
  const l =
    p1[0] === p2[0] && p1[1] === p2[1]
      ? mod((3n * p1[0] * p1[0] + A) * modInv(2n * p1[1], P), P)
      : mod((p2[1] - p1[1]) * modInv(p2[0] - p1[0], P), P);
  const x = mod(l * l - p1[0] - p2[0], P);
  return [x, mod(l * (p1[0] - x) - p1[1], P)];
}

function ecMul(k: bigint, pt: Pt): Pt {
  let r: Pt = null;
  let addend = pt;
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) r = ecAdd(r, addend);
    addend = ecAdd(addend, addend);
  }
  return r;
}

/** randomScalar returns a scalar in [1, N) from 32 random bytes. */
function randomScalar(env: SprigEnv): bigint {
  return mod(asn1.bytesToBig(randomBytes(env, 32)), N - 1n) + 1n;
}

/** generateEcdsa makes a P-256 key. */
export function generateEcdsa(env: SprigEnv): PrivateKey {
  const d = randomScalar(env);
  const [x, y] = ecMul(d, G)!;
  return { kind: 'ecdsa', d, x, y };
}

// Ed25519.
const EP = (1n << 255n) - 19n;
const EL = (1n << 252n) + 27742317777372353535851937790883648493n;
type Ext = [bigint, bigint, bigint, bigint];
/** edCurve holds Ed25519's d and base point, computed on first use: modular inverses and a square
 * root of 255-bit numbers cost tens of milliseconds in a cold process, which the CLI must not pay at start. */
let edCurve: { d: bigint; base: Ext } | undefined;
function ed(): { d: bigint; base: Ext } {
  if (edCurve) return edCurve;
  const d = mod(-121665n * modInv(121666n, EP), EP);
  const y = mod(4n * modInv(5n, EP), EP);
  const x2 = mod((y * y - 1n) * modInv(d * y * y + 1n, EP), EP);
  let x = modPow(x2, (EP + 3n) / 8n, EP);
  if (mod(x * x - x2, EP) !== 0n) x = mod(x * modPow(2n, (EP - 1n) / 4n, EP), EP);
  if (x & 1n) x = EP - x;
  edCurve = { d, base: [x, y, 1n, mod(x * y, EP)] };
  return edCurve;
}

function edAdd(p: Ext, q: Ext): Ext {
  const a = mod((p[1] - p[0]) * (q[1] - q[0]), EP);
  const b = mod((p[1] + p[0]) * (q[1] + q[0]), EP);
  const c = mod(2n * p[3] * q[3] * ed().d, EP);
  const d = mod(2n * p[2] * q[2], EP);
  const e = b - a;
  const f = d - c;
  const g = d + c;
  const h = b + a;
  return [mod(e * f, EP), mod(g * h, EP), mod(f * g, EP), mod(e * h, EP)];
}

function edMul(k: bigint, pt: Ext): Ext {
  let r: Ext = [0n, 1n, 1n, 0n];
  let addend = pt;
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) r = edAdd(r, addend);
    addend = edAdd(addend, addend);
  }
  return r;
}

function edEncode(p: Ext): Uint8Array {
  const zi = modInv(p[2], EP);
  const x = mod(p[0] * zi, EP);
  const y = mod(p[1] * zi, EP);
  const out = asn1.bigToBytes(y, 32).reverse();
  if (x & 1n) out[31]! |= 0x80;
  return out;
}

const le = (b: Uint8Array) => asn1.bytesToBig(Uint8Array.from(b).reverse());

function edSecret(seed: Uint8Array): { a: bigint; prefix: Uint8Array } {
  const h = sha512(seed);
  const a = h.slice(0, 32);
  a[0]! &= 248;
  a[31]! &= 127;
  a[31]! |= 64;
  return { a: le(a), prefix: h.slice(32) };
}

/** ed25519FromSeed derives the key pair of a 32-byte seed. */
export function ed25519FromSeed(seed: Uint8Array): PrivateKey {
  return { kind: 'ed25519', seed, pub: edEncode(edMul(edSecret(seed).a, ed().base)) };
}

/** generateEd25519 makes an Ed25519 key. */
export function generateEd25519(env: SprigEnv): PrivateKey {
  return ed25519FromSeed(randomBytes(env, 32));
}

/** publicKeyInfo is the SubjectPublicKeyInfo DER of a key. */
export function publicKeyInfo(k: PrivateKey): asn1.Der {
  switch (k.kind) {
    case 'rsa':
      return asn1.seq(
        asn1.seq(asn1.oid('1.2.840.113549.1.1.1'), asn1.nul()),
        asn1.bits(asn1.seq(asn1.integer(k.n), asn1.integer(k.e))),
      );
    case 'ecdsa':
      return asn1.seq(
        asn1.seq(asn1.oid('1.2.840.10045.2.1'), asn1.oid('1.2.840.10045.3.1.7')),
        asn1.bits(asn1.concat(Uint8Array.of(4), asn1.bigToBytes(k.x, 32), asn1.bigToBytes(k.y, 32))),
      );
    case 'ed25519':
      return asn1.seq(asn1.seq(asn1.oid('1.3.101.112')), asn1.bits(k.pub));
  }
}

/** signatureAlgorithm is the AlgorithmIdentifier Go's x509 uses to sign with a key. */
export function signatureAlgorithm(k: PrivateKey): asn1.Der {
  switch (k.kind) {
    case 'rsa':
      return asn1.seq(asn1.oid('1.2.840.113549.1.1.11'), asn1.nul());
    case 'ecdsa':
      return asn1.seq(asn1.oid('1.2.840.10045.4.3.2'));
    case 'ed25519':
      return asn1.seq(asn1.oid('1.3.101.112'));
  }
}

/** sign signs a message as Go's x509.CreateCertificate does for each key kind. */
export function sign(env: SprigEnv, k: PrivateKey, msg: Uint8Array): Uint8Array {
  switch (k.kind) {
    case 'rsa': {
      const digestInfo = asn1.seq(
        asn1.seq(asn1.oid('2.16.840.1.101.3.4.2.1'), asn1.nul()),
        asn1.octets(sha256(msg)),
      );
      const size = (k.n.toString(16).length + 1) >> 1;
      const em = new Uint8Array(size).fill(0xff);
      em[0] = 0;
      em[1] = 1;
      em[size - digestInfo.length - 1] = 0;
      em.set(digestInfo, size - digestInfo.length);
      return asn1.bigToBytes(modPow(asn1.bytesToBig(em), k.d, k.n), size);
    }
    case 'ecdsa': {
      const z = asn1.bytesToBig(sha256(msg));
      for (;;) {
        const kk = randomScalar(env);
        const r = mod(ecMul(kk, G)![0], N);
        if (r === 0n) continue;
        const s = mod(modInv(kk, N) * (z + r * k.d), N);
        if (s === 0n) continue;
        return asn1.seq(asn1.integer(r), asn1.integer(s));
      }
    }
    case 'ed25519': {
      const { a, prefix } = edSecret(k.seed);
      const r = mod(le(sha512(asn1.concat(prefix, msg))), EL);
      const R = edEncode(edMul(r, ed().base));
      const h = mod(le(sha512(asn1.concat(R, k.pub, msg))), EL);
      const s = mod(r + h * a, EL);
      return asn1.concat(R, asn1.bigToBytes(s, 32).reverse());
    }
  }
}

/** keyToPem encodes a key as sprig's pemBlockForKey does (PKCS#1, SEC 1 or PKCS#8). */
export function keyToPem(k: PrivateKey): string {
  switch (k.kind) {
    case 'rsa': {
      const der = asn1.seq(
        asn1.integer(0),
        asn1.integer(k.n),
        asn1.integer(k.e),
        asn1.integer(k.d),
        asn1.integer(k.p),
        asn1.integer(k.q),
        asn1.integer(k.d % (k.p - 1n)),
        asn1.integer(k.d % (k.q - 1n)),
        asn1.integer(modInv(k.q, k.p)),
      );
      return asn1.pemEncode('RSA PRIVATE KEY', der);
    }
    case 'ecdsa': {
      const der = asn1.seq(
        asn1.integer(1),
        asn1.octets(asn1.bigToBytes(k.d, 32)),
        asn1.ctx(0, asn1.oid('1.2.840.10045.3.1.7')),
        asn1.ctx(
          1,
          asn1.bits(asn1.concat(Uint8Array.of(4), asn1.bigToBytes(k.x, 32), asn1.bigToBytes(k.y, 32))),
        ),
      );
      return asn1.pemEncode('EC PRIVATE KEY', der);
    }
    case 'ed25519': {
      const der = asn1.seq(
        asn1.integer(0),
        asn1.seq(asn1.oid('1.3.101.112')),
        asn1.octets(asn1.octets(k.seed)),
      );
      return asn1.pemEncode('PRIVATE KEY', der);
    }
  }
}

/** KeyParseError carries Go's message for an unreadable private key. */
export class KeyParseError extends Error {}

function parseRsa(der: Uint8Array): PrivateKey {
  const s = asn1.parse(der).children;
  return {
    kind: 'rsa',
    n: asn1.intOf(s[1]),
    e: asn1.intOf(s[2]),
    d: asn1.intOf(s[3]),
    p: asn1.intOf(s[4]),
    q: asn1.intOf(s[5]),
  };
}

function parseEc(der: Uint8Array): PrivateKey {
  const s = asn1.parse(der).children;
  const d = asn1.bytesToBig(s[1]!.content);
  const curve = s.find((c) => c.tag === 0xa0);
  if (curve && asn1.oidOf(curve.children[0]) !== '1.2.840.10045.3.1.7') {
    throw new KeyParseError('x509: unknown elliptic curve');
  }
  const [x, y] = ecMul(d, G)!;
  return { kind: 'ecdsa', d, x, y };
}

function parsePkcs8(der: Uint8Array): PrivateKey {
  const s = asn1.parse(der).children;
  const alg = asn1.oidOf(s[1]?.children[0]);
  const inner = s[2]!.content;
  if (alg === '1.2.840.113549.1.1.1') return parseRsa(inner);
  if (alg === '1.2.840.10045.2.1') return parseEc(inner);
  if (alg === '1.3.101.112') return ed25519FromSeed(asn1.parse(inner).content.slice());
  throw new KeyParseError(`x509: PKCS#8 wrapping contained private key with unknown algorithm: ${alg}`);
}

/** parsePrivateKeyPem is sprig's parsePrivateKeyPEM; throws KeyParseError with its messages. */
export function parsePrivateKeyPem(pem: string): PrivateKey {
  const block = asn1.pemDecode(pem);
  if (!block) throw new KeyParseError('no PEM data in input');
  try {
    if (block.type === 'PRIVATE KEY') return parsePkcs8(block.bytes);
    if (!block.type.endsWith(' PRIVATE KEY')) {
      throw new KeyParseError(`no private key data in PEM block of type ${block.type}`);
    }
    const kind = block.type.slice(0, -12);
    if (kind === 'RSA') return parseRsa(block.bytes);
    if (kind === 'EC') return parseEc(block.bytes);
    throw new KeyParseError(`invalid private key type ${kind}`);
  } catch (e) {
    if (e instanceof KeyParseError) throw e;
    if (e instanceof asn1.Asn1Error || e instanceof TypeError) {
      throw new KeyParseError(
        `parsing private key from PEM: ${e instanceof asn1.Asn1Error ? e.message : 'asn1: syntax error'}`,
      );
    }
    throw e;
  }
}
