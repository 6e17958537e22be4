// Keys and certificates made by lib/sprig are checked with openssl: they parse, keys are
// consistent, signatures verify, and the X.509 fields are the ones sprig's templates set.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GoInt, type GoObject, type GoValue } from '@/lib/go';
import { sprigFuncs, strval } from '@/lib/sprig';

const dir = mkdtempSync(join(tmpdir(), 'sprig-certs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const funcs = sprigFuncs({ now: () => new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) });
const call = (name: string, ...args: GoValue[]) => funcs[name]!.fn(...args);
const int = (n: number) => new GoInt(BigInt(n));

function openssl(args: string[], input?: string): { status: number | null; out: string } {
  const r = spawnSync('openssl', args, { input, encoding: 'utf8', cwd: dir });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const field = (o: GoValue, f: string) => strval((o as GoObject).field(f)!);

describe('certificates and keys verified by openssl', () => {
  const ca = call('genCA', 'my-ca', int(365));
  const caCert = file('ca.pem', field(ca, 'Cert'));

  it('genCA makes a self-signed CA with its RSA key', () => {
    const text = openssl(['x509', '-in', caCert, '-noout', '-text']).out;
    expect(text).toContain('Subject: CN = my-ca');
    expect(text).toContain('Issuer: CN = my-ca');
    expect(text).toContain('CA:TRUE');
    expect(text).toContain('Certificate Sign');
    expect(text).toContain('Public-Key: (2048 bit)');
    expect(text).toContain('Not Before: Jan  2 03:04:05 2024 GMT');
    expect(text).toContain('Not After : Jan  1 03:04:05 2025 GMT');
    expect(openssl(['verify', '-attime', '1704330000', '-CAfile', caCert, caCert]).out).toContain('OK');
    expect(field(ca, 'Key')).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    expect(openssl(['rsa', '-check', '-noout', '-in', file('ca.key', field(ca, 'Key'))]).out).toContain(
      'RSA key ok',
    );
  });

  it('genSignedCert is signed by the CA, with SANs and server/client usages', () => {
    const cert = call('genSignedCert', 'svc', ['10.0.0.1', '::1'], ['svc.example.com'], int(30), ca);
    const p = file('leaf.pem', field(cert, 'Cert'));
    const text = openssl(['x509', '-in', p, '-noout', '-text']).out;
    expect(text).toContain('DNS:svc.example.com, IP Address:10.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(text).toContain('TLS Web Server Authentication, TLS Web Client Authentication');
    expect(text).toContain('CA:FALSE');
    expect(openssl(['verify', '-attime', '1704330000', '-CAfile', caCert, p]).out).toContain(': OK');
  });

  it('genSelfSignedCertWithKey uses the given EC and Ed25519 keys', () => {
    for (const type of ['ecdsa', 'ed25519']) {
      const key = strval(call('genPrivateKey', type));
      expect(openssl(['pkey', '-noout', '-check', '-in', file(`${type}.key`, key)]).out).toMatch(/valid/i);
      const cert = call('genSelfSignedCertWithKey', 'self', [], ['a.example'], int(10), key);
      const p = file(`${type}.pem`, field(cert, 'Cert'));
      expect(openssl(['verify', '-attime', '1704330000', '-CAfile', p, '-partial_chain', p]).status).toBe(0);
      const pub1 = openssl(['x509', '-in', p, '-noout', '-pubkey']).out;
      const pub2 = openssl(['pkey', '-pubout', '-in', file(`${type}2.key`, key)]).out;
      expect(pub1).toBe(pub2);
    }
  });

  it('genPrivateKey "rsa" makes a valid 4096-bit PKCS#1 key', () => {
    const key = strval(call('genPrivateKey', 'rsa'));
    expect(key).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    const out = openssl(['rsa', '-check', '-noout', '-text', '-in', file('rsa4096.key', key)]).out;
    expect(out).toContain('Private-Key: (4096 bit, 2 primes)');
    expect(out).toContain('RSA key ok');
  }, 120_000);

  it('buildCustomCert round-trips a certificate and rejects bad input', () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const built = call('buildCustomCert', b64(field(ca, 'Cert')), b64(field(ca, 'Key')));
    expect(field(built, 'Cert')).toBe(field(ca, 'Cert'));
    expect(() => call('buildCustomCert', '!', b64(field(ca, 'Key')))).toThrow(
      'unable to decode base64 certificate',
    );
    expect(() => call('genCAWithKey', 'x', int(1), 'nope')).toThrow(
      'parsing private key: no PEM data in input',
    );
    expect(strval(call('genPrivateKey', 'foo'))).toBe('Unknown type foo');
    expect(() => call('genSelfSignedCert', 'x', ['300.1.1.1'], [], int(1))).toThrow(
      'error parsing ip: 300.1.1.1',
    );
  });
});
