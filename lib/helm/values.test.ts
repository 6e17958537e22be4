import { describe, expect, it } from 'vitest';
import { GoInt, GoMap, type GoValue } from '@/lib/go';
import type { Chart } from './chart';
import { coalesceValues, mergeMaps, mergeValueSources } from './values';

// Expected values are ENGINE.md §3.3's verified examples (helm v4.1.4).
function m(obj: Record<string, unknown>): GoMap {
  const out = new GoMap();
  for (const [k, v] of Object.entries(obj)) {
    out.set(
      k,
      v !== null && typeof v === 'object' && !(v instanceof GoInt)
        ? m(v as Record<string, unknown>)
        : (v as GoValue),
    );
  }
  return out;
}

function plain(v: GoValue): unknown {
  if (v instanceof GoMap) return Object.fromEntries([...v].map(([k, e]) => [k, plain(e)]));
  if (v instanceof GoInt) return Number(v.value);
  return v;
}

const chart = (values: GoMap, dependencies: Chart[] = []): Chart => ({
  metadata: { apiVersion: 'v2', name: 'c4', version: '0.1.0' },
  templates: [],
  values,
  rawValues: '',
  files: [],
  crds: [],
  dependencies,
  raw: [],
});

describe('coalesceValues', () => {
  const defaults = () => m({ nn: 1, keep: null, a: { xx: 2, yy: 1, zz: { q: 1 } }, g: { h: 1 } });
  const cases = [
    {
      name: 'user nulls delete defaults, unknown nulls stay',
      input: m({ a: { yy: null, zz: null }, b: null, c: { d: null }, nn: null, g: { h: null } }),
      want: { a: { xx: 2 }, b: null, c: { d: null }, g: {}, keep: null },
    },
    {
      name: 'nested null on an unknown key is kept',
      input: m({ a: { xx: null, new: null }, keep: 5 }),
      want: { a: { new: null, yy: 1, zz: { q: 1 } }, keep: 5, nn: 1, g: { h: 1 } },
    },
  ];
  for (const c of cases) {
    it(c.name, () => expect(plain(coalesceValues(chart(defaults()), c.input))).toEqual(c.want));
  }
  it('does not modify the user values', () => {
    const user = m({ a: { yy: null } });
    coalesceValues(chart(defaults()), user);
    expect(plain(user)).toEqual({ a: { yy: null } });
  });
  it('copies globals into subcharts, parent first', () => {
    const sub = chart(m({ global: { s: 1, p: 'sub' }, v: 1 }));
    sub.metadata = { ...sub.metadata, name: 'sub' };
    const out = coalesceValues(chart(m({ global: { p: 'parent' } }), [sub]), new GoMap());
    expect(plain(out.get('sub') as GoValue)).toEqual({ global: { p: 'parent', s: 1 }, v: 1 });
  });
  it('reports a non-map subchart section', () => {
    const sub = chart(new GoMap());
    sub.metadata = { ...sub.metadata, name: 'sub' };
    expect(() => coalesceValues(chart(new GoMap(), [sub]), m({ sub: 'x' }))).toThrow(
      'type mismatch on sub: %!t(string=x)',
    );
  });
});

describe('mergeMaps', () => {
  const cases = [
    {
      name: 'later documents win, maps merge',
      input: [m({ a: 1, b: { c: 1 } }), m({ a: 3, b: { d: 2 } })],
      want: { a: 3, b: { c: 1, d: 2 } },
    },
    { name: 'scalar replaces a map', input: [m({ a: { b: 1 } }), m({ a: 2 })], want: { a: 2 } },
  ];
  for (const c of cases) {
    it(c.name, () => expect(plain(mergeMaps(c.input[0] as GoMap, c.input[1] as GoMap))).toEqual(c.want));
  }
});

describe('mergeValueSources', () => {
  it('reads a values file again unchanged after a --set wrote into the maps it gave', () => {
    const file = 'image:\n  repository: app\nlist: [1, 2]\n';
    const first = mergeValueSources({ valueFiles: [file], set: ['image.tag=v1', 'list[0]=9'] });
    expect(plain(first)).toEqual({
      image: { repository: 'app', tag: 'v1' },
      list: [new GoInt(9n, 'int64'), 2],
    });
    (first.get('image') as GoMap).set('extra', 'x');
    const second = mergeValueSources({ valueFiles: [file] });
    expect(plain(second)).toEqual({ image: { repository: 'app' }, list: [1, 2] });
    const third = mergeValueSources({ valueFiles: [file] });
    expect(third.get('image')).not.toBe(second.get('image'));
  });
});
