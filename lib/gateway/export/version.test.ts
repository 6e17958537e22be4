import { describe, expect, it } from 'vitest';
import { chartVersionError } from './version';

describe('chartVersionError', () => {
  const valid = ['0.1.0', '1.2.3', '10.20.30', '1.0.0-rc.1', '1.0.0-alpha+001', '1.0.0+build.5', '0.0.0-0'];
  for (const v of valid) it(`accepts ${v}`, () => expect(chartVersionError(v)).toBeNull());
  const invalid: { input: string; want: RegExp }[] = [
    { input: '', want: /Enter a chart version/ },
    { input: 'v1.2.3', want: /without the leading "v"/ },
    { input: '1.2', want: /three numbers/ },
    { input: '01.2.3', want: /leading zeros/ },
    { input: '1.2.3-01', want: /SemVer/ },
    { input: '1.2.3.4', want: /SemVer/ },
    { input: 'latest', want: /SemVer/ },
  ];
  for (const c of invalid)
    it(`refuses ${JSON.stringify(c.input)}`, () => expect(chartVersionError(c.input)).toMatch(c.want));
});
