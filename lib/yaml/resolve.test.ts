import { describe, expect, it } from 'vitest';
import { isBase60Float, isOldBool, resolveScalar } from './resolve';

// Expectations from ENGINE.md §0 and §3.1 (values.yaml read by helm v4.1.4) and the verified
// toYaml quoting table of §5.3 (a string is double-quoted exactly when it resolves to a non-string).
const table: { name: string; input: string; want: string }[] = [
  { name: 'y is true', input: 'y', want: 'bool:true' },
  { name: 'Yes is true', input: 'Yes', want: 'bool:true' },
  { name: 'ON is true', input: 'ON', want: 'bool:true' },
  { name: 'n is false', input: 'n', want: 'bool:false' },
  { name: 'off is false', input: 'off', want: 'bool:false' },
  { name: 'FALSE is false', input: 'FALSE', want: 'bool:false' },
  { name: 'mixed case tRue is a string', input: 'tRue', want: 'str' },
  { name: 'empty is null', input: '', want: 'null' },
  { name: 'tilde is null', input: '~', want: 'null' },
  { name: 'Null is null', input: 'Null', want: 'null' },
  { name: 'hex', input: '0x1F', want: 'int:31' },
  { name: '0o octal', input: '0o17', want: 'int:15' },
  { name: 'leading-zero octal', input: '0777', want: 'int:511' },
  { name: 'binary', input: '0b101', want: 'int:5' },
  { name: 'underscores', input: '1_000', want: 'int:1000' },
  { name: 'plus sign', input: '+1', want: 'int:1' },
  { name: 'negative hex', input: '-0x1F', want: 'int:-31' },
  { name: 'int64 overflow becomes uint64', input: '9223372036854775808', want: 'int:9223372036854775808' },
  { name: 'beyond uint64 is a float', input: '18446744073709551616', want: 'float:18446744073709552000' },
  { name: 'hex beyond uint64 is a string', input: '0xFFFFFFFFFFFFFFFFF', want: 'str' },
  { name: '08 is not octal but a float', input: '08', want: 'float:8' },
  { name: 'float', input: '1.5', want: 'float:1.5' },
  { name: 'leading dot', input: '.5', want: 'float:0.5' },
  { name: 'exponent', input: '1e3', want: 'float:1000' },
  { name: 'trailing dot', input: '1.', want: 'float:1' },
  { name: 'float overflow is a string', input: '1e400', want: 'str' },
  { name: '.inf', input: '.inf', want: 'float:Infinity' },
  { name: '-.Inf', input: '-.Inf', want: 'float:-Infinity' },
  { name: '.nan', input: '.nan', want: 'float:NaN' },
  { name: 'hex float is a string', input: '0x1p3', want: 'str' },
  { name: 'sexagesimal is a string', input: '12:30', want: 'str' },
  { name: 'version is a string', input: '1.2.3', want: 'str' },
  { name: 'dot underscore is a string', input: '._5', want: 'str' },
  { name: 'merge key is a string', input: '<<', want: 'str' },
  { name: 'date is a timestamp (encoder check)', input: '2024-01-02', want: 'timestamp' },
  { name: 'RFC 3339 is a timestamp', input: '2001-12-15T02:59:43.1Z', want: 'timestamp' },
  { name: 'impossible date is a string', input: '2024-02-30', want: 'str' },
];

function show(input: string): string {
  const r = resolveScalar(input, true);
  if (r.tag === 'bool' || r.tag === 'int' || r.tag === 'float') return `${r.tag}:${String(r.value)}`;
  return r.tag;
}

describe('resolveScalar', () => {
  it.each(table)('$name', ({ input, want }) => {
    expect(show(input)).toBe(want);
  });

  it('does not resolve timestamps when decoding', () => {
    expect(resolveScalar('2024-01-02').tag).toBe('str');
  });
});

describe('isBase60Float and isOldBool', () => {
  it.each([
    { name: '12:30', input: '12:30', want: true },
    { name: '1:20:30', input: '1:20:30', want: true },
    { name: '-1:20', input: '-1:20', want: true },
    { name: '1:70 (minutes out of range)', input: '1:70', want: false },
    { name: 'a:1', input: 'a:1', want: false },
  ])('base60 $name', ({ input, want }) => {
    expect(isBase60Float(input)).toBe(want);
  });

  it.each([
    { name: 'yes', input: 'yes', want: true },
    { name: 'Off', input: 'Off', want: true },
    { name: 'true is YAML 1.2 too', input: 'true', want: false },
  ])('old bool $name', ({ input, want }) => {
    expect(isOldBool(input)).toBe(want);
  });
});
