import { describe, expect, it } from 'vitest';
import { isCompatibleRange } from './dependencies';

// Expected results follow the Masterminds semver v3 documentation of constraint syntax.
describe('isCompatibleRange', () => {
  const cases = [
    { name: 'exact', input: ['1.2.3', '1.2.3'], want: true },
    { name: 'tilde patch range', input: ['~1.2.0', '1.2.9'], want: true },
    { name: 'tilde excludes next minor', input: ['~1.2.0', '1.3.0'], want: false },
    { name: 'caret same major', input: ['^1.0.0', '1.9.0'], want: true },
    { name: 'caret excludes next major', input: ['^1.0.0', '2.0.0'], want: false },
    { name: 'caret on 0.x pins the minor', input: ['^0.2.0', '0.3.0'], want: false },
    { name: 'wildcard minor', input: ['1.x', '1.5.0'], want: true },
    { name: 'star', input: ['*', '3.0.0'], want: true },
    { name: 'and', input: ['>=1.0.0 <2.0.0', '1.5.0'], want: true },
    { name: 'comma and', input: ['>=1.0.0, <1.5.0', '1.5.0'], want: false },
    { name: 'or', input: ['<1.0.0 || >=3.0.0', '3.1.0'], want: true },
    { name: 'hyphen range', input: ['1.0.0 - 2.0.0', '2.0.0'], want: true },
    { name: 'prerelease excluded by default', input: ['>=1.0.0', '1.1.0-rc.1'], want: false },
    {
      name: 'prerelease allowed when the constraint has one',
      input: ['>=1.0.0-0', '1.1.0-rc.1'],
      want: true,
    },
    { name: 'empty constraint never matches', input: ['', '1.0.0'], want: false },
    { name: 'invalid version', input: ['*', 'x'], want: false },
  ];
  for (const c of cases)
    it(c.name, () => expect(isCompatibleRange(c.input[0], c.input[1] as string)).toBe(c.want));
});
