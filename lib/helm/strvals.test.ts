import { describe, expect, it } from 'vitest';
import { GoInt, GoMap, type GoValue } from '@/lib/go';
import { parseSet } from './strvals';

// Expected values are ENGINE.md §3.2's verified behaviour of `helm template --set` (v4.1.4).
function plain(v: GoValue): unknown {
  if (v instanceof GoMap) return Object.fromEntries([...v].map(([k, e]) => [k, plain(e)]));
  if (Array.isArray(v)) return v.map(plain);
  if (v instanceof GoInt) return `${v.type}:${v.value}`;
  return v;
}

describe('parseSet', () => {
  const cases = [
    { name: 'integers are int64', input: 'seti=5', want: { seti: 'int64:5' } },
    { name: 'floats stay strings', input: 'setf=1.5', want: { setf: '1.5' } },
    { name: 'leading zero stays a string', input: 'setz=0123', want: { setz: '0123' } },
    { name: 'zero is int64', input: 'z=0', want: { z: 'int64:0' } },
    { name: 'booleans and null', input: 'b=TRUE,c=false,n=Null', want: { b: true, c: false, n: null } },
    { name: 'escaped dot stays in the key', input: 'a.b\\.c=1', want: { a: { 'b.c': 'int64:1' } } },
    { name: 'gaps in lists are null', input: 'l[0]=x,l[2]=z', want: { l: ['x', null, 'z'] } },
    { name: 'brace list', input: 'n={a,b,c}', want: { n: ['a', 'b', 'c'] } },
    { name: 'escaped comma', input: 'a=x\\,y', want: { a: 'x,y' } },
    { name: 'empty value', input: 'e=', want: { e: '' } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const m = new GoMap();
      parseSet(c.input, m, 'set');
      expect(plain(m)).toEqual(c.want);
    });
  }
  it('--set-string keeps strings', () => {
    const m = new GoMap();
    parseSet('a=5,b=true', m, 'string');
    expect(plain(m)).toEqual({ a: '5', b: 'true' });
  });
  it('--set-literal keeps the rest of the expression', () => {
    const m = new GoMap();
    parseSet('a={x,y},b=c', m, 'literal');
    expect(plain(m)).toEqual({ a: '{x,y},b=c' });
  });
  it('--set-json numbers are float64', () => {
    const m = new GoMap();
    parseSet('a={"b":[1,2.5]}', m, 'json');
    expect(plain(m)).toEqual({ a: { b: [1, 2.5] } });
  });
  const errors = [
    { name: 'key without value', input: 'a', want: 'key "a" has no value' },
    { name: 'unterminated list', input: 'a={x', want: "list must terminate with '}'" },
    {
      name: 'index too large',
      input: 'a[65537]=1',
      want: 'index of 65537 is greater than maximum supported index of 65536',
    },
    {
      name: 'map over a scalar',
      input: 'a=1,a.b=2',
      want: 'unable to parse key: interface conversion: interface {} is int64, not map[string]interface {}',
    },
  ];
  for (const c of errors) {
    it(`error: ${c.name}`, () => expect(() => parseSet(c.input, new GoMap(), 'set')).toThrow(c.want));
  }
});
