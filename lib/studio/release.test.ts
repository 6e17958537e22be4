import { describe, expect, it } from 'vitest';
import { helmReleaseNameError, validateNamespace, validateReleaseName } from './release';

describe('validateReleaseName', () => {
  const cases: { name: string; input: string; want: string | null }[] = [
    { name: 'simple', input: 'api-gateway', want: null },
    { name: 'dotted', input: 'api.gateway-1', want: null },
    { name: 'digits first', input: '1api', want: null },
    { name: '53 characters', input: 'a'.repeat(53), want: null },
    {
      name: '54 characters',
      input: 'a'.repeat(54),
      want: 'A release name can have at most 53 characters (this one has 54).',
    },
    { name: 'empty', input: '', want: 'Enter a release name.' },
    { name: 'uppercase', input: 'Api', want: 'Use lowercase letters only.' },
    { name: 'leading dash', input: '-api', want: 'Start with a lowercase letter or a digit.' },
    { name: 'trailing dot', input: 'api.', want: 'End with a lowercase letter or a digit.' },
    {
      name: 'underscore',
      input: 'api_gw',
      want: 'Use only lowercase letters, digits, "-" and "." (each dot-separated part starts and ends with a letter or digit).',
    },
    {
      name: 'empty dot part',
      input: 'a..b',
      want: 'Use only lowercase letters, digits, "-" and "." (each dot-separated part starts and ends with a letter or digit).',
    },
  ];
  for (const c of cases) it(c.name, () => expect(validateReleaseName(c.input)).toBe(c.want));
});

describe('helmReleaseNameError', () => {
  // Want: the text `helm template Bad_Name <chart>` (v4.1.4) prints after "Error: ".
  const cases: { name: string; input: string; want: string | null }[] = [
    { name: 'valid', input: 'ok', want: null },
    {
      name: 'underscore',
      input: 'Bad_Name',
      want:
        'release name check failed: release name "Bad_Name": invalid release name, must match regex ' +
        '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53',
    },
  ];
  for (const c of cases) it(c.name, () => expect(helmReleaseNameError(c.input)).toBe(c.want));
});

describe('validateNamespace', () => {
  const cases: { name: string; input: string; want: string | null }[] = [
    { name: 'simple', input: 'default', want: null },
    { name: '63 characters', input: 'n'.repeat(63), want: null },
    {
      name: '64 characters',
      input: 'n'.repeat(64),
      want: 'A namespace can have at most 63 characters (this one has 64).',
    },
    { name: 'dot', input: 'a.b', want: 'Use only lowercase letters, digits and "-".' },
    { name: 'uppercase', input: 'Prod', want: 'Use lowercase letters only.' },
    { name: 'empty', input: '', want: 'Enter a namespace.' },
    { name: 'trailing dash', input: 'prod-', want: 'End with a lowercase letter or a digit.' },
  ];
  for (const c of cases) it(c.name, () => expect(validateNamespace(c.input)).toBe(c.want));
});
