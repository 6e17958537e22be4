// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${…}` here is os.ExpandEnv and Go Expand syntax, not JS
// Table tests of sprig functions called directly. Expectations are the verified examples of
// ENGINE.md §4 (literal output of helm v4.1.4) and sprig's documentation.
import { describe, expect, it } from 'vitest';
import { GoInt, GoMap, type GoValue } from '../go';
import { bcryptVerify } from './bcrypt';
import { strval } from './cast';
import { NON_HERMETIC, sprigFuncs } from './index';

const funcs = sprigFuncs({ now: () => new Date(Date.UTC(2024, 1, 3, 4, 5, 6)), random: () => 0.25 });
const int = (n: number) => new GoInt(BigInt(n));
const call = (name: string, ...args: GoValue[]): GoValue => funcs[name]!.fn(...args);
const dict = (...kv: GoValue[]) => call('dict', ...kv);

const cases: { name: string; input: [string, ...GoValue[]]; want: string }[] = [
  { name: 'title', input: ['title', 'hello world-foo bar_baz'], want: 'Hello World-Foo Bar_baz' },
  { name: 'camelcase', input: ['camelcase', 'http_server-name foo'], want: 'HttpServerNameFoo' },
  { name: 'snakecase', input: ['snakecase', 'HTTPServerName'], want: 'http_server_name' },
  { name: 'kebabcase', input: ['kebabcase', 'HTTPServerName'], want: 'http-server-name' },
  { name: 'swapcase', input: ['swapcase', 'Hello World'], want: 'hELLO wORLD' },
  { name: 'initials', input: ['initials', 'hello world'], want: 'hw' },
  { name: 'abbrev', input: ['abbrev', int(5), 'hello world'], want: 'he...' },
  { name: 'abbrevboth', input: ['abbrevboth', int(5), int(10), '1234 5678 9123'], want: '...5678...' },
  { name: 'trunc negative', input: ['trunc', int(-5), 'hello world'], want: 'world' },
  { name: 'wrap', input: ['wrap', int(5), 'hello world foo'], want: 'hello\nworld\nfoo' },
  { name: 'wrapWith', input: ['wrapWith', int(5), '|', 'hello world foo'], want: 'hello|world|foo' },
  { name: 'trimAll', input: ['trimAll', '$', '$5.00$'], want: '5.00' },
  { name: 'cat skips nil', input: ['cat', 'a', null, int(1), [int(1)]], want: 'a 1 [1]' },
  { name: 'squote', input: ['squote', 'a', int(1)], want: "'a' '1'" },
  { name: 'quote skips nil', input: ['quote', 'a', int(1), null], want: '"a" "1"' },
  { name: 'split', input: ['split', ',', 'a,b,c'], want: 'map[_0:a _1:b _2:c]' },
  { name: 'join', input: ['join', '-', [int(1), 'a', null, 2.5]], want: '1-a-2.5' },
  { name: 'sortAlpha', input: ['sortAlpha', ['b', 'a', 'B', int(10), int(9)]], want: '[10 9 B a b]' },
  { name: 'indent keeps blank-line padding', input: ['indent', int(2), 'a\n\nb'], want: '  a\n  \n  b' },
  { name: 'b64dec error text', input: ['b64dec', '!'], want: 'illegal base64 data at input byte 0' },
  { name: 'add truncates floats', input: ['add', 1.9, 1.9], want: '2' },
  { name: 'sub', input: ['sub', int(5), 2.7], want: '3' },
  { name: 'addf decimal', input: ['addf', 0.1, 0.2], want: '0.3' },
  { name: 'mulf decimal', input: ['mulf', 1.1, int(3)], want: '3.3' },
  { name: 'divf', input: ['divf', int(7), int(2)], want: '3.5' },
  { name: 'round', input: ['round', 2.675, int(2)], want: '2.68' },
  { name: 'int octal string', input: ['int', '010'], want: '8' },
  { name: 'int hex string', input: ['int', '0x1F'], want: '31' },
  { name: 'int zero fraction', input: ['int', '1.0'], want: '1' },
  { name: 'int bad string', input: ['int', '1.5'], want: '0' },
  { name: 'int64 garbage', input: ['int64', '12abc'], want: '0' },
  { name: 'int truncates', input: ['int', -2.9], want: '-2' },
  { name: 'toDecimal', input: ['toDecimal', '0777'], want: '511' },
  { name: 'seq', input: ['seq', int(5)], want: '1 2 3 4 5' },
  { name: 'seq down', input: ['seq', int(2), int(-2)], want: '2 1 0 -1 -2' },
  { name: 'seq step', input: ['seq', int(0), int(2), int(10)], want: '0 2 4 6 8 10' },
  { name: 'compact', input: ['compact', [int(0), int(1), '', 'a', null, false]], want: '[1 a]' },
  {
    name: 'merge fills empty',
    input: ['merge', dict('a', '', 'z', int(0), 'f', false), dict('a', 'x', 'z', int(5), 'f', true)],
    want: 'map[a:x f:true z:5]',
  },
  { name: 'dig', input: ['dig', 'a', 'b', 'def', dict('a', dict('b', 'v'))], want: 'v' },
  {
    name: 'semverCompare pre-release',
    input: ['semverCompare', '>=1.20.0-0', 'v1.28.3-gke.1'],
    want: 'true',
  },
  {
    name: 'toDate prints time.Time',
    input: ['toDate', '2006-01-02', '2024-02-03'],
    want: '2024-02-03 00:00:00 +0000 UTC',
  },
  { name: 'htmlDateInZone', input: ['htmlDateInZone', int(0), 'UTC'], want: '1970-01-01' },
  { name: 'duration wants int64', input: ['duration', int(90)], want: '0s' },
  { name: 'duration string', input: ['duration', '90'], want: '1m30s' },
  { name: 'htpasswd bad user', input: ['htpasswd', 'a:b', 'x'], want: 'invalid username: a:b' },
  { name: 'typeOf list', input: ['typeOf', []], want: '[]interface {}' },
  { name: 'kindOf nil', input: ['kindOf', null], want: 'invalid' },
  {
    name: 'regexReplaceAll $1W is group 1W',
    input: ['regexReplaceAll', 'a(x*)b', '-ab-axxb-', '$1W'],
    want: '---',
  },
  {
    name: 'sha256sum',
    input: ['sha256sum', 'abc'],
    want: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  },
  { name: 'adler32sum', input: ['adler32sum', 'Wikipedia'], want: '300286872' },
];

describe('sprig functions', () => {
  it.each(cases)('$name', ({ input, want }) => {
    const [name, ...args] = input;
    expect(strval(call(name, ...args))).toBe(want);
  });

  it('panics with Go texts', () => {
    expect(() => call('first', int(1))).toThrow('Cannot find first on type int');
    expect(() => call('div', int(1), int(0))).toThrow('runtime error: integer divide by zero');
    expect(() => call('regexFind', '(?=a)', 'a')).toThrow(
      'error parsing regexp: invalid or unsupported Perl syntax: `(?=`',
    );
  });

  it('takes randomness and clock from the options', () => {
    const s = strval(call('randAlphaNum', int(12)));
    expect(s).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(strval(call('randAlphaNum', int(12)))).toBe(s);
    expect(strval(call('uuidv4'))).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(strval(call('date', '2006-01-02 15:04', call('now')))).toBe('2024-02-03 04:05');
    expect(NON_HERMETIC.has('now')).toBe(true);
  });

  it('computes bcrypt as x/crypto does', () => {
    // The OpenBSD test vector for password "U*U", cost 5.
    expect(bcryptVerify('U*U', '$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW')).toBe(true);
    expect(bcryptVerify('U*V', '$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW')).toBe(false);
    const h = strval(call('htpasswd', 'admin', 'secret'));
    expect(h).toMatch(/^admin:\$2a\$10\$[./A-Za-z0-9]{53}$/);
    expect(bcryptVerify('secret', h.slice('admin:'.length))).toBe(true);
  });

  it('expands against an empty environment as os.ExpandEnv does', () => {
    expect(strval(call('env', 'HOME'))).toBe('');
    const cases: [string, string][] = [
      ['a$HOME b${X} c$*', 'a b c'],
      ['d$ x', 'd$ x'],
      ['$12', '2'],
      ['${}g', 'g'],
      ['e${ f}g', 'eg'],
      ['h${', 'h'],
      ['end$', 'end$'],
    ];
    for (const [input, want] of cases) expect(strval(call('expandenv', input))).toBe(want);
  });

  it('returns keys in sorted order', () => {
    expect(
      strval(
        call(
          'keys',
          new GoMap([
            ['b', 1],
            ['a', 2],
          ]),
        ),
      ),
    ).toBe('[a b]');
  });

  it('registers all 211 names of sprig TxtFuncMap', () => {
    expect(Object.keys(funcs)).toHaveLength(211);
  });
});
