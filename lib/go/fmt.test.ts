// biome-ignore-all lint/suspicious/noApproximativeNumericConstant: 3.14159 is the literal the helm template used
import { describe, expect, it } from 'vitest';
import { formatFloat, formatValue, quoteString, sprint, sprintf, sprintln } from './fmt';
import { type GoInt, GoMap, type GoValue, int, typedSlice } from './value';

const I = (n: number): GoInt => int(n);

// Expected outputs: printed by the real helm v4.1.4 (`{{ printf FORMAT ARGS }}`, the template
// literal shown in each name) or quoted from ENGINE.md §2.
const sprintfTable: { name: string; input: { format: string; args: GoValue[] }; want: string }[] = [
  { name: 'printf "%v" 1000000.0', input: { format: '%v', args: [1000000] }, want: '1e+06' },
  { name: 'printf "%v" 123456.0', input: { format: '%v', args: [123456] }, want: '123456' },
  { name: 'printf "%v" 1e21', input: { format: '%v', args: [1e21] }, want: '1e+21' },
  { name: 'printf "%v" 0.000001', input: { format: '%v', args: [0.000001] }, want: '1e-06' },
  { name: 'printf "%g" 0.00001234', input: { format: '%g', args: [0.00001234] }, want: '1.234e-05' },
  { name: 'printf "%e" 1234.5', input: { format: '%e', args: [1234.5] }, want: '1.234500e+03' },
  { name: 'printf "%05.1f" 3.14159', input: { format: '%05.1f', args: [3.14159] }, want: '003.1' },
  { name: 'printf "%.0f" 2.5', input: { format: '%.0f', args: [2.5] }, want: '2' },
  { name: 'printf "%.0f" 0.5', input: { format: '%.0f', args: [0.5] }, want: '0' },
  { name: 'printf "%.0f" 1.5', input: { format: '%.0f', args: [1.5] }, want: '2' },
  { name: 'printf "%.2f" 1.005', input: { format: '%.2f', args: [1.005] }, want: '1.00' },
  { name: 'printf "%.3e" 123456789.0', input: { format: '%.3e', args: [123456789] }, want: '1.235e+08' },
  { name: 'printf "%d" 3.0', input: { format: '%d', args: [3] }, want: '%!d(float64=3)' },
  { name: 'printf "%s" 3', input: { format: '%s', args: [I(3)] }, want: '%!s(int=3)' },
  { name: 'printf "%s" nil', input: { format: '%s', args: [null] }, want: '%!s(<nil>)' },
  { name: 'printf "%d %d" 1', input: { format: '%d %d', args: [I(1)] }, want: '1 %!d(MISSING)' },
  { name: 'printf "%d" 1 2', input: { format: '%d', args: [I(1), I(2)] }, want: '1%!(EXTRA int=2)' },
  {
    name: 'printf "%5s|%-5s|" "a" "b"',
    input: { format: '%5s|%-5s|', args: ['a', 'b'] },
    want: '    a|b    |',
  },
  { name: 'printf "%x" "hi"', input: { format: '%x', args: ['hi'] }, want: '6869' },
  { name: 'printf "%X" 255', input: { format: '%X', args: [I(255)] }, want: 'FF' },
  { name: 'printf "%o" 8', input: { format: '%o', args: [I(8)] }, want: '10' },
  { name: 'printf "%O" 8', input: { format: '%O', args: [I(8)] }, want: '0o10' },
  { name: 'printf "%b" 5', input: { format: '%b', args: [I(5)] }, want: '101' },
  { name: 'printf "%c" 65', input: { format: '%c', args: [I(65)] }, want: 'A' },
  { name: 'printf "%U" 65', input: { format: '%U', args: [I(65)] }, want: 'U+0041' },
  { name: 'printf "%#U" 65', input: { format: '%#U', args: [I(65)] }, want: "U+0041 'A'" },
  { name: 'printf "%q" 65', input: { format: '%q', args: [I(65)] }, want: "'A'" },
  { name: 'printf "%q" (list "a" 1)', input: { format: '%q', args: [['a', I(1)]] }, want: '["a" \'\\x01\']' },
  {
    name: 'printf "%q" "\\tA\u00e9\\n\\x00\\u00a0"',
    input: { format: '%q', args: ['\tAé\n\x00\u00a0'] },
    want: '"\\tA\u00e9\\n\\x00\\u00a0"',
  },
  { name: 'printf "%05s" "a"', input: { format: '%05s', args: ['a'] }, want: '0000a' },
  { name: 'printf "%05d" -3', input: { format: '%05d', args: [I(-3)] }, want: '-0003' },
  { name: 'printf "%+d" 3', input: { format: '%+d', args: [I(3)] }, want: '+3' },
  { name: 'printf "% d" 3', input: { format: '% d', args: [I(3)] }, want: ' 3' },
  { name: 'printf "%-5d|" 3', input: { format: '%-5d|', args: [I(3)] }, want: '3    |' },
  { name: 'printf "%#x" 255', input: { format: '%#x', args: [I(255)] }, want: '0xff' },
  { name: 'printf "%#o" 255', input: { format: '%#o', args: [I(255)] }, want: '0377' },
  { name: 'printf "%#b" 5', input: { format: '%#b', args: [I(5)] }, want: '0b101' },
  { name: 'printf "%x" 3.0', input: { format: '%x', args: [3] }, want: '0x1.8p+01' },
  { name: 'printf "%b" 3.0', input: { format: '%b', args: [3] }, want: '6755399441055744p-51' },
  { name: 'printf "%+.3e" -2.5', input: { format: '%+.3e', args: [-2.5] }, want: '-2.500e+00' },
  { name: 'printf "%#g" 1.0', input: { format: '%#g', args: [1] }, want: '1.00000' },
  { name: 'printf "%#v" 1.0', input: { format: '%#v', args: [1] }, want: '1' },
  { name: 'printf "%#v" "a"', input: { format: '%#v', args: ['a'] }, want: '"a"' },
  {
    name: 'printf "%#v" (list 1 "a" nil)',
    input: { format: '%#v', args: [[I(1), 'a', null]] },
    want: '[]interface {}{1, "a", interface {}(nil)}',
  },
  {
    name: 'printf "%v" (dict "b" 1 "a" (list nil))',
    input: {
      format: '%v',
      args: [
        new GoMap([
          ['b', I(1)],
          ['a', [null]],
        ]),
      ],
    },
    want: 'map[a:[<nil>] b:1]',
  },
  { name: 'printf "%d" (list nil)', input: { format: '%d', args: [[null]] }, want: '[<nil>]' },
  { name: 'printf "%s" (list 1.5)', input: { format: '%s', args: [[1.5]] }, want: '[%!s(float64=1.5)]' },
  { name: 'printf "%*d" 5 3', input: { format: '%*d', args: [I(5), I(3)] }, want: '    3' },
  { name: 'printf "%*d|" -5 3', input: { format: '%*d|', args: [I(-5), I(3)] }, want: '3    |' },
  { name: 'printf "%*d" "x" 3', input: { format: '%*d', args: ['x', I(3)] }, want: '%!(BADWIDTH)3' },
  { name: 'printf "%[2]d %[1]d" 1 2', input: { format: '%[2]d %[1]d', args: [I(1), I(2)] }, want: '2 1' },
  { name: 'printf "%[3]d" 1 2', input: { format: '%[3]d', args: [I(1), I(2)] }, want: '%!d(BADINDEX)' },
  { name: 'printf "%" 1', input: { format: '%', args: [I(1)] }, want: '%!(NOVERB)%!(EXTRA int=1)' },
  { name: 'printf "%!" 1', input: { format: '%!', args: [I(1)] }, want: '%!!(int=1)' },
  { name: 'printf "%.2d" 3', input: { format: '%.2d', args: [I(3)] }, want: '03' },
  { name: 'printf "%.0d|" 0', input: { format: '%.0d|', args: [I(0)] }, want: '|' },
  { name: 'printf "%.2s" "abc"', input: { format: '%.2s', args: ['abc'] }, want: 'ab' },
  { name: 'printf "%.2q" "h\u00e9llo"', input: { format: '%.2q', args: ['héllo'] }, want: '"h\u00e9"' },
  { name: 'printf "%t %v" true true', input: { format: '%t %v', args: [true, true] }, want: 'true true' },
  { name: 'printf "%d" true', input: { format: '%d', args: [true] }, want: '%!d(bool=true)' },
  { name: 'printf "%T" "s"', input: { format: '%T', args: ['s'] }, want: 'string' },
  { name: 'printf "%T" (list 1)', input: { format: '%T', args: [[I(1)]] }, want: '[]interface {}' },
  { name: 'printf "%8.3f|" 1.0', input: { format: '%8.3f|', args: [1] }, want: '   1.000|' },
  { name: 'printf "%08.3f|" -1.0', input: { format: '%08.3f|', args: [-1] }, want: '-001.000|' },
  { name: 'printf "%+08.3f|" 1.0', input: { format: '%+08.3f|', args: [1] }, want: '+001.000|' },
  { name: 'printf "% x" "abc"', input: { format: '% x', args: ['abc'] }, want: '61 62 63' },
  { name: 'printf "%# x" "abc"', input: { format: '%# x', args: ['abc'] }, want: '0x61 0x62 0x63' },
  { name: 'printf "%#X" "abc"', input: { format: '%#X', args: ['abc'] }, want: '0X616263' },
  { name: 'printf "%v" 1e100', input: { format: '%v', args: [1e100] }, want: '1e+100' },
  { name: 'printf "%v" -0.0', input: { format: '%v', args: [-0] }, want: '-0' },
  { name: 'printf "%v" 5e-324', input: { format: '%v', args: [5e-324] }, want: '5e-324' },
  {
    name: 'printf "%v" 1.7976931348623157e308',
    input: { format: '%v', args: [1.7976931348623157e308] },
    want: '1.7976931348623157e+308',
  },
  { name: 'printf "%.20f" 0.1', input: { format: '%.20f', args: [0.1] }, want: '0.10000000000000000555' },
  { name: 'printf "%g" 123456789.0', input: { format: '%g', args: [123456789] }, want: '1.23456789e+08' },
  { name: 'printf "%.3g" 123456789.0', input: { format: '%.3g', args: [123456789] }, want: '1.23e+08' },
  { name: 'printf "%.3g" 100000.0', input: { format: '%.3g', args: [100000] }, want: '1e+05' },
  { name: 'printf "%G" 0.0001', input: { format: '%G', args: [0.0001] }, want: '0.0001' },
  { name: 'printf "%G" 1e-5', input: { format: '%G', args: [1e-5] }, want: '1E-05' },
  { name: 'printf "%10.4g|" 12.0', input: { format: '%10.4g|', args: [12] }, want: '        12|' },
  { name: 'printf "%d" "x"', input: { format: '%d', args: ['x'] }, want: '%!d(string=x)' },
  { name: 'printf "%.*d" 1', input: { format: '%.*d', args: [I(1)] }, want: '%!d(MISSING)' },
  { name: 'printf "%-+5d|" 1', input: { format: '%-+5d|', args: [I(1)] }, want: '+1   |' },
  { name: 'printf "%x" (list 1 2)', input: { format: '%x', args: [[I(1), I(2)]] }, want: '[1 2]' },
  { name: 'printf "%x" -255', input: { format: '%x', args: [I(-255)] }, want: '-ff' },
  { name: 'printf "%c" 0x7FFFFFFF', input: { format: '%c', args: [I(0x7fffffff)] }, want: '\ufffd' },
  { name: 'printf "%c" 0xD800', input: { format: '%c', args: [I(0xd800)] }, want: '\ufffd' },
  { name: 'printf "%q" 0xD800', input: { format: '%q', args: [I(0xd800)] }, want: "'\ufffd'" },
  { name: 'printf "%q" 39', input: { format: '%q', args: [I(39)] }, want: "'\\''" },
  { name: 'printf "%#q" "`"', input: { format: '%#q', args: ['`'] }, want: '"`"' },
  { name: 'printf "%#q" "ab"', input: { format: '%#q', args: ['ab'] }, want: '`ab`' },
  { name: 'printf "%+q" "\u00e9"', input: { format: '%+q', args: ['é'] }, want: '"\\u00e9"' },
  { name: 'printf "%q" "\ud83d\ude00"', input: { format: '%q', args: ['😀'] }, want: '"\ud83d\ude00"' },
  { name: 'printf "%+q" "\ud83d\ude00"', input: { format: '%+q', args: ['😀'] }, want: '"\\U0001f600"' },
  { name: 'printf "%q" "a\\x7fb"', input: { format: '%q', args: ['a\x7fb'] }, want: '"a\\x7fb"' },
  { name: 'printf "%e" 0.0', input: { format: '%e', args: [0] }, want: '0.000000e+00' },
  { name: 'printf "%g" 0.0', input: { format: '%g', args: [0] }, want: '0' },
  { name: 'printf "%.3g" 0.0', input: { format: '%.3g', args: [0] }, want: '0' },
  { name: 'printf "%.0e" 100.0', input: { format: '%.0e', args: [100] }, want: '1e+02' },
  { name: 'printf "%6.2v|" 1.0', input: { format: '%6.2v|', args: [1] }, want: '     1|' },
  { name: 'printf "%6.2v|" 3', input: { format: '%6.2v|', args: [I(3)] }, want: '    03|' },
  { name: 'printf "%6.2v|" "abc"', input: { format: '%6.2v|', args: ['abc'] }, want: '    ab|' },
  {
    name: 'printf "%d %v" nil nil',
    input: { format: '%d %v', args: [null, null] },
    want: '%!d(<nil>) <nil>',
  },
  { name: 'printf "%d" 1 nil', input: { format: '%d', args: [I(1), null] }, want: '1%!(EXTRA <nil>)' },
  { name: 'printf "%v" (list 1 "a")', input: { format: '%v', args: [[I(1), 'a']] }, want: '[1 a]' },
];

describe('sprintf', () => {
  for (const { name, input, want } of sprintfTable) {
    it(name, () => expect(sprintf(input.format, input.args)).toBe(want));
  }
});

// ENGINE.md §2.1: float64 values from values.yaml printed with %v.
const formatValueTable: { name: string; input: GoValue; want: string }[] = [
  { name: 'big', input: 1000000, want: '1e+06' },
  { name: 'big2', input: 123456789, want: '1.23456789e+08' },
  { name: 'huge', input: 12345678901234567e3, want: '1.2345678901234567e+19' },
  { name: 'f', input: 1.5, want: '1.5' },
  { name: 'f2', input: 2.0, want: '2' },
  { name: 'f3', input: 1e21, want: '1e+21' },
  { name: 'small', input: 0.000001, want: '1e-06' },
  { name: 'small2', input: 0.0000001, want: '1e-07' },
  { name: 'neg', input: -42, want: '-42' },
  { name: 'int64max as float', input: 2 ** 63, want: '9.223372036854776e+18' },
  { name: '123456', input: 123456, want: '123456' },
  { name: '1234567', input: 1234567, want: '1.234567e+06' },
  { name: '100000', input: 100000, want: '100000' },
  { name: '0.0001', input: 0.0001, want: '0.0001' },
  { name: '0.00001', input: 0.00001, want: '1e-05' },
  { name: '1e20', input: 1e20, want: '1e+20' },
  { name: 'negative zero', input: -0, want: '-0' },
  { name: 'image tag 1.20', input: 1.2, want: '1.2' },
  { name: 'nil', input: null, want: '<nil>' },
  { name: 'bool', input: true, want: 'true' },
  { name: 'int', input: I(1000000), want: '1000000' },
  { name: 'int64', input: int(-5, 'int64'), want: '-5' },
  { name: 'slice with nil', input: ['a', null, 1.5], want: '[a <nil> 1.5]' },
  { name: 'typed slice', input: typedSlice(['c', 'a', 'b'], '[]string'), want: '[c a b]' },
  {
    name: 'map sorted keys',
    input: new GoMap([
      ['b', 1],
      ['a', new GoMap()],
      ['B', [] as GoValue[]],
    ]),
    want: 'map[B:[] a:map[] b:1]',
  },
  { name: 'bytes', input: new Uint8Array([120, 61, 49]), want: '[120 61 49]' },
];

describe('formatValue', () => {
  for (const { name, input, want } of formatValueTable) {
    it(name, () => expect(formatValue(input)).toBe(want));
  }
});

describe('sprint and sprintln', () => {
  // ENGINE.md §1.3: `{{ print 1 2 "a" "b" 3 }}` → `1 2ab3`.
  it('spaces only between non-strings', () => expect(sprint([I(1), I(2), 'a', 'b', I(3)])).toBe('1 2ab3'));
  it('sprintln spaces always', () => expect(sprintln([I(1), 'a', 'b'])).toBe('1 a b\n'));
  it('empty', () => expect(sprint([])).toBe(''));
});

// strconv.FormatFloat; expectations from Go's documented algorithm (ENGINE.md §2.1, §3.1).
const formatFloatTable: {
  name: string;
  input: [number, 'e' | 'E' | 'f' | 'g' | 'G', number, 32 | 64];
  want: string;
}[] = [
  { name: 'g shortest', input: [1e6, 'g', -1, 64], want: '1e+06' },
  { name: 'f shortest', input: [1e6, 'f', -1, 64], want: '1000000' },
  { name: 'e shortest', input: [1234.5, 'e', -1, 64], want: '1.2345e+03' },
  { name: 'E shortest', input: [0.00012, 'E', -1, 64], want: '1.2E-04' },
  { name: 'f 2', input: [2.675, 'f', 2, 64], want: '2.67' },
  { name: 'f 0 half even', input: [2.5, 'f', 0, 64], want: '2' },
  { name: 'f 0 half odd', input: [3.5, 'f', 0, 64], want: '4' },
  { name: 'e 3', input: [123456, 'e', 3, 64], want: '1.235e+05' },
  { name: 'g 3', input: [123456, 'g', 3, 64], want: '1.23e+05' },
  { name: 'G 3', input: [0.00001234, 'G', 3, 64], want: '1.23E-05' },
  { name: 'g exponent 3 digits', input: [1e100, 'g', -1, 64], want: '1e+100' },
  { name: 'float32 1.1', input: [1.1, 'g', -1, 32], want: '1.1' },
  { name: 'float32 0.1', input: [0.1, 'g', -1, 32], want: '0.1' },
  { name: 'float32 16777217', input: [16777217, 'g', -1, 32], want: '1.6777216e+07' },
  { name: 'float32 1.10 (Chart.yaml appVersion)', input: [1.1, 'f', -1, 32], want: '1.1' },
  { name: 'NaN', input: [Number.NaN, 'g', -1, 64], want: 'NaN' },
  { name: '+Inf', input: [Number.POSITIVE_INFINITY, 'g', -1, 64], want: '+Inf' },
  { name: '-Inf', input: [Number.NEGATIVE_INFINITY, 'f', 2, 64], want: '-Inf' },
  { name: 'zero e', input: [0, 'e', 2, 64], want: '0.00e+00' },
  { name: 'negative zero f', input: [-0, 'f', 1, 64], want: '-0.0' },
  { name: 'f many digits', input: [0.1, 'f', 20, 64], want: '0.10000000000000000555' },
  { name: 'denormal', input: [5e-324, 'g', -1, 64], want: '5e-324' },
];

describe('formatFloat', () => {
  for (const { name, input, want } of formatFloatTable) {
    it(name, () => expect(formatFloat(...input)).toBe(want));
  }
});

// strconv.Quote; ENGINE.md §2.2.
const quoteTable: { name: string; input: string; want: string }[] = [
  { name: 'plain', input: 'abc', want: '"abc"' },
  { name: 'escapes', input: '\tAé\n', want: '"\\tAé\\n"' },
  { name: 'quote and backslash', input: 'a"b\\c', want: '"a\\"b\\\\c"' },
  { name: 'control', input: '\x00\x1b\x7f', want: '"\\x00\\x1b\\x7f"' },
  { name: 'bell etc', input: '\x07\b\f\r\v', want: '"\\a\\b\\f\\r\\v"' },
  { name: 'nbsp not printable', input: '\u00a0', want: '"\\u00a0"' },
  { name: 'emoji printable', input: '😀', want: '"😀"' },
  { name: 'BOM', input: '\ufeff', want: '"\\ufeff"' },
  { name: 'private use', input: '\ue000', want: '"\\ue000"' },
];

describe('quoteString', () => {
  for (const { name, input, want } of quoteTable) {
    it(name, () => expect(quoteString(input)).toBe(want));
  }
});
