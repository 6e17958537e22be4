import { describe, expect, it } from 'vitest';
import { parseTemplateArgs } from './template-command';

// pflag semantics; error texts as helm v4.1.4 printed them after `Error: `.
describe('parseTemplateArgs', () => {
  const cases: {
    name: string;
    input: string[];
    want: { positional: string[]; flags: Record<string, string[]> };
  }[] = [
    {
      name: 'long flags with = and with a separate value',
      input: ['r', 'c', '--namespace=ns', '--set', 'a=1', '--set', 'b=2'],
      want: { positional: ['r', 'c'], flags: { namespace: ['ns'], set: ['a=1', 'b=2'] } },
    },
    {
      name: 'short flags: separate, attached and with =',
      input: ['-f', 'a.yaml', '-fb.yaml', '-s=templates/x.yaml', 'c'],
      want: { positional: ['c'], flags: { values: ['a.yaml', 'b.yaml'], 'show-only': ['templates/x.yaml'] } },
    },
    {
      name: 'string slices split on commas',
      input: ['c', '-a', 'x/v1,y/v1', '--api-versions', 'z/v1'],
      want: { positional: ['c'], flags: { 'api-versions': ['x/v1', 'y/v1', 'z/v1'] } },
    },
    {
      name: 'booleans, explicit false, and --',
      input: ['c', '--include-crds', '--is-upgrade=false', '--', '--not-a-flag'],
      want: {
        positional: ['c', '--not-a-flag'],
        flags: { 'include-crds': ['true'], 'is-upgrade': ['false'] },
      },
    },
    {
      name: 'the last value of a string flag wins',
      input: ['c', '-n', 'a', '-n', 'b'],
      want: { positional: ['c'], flags: { namespace: ['b'] } },
    },
  ];
  for (const { name, input, want } of cases) {
    it(name, () => {
      const got = parseTemplateArgs(input);
      expect({ positional: got.positional, flags: Object.fromEntries(got.flags) }).toEqual(want);
    });
  }
  const errors: { name: string; input: string[]; want: string }[] = [
    { name: 'unknown long flag', input: ['c', '--foo'], want: 'unknown flag: --foo' },
    { name: 'short flag without value', input: ['c', '-n'], want: "flag needs an argument: 'n' in -n" },
    { name: 'long flag without value', input: ['c', '--set'], want: 'flag needs an argument: --set' },
    { name: 'unknown shorthand', input: ['c', '-x'], want: "unknown shorthand flag: 'x' in -x" },
    {
      name: 'bad boolean',
      input: ['c', '--is-upgrade=maybe'],
      want: 'invalid argument "maybe" for "--is-upgrade" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    },
  ];
  for (const { name, input, want } of errors)
    it(name, () => expect(() => parseTemplateArgs(input)).toThrow(want));
});
