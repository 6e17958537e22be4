import { describe, expect, it } from 'vitest';
import { GoMap, GoPanic, type GoValue, sliceMethods } from '../go';
import { compileGlob, makeFiles, makeRelease, makeValues, parseKubeVersion, versionSet } from './builtins';

describe('parseKubeVersion', () => {
  // Wants: `{{ .Capabilities.KubeVersion }}|.Version|.Major|.Minor` printed by helm v4.1.4 --kube-version X.
  const cases: { name: string; input: string; want: string }[] = [
    { name: 'two components', input: '1.28', want: 'v1.28|v1.28|1|28' },
    { name: 'suffix kept in Version only', input: 'v1.30.2-gke.100', want: 'v1.30.2|v1.30.2-gke.100|1|30' },
    { name: 'four components', input: '1.2.3.4', want: 'v1.2.3.4|v1.2.3.4|1|2' },
    { name: 'trailing junk', input: '1.2x', want: 'v1.2|v1.2x|1|2' },
  ];
  for (const { name, input, want } of cases) {
    it(name, () => {
      const kv = parseKubeVersion(input);
      expect(`${kv.string()}|${kv.version}|${kv.major}|${kv.minor}`).toBe(want);
    });
  }
  const errors: { name: string; input: string; want: string }[] = [
    { name: 'not a version', input: 'abc', want: 'could not parse "abc" as version' },
    { name: 'one component', input: '1', want: 'illegal version string "1"' },
    { name: 'zero prefix', input: '01.2', want: 'illegal zero-prefixed version component "01" in "01.2"' },
  ];
  for (const { name, input, want } of errors)
    it(name, () => expect(() => parseKubeVersion(input)).toThrow(want));
});

describe('compileGlob', () => {
  const cases: { name: string; input: [string, string]; want: boolean }[] = [
    { name: 'star stays in a segment', input: ['files/*', 'files/sub/c.txt'], want: false },
    { name: 'double star crosses', input: ['files/**', 'files/sub/c.txt'], want: true },
    { name: 'alternatives', input: ['files/*.{txt,conf}', 'files/b.conf'], want: true },
    { name: 'negated class', input: ['files/[!a].txt', 'files/a.txt'], want: false },
    { name: 'question mark', input: ['files/?.txt', 'files/a.txt'], want: true },
  ];
  for (const { name, input, want } of cases)
    it(name, () => expect(compileGlob(input[0])?.test(input[1])).toBe(want));
  it('a malformed pattern does not compile', () => expect(compileGlob('files/[')).toBeNull());
});

const enc = new TextEncoder();
function files(): GoMap {
  return makeFiles(
    [
      ['files/a.txt', enc.encode('line1\nline2\n')],
      ['files/empty.txt', new Uint8Array(0)],
      ['files/sub/c.txt', enc.encode('c')],
    ],
    {
      toYaml: () => {
        throw new Error('not used here');
      },
      base64: () => '',
    },
  );
}
function call(m: GoMap, name: string, ...args: GoValue[]): GoValue {
  const f = m.methods?.[name];
  if (!f) throw new Error(`no method ${name}`);
  return f.fn(...args);
}

describe('.Files', () => {
  it('Get returns the text, or "" when missing', () => {
    expect(call(files(), 'Get', 'files/a.txt')).toBe('line1\nline2\n');
    expect(call(files(), 'Get', 'nope')).toBe('');
  });
  it('Lines drops one trailing newline', () =>
    expect(call(files(), 'Lines', 'files/a.txt')).toEqual(['line1', 'line2']));
  it('Lines of a missing file is empty', () => expect(call(files(), 'Lines', 'nope')).toEqual([]));
  it('Lines of an empty file panics as in v4.1.4', () => {
    expect(() => call(files(), 'Lines', 'files/empty.txt')).toThrow(GoPanic);
  });
  it('Glob keeps matching paths', () => {
    expect([...(call(files(), 'Glob', 'files/*.txt') as GoMap).keys()]).toEqual([
      'files/a.txt',
      'files/empty.txt',
    ]);
  });
  it('an invalid Glob pattern selects everything', () => {
    expect((call(files(), 'Glob', 'files/[') as GoMap).size).toBe(3);
  });
});

describe('.Values methods', () => {
  const v = makeValues(
    new GoMap([
      ['a', new GoMap([['b', 1]])],
      ['s', 'x'],
    ]),
    () => '',
  );
  it('Table returns a nested table', () => expect((call(v, 'Table', 'a') as GoMap).get('b')).toBe(1));
  it('Table of a scalar fails', () => expect(() => call(v, 'Table', 's')).toThrow('"s" is not a table'));
  it('PathValue reads a scalar', () => expect(call(v, 'PathValue', 'a.b')).toBe(1));
  it('PathValue of a table fails', () =>
    expect(() => call(v, 'PathValue', 'a')).toThrow('"a" is not a value'));
  it('PathValue of an empty path fails', () =>
    expect(() => call(v, 'PathValue', '')).toThrow('YAML path cannot be empty'));
});

describe('.Release and APIVersions', () => {
  it('has the fields helm prints', () => {
    expect([...makeRelease({ name: 'r', namespace: 'ns', isUpgrade: false }).keys()].sort()).toEqual([
      'IsInstall',
      'IsUpgrade',
      'Name',
      'Namespace',
      'Revision',
      'Service',
    ]);
  });
  it('VersionSet.Has is an exact match', () => {
    const has = sliceMethods(versionSet(['apps/v1']))?.Has;
    expect(has?.fn('apps/v1')).toBe(true);
    expect(has?.fn('apps')).toBe(false);
  });
});
