import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, parseDoc, SHARE_PARAM, serializeDoc } from './persist';
import type { StudioDoc } from './state';

const doc: StudioDoc = {
  envs: [
    { name: 'dev', overlay: '# comment kept\nreplicaCount: 1\nenv:\n  GREETING: "héllo ✓"\n' },
    { name: 'prod', overlay: '' },
  ],
  current: 'prod',
  release: { name: 'api-gateway', namespace: 'apps' },
};

describe('serializeDoc / parseDoc', () => {
  it('round-trips a document', () => expect(parseDoc(serializeDoc(doc))).toEqual(doc));
  it('drops fields that are not part of the document', () => {
    const withExtra = { ...doc, secrets: { dev: { key: 'top-secret' } } } as unknown as StudioDoc;
    expect(serializeDoc(withExtra)).not.toContain('top-secret');
  });
  const bad: { name: string; input: string | null }[] = [
    { name: 'missing', input: null },
    { name: 'not JSON', input: '{' },
    { name: 'another version', input: JSON.stringify({ v: 2, doc }) },
    { name: 'no environment', input: JSON.stringify({ v: 1, doc: { ...doc, envs: [] } }) },
    {
      name: 'duplicate environment',
      input: JSON.stringify({ v: 1, doc: { ...doc, envs: [doc.envs[0], doc.envs[0]] } }),
    },
  ];
  for (const c of bad) it(`rejects ${c.name}`, () => expect(parseDoc(c.input)).toBeNull());
});

describe('encodeShare / decodeShare', () => {
  it('round-trips through a URL fragment', () => {
    const fragment = encodeShare(doc);
    expect(fragment.startsWith(`${SHARE_PARAM}=`)).toBe(true);
    expect(fragment).toMatch(/^[A-Za-z0-9=_-]+$/);
    expect(decodeShare(`#${fragment}`)).toEqual(doc);
  });
  it('compresses repetitive values', () => {
    const big = { ...doc, envs: [{ name: 'dev', overlay: 'key: value\n'.repeat(500) }] };
    expect(encodeShare(big).length).toBeLessThan(300);
  });
  const bad: { name: string; input: string }[] = [
    { name: 'empty', input: '' },
    { name: 'other parameter', input: '#foo=bar' },
    { name: 'not deflate', input: `#${SHARE_PARAM}=AAAA` },
    { name: 'not base64', input: `#${SHARE_PARAM}=%%%` },
  ];
  for (const c of bad) it(`returns null for ${c.name}`, () => expect(decodeShare(c.input)).toBeNull());
});
