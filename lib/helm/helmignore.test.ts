import { describe, expect, it } from 'vitest';
import { globMatch, HelmIgnore, isPathIgnored } from './helmignore';

// Expected results follow Go's filepath.Match documentation and Helm's documented .helmignore rules.
describe('globMatch', () => {
  const cases = [
    { name: 'star within a segment', input: ['*.txt', 'a.txt'], want: true },
    { name: 'star does not cross /', input: ['*.txt', 'dir/a.txt'], want: false },
    { name: 'question mark', input: ['a?c', 'abc'], want: true },
    { name: 'question mark not /', input: ['a?c', 'a/c'], want: false },
    { name: 'class range', input: ['[a-c]x', 'bx'], want: true },
    { name: 'negated class', input: ['[^a-c]x', 'bx'], want: false },
    { name: 'escaped star', input: ['a\\*', 'a*'], want: true },
    { name: 'escaped star is literal', input: ['a\\*', 'ab'], want: false },
    { name: 'whole path', input: ['templates/*.yaml', 'templates/a.yaml'], want: true },
    { name: 'trailing star stops at /', input: ['a*', 'ab/c'], want: false },
    { name: 'unicode rune for ?', input: ['?', 'é'], want: true },
  ] as const;
  for (const c of cases) {
    it(c.name, () => expect(globMatch(c.input[0], c.input[1])).toBe(c.want));
  }
  const bad = ['[', 'a[', '[]', '[a-]', 'a\\', '[^]'];
  for (const p of bad) {
    it(`rejects ${p}`, () => expect(() => globMatch(p, 'abc')).toThrow('syntax error in pattern'));
  }
});

describe('HelmIgnore', () => {
  const rules = `# comment\n*.bak\n/secret.txt\ndocs/\ntemplates/*.tmp\n`;
  const cases = [
    { name: 'base name pattern anywhere', input: 'a/b/x.bak', want: true },
    { name: 'rooted pattern at root', input: 'secret.txt', want: true },
    { name: 'rooted pattern not nested', input: 'a/secret.txt', want: false },
    { name: 'directory rule ignores contents', input: 'docs/readme.md', want: true },
    { name: 'directory rule does not match a file named docs', input: 'docs', want: false },
    { name: 'path pattern', input: 'templates/x.tmp', want: true },
    { name: 'path pattern not deeper', input: 'templates/sub/x.tmp', want: false },
    { name: 'default rule ignores template dotfiles', input: 'templates/.hidden', want: true },
    {
      name: 'default rule does not reach subchart templates',
      input: 'charts/s/templates/.hidden',
      want: false,
    },
    { name: 'kept file', input: 'values.yaml', want: false },
  ];
  const r = HelmIgnore.parse(rules).withDefaults();
  for (const c of cases) {
    it(c.name, () => expect(isPathIgnored(r, c.input)).toBe(c.want));
  }
  it('rejects **', () => {
    expect(() => HelmIgnore.parse('a/**/b\n')).toThrow('double-star (**) syntax is not supported');
  });
  it('rejects a bad pattern', () => {
    expect(() => HelmIgnore.parse('[\n')).toThrow('syntax error in pattern');
  });
  it('a negated rule ignores what it does not match', () => {
    const n = HelmIgnore.parse('!keep.txt\n');
    expect(n.ignores('keep.txt', false)).toBe(false);
    expect(n.ignores('other.txt', false)).toBe(true);
  });
  it('strips a BOM and CRLF', () => {
    const b = HelmIgnore.parse('\uFEFF*.bak\r\n');
    expect(b.ignores('x.bak', false)).toBe(true);
  });
});
