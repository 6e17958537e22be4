/**
 * Sprig's key and certificate functions (`genPrivateKey`, `genCA`, `genSelfSignedCert`,
 * `genSignedCert`, their `WithKey` forms, `buildCustomCert`): X.509 v3 certificates built as Go's
 * x509.CreateCertificate builds them for sprig's templates (serial, validity, key usage, extended
 * key usage, basic constraints, subject key id, SANs), signed with RSA, ECDSA P-256 or Ed25519.
 * DSA keys are not supported by this engine.
 */
import { GoError, GoMap, GoObject, GoPanic, type GoValue } from '../go';
import * as asn1 from './asn1';
import { intArg, strArg } from './cast';
import { base64Decode, CorruptInputError } from './encoding';
import { type FuncMap, goFunc, type SprigEnv } from './func';
import { sha256 } from './hash';
import {
  generateEcdsa,
  generateEd25519,
  generateRsa,
  KeyParseError,
  keyToPem,
  type PrivateKey,
  parsePrivateKeyPem,
  publicKeyInfo,
  randomBytes,
  sign,
  signatureAlgorithm,
} from './keys';

/** Certificate is sprig's `certificate` struct: PEM texts of a certificate and its key. */
export class Certificate extends GoObject {
  readonly goType = 'sprig.certificate';
  constructor(
    readonly cert: string,
    readonly key: string,
  ) {
    super();
  }
  override field(name: string): GoValue | undefined {
    if (name === 'Cert') return this.cert;
    if (name === 'Key') return this.key;
    return undefined;
  }
  override format(): string {
    return `{${this.cert} ${this.key}}`;
  }
  override toJSONValue(): GoValue {
    return new GoMap([
      ['Cert', this.cert],
      ['Key', this.key],
    ]);
  }
}

/** parseIp is net.ParseIP returning the bytes a SAN holds (4 for IPv4), or undefined. */
export function parseIp(s: string): Uint8Array | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    if (parts.some((p, i) => p > 255 || (v4[i + 1]!.length > 1 && v4[i + 1]![0] === '0'))) return undefined;
    return Uint8Array.from(parts);
  }
  if (!s.includes(':')) return undefined;
  let text = s;
  const dotted = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (dotted) {
    const v = parseIp(dotted[2]!);
    if (v?.length !== 4) return undefined;
    const hex = (a: number, b: number) => ((a << 8) | b).toString(16);
    text = `${dotted[1]}${hex(v[0]!, v[1]!)}:${hex(v[2]!, v[3]!)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  if ([...head, ...rest].some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const want = 8;
  const fill = want - head.length - rest.length;
  if (halves.length === 2 ? fill < 1 : fill !== 0) return undefined;
  const words = [
    ...head.map((g) => parseInt(g, 16)),
    ...new Array(fill).fill(0),
    ...rest.map((g) => parseInt(g, 16)),
  ];
  const out = new Uint8Array(16);
  words.forEach((w, i) => {
    out[2 * i] = w >> 8;
    out[2 * i + 1] = w & 0xff;
  });
  const isV4Mapped = out.subarray(0, 10).every((b) => b === 0) && out[10] === 0xff && out[11] === 0xff;
  return isV4Mapped ? out.slice(12) : out;
}

function stringList(v: GoValue, what: (x: string) => string): string[] {
  if (v === null) return [];
  const list = Array.isArray(v) ? v : [];
  return list.map((x) => {
    if (typeof x !== 'string') throw new GoError(what(x === null ? '<nil>' : String(x)));
    return x;
  });
}

function ext(oidText: string, critical: boolean, value: asn1.Der): asn1.Der {
  return critical
    ? asn1.seq(asn1.oid(oidText), asn1.bool(true), asn1.octets(value))
    : asn1.seq(asn1.oid(oidText), asn1.octets(value));
}

function keyUsage(bitsValue: number): asn1.Der {
  let reversed = 0;
  for (let i = 0; i < 8; i++) if (bitsValue & (1 << i)) reversed |= 0x80 >> i;
  let unused = 0;
  while (unused < 8 && !(reversed & (1 << unused))) unused++;
  return asn1.tlv(0x03, Uint8Array.of(unused === 8 ? 0 : unused, reversed));
}

interface Template {
  cn: string;
  ips: Uint8Array[];
  dns: string[];
  days: number;
  isCA: boolean;
}

function subjectName(cn: string): asn1.Der {
  if (cn === '') return asn1.seq();
  return asn1.seq(asn1.set(asn1.seq(asn1.oid('2.5.4.3'), asn1.text(cn))));
}

/** subjectKeyId is Go 1.25's generated key id: SHA-256 of the public key bits, truncated to 20 bytes. */
function subjectKeyId(k: PrivateKey): Uint8Array {
  const spki = asn1.parse(publicKeyInfo(k));
  return sha256(spki.children[1]!.content.subarray(1)).subarray(0, 20);
}

interface Issuer {
  name: asn1.Der;
  key: PrivateKey;
  keyId?: Uint8Array;
}

function createCertificate(env: SprigEnv, t: Template, subjectKey: PrivateKey, issuer?: Issuer): string {
  const subject = subjectName(t.cn);
  const now = env.now();
  const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const notAfter = new Date(notBefore.getTime() + t.days * 86400000);
  const serial = asn1.bytesToBig(randomBytes(env, 16));
  const signer = issuer?.key ?? subjectKey;
  const exts: asn1.Der[] = [
    ext('2.5.29.15', true, keyUsage(t.isCA ? 1 | 4 | 32 : 1 | 4)),
    ext('2.5.29.37', false, asn1.seq(asn1.oid('1.3.6.1.5.5.7.3.1'), asn1.oid('1.3.6.1.5.5.7.3.2'))),
    ext('2.5.29.19', true, t.isCA ? asn1.seq(asn1.bool(true)) : asn1.seq()),
  ];
  if (t.isCA) exts.push(ext('2.5.29.14', false, asn1.octets(subjectKeyId(subjectKey))));
  if (issuer?.keyId) exts.push(ext('2.5.29.35', false, asn1.seq(asn1.tlv(0x80, issuer.keyId))));
  if (t.dns.length > 0 || t.ips.length > 0) {
    const names = [
      ...t.dns.map((d) => asn1.tlv(0x82, new TextEncoder().encode(d))),
      ...t.ips.map((ip) => asn1.tlv(0x87, ip)),
    ];
    exts.push(ext('2.5.29.17', t.cn === '', asn1.seq(...names)));
  }
  const tbs = asn1.seq(
    asn1.ctx(0, asn1.integer(2)),
    asn1.integer(serial),
    signatureAlgorithm(signer),
    issuer?.name ?? subject,
    asn1.seq(asn1.time(notBefore), asn1.time(notAfter)),
    subject,
    publicKeyInfo(subjectKey),
    asn1.ctx(3, asn1.seq(...exts)),
  );
  const der = asn1.seq(tbs, signatureAlgorithm(signer), asn1.bits(sign(env, signer, tbs)));
  return asn1.pemEncode('CERTIFICATE', der);
}

function template(cn: GoValue, ips: GoValue, dns: GoValue, days: GoValue, isCA = false): Template {
  const ipList = stringList(ips, (x) => `error parsing ip: ${x} is not a string`).map((s) => {
    const ip = parseIp(s);
    if (!ip) throw new GoError(`error parsing ip: ${s}`);
    return ip;
  });
  const dnsList = stringList(dns, (x) => `error processing alternate dns name: ${x} is not a string`);
  return { cn: strArg(cn), ips: ipList, dns: dnsList, days: intArg(days), isCA };
}

function withKey(pem: GoValue, prefix: string): PrivateKey {
  try {
    return parsePrivateKeyPem(strArg(pem));
  } catch (e) {
    if (e instanceof KeyParseError) throw new GoError(`${prefix}${e.message}`);
    throw e;
  }
}

/** parseCertificate reads a certificate's issuer-relevant parts (subject and key id). */
function parseCertificate(der: Uint8Array): { subject: asn1.Der; keyId?: Uint8Array } {
  const tbs = asn1.parse(der).children[0];
  if (tbs?.tag !== 0x30) throw new asn1.Asn1Error('x509: malformed certificate');
  const f = tbs.children;
  const off = f[0]?.tag === 0xa0 ? 1 : 0;
  const subject = f[off + 4];
  if (subject?.tag !== 0x30) throw new asn1.Asn1Error('x509: malformed subject');
  let keyId: Uint8Array | undefined;
  const exts = f.find((n) => n.tag === 0xa3)?.children[0]?.children ?? [];
  for (const e of exts) {
    if (asn1.oidOf(e.children[0]) === '2.5.29.14')
      keyId = asn1.parse(e.children[e.children.length - 1]!.content).content;
  }
  return { subject: subject.raw, keyId };
}

function signerOf(ca: GoValue): Issuer {
  if (!(ca instanceof Certificate)) throw new GoError('unable to decode certificate');
  const block = asn1.pemDecode(ca.cert);
  if (!block) throw new GoError('unable to decode certificate');
  let parsed: { subject: asn1.Der; keyId?: Uint8Array };
  try {
    parsed = parseCertificate(block.bytes);
  } catch (e) {
    if (e instanceof asn1.Asn1Error)
      throw new GoError(`error parsing certificate: decodedSignerCert.Bytes: ${e.message}`);
    throw e;
  }
  const key = withKey(ca.key, 'error parsing private key: ');
  return { name: parsed.subject, key, keyId: parsed.keyId };
}

function generatePrivateKey(env: SprigEnv, type: string): string {
  switch (type) {
    case '':
    case 'rsa':
      return keyToPem(generateRsa(env, 4096));
    case 'ecdsa':
      return keyToPem(generateEcdsa(env));
    case 'ed25519':
      return keyToPem(generateEd25519(env));
    case 'dsa':
      throw new GoPanic('genPrivateKey "dsa" is not supported by this engine');
    default:
      return `Unknown type ${type}`;
  }
}

/** certFuncs returns sprig's key and certificate functions. */
export function certFuncs(env: SprigEnv): FuncMap {
  const S = 'string' as const;
  const I = 'int' as const;
  const L = '[]interface {}' as const;
  const C = 'sprig.certificate' as const;
  const rsa = () => generateRsa(env, 2048);
  const ca = (t: Template, key: PrivateKey) => new Certificate(createCertificate(env, t, key), keyToPem(key));
  const self = ca;
  const signed = (t: Template, key: PrivateKey, issuer: Issuer) =>
    new Certificate(createCertificate(env, t, key, issuer), keyToPem(key));
  return {
    genPrivateKey: goFunc('genPrivateKey', [S], (t) => generatePrivateKey(env, strArg(t))),
    genCA: goFunc('genCA', [S, I], (cn, d) => ca(template(cn, null, null, d, true), rsa())),
    genCAWithKey: goFunc('genCAWithKey', [S, I, S], (cn, d, k) =>
      ca(template(cn, null, null, d, true), withKey(k, 'parsing private key: ')),
    ),
    genSelfSignedCert: goFunc('genSelfSignedCert', [S, L, L, I], (cn, ips, dns, d) =>
      self(template(cn, ips, dns, d), rsa()),
    ),
    genSelfSignedCertWithKey: goFunc('genSelfSignedCertWithKey', [S, L, L, I, S], (cn, ips, dns, d, k) =>
      self(template(cn, ips, dns, d), withKey(k, 'parsing private key: ')),
    ),
    genSignedCert: goFunc('genSignedCert', [S, L, L, I, C], (cn, ips, dns, d, c) => {
      const issuer = signerOf(c);
      return signed(template(cn, ips, dns, d), rsa(), issuer);
    }),
    genSignedCertWithKey: goFunc('genSignedCertWithKey', [S, L, L, I, C, S], (cn, ips, dns, d, c, k) => {
      const issuer = signerOf(c);
      return signed(template(cn, ips, dns, d), withKey(k, 'parsing private key: '), issuer);
    }),
    buildCustomCert: goFunc('buildCustomCert', [S, S], (c64, k64) => {
      const decode = (s: GoValue, what: string) => {
        try {
          return new TextDecoder().decode(base64Decode(strArg(s)));
        } catch (e) {
          if (e instanceof CorruptInputError) throw new GoError(`unable to decode base64 ${what}`);
          throw e;
        }
      };
      const cert = decode(c64, 'certificate');
      const key = decode(k64, 'private key');
      const block = asn1.pemDecode(cert);
      if (!block) throw new GoError('unable to decode certificate');
      try {
        parseCertificate(block.bytes);
      } catch (e) {
        if (e instanceof asn1.Asn1Error)
          throw new GoError(`error parsing certificate: decodedCert.Bytes: ${e.message}`);
        throw e;
      }
      withKey(key, 'error parsing private key: ');
      return new Certificate(cert, key);
    }),
  };
}
