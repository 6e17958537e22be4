import { describe, expect, it } from 'vitest';
import { environmentNameError, secretsFileName, seedEnvironments, valuesFileName } from './environments';

describe('seedEnvironments', () => {
  const cases: {
    name: string;
    input: { path: string; text: string }[];
    want: { name: string; overlay: string }[];
  }[] = [
    {
      name: 'the chart ships all three',
      input: [
        { path: 'values.yaml', text: 'defaults' },
        { path: 'values.prod.yaml', text: 'p' },
        { path: 'values.dev.yaml', text: 'd' },
        { path: 'values.staging.yaml', text: 's' },
      ],
      want: [
        { name: 'dev', overlay: 'd' },
        { name: 'staging', overlay: 's' },
        { name: 'prod', overlay: 'p' },
      ],
    },
    {
      name: 'missing files give empty overlays, other environments follow sorted',
      input: [
        { path: 'values.qa.yaml', text: 'q' },
        { path: 'values.demo.yaml', text: 'x' },
        { path: 'ci/values.ci.yaml', text: 'not at the root' },
        { path: 'values.Bad.yaml', text: 'not a valid name' },
      ],
      want: [
        { name: 'dev', overlay: '' },
        { name: 'staging', overlay: '' },
        { name: 'prod', overlay: '' },
        { name: 'demo', overlay: 'x' },
        { name: 'qa', overlay: 'q' },
      ],
    },
  ];
  for (const c of cases) it(c.name, () => expect(seedEnvironments(c.input)).toEqual(c.want));
});

describe('environmentNameError', () => {
  const cases: { name: string; input: string; want: string | null }[] = [
    { name: 'valid', input: 'qa-eu', want: null },
    { name: 'empty', input: '', want: 'Enter a name for the environment.' },
    { name: 'taken', input: 'prod', want: 'There is already an environment named prod.' },
    {
      name: 'uppercase',
      input: 'QA',
      want: 'Use lowercase letters, digits and "-" (it becomes values.<name>.yaml).',
    },
    {
      name: 'dot',
      input: 'a.b',
      want: 'Use lowercase letters, digits and "-" (it becomes values.<name>.yaml).',
    },
    { name: 'too long', input: 'a'.repeat(31), want: 'Use at most 30 characters.' },
  ];
  for (const c of cases)
    it(c.name, () => expect(environmentNameError(c.input, ['dev', 'prod'])).toBe(c.want));
});

describe('file names', () => {
  it('values', () => expect(valuesFileName('prod')).toBe('values.prod.yaml'));
  it('secrets', () => expect(secretsFileName('prod')).toBe('secrets.prod.yaml'));
});
