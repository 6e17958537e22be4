import { describe, expect, it } from 'vitest';
import { comparable } from './compare';
import { splitArgs } from './harness.mjs';

describe('splitArgs', () => {
  const cases: { name: string; input: string; want: string[] }[] = [
    { name: 'words', input: 'rel charts/x --set a=1', want: ['rel', 'charts/x', '--set', 'a=1'] },
    {
      name: 'newlines and tabs separate words',
      input: 'rel\n  charts/x\t-f v.yaml\n',
      want: ['rel', 'charts/x', '-f', 'v.yaml'],
    },
    {
      name: 'comment lines are dropped',
      input: '# about\nrel charts/x\n  # more\n--no-hooks',
      want: ['rel', 'charts/x', '--no-hooks'],
    },
    {
      name: 'single quotes are literal',
      input: `--set 'a\\,b={x}' '"q"'`,
      want: ['--set', 'a\\,b={x}', '"q"'],
    },
    { name: 'double quotes allow \\" and \\\\', input: '"a \\"b\\" \\\\ c"', want: ['a "b" \\ c'] },
    { name: 'a backslash outside quotes escapes', input: 'a\\ b c', want: ['a b', 'c'] },
    { name: 'quotes join a word', input: `--set-json 'j={"k":1}'x`, want: ['--set-json', 'j={"k":1}x'] },
    { name: 'empty quotes are an empty word', input: `--set a= ''`, want: ['--set', 'a=', ''] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(splitArgs(c.input)).toEqual(c.want);
    });
  }

  it('refuses an unterminated quote', () => {
    expect(() => splitArgs(`--set 'a=1`)).toThrow(/unterminated/);
  });
});

describe('comparable', () => {
  const cases: { name: string; input: [string, boolean, boolean]; want: string }[] = [
    { name: 'stdout is kept as it is', input: ['b\na\nlevel=x\n', false, false], want: 'b\na\nlevel=x\n' },
    {
      name: 'stderr log lines are sorted ahead of the rest',
      input: ['level=WARN b\nError: x\nlevel=INFO a\n', false, true],
      want: 'level=INFO a\nlevel=WARN b\nError: x\n',
    },
    {
      name: 'an unordered stream is a sorted list of lines',
      input: ['- b\n- a\nError: x', true, true],
      want: '- a\n- b\nError: x',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(comparable(...c.input)).toBe(c.want);
    });
  }
});
