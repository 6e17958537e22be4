// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${…}` in these strings is Go Expand syntax, not JS
// Differential test: each case is a sprig call written once as a tree; it is rendered by the real
// helm binary as a template snippet, and evaluated by lib/sprig directly. The printed results
// (through sprig's toString) or the `error calling NAME: …` texts must be identical.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoInt, GoMap, type GoValue } from '@/lib/go';
import { sprigFuncs, strval } from '@/lib/sprig';
import { TemplateSet } from '@/lib/template';
import { helmPath } from '../../scripts/helm.mjs';

type Expr = string | number | boolean | null | { int: number | string } | { call: string; args: Expr[] };

const i = (v: number | string): Expr => ({ int: v });
const c = (call: string, ...args: Expr[]): Expr => ({ call, args });

interface Case {
  expr: Expr;
  /** err marks a case that fails in Go (rendered alone, as helm stops at the first error). */
  err?: boolean;
}

const ok = (call: string, ...args: Expr[]): Case => ({ expr: c(call, ...args) });
const bad = (call: string, ...args: Expr[]): Case => ({ expr: c(call, ...args), err: true });

const list = (...a: Expr[]) => c('list', ...a);
const dict = (...a: Expr[]) => c('dict', ...a);

const CASES: Case[] = [
  // strings
  ok('trim', '  a b \t\n'),
  ok('trimAll', '$', '$5.00$'),
  ok('trimPrefix', 'ab', 'abab'),
  ok('trimSuffix', 'b', 'abb'),
  ok('upper', 'héllo straße'),
  ok('lower', 'HÉLLO İ'),
  ok('title', 'hello world-foo bar_baz'),
  ok('title', "o'neil ǆa x.y"),
  ok('untitle', 'Hello World'),
  ok('repeat', i(3), 'ab'),
  bad('repeat', i(-1), 'a'),
  ok('substr', i(1), i(3), 'abcdef'),
  ok('substr', i(-1), i(2), 'abcdef'),
  ok('substr', i(2), i(-1), 'abcdef'),
  ok('substr', i(2), i(99), 'abcdef'),
  bad('substr', i(5), i(7), 'abc'),
  bad('substr', i(2), i(1), 'abc'),
  bad('substr', i(-1), i(-1), 'abc'),
  bad('substr', i(-1), i(9), 'abc'),
  ok('nospace', ' a b\tc\n'),
  ok('nospace', 'a é b'),
  ok('trunc', i(5), 'hello world'),
  ok('trunc', i(-5), 'hello world'),
  ok('trunc', i(50), 'hi'),
  ok('abbrev', i(5), 'hello world'),
  ok('abbrev', i(3), 'hello world'),
  ok('abbrevboth', i(5), i(10), '1234 5678 9123'),
  ok('abbrevboth', i(0), i(6), 'abcdefghij'),
  ok('initials', 'hello world foo'),
  ok('wrap', i(5), 'hello world foo'),
  ok('wrap', i(3), 'abcdefgh ij'),
  ok('wrapWith', i(5), '|', 'hello world foo'),
  ok('wrapWith', i(3), '-', 'abcdefgh'),
  ok('contains', 'b', 'abc'),
  ok('hasPrefix', 'a', 'abc'),
  ok('hasSuffix', 'x', 'abc'),
  ok('quote', 'a', i(1), null, 2.5, true),
  ok('quote', 'tab\there "q" é\u0001'),
  ok('squote', 'a', i(1), null),
  ok('cat', 'a', null, i(1), list(i(1), 'x')),
  ok('indent', i(2), 'a\nb\n\nc'),
  ok('nindent', i(4), 'a\nb'),
  bad('indent', i(-1), 'a'),
  ok('replace', 'a', 'b', 'banana'),
  ok('replace', '', '-', 'abc'),
  ok('plural', 'one', 'many', i(1)),
  ok('plural', 'one', 'many', i(2)),
  ok('snakecase', 'HTTPServerName'),
  ok('snakecase', 'HTTP20xOK'),
  ok('snakecase', 'ÉtéBon'),
  ok('snakecase', 'Bld4Floor3rd'),
  ok('snakecase', 'ab  cd--ef'),
  ok('kebabcase', 'FirstName'),
  ok('kebabcase', 'a.b-C'),
  ok('camelcase', 'http_server-name foo'),
  ok('camelcase', 'GOLANG_IS_GREAT'),
  ok('camelcase', 'HTTPServer'),
  ok('camelcase', 'aBC'),
  ok('camelcase', '_complex__case_'),
  ok('camelcase', '__'),
  ok('camelcase', 'ab cD EF'),
  ok('swapcase', 'Hello World é'),
  ok('toString', 2.5),
  ok('toString', null),
  ok('toString', list(i(1), 'a', null)),
  ok('toStrings', list(i(1), 'a', null, 2.5)),
  ok('split', ',', 'a,b,,c'),
  ok('splitList', ',', 'a,b,c'),
  ok('splitList', '', 'héllo'),
  ok('splitn', ',', i(2), 'a,b,c'),
  ok('splitn', ',', i(0), 'a,b'),
  ok('join', '-', list(i(1), 'a', null, 2.5)),
  ok('join', ',', 'single'),
  ok('sortAlpha', list('b', 'a', 'B', i(10), i(9))),
  ok('sortAlpha', 'x'),
  ok('hello'),
  // encoding
  ok('b64enc', 'hello wörld'),
  ok('b64dec', 'aGVsbG8='),
  ok('b64dec', 'aGVsbG8'),
  ok('b64dec', '!!!!'),
  ok('b64dec', 'aGV=sbG8'),
  ok('b32enc', 'hello'),
  ok('b32dec', 'NBSWY3DP'),
  ok('b32dec', 'NBSWY3D'),
  // lists
  ok('list', i(1), 'a', null),
  ok('append', list(i(1)), i(2)),
  ok('prepend', list(i(1)), i(0)),
  ok('first', list(i(3), i(4))),
  ok('first', list()),
  bad('first', i(1)),
  bad('first', null),
  bad('mustFirst', 'abc'),
  ok('last', list(i(3), i(4))),
  ok('rest', list(i(1), i(2), i(3))),
  ok('rest', list()),
  ok('initial', list(i(1), i(2), i(3))),
  ok('reverse', list(i(1), i(2), i(3))),
  ok('uniq', list(i(1), i(1), '1', 1.0, i(1))),
  ok('without', list(i(1), i(2), i(3), i(2)), i(2)),
  ok('has', i(2), list(i(1), i(2))),
  ok('has', '2', list(i(1), i(2))),
  ok('has', i(1), null),
  bad('has', i(1), 'abc'),
  ok('compact', list(i(0), i(1), '', 'a', null, false, list())),
  ok('slice', list(i(1), i(2), i(3), i(4)), i(1), i(3)),
  ok('slice', list(i(1), i(2), i(3)), i(1)),
  ok('slice', list()),
  bad('slice', list(i(1), i(2)), i(3)),
  ok('concat', list(i(1)), list(i(2), i(3))),
  bad('concat', list(i(1)), i(2)),
  ok('chunk', i(2), list(i(1), i(2), i(3), i(4), i(5))),
  ok('chunk', i(3), list()),
  bad('push', 'x', i(1)),
  bad('mustPush', dict(), i(1)),
  // dicts
  ok('dict', 'a', i(1), 'b'),
  ok('dict', i(1), 'x', true, 'y'),
  ok('get', dict('a', i(1)), 'a'),
  ok('get', dict('a', i(1)), 'b'),
  ok('set', dict('a', i(1)), 'b', i(2)),
  ok('unset', dict('a', i(1), 'b', i(2)), 'a'),
  ok('hasKey', dict('a', null), 'a'),
  ok('pluck', 'a', dict('a', i(1)), dict('b', i(2)), dict('a', i(3))),
  // keys/values: Go's map order is random; only sorted forms are comparable.
  ok('sortAlpha', c('keys', dict('b', i(1), 'a', i(2), 'c', i(3)))),
  ok('sortAlpha', c('values', dict('b', 'y', 'a', 'x'))),
  ok('pick', dict('a', i(1), 'b', i(2), 'c', i(3)), 'a', 'c', 'z'),
  ok('omit', dict('a', i(1), 'b', i(2), 'c', i(3)), 'a'),
  ok('merge', dict('a', '', 'z', i(0), 'f', false), dict('a', 'x', 'z', i(5), 'f', true)),
  ok(
    'merge',
    dict('a', dict('x', i(1)), 'l', list(i(1))),
    dict('a', dict('x', i(2), 'y', i(3)), 'l', list(i(9)), 'n', i(7)),
  ),
  ok(
    'mergeOverwrite',
    dict('a', dict('x', i(1)), 'l', list(i(1)), 'k', 'v'),
    dict('a', dict('x', i(2)), 'l', list(i(9)), 'k', ''),
  ),
  ok('merge', dict('a', 'keep'), dict('a', dict('x', i(1)))),
  ok('mergeOverwrite', dict('a', i(1)), dict('a', null)),
  ok('deepCopy', dict('a', list(i(1), dict('b', i(2))))),
  bad('deepCopy', null),
  bad('mustDeepCopy', null),
  ok('deepCopy', 1.5),
  ok('typeOf', c('deepCopy', c('semver', '1.2.3'))),
  ok('compact', list(dict(), list(), 0.0, c('semver', '1.0.0'))),
  ok('dig', 'a', 'b', 'def', dict('a', dict('b', 'found'))),
  ok('dig', 'a', 'x', 'def', dict('a', dict('b', 'found'))),
  bad('dig', 'a', 'b', 'def', dict('a', 'str')),
  bad('dig', 'a', dict()),
  // defaults
  ok('default', 'd', null),
  ok('default', 'd', ''),
  ok('default', 'd', i(0)),
  ok('default', 'd', 0.0),
  ok('default', 'd', false),
  ok('default', 'd', list()),
  ok('default', 'd', 'x'),
  ok('default', 'd'),
  ok('empty', dict()),
  ok('empty', ' '),
  ok('coalesce', null, '', i(0), 'x', 'y'),
  ok('coalesce', null, ''),
  ok('all', i(1), 'a', true),
  ok('all', i(1), ''),
  ok('any', i(0), '', 'x'),
  ok('any'),
  ok('ternary', 'yes', 'no', true),
  ok('ternary', 'yes', 'no', false),
  ok('toJson', dict('b', i(1), 'a', list(1.5, 'x<y>&', null))),
  ok('toPrettyJson', dict('b', i(1), 'a', list(i(1), dict()))),
  ok('toRawJson', dict('h', '<a href="x">&</a>')),
  ok('fromJson', '{"a": [1, 2.5, "x", null, true]}'),
  // fromJson, fail and getHostByName are overridden by Helm: only sprig-identical forms are compared.
  ok('mustFromJson', '[1, "x"]'),
  bad('mustFromJson', '{"a": }'),
  // numeric
  ok('add', i(1), 2.9, '3', true),
  ok('add', 1.9, 1.9),
  ok('add'),
  ok('add1', 1.5),
  ok('sub', i(5), 2.7),
  ok('mul', i(2), i(3), '4'),
  ok('div', i(7), i(2)),
  ok('div', i(-7), i(2)),
  bad('div', i(1), i(0)),
  ok('mod', i(-7), i(3)),
  bad('mod', i(1), '0'),
  ok('max', i(1), i(5), '3'),
  ok('biggest', 2.5, i(2)),
  ok('min', i(3), i(-1), 2.9),
  ok('maxf', i(1), 2.5, '3.5'),
  ok('minf', i(1), 2.5, '-3.5'),
  ok('addf', 0.1, 0.2),
  ok('add1f', 0.1),
  ok('subf', 1.1, 0.3, '0.1'),
  ok('mulf', 1.1, i(3)),
  ok('divf', i(7), i(2)),
  ok('divf', i(1), i(3)),
  ok('divf', i(2), i(3)),
  ok('floor', 2.7),
  ok('ceil', '2.1'),
  ok('round', 2.675, i(2)),
  ok('round', 2.5, i(0)),
  ok('round', -2.5, i(0)),
  ok('round', 1.2345, i(3), 0.4),
  ok('int', '010'),
  ok('int', '0x1F'),
  ok('int', '1.0'),
  ok('int', '1.5'),
  ok('int', '1_000'),
  ok('int', '0b11'),
  ok('int', 2.9),
  ok('int', -2.9),
  ok('int', 1e20),
  ok('int', null),
  ok('int', true),
  ok('int64', '12abc'),
  ok('int64', ' 5'),
  ok('float64', '1.5e3'),
  ok('float64', '0x10'),
  ok('float64', '1_0.5'),
  ok('float64', i(3)),
  ok('atoi', '42'),
  ok('atoi', '4.2'),
  ok('atoi', '99999999999999999999'),
  ok('toDecimal', '0777'),
  ok('toDecimal', i(777)),
  ok('toDecimal', '9'),
  ok('seq', i(5)),
  ok('seq', i(2), i(-2)),
  ok('seq', i(0), i(2), i(10)),
  ok('seq', i(10), i(2), i(0)),
  ok('seq', i(10), i(-3), i(0)),
  ok('seq', i(0)),
  ok('seq'),
  ok('until', i(3)),
  ok('until', i(-3)),
  ok('untilStep', i(0), i(10), i(3)),
  ok('untilStep', i(10), i(0), i(-4)),
  ok('untilStep', i(0), i(10), i(-1)),
  // reflection
  ok('typeOf', i(1)),
  ok('typeOf', 1.5),
  ok('typeOf', null),
  ok('typeOf', list()),
  ok('typeOf', dict()),
  ok('typeOf', c('add', i(1))),
  ok('typeOf', c('until', i(2))),
  ok('typeOf', c('splitList', ',', 'a')),
  ok('typeOf', c('split', ',', 'a')),
  ok('typeOf', c('semver', '1.2.3')),
  ok('kindOf', i(1)),
  ok('kindOf', null),
  ok('kindOf', dict()),
  ok('kindOf', c('semver', '1.2.3')),
  ok('typeIs', 'string', 'x'),
  ok('typeIsLike', 'semver.Version', c('semver', '1.2.3')),
  ok('kindIs', 'slice', list()),
  ok('deepEqual', list(i(1), dict('a', 'b')), list(i(1), dict('a', 'b'))),
  ok('deepEqual', i(1), c('int64', i(1))),
  // paths
  ok('base', '/a/b/c.txt'),
  ok('base', ''),
  ok('base', '///'),
  ok('dir', '/a/b/c'),
  ok('dir', 'c'),
  ok('clean', 'a//b/../c/./d/'),
  ok('clean', '/../a'),
  ok('clean', '../../a/..'),
  ok('ext', 'a/b.tar.gz'),
  ok('ext', 'a.b/c'),
  ok('isAbs', '/x'),
  ok('osBase', 'a/b/'),
  ok('osDir', '/'),
  // regex
  ok('regexMatch', '^[a-z]+$', 'abc'),
  ok('regexMatch', '(', 'abc'),
  ok('regexFind', '[0-9]+', 'ab123cd45'),
  ok('regexFindAll', 'a*', 'baaac', i(-1)),
  ok('regexFindAll', '[0-9]', 'a1b2c3', i(2)),
  ok('regexFindAll', 'x', 'abc', i(-1)),
  ok('regexReplaceAll', 'a(x*)b', '-ab-axxb-', '${1}W'),
  ok('regexReplaceAll', 'a(x*)b', '-ab-axxb-', '$1W'),
  ok('regexReplaceAll', '(?P<first>[a-z]+) (?P<last>[a-z]+)', 'john smith', '$last, $first'),
  ok('regexReplaceAll', 'a*', 'baaac', '-'),
  ok('regexReplaceAll', '', 'abc', '-'),
  ok('regexReplaceAll', '(?i)HELLO', 'Hello hello', 'x'),
  ok('regexReplaceAll', '(?m)^x', 'x\nx\nyx', 'Y'),
  ok('regexReplaceAll', '.', 'a\nb', '_'),
  ok('regexReplaceAll', '(?s).', 'a\nb', '_'),
  ok('regexReplaceAll', '\\pL+', 'héllo wörld 42', 'W'),
  ok('regexReplaceAll', '\\s+', 'a \u00a0b', '_'),
  ok('regexReplaceAll', '[[:digit:]]+', 'a12b3', '#'),
  ok('regexReplaceAll', '\\Qa.b\\E', 'a.b axb', 'X'),
  ok('regexReplaceAll', 'a$', 'a\na', 'X'),
  ok('regexReplaceAllLiteral', 'a(x*)b', '-axb-', '$1'),
  ok('regexSplit', ',\\s*', 'a, b,c,  d', i(-1)),
  ok('regexSplit', 'z*', 'abc', i(-1)),
  ok('regexSplit', ',', 'a,b,c', i(2)),
  ok('regexSplit', ',', '', i(-1)),
  ok('regexQuoteMeta', 'a.b*c[d]$'),
  ok('regexFind', '(?U)a+', 'aaa'),
  ok('regexFind', 'a{2,3}', 'aaaa'),
  ok('regexFind', '\\x41\\x{42}', 'zABz'),
  bad('regexFind', '(?=a)', 'a'),
  bad('regexFind', '(?<=a)b', 'ab'),
  bad('regexFind', 'a(', 'a'),
  bad('regexFind', 'a)', 'a'),
  bad('regexFind', '[a', 'a'),
  bad('regexFind', '*a', 'a'),
  bad('regexFind', 'a**', 'a'),
  bad('regexFind', '\\1', 'a'),
  bad('regexFind', '[z-a]', 'a'),
  bad('regexFind', '\\q', 'a'),
  bad('regexFind', 'a{1001}', 'a'),
  bad('mustRegexFind', 'a(', 'a'),
  bad('regexFindAll', '\\p{Foo}', 'a', i(1)),
  bad('regexSplit', '(?z)', 'a', i(1)),
  // semver
  ok('semver', '1.2.3-beta.1+build'),
  ok('semver', 'v1.2'),
  bad('semver', 'abc'),
  bad('semver', '1.2.3-01'),
  ok('semverCompare', '>=1.20.0-0', 'v1.28.3-gke.1'),
  ok('semverCompare', '>=1.20.0', 'v1.28.3-gke.1'),
  ok('semverCompare', '^1.2.0', '1.9.9'),
  ok('semverCompare', '^0.2.3', '0.3.0'),
  ok('semverCompare', '~1.2.3', '1.2.9'),
  ok('semverCompare', '~1.2.3', '1.3.0'),
  ok('semverCompare', '1.2.x', '1.2.7'),
  ok('semverCompare', '>1.2', '1.2.5'),
  ok('semverCompare', '<=1.2', '1.2.5'),
  ok('semverCompare', '1.0 - 2.0', '2.0.1'),
  ok('semverCompare', '1.0 - 2.0', '1.5'),
  ok('semverCompare', '<1.0 || >=3', '3.1'),
  ok('semverCompare', '>= 1.2, < 2', '1.5.0'),
  ok('semverCompare', '!=1.2.3', '1.2.3'),
  ok('semverCompare', '*', '0.0.1'),
  bad('semverCompare', '>>1', '1.0.0'),
  bad('semverCompare', '>1', 'x'),
  // dates (deterministic forms)
  ok('toDate', '2006-01-02', '2024-02-03'),
  ok('toDate', '2006-01-02 15:04', '2024-02-03 10:20'),
  ok('date', '2006-01-02T15:04:05Z07:00', c('toDate', '2006-01-02', '2024-02-03')),
  ok('dateInZone', 'Mon Jan _2 15:04:05 MST 2006', i(0), 'UTC'),
  ok('dateInZone', '2006-01-02 15:04 -0700', c('int64', i(1700000000)), 'America/New_York'),
  ok('dateInZone', '02/01/06 3:04PM .000', i(1700000000), 'Asia/Kolkata'),
  ok('htmlDateInZone', i(0), 'UTC'),
  ok('htmlDateInZone', i(86400), 'Nowhere/Bad'),
  ok('unixEpoch', c('toDate', '2006-01-02', '2024-02-03')),
  ok('dateModify', '1h30m', c('toDate', '2006-01-02', '2024-02-03')),
  ok('dateModify', 'bogus', c('toDate', '2006-01-02', '2024-02-03')),
  bad('mustDateModify', 'bogus', c('toDate', '2006-01-02', '2024-02-03')),
  bad('mustToDate', '2006-01-02', '2024-13-03'),
  ok('toDate', '2006-01-02', '2024-13-03'),
  ok('duration', '90'),
  ok('duration', i(90)),
  ok('duration', c('int64', i(3725))),
  ok('duration', '-1'),
  ok('durationRound', '2h10m'),
  ok('durationRound', '400d'),
  ok('durationRound', c('int64', i(5))),
  ok('durationRound', 'bad'),
  // crypto
  ok('sha1sum', 'hello'),
  ok('sha256sum', 'hello wörld'),
  ok('sha256sum', ''),
  ok('sha512sum', 'abc'),
  ok('adler32sum', 'hello'),
  ok('derivePassword', i(1), 'long', 'password', 'user', 'example.com'),
  ok('derivePassword', i(2), 'nope', 'password', 'user', 'example.com'),
  ok('decryptAES', 'secretkey', c('encryptAES', 'secretkey', 'plain text')),
  ok('htpasswd', 'a:b', 'pw'),
  ok('bcrypt', c('repeat', i(73), 'a')),
  ok('htpasswd', 'u', c('repeat', i(73), 'a')),
  // url
  ok('urlParse', 'https://user:p%40ss@example.com:8443/a%20b/c?x=1&y=2#frag%21'),
  ok('urlParse', 'mailto:joe@example.com'),
  ok('urlParse', '/relative/path?q'),
  bad('urlParse', 'http://host:abc/'),
  ok(
    'urlJoin',
    dict('scheme', 'https', 'host', 'example.com', 'path', '/a b', 'query', 'x=1', 'fragment', 'f g'),
  ),
  ok('urlJoin', dict('host', 'h', 'userinfo', 'u:p', 'path', 'p')),
  bad('urlJoin', dict('host', i(1))),
  // idioms and edges seen in charts
  ok('semverCompare', '>=1.21-0', 'v1.35.0'),
  ok('semverCompare', '<1.19-0', 'v1.35.0'),
  ok('semverCompare', '>=1.16-0, <1.19-0', '1.18.3'),
  ok('semverCompare', '>=1.8-0', 'v1.30.2-gke.100'),
  ok('semverCompare', '^1.2.3-beta.2', '1.2.3-beta.10'),
  ok('semverCompare', '~0.0.1', '0.0.9'),
  ok('semverCompare', 'x', '9.9.9'),
  ok('semverCompare', '>=1.0.0 <2.0.0 || =3.0.0', '3.0.0'),
  ok(
    'trimSuffix',
    '-',
    c('trunc', i(63), 'release-name-is-long-enough-to-be-cut-exactly-at-the-sixty-third-c-char'),
  ),
  ok('regexReplaceAll', '[^a-z0-9-]', c('lower', 'My_App.Name'), '-'),
  ok('add', i('9223372036854775807'), i(1)),
  ok('mul', i(4294967296), i(4294967296)),
  ok('int64', '9223372036854775807'),
  ok('int64', '9223372036854775808'),
  ok('int', 9.223372036854776e18),
  ok('float64', '1e400'),
  ok('float64', 'inf'),
  ok('float64', '-Infinity'),
  ok('toString', 1e6),
  ok('toString', 123456789.0),
  ok('quote', 1e21),
  ok('toString', c('float64', '0.000012')),
  ok('int', 1e6),
  ok('add1', 1e6),
  ok('default', i(5), 0.0),
  ok('ternary', i(1), i(2), c('empty', 0.0)),
  ok('upper', 'ǆ ß ﬁ'),
  ok('title', 'ǆa'),
  ok('lower', 'ΣΑΣ'),
  ok('snakecase', 'ÀÉÎ'),
  ok('camelcase', 'ü_ä'),
  ok('quote', '\u2028 \u00a0 \ufeff'),
  ok('b64enc', '😀'),
  ok('sha256sum', '😀'),
  ok('toString', list(list(), dict())),
  ok('regexFindAll', '\\p{Greek}+', 'abc αβγ def δ', i(-1)),
  ok('regexReplaceAll', '(?i)straße', 'STRASSE Straße', 'x'),
  ok('regexFindAll', '(?i)k', 'kK\u212a', i(-1)),
  ok('regexFindAll', '(?i)s', 'sS\u017f', i(-1)),
  ok('regexFindAll', '(?i)[a-z]+', 'x\u017fK', i(-1)),
  ok('regexFindAll', '(?i)σ', 'Σσς', i(-1)),
  ok('regexFindAll', '(?i)i', 'iI\u0130\u0131', i(-1)),
  ok('regexFindAll', '(?i)ß', 'ß\u1e9e', i(-1)),
  ok('regexFindAll', '(?i)µ', 'µΜμ', i(-1)),
  ok('regexFindAll', '(?i)\\w', '\u017f\u212a_', i(-1)),
  ok('regexFindAll', '(?i)å', 'åÅ\u212b', i(-1)),
  ok('regexFindAll', '(?i)[^k]', 'kK\u212ax', i(-1)),
  ok('regexFindAll', 'a(?i)b(?-i)c', 'abc aBc aBC ABc', i(-1)),
  ok('regexFindAll', '(?i:A)a', 'aa Aa aA', i(-1)),
  ok('regexFind', '[[:^alpha:]]+', 'abc123def'),
  ok('regexFind', '\\D+', '12ab34'),
  ok('regexFind', '\\W', 'ab_c d'),
  ok('regexFind', '[^\\s]+', '  xy z'),
  ok('regexReplaceAll', '(a)(b)?', 'ab a', '[$2]'),
  ok('regexReplaceAll', '(?P<x>a)', 'a', '${x}${1}$x$$'),
  ok('regexReplaceAll', '(a)', 'a', '${1'),
  ok('regexReplaceAll', '(a)', 'a', '$ 1'),
  ok('regexSplit', '', 'abc', i(-1)),
  ok('regexSplit', 'b', 'abc', i(0)),
  ok('regexFindAll', '', 'héllo', i(-1)),
  ok('regexReplaceAll', 'x*', 'héllo', '-'),
  ok(
    'dateInZone',
    '2006-01-02 15:04:05.000000 Mon Monday Jan January 06 1 2 _2 3 03 PM pm -07 -0700 Z07:00 002',
    c('int64', i(1709251199)),
    'Asia/Kolkata',
  ),
  ok('toDate', 'Jan _2 2006 3:04:05.999PM', 'Feb  3 2024 1:02:03.5PM'),
  ok('toDate', '2006-01-02', '2024-02-30'),
  bad('mustToDate', '2006-01-02', '2024-02-30'),
  bad('mustToDate', '2006-01-02', '2024-02-03x'),
  bad('mustToDate', '2006-01-02 15:04', '2024-02-03'),
  ok('duration', c('int64', i(-90061))),
  ok('duration', c('int64', i(31536000))),
  ok('durationRound', '-90m'),
  ok('durationRound', '720h'),
  ok('durationRound', '721h'),
  ok('durationRound', '1.5s'),
  ok('dateModify', '-1.5h', c('toDate', '2006-01-02', '2024-02-03')),
  ok('dateModify', '1h2m3s4ms5us6ns', c('toDate', '2006-01-02', '2024-02-03')),
  bad('mustDateModify', '1x', c('toDate', '2006-01-02', '2024-02-03')),
  bad('mustDateModify', '1', c('toDate', '2006-01-02', '2024-02-03')),
  ok('urlParse', 'http://[::1]:80/p'),
  ok('urlParse', 'HTTP://Example.COM/A?B#C'),
  ok('urlParse', ''),
  ok('urlParse', '//host/p'),
  ok('urlParse', 'a/b:c'),
  bad('urlParse', 'http://a b.com/'),
  bad('urlParse', '%zz'),
  ok('urlJoin', dict('scheme', 'mailto', 'opaque', 'x@y')),
  ok('urlJoin', dict('path', 'a:b')),
  ok('urlJoin', dict('scheme', 'http', 'host', 'h', 'query', 'a=1&b=2', 'fragment', 'x/y?z')),
  bad('urlJoin', dict('host', 'h', 'userinfo', 'u s:p@ss')),
  // misc
];

/**
 * RAW are whole template actions (pipelines, variables, methods and fields of sprig's values,
 * non-deterministic functions checked through deterministic properties), rendered by helm and by
 * lib/template. Each output is one line.
 */
const RAW: { tpl: string; err?: boolean }[] = [
  { tpl: '{{ "hello" | upper | quote }}' },
  { tpl: '{{ list 3 1 2 | sortAlpha | join "," }}' },
  { tpl: '{{ $x := dict "a" 1 }}{{ $_ := set $x "b" 2 }}{{ $x | toJson }}' },
  { tpl: '{{ range $i, $e := until 3 }}{{ $i }}:{{ $e }};{{ end }}' },
  { tpl: '{{ range seq 3 | splitList " " }}<{{ . }}>{{ end }}' },
  { tpl: '{{ default "x" .missing }}' },
  { tpl: '{{ .missing | quote }}|{{ .missing | squote }}|{{ .missing | toString }}' },
  { tpl: '{{ add 1 2 | typeOf }} {{ list 1 2 | first | typeOf }} {{ mul 1.5 2 }} {{ int64 "42" | add1 }}' },
  { tpl: '{{ until 3 | len }} {{ untilStep 0 10 4 | toJson }}' },
  {
    tpl: '{{ (semver "1.2.3").Major }} {{ (semver "1.2.3-alpha+m").Prerelease }} {{ (semver "v2").Original }}',
  },
  {
    tpl: '{{ (semver "2.0.0").GreaterThan (semver "1.0.0") }} {{ (semver "1.0.0").Compare (semver "1.0.0-rc1") }}',
  },
  { tpl: '{{ semver "1.2.3" | toJson }} {{ semver "1.2" }}' },
  {
    tpl: '{{ (toDate "2006-01-02" "2024-02-03").Unix }} {{ toDate "2006-01-02" "2024-02-03" | date "Jan 2, 2006 3PM" }}',
  },
  {
    tpl: '{{ toDate "2006-01-02" "2024-02-03" | unixEpoch }} {{ toDate "2006-01-02" "2024-02-03" | dateModify "-25h" }}',
  },
  { tpl: '{{ toDate "2006-01-02T15:04:05Z07:00" "2024-02-03T10:20:30+05:30" }}' },
  { tpl: '{{ toDate "2006-01-02" "2024-02-03" | toJson }}' },
  {
    tpl: '{{ toDate "2006-01-02T15:04:05Z07:00" "2024-02-03T10:20:30+00:00" }} {{ toDate "2006-01-02T15:04:05Z07:00" "2024-02-03T10:20:30Z" }}',
  },
  {
    tpl: '{{ toDate "02 Jan 06 15:04 MST" "03 Feb 24 10:20 UTC" }} {{ toDate "2006-01-02 15:04:05.000" "2024-02-03 10:20:30.123" }}',
  },
  {
    tpl: '{{ dateInZone "2006-01-02 15:04 MST" (toDate "2006-01-02T15:04:05Z07:00" "2024-07-03T10:20:30-03:00") "Europe/Paris" }}',
  },
  {
    tpl: '{{ dateInZone "Monday, 02-Jan-06 15:04:05 MST" 1700000000 "America/New_York" }} {{ dateInZone "3:04:05.000000 pm Z07:00" 0 "Asia/Tokyo" }}',
  },
  { tpl: '{{ (genCA "x" 1).Cert | hasPrefix "-----BEGIN CERTIFICATE-----" }}' },
  {
    tpl: '{{ $c := genCA "x" 1 }}{{ $c.Key | hasPrefix "-----BEGIN RSA PRIVATE KEY-----" }} {{ typeOf $c }}',
  },
  {
    tpl: '{{ $ca := genCA "ca" 3 }}{{ $s := genSignedCert "s" (list "1.2.3.4") (list "a") 3 $ca }}{{ $s.Cert | hasSuffix "-----END CERTIFICATE-----\\n" }}',
  },
  {
    tpl: '{{ genPrivateKey "ecdsa" | hasPrefix "-----BEGIN EC PRIVATE KEY-----" }} {{ genPrivateKey "ed25519" | len }}',
  },
  { tpl: '{{ bcrypt "x" | len }} {{ htpasswd "u" "p" | hasPrefix "u:$2a$10$" }}' },
  {
    tpl: '{{ randAlphaNum 10 | len }} {{ randNumeric 5 | regexMatch "^[0-9]{5}$" }} {{ uuidv4 | len }} {{ randAscii 3 | len }}',
  },
  { tpl: '{{ randInt 5 6 }} {{ shuffle "aaa" }} {{ randBytes 12 | len }}' },
  { tpl: '{{ encryptAES "k" "text" | decryptAES "k" }}' },
  { tpl: '{{ now | typeOf }} {{ now | date "2006" | len }} {{ ago now | len | lt 6 }}' },
  { tpl: '{{ dict "a" 1 "b" (list 1.5 nil) | toJson }} {{ list 1 "a" | toRawJson }}' },
  { tpl: '{{ ternary "a" "b" (eq 1 1) }} {{ coalesce .a .b "c" }} {{ get (dict) "x" | typeOf }}' },
  { tpl: '{{ pluck "a" (dict "a" 1) (dict "a" 2) | toJson }} {{ dig "a" "b" "d" (dict) }}' },
  { tpl: '{{ "abc" | substr 1 2 }} {{ regexFind "[0-9]+" "a12" | atoi | add 1 }}' },
  { tpl: '{{ urlParse "http://u@x:1/y?q#f" | toJson }}' },
  { tpl: '{{ keys (dict "b" 1 "a" 2) | sortAlpha | toJson }} {{ dict "x" 1 | values | toJson }}' },
  { tpl: '{{ split "," "a,b" | toJson }} {{ (split "," "a,b")._1 }}' },
  { tpl: '{{ fromJson `{"a":1}` | toJson }} {{ mustFromJson "[1]" | first | typeOf }}' },
  {
    tpl: '{{ splitList "," "a,b" | typeOf }} {{ toStrings (list 1) | typeOf }} {{ chunk 1 (list 1) | typeOf }}',
  },
  { tpl: '{{ b64enc "a" | b64dec }} {{ "héllo" | b32enc }} {{ sha1sum "" }}' },
  {
    tpl: '{{ max 1 2 | add1 | typeOf }} {{ float64 "1.5" | typeOf }} {{ round 1.5 0 | typeOf }} {{ atoi "1" | typeOf }}',
  },
  { tpl: '{{ toDecimal "0777" | typeOf }} {{ seq 3 | typeOf }} {{ len (list 1 2) | add 1 }}' },
  {
    tpl: '{{ kindOf (semver "1.0.0") }} {{ kindOf (now) }} {{ kindOf (genCA "x" 1) }} {{ typeOf (until 2) }}',
  },
  {
    tpl: '{{ dateInZone "MST-0700" 1705000000 "UTC" }}/{{ dateInZone "MST" 1720000000 "UTC" }} {{ dateInZone "MST-0700" 1705000000 "Europe/Paris" }}/{{ dateInZone "MST" 1720000000 "Europe/Paris" }} {{ dateInZone "MST-0700" 1705000000 "Europe/London" }}/{{ dateInZone "MST" 1720000000 "Europe/London" }} {{ dateInZone "MST-0700" 1705000000 "Europe/Lisbon" }}/{{ dateInZone "MST" 1720000000 "Europe/Lisbon" }} {{ dateInZone "MST-0700" 1705000000 "Europe/Dublin" }}/{{ dateInZone "MST" 1720000000 "Europe/Dublin" }} {{ dateInZone "MST-0700" 1705000000 "Europe/Moscow" }}/{{ dateInZone "MST" 1720000000 "Europe/Moscow" }} {{ dateInZone "MST-0700" 1705000000 "Europe/Istanbul" }}/{{ dateInZone "MST" 1720000000 "Europe/Istanbul" }} {{ dateInZone "MST-0700" 1705000000 "Europe/Berlin" }}/{{ dateInZone "MST" 1720000000 "Europe/Berlin" }} {{ dateInZone "MST-0700" 1705000000 "Europe/Kyiv" }}/{{ dateInZone "MST" 1720000000 "Europe/Kyiv" }} {{ dateInZone "MST-0700" 1705000000 "America/New_York" }}/{{ dateInZone "MST" 1720000000 "America/New_York" }} {{ dateInZone "MST-0700" 1705000000 "America/Chicago" }}/{{ dateInZone "MST" 1720000000 "America/Chicago" }} {{ dateInZone "MST-0700" 1705000000 "America/Denver" }}/{{ dateInZone "MST" 1720000000 "America/Denver" }} {{ dateInZone "MST-0700" 1705000000 "America/Phoenix" }}/{{ dateInZone "MST" 1720000000 "America/Phoenix" }} {{ dateInZone "MST-0700" 1705000000 "America/Los_Angeles" }}/{{ dateInZone "MST" 1720000000 "America/Los_Angeles" }} {{ dateInZone "MST-0700" 1705000000 "America/Anchorage" }}/{{ dateInZone "MST" 1720000000 "America/Anchorage" }} {{ dateInZone "MST-0700" 1705000000 "Pacific/Honolulu" }}/{{ dateInZone "MST" 1720000000 "Pacific/Honolulu" }} {{ dateInZone "MST-0700" 1705000000 "America/Sao_Paulo" }}/{{ dateInZone "MST" 1720000000 "America/Sao_Paulo" }} {{ dateInZone "MST-0700" 1705000000 "America/Halifax" }}/{{ dateInZone "MST" 1720000000 "America/Halifax" }} {{ dateInZone "MST-0700" 1705000000 "America/St_Johns" }}/{{ dateInZone "MST" 1720000000 "America/St_Johns" }} {{ dateInZone "MST-0700" 1705000000 "Asia/Tokyo" }}/{{ dateInZone "MST" 1720000000 "Asia/Tokyo" }} {{ dateInZone "MST-0700" 1705000000 "Asia/Kolkata" }}/{{ dateInZone "MST" 1720000000 "Asia/Kolkata" }} {{ dateInZone "MST-0700" 1705000000 "Asia/Shanghai" }}/{{ dateInZone "MST" 1720000000 "Asia/Shanghai" }} {{ dateInZone "MST-0700" 1705000000 "Asia/Singapore" }}/{{ dateInZone "MST" 1720000000 "Asia/Singapore" }} {{ dateInZone "MST-0700" 1705000000 "Asia/Dubai" }}/{{ dateInZone "MST" 1720000000 "Asia/Dubai" }} {{ dateInZone "MST-0700" 1705000000 "Asia/Seoul" }}/{{ dateInZone "MST" 1720000000 "Asia/Seoul" }} {{ dateInZone "MST-0700" 1705000000 "Asia/Hong_Kong" }}/{{ dateInZone "MST" 1720000000 "Asia/Hong_Kong" }} {{ dateInZone "MST-0700" 1705000000 "Asia/Jerusalem" }}/{{ dateInZone "MST" 1720000000 "Asia/Jerusalem" }} {{ dateInZone "MST-0700" 1705000000 "Australia/Sydney" }}/{{ dateInZone "MST" 1720000000 "Australia/Sydney" }} {{ dateInZone "MST-0700" 1705000000 "Australia/Adelaide" }}/{{ dateInZone "MST" 1720000000 "Australia/Adelaide" }} {{ dateInZone "MST-0700" 1705000000 "Australia/Perth" }}/{{ dateInZone "MST" 1720000000 "Australia/Perth" }} {{ dateInZone "MST-0700" 1705000000 "Pacific/Auckland" }}/{{ dateInZone "MST" 1720000000 "Pacific/Auckland" }} {{ dateInZone "MST-0700" 1705000000 "Africa/Johannesburg" }}/{{ dateInZone "MST" 1720000000 "Africa/Johannesburg" }} {{ dateInZone "MST-0700" 1705000000 "Africa/Lagos" }}/{{ dateInZone "MST" 1720000000 "Africa/Lagos" }} {{ dateInZone "MST-0700" 1705000000 "Africa/Nairobi" }}/{{ dateInZone "MST" 1720000000 "Africa/Nairobi" }} {{ dateInZone "MST-0700" 1705000000 "Africa/Cairo" }}/{{ dateInZone "MST" 1720000000 "Africa/Cairo" }} {{ dateInZone "MST-0700" 1705000000 "Asia/Jakarta" }}/{{ dateInZone "MST" 1720000000 "Asia/Jakarta" }} {{ dateInZone "MST-0700" 1705000000 "Asia/Karachi" }}/{{ dateInZone "MST" 1720000000 "Asia/Karachi" }} {{ dateInZone "MST-0700" 1705000000 "America/Mexico_City" }}/{{ dateInZone "MST" 1720000000 "America/Mexico_City" }} {{ dateInZone "MST-0700" 1705000000 "America/Bogota" }}/{{ dateInZone "MST" 1720000000 "America/Bogota" }} {{ dateInZone "MST-0700" 1705000000 "America/Argentina/Buenos_Aires" }}/{{ dateInZone "MST" 1720000000 "America/Argentina/Buenos_Aires" }} {{ dateInZone "MST-0700" 1705000000 "Asia/Manila" }}/{{ dateInZone "MST" 1720000000 "Asia/Manila" }} {{ dateInZone "MST-0700" 1705000000 "Asia/Taipei" }}/{{ dateInZone "MST" 1720000000 "Asia/Taipei" }} {{ dateInZone "MST-0700" 1705000000 "Asia/Kathmandu" }}/{{ dateInZone "MST" 1720000000 "Asia/Kathmandu" }} {{ dateInZone "MST-0700" 1705000000 "Asia/Tehran" }}/{{ dateInZone "MST" 1720000000 "Asia/Tehran" }} {{ dateInZone "MST-0700" 1705000000 "Europe/Athens" }}/{{ dateInZone "MST" 1720000000 "Europe/Athens" }} {{ dateInZone "MST-0700" 1705000000 "America/Toronto" }}/{{ dateInZone "MST" 1720000000 "America/Toronto" }} {{ dateInZone "MST-0700" 1705000000 "America/Vancouver" }}/{{ dateInZone "MST" 1720000000 "America/Vancouver" }}',
  },
  {
    tpl: '{{ toDate "2006-01-02 15:04:05.999 MST" "2024-02-03 10:20:30 UTC" | unixEpoch }} {{ toDate "2006-01-02 15:04:05.999" "2024-02-03 10:20:30.5" }}',
  },
  {
    tpl: '{{ now | toString | regexMatch " m=\\\\+[0-9]+\\\\.[0-9]{9}$" }} {{ now | dateModify "1h" | toString | regexMatch " m=\\\\+36[0-9]{2}\\\\." }} {{ now | date "MST" }}',
  },
  {
    tpl: '{{ toDate "02 Jan 06 15:04 MST" "03 Feb 24 10:20 PST" }} {{ toDate "02 Jan 06 15:04 MST" "03 Feb 24 10:20 PST" | unixEpoch }}',
  },
  {
    tpl: '{{ toDate "2006-01-02 MST" "2024-02-03 GMT" }} {{ toDate "2006-01-02 MST" "2024-02-03 CEST" | date "2006-01-02 15:04 MST" }}',
  },
  { tpl: '{{ first nil }}', err: true },
  { tpl: '{{ last "abc" }}', err: true },
  { tpl: '{{ rest (dict) }}', err: true },
  { tpl: '{{ reverse nil }}', err: true },
  { tpl: '{{ uniq 1 }}', err: true },
  { tpl: '{{ without nil 1 }}', err: true },
  { tpl: '{{ has 1 (dict) }}', err: true },
  { tpl: '{{ slice "abc" 1 }}', err: true },
  { tpl: '{{ slice (list 1 2 3) "1" "2" }}' },
  { tpl: '{{ slice (list 1 2 3) 2 1 }}', err: true },
  { tpl: '{{ chunk 0 (list 1) }}', err: true },
  { tpl: '{{ chunk -1 (list 1 2) }}' },
  { tpl: '{{ concat nil }}', err: true },
  { tpl: '{{ concat (list) (list) | typeOf }}' },
  { tpl: '{{ append nil 1 }}', err: true },
  { tpl: '{{ prepend "x" 1 }}', err: true },
  { tpl: '{{ keys nil }}' },
  { tpl: '{{ values nil }}' },
  { tpl: '{{ pick nil "a" }}' },
  { tpl: '{{ omit nil "a" }}' },
  { tpl: '{{ merge nil (dict "a" 1) }}' },
  { tpl: '{{ mergeOverwrite (dict "a" (list 1)) (dict "a" (list)) }}' },
  { tpl: '{{ merge (dict "a" (list)) (dict "a" (list 1)) }}' },
  { tpl: '{{ get nil "a" }}' },
  { tpl: '{{ hasKey nil "a" }}' },
  { tpl: '{{ unset nil "a" }}' },
  { tpl: '{{ pluck "a" nil }}' },
  { tpl: '{{ dig "a" "b" nil }}', err: true },
  { tpl: '{{ toJson nil }}' },
  { tpl: '{{ toPrettyJson (dict) }}' },
  { tpl: '{{ toPrettyJson (list) }}' },
  { tpl: '{{ toRawJson nil }}' },
  { tpl: '{{ mustToJson (list 1) }}' },
  { tpl: '{{ add nil 1 }}' },
  { tpl: '{{ add1 nil }}' },
  { tpl: '{{ max nil }}' },
  { tpl: '{{ round nil 2 }}' },
  { tpl: '{{ floor "abc" }}' },
  { tpl: '{{ ceil nil }}' },
  { tpl: '{{ int64 (list) }}' },
  { tpl: '{{ float64 (dict) }}' },
  { tpl: '{{ atoi "" }}' },
  { tpl: '{{ atoi " 1" }}' },
  { tpl: '{{ atoi "+1" }}' },
  { tpl: '{{ atoi "-0" }}' },
  { tpl: '{{ seq 1 1 }}' },
  { tpl: '{{ seq 1 0 1 }}' },
  { tpl: '{{ seq 5 -1 1 }}' },
  { tpl: '{{ seq 1 2 3 4 }}' },
  { tpl: '{{ until 0 }}' },
  { tpl: '{{ untilStep 0 0 1 }}' },
  { tpl: '{{ trunc 0 "abc" }}' },
  { tpl: '{{ abbrev 4 "abcde" }}' },
  { tpl: '{{ abbrevboth 10 6 "abcdefghijklmnop" }}' },
  { tpl: '{{ abbrevboth 3 7 "abcdefghijklmnop" }}' },
  { tpl: '{{ wrap 0 "a b c" | quote }}' },
  { tpl: '{{ wrapWith 0 "," "abc" }}' },
  { tpl: '{{ indent 0 "a" }}' },
  { tpl: '{{ nindent 0 "" | quote }}' },
  { tpl: '{{ initials "" }}' },
  { tpl: '{{ initials "  a  b " }}' },
  { tpl: '{{ nospace "" }}' },
  { tpl: '{{ swapcase "" }}' },
  { tpl: '{{ camelcase "" }}' },
  { tpl: '{{ snakecase "" }}' },
  { tpl: '{{ kebabcase "a" }}' },
  { tpl: '{{ title "" }}' },
  { tpl: '{{ untitle "ABC def" }}' },
  { tpl: '{{ substr 0 0 "" }}' },
  { tpl: '{{ repeat 0 "a" }}' },
  { tpl: '{{ replace "" "" "" }}' },
  { tpl: '{{ plural "a" "b" 0 }}' },
  { tpl: '{{ trimAll "" "  x  " }}' },
  { tpl: '{{ trim "\\u00a0x\\u0085" }}' },
  { tpl: '{{ squote nil }}' },
  { tpl: '{{ quote }}' },
  { tpl: '{{ cat }}' },
  { tpl: '{{ cat nil nil }}' },
  { tpl: '{{ join nil nil }}', err: true },
  { tpl: '{{ split "" "" }}' },
  { tpl: '{{ splitList "x" "" }}' },
  { tpl: '{{ splitn "x" -1 "axbxc" }}' },
  { tpl: '{{ sortAlpha nil }}' },
  { tpl: '{{ toStrings nil }}' },
  { tpl: '{{ toStrings "a" }}' },
  { tpl: '{{ b64dec "" }}' },
  { tpl: '{{ b64dec "YQ==\\nYg==" }}' },
  { tpl: '{{ b64dec "YQ" }}' },
  { tpl: '{{ b64dec "Y===" }}' },
  { tpl: '{{ b32dec "ME======" }}' },
  { tpl: '{{ b32dec "ME=====" }}' },
  { tpl: '{{ b32dec "M" }}' },
  { tpl: '{{ typeOf (dict "a" 1).a }}' },
  { tpl: '{{ kindOf 1.5 }}' },
  { tpl: '{{ kindIs "invalid" nil }}' },
  { tpl: '{{ typeIsLike "int" 1 }}' },
  { tpl: '{{ deepEqual nil nil }}' },
  { tpl: '{{ deepEqual (list) (list) }}' },
  { tpl: '{{ deepEqual (dict) nil }}' },
  { tpl: '{{ regexMatch "" "" }}' },
  { tpl: '{{ regexFindAll "a" "aaa" 0 }}' },
  { tpl: '{{ regexSplit "a" "banana" 2 }}' },
  { tpl: '{{ regexReplaceAllLiteral "" "ab" "$" }}' },
  { tpl: '{{ regexQuoteMeta "" }}' },
  { tpl: '{{ semverCompare "" "1.0.0" }}', err: true },
  { tpl: '{{ semverCompare "1" "1.0.0" }}' },
  { tpl: '{{ semverCompare "=1" "1.5.0" }}' },
  { tpl: '{{ semverCompare "!=1.x" "1.5.0" }}' },
  { tpl: '{{ semverCompare ">1.x" "2.0.0" }}' },
  { tpl: '{{ semverCompare "<=1.x" "1.9.0" }}' },
  { tpl: '{{ semverCompare "~1" "1.9.0" }}' },
  { tpl: '{{ semverCompare "^0.0" "0.0.9" }}' },
  { tpl: '{{ semverCompare "^0" "0.9.0" }}' },
  { tpl: '{{ (semver "1.2.3").IncMajor }}' },
  {
    tpl: '{{ (semver "v1.2.3-rc.1+m").IncPatch }} {{ (semver "v1.2.3").IncPatch.Original }} {{ (semver "1.2.3-x").IncMinor | typeOf }}',
    err: true,
  },
  {
    tpl: '{{ (semver "1.2.3").SetPrerelease "beta.1" }} {{ ((semver "1.2.3").SetMetadata "b.7").Metadata }} {{ (semver "1.2.3").IncMajor | kindOf }}',
  },
  { tpl: '{{ (semver "1.2.3").SetPrerelease "01" }}', err: true },
  { tpl: '{{ semver "v1.2.3+build.1" }}' },
  { tpl: '{{ semver "1.2.3.4" }}', err: true },
  { tpl: '{{ semver "01.2.3" }}' },
  { tpl: '{{ semver "1.2.3-" }}', err: true },
  { tpl: '{{ semver "1.2.3+" }}', err: true },
  { tpl: '{{ ternary 1 2 true | typeOf }}' },
  { tpl: '{{ coalesce }}' },
  { tpl: '{{ all }}' },
  { tpl: '{{ empty (semver "1.0.0") }}' },
  { tpl: '{{ default nil nil }}' },
  { tpl: '{{ urlParse "http://a/b?c=d&e" | toJson }}' },
  { tpl: '{{ urlJoin (dict) }}' },
  { tpl: '{{ urlJoin (dict "scheme" "https" "host" "h" "path" "/p") }}' },
  { tpl: '{{ urlJoin (dict "path" "/a?b#c") }}' },
  { tpl: '{{ duration "1.5" }}' },
  { tpl: '{{ duration "" }}' },
  { tpl: '{{ durationRound 1 }}' },
  { tpl: '{{ durationRound (int64 61000000000) }}' },
  { tpl: '{{ htmlDate 0 }}' },
  { tpl: '{{ date "2006" 1.5 | len }}' },
  { tpl: '{{ sha1sum "abc" }}' },
  { tpl: '{{ sha512sum "" }}' },
  { tpl: '{{ adler32sum "" }}' },
  { tpl: '{{ derivePassword 0 "maximum" "p" "u" "s" }}' },
  { tpl: '{{ derivePassword 4294967295 "medium" "" "" "" }}' },
  { tpl: '{{ encryptAES "" "" }}' },
  { tpl: '{{ decryptAES "k" "" }}' },
  { tpl: '{{ decryptAES "k" "!!" }}', err: true },
  { tpl: '{{ decryptAES "k" "YWJj" }}', err: true },
  {
    tpl: '{{ "a-b_c d" | camelcase }} {{ "A-B_C D" | snakecase }} {{ "a1b2" | snakecase }} {{ "v1.2.3" | kebabcase }}',
  },
  {
    tpl: '{{ snakecase "IPAddress" }} {{ snakecase "userID" }} {{ snakecase "JSONData2XML" }} {{ kebabcase "Hello  World" }}',
  },
  {
    tpl: '{{ snakecase "__a__b__" }} {{ snakecase "-x-" }} {{ snakecase "a.b.C" }} {{ snakecase "ABC123def" }} {{ snakecase "123ABC" }}',
  },
  {
    tpl: '{{ camelcase "a" }} {{ camelcase "_" }} {{ camelcase "a_" }} {{ camelcase " a b " }} {{ camelcase "helloWORLD_fooBAR" }}',
  },
  {
    tpl: '{{ title "hello_world" }} {{ title "123abc" }} {{ title "a.b,c;d" }} {{ untitle "  Hello" }} {{ swapcase "ǅ" }}',
  },
  { tpl: '{{ initials "Hello World Foo" }} {{ initials "héllo wörld" }} {{ nospace "\\t\\n a \u00a0b" }}' },
  {
    tpl: '{{ abbrev 10 "hello" }} {{ abbrev 7 "hello world" }} {{ abbrevboth 1 10 "abcdefghijklmnop" }} {{ abbrevboth 5 8 "abcdefghijklmnop" }}',
  },
  {
    tpl: '{{ wrap 10 "The quick brown fox jumps over the lazy dog" | quote }} {{ wrapWith 4 "<br>" "a b c d e f g" }}',
  },
  { tpl: '{{ wrap 5 "  leading and trailing  " | quote }} {{ wrap 3 "abcdefgh ijk lm" | quote }}' },
  { tpl: '{{ trunc 3 "héllo" | len }} {{ substr 1 3 "héllo" | len }}' },
  {
    tpl: '{{ regexReplaceAll "(?m)^\\\\s+" "  a\\n  b" "" | quote }} {{ regexReplaceAll "(\\\\w+)@(\\\\w+)" "me@host you@there" "$2 at $1" }}',
  },
  {
    tpl: '{{ regexFindAll "(?s)a.b" "a\\nb axb" -1 | toJson }} {{ regexFindAll "\\\\bfoo\\\\b" "foo foobar afoo foo" -1 }}',
  },
  {
    tpl: '{{ regexFindAll "[[:upper:]][[:lower:]]+" "Hello World ABc" -1 }} {{ regexFindAll "\\\\pN+" "a1b22c٣" -1 }}',
  },
  {
    tpl: '{{ regexFind "a|ab" "ab" }} {{ regexFind "ab|a" "ab" }} {{ regexFind "(a*)*" "b" | quote }} {{ regexFind "(a|b)*?c" "abc" }}',
  },
  {
    tpl: '{{ regexSplit "\\\\s*,\\\\s*" "a , b,c ,d" -1 }} {{ regexSplit "x*" "axbxxc" -1 }} {{ regexSplit "(a)" "1a2a3" 2 }}',
  },
  {
    tpl: '{{ regexReplaceAll "a(?P<n>b)?" "ab a" "<${n}>" }} {{ regexReplaceAll "(.)" "abc" "$1$1" }} {{ regexReplaceAll "(.)" "abc" "${1}x" }}',
  },
  {
    tpl: '{{ regexMatch "^[\\\\w.-]+@[\\\\w-]+\\\\.[a-z]{2,}$" "a.b-c@d-e.io" }} {{ regexMatch "^\\\\d{3}-\\\\d{4}$" "555-1234" }}',
  },
  { tpl: '{{ regexQuoteMeta "[a](b){c}*+?.^$|\\\\" }}' },
  {
    tpl: '{{ regexFind "[\\\\d\\\\-]+" "tel: 12-34" }} {{ regexFind "[^\\\\W\\\\d]+" "12abc" }} {{ regexFind "[\\\\x41-\\\\x43]+" "zABCD" }}',
  },
  {
    tpl: '{{ regexFind "\\\\Aab" "abab" }} {{ regexFind "ab\\\\z" "abab" }} {{ regexFindAll "(?m)b$" "ab\\nab" -1 }}',
  },
  { tpl: '{{ toJson (list 1.0 2.5 1e21 -0.0 nil true "x") }} {{ toJson (dict "b" (dict "z" 1 "a" 2)) }}' },
  {
    tpl: '{{ toJson "<>&\\u2028" }} {{ toRawJson "<>&\\u2028" }} {{ toPrettyJson (dict "a" (list 1 (dict "b" nil))) | quote }}',
  },
  {
    tpl: '{{ mustFromJson "[1,2]" | typeOf }} {{ mustFromJson "1.5" | typeOf }} {{ mustFromJson "\\"x\\"" }} {{ mustFromJson "null" | typeOf }}',
  },
  {
    tpl: '{{ mustFromJson "{\\"a\\":{\\"b\\":[1,{\\"c\\":null}]}}" | toJson }} {{ (fromJson "{\\"n\\":1e3}").n }}',
  },
  {
    tpl: '{{ add 1 "2" 3.7 true nil }} {{ sub "10" "0x10" }} {{ mul "2" "010" }} {{ div 7 -2 }} {{ mod 7 -2 }} {{ div "9" 2.9 }}',
  },
  {
    tpl: '{{ addf "1.1" 2 }} {{ subf 10 0.1 0.2 }} {{ mulf 0.1 0.1 }} {{ divf 10 4 }} {{ divf 1 7 }} {{ addf 1e20 1 }} {{ mulf 1e-10 1e-10 }}',
  },
  {
    tpl: '{{ maxf 1 nil "x" }} {{ minf 0 -0.0 }} {{ maxf -0.0 0 }} {{ floor -1.5 }} {{ ceil -1.5 }} {{ round 1.005 2 }} {{ round -1.005 2 }}',
  },
  {
    tpl: '{{ round 123.456 -1 }} {{ round 2.5 0 0.6 }} {{ round 1e20 2 }} {{ int "  1" }} {{ int "1e3" }} {{ int64 "-0x10" }} {{ int "08" }}',
  },
  {
    tpl: '{{ float64 "  1" }} {{ float64 ".5" }} {{ float64 "5." }} {{ float64 "1_000.5" }} {{ float64 "0x1p-2" }} {{ float64 "1e-400" }} {{ float64 true }}',
  },
  {
    tpl: '{{ toDecimal "-17" }} {{ toDecimal "0o17" }} {{ toDecimal "17.0" }} {{ toDecimal true }} {{ toDecimal nil }}',
  },
  { tpl: '{{ seq -3 }} {{ seq 3 3 }} {{ seq 0 0 }} {{ seq 1 -1 -5 }} {{ seq 1 0 5 | quote }}' },
  { tpl: '{{ until 3 | toJson }} {{ untilStep 5 0 -2 | toJson }} {{ untilStep 0 5 0 | toJson }}' },
  {
    tpl: '{{ list 1 2 3 | rest | first }} {{ list 1 2 3 | initial | last }} {{ list 3 1 2 | reverse | toJson }} {{ list "a" "b" | has "a" }}',
  },
  {
    tpl: '{{ list 1 (list 2) (dict "a" 1) (list 2) (dict "a" 1) | uniq | toJson }} {{ list 1 2 1 | without 1 2 | toJson }}',
    err: true,
  },
  {
    tpl: '{{ slice (list 1 2 3) 0 0 | toJson }} {{ slice (list 1 2 3) 3 | toJson }} {{ slice (until 5) 1 3 | typeOf }} {{ slice (splitList "," "a,b,c") 1 | typeOf }}',
  },
  {
    tpl: '{{ chunk 2 (until 5) | toJson }} {{ chunk 5 (list 1 2) | toJson }} {{ concat (list 1) (until 2) (splitList "," "a") | toJson }}',
  },
  {
    tpl: '{{ dict "a" 1 "b" | toJson }} {{ dict | toJson }} {{ dict nil 1 | toJson }} {{ dict 1.5 "x" | toJson }}',
  },
  {
    tpl: '{{ $d := dict "a" 1 }}{{ $_ := unset $d "a" }}{{ $d | toJson }} {{ pick (dict "a" 1 "b" 2) | toJson }} {{ omit (dict "a" 1 "b" 2) | toJson }}',
  },
  {
    tpl: '{{ merge (dict "a" 1) (dict "a" 2 "b" 2) (dict "c" 3) | toJson }} {{ mergeOverwrite (dict "a" 1) (dict "a" 2) (dict "a" 3) | toJson }}',
  },
  { tpl: '{{ merge (dict "a" (dict "b" (dict "c" 1))) (dict "a" (dict "b" (dict "d" 2))) | toJson }}' },
  {
    tpl: '{{ mergeOverwrite (dict "a" (dict "b" 1)) (dict "a" "x") | toJson }} {{ merge (dict "a" 0) (dict "a" nil) | toJson }} {{ mergeOverwrite (dict "a" 0) (dict "a" false) | toJson }}',
  },
  { tpl: '{{ keys (dict "b" 1) (dict "a" 2) | toJson }} {{ values (dict "b" (list 2)) | toJson }}' },
  {
    tpl: '{{ dig "a" "b" "c" "d" (dict "a" (dict "b" (dict "c" "x"))) }} {{ dig "x" (list 1) (dict) | toJson }}',
  },
  { tpl: '{{ urlParse "https://user@host.com:443/a/b/../c?x=%20y#f%20g" | toJson }}' },
  { tpl: '{{ urlParse "http://[fe80::1%25en0]:8080/" | toJson }} {{ urlParse "file:///tmp/x" | toJson }}' },
  {
    tpl: '{{ urlJoin (dict "scheme" "HTTP" "host" "Ex.com" "path" "é") }} {{ urlJoin (dict "scheme" "s" "path" "rel") }} {{ urlJoin (dict "host" "h" "path" "rel") }}',
  },
  {
    tpl: '{{ semverCompare ">=1.2.3 <1.3 || ~2.1" "2.1.9" }} {{ semverCompare ">= 1.2.3, <= 1.3" "1.3.0" }} {{ semverCompare "1.2 - 1.4.5" "1.4.6" }}',
  },
  {
    tpl: '{{ semverCompare ">1.0.0-alpha" "1.0.0-beta" }} {{ semverCompare ">1.0.0-alpha" "1.0.1" }} {{ semverCompare "=1.0.0-rc.1" "1.0.0-rc.1" }}',
  },
  {
    tpl: '{{ (semver "1.0.0-alpha.10").Compare (semver "1.0.0-alpha.9") }} {{ (semver "1.0.0-alpha").LessThan (semver "1.0.0-alpha.1") }} {{ (semver "1.0.0+a").Equal (semver "1.0.0+b") }}',
  },
  { tpl: '{{ semver "18446744073709551615.0.0" }}' },
  {
    tpl: '{{ b64enc "" | quote }} {{ b32enc "" | quote }} {{ b32enc "f" }} {{ b32enc "fo" }} {{ b32enc "foo" }} {{ b32enc "foob" }} {{ b32enc "fooba" }}',
  },
  {
    tpl: '{{ b32dec "MZXW6YQ=" }} {{ b32dec "MZXQ====" }} {{ b64dec "Zm9v\\r\\nYmFy" }} {{ b64dec "Zg" | quote }}',
  },
  {
    tpl: '{{ sha256sum (repeat 1000 "ab") }} {{ sha1sum (repeat 100 "é") }} {{ adler32sum (repeat 6000 "z") }}',
  },
  {
    tpl: '{{ derivePassword 1 "basic" "pw" "name" "site" }} {{ derivePassword 3 "short" "pw" "name" "site" }}',
  },
  { tpl: '{{ first 1 }}', err: true },
  { tpl: '{{ repeat "a" 3 }}', err: true },
  { tpl: '{{ repeat 1.5 "a" }}', err: true },
  { tpl: '{{ dateModify "1h" "2024" }}', err: true },
  { tpl: '{{ genSignedCert "x" nil nil 1 (dict) }}', err: true },
  { tpl: '{{ (semver "1.0.0").Nope }}', err: true },
  { tpl: '{{ dig "a" 1 (dict "a" 2) }}' },
  { tpl: '{{ dig "a" "b" 1 (dict "a" 2) }}', err: true },
  { tpl: '{{ mustToDate "2006" "x" }}', err: true },
];

function lit(e: Expr): string {
  if (e === null) return 'nil';
  if (typeof e === 'string') return JSON.stringify(e);
  if (typeof e === 'boolean') return String(e);
  if (typeof e === 'number') {
    const s = String(e);
    return /[.e]/.test(s) ? s : `${s}.0`;
  }
  if ('int' in e) return String(e.int);
  return `(${[e.call, ...e.args.map(lit)].join(' ')})`;
}

const funcs = sprigFuncs({ now: () => new Date(Date.UTC(2024, 0, 1)), random: () => 0.5 });

function evaluate(e: Expr): GoValue {
  if (e === null || typeof e !== 'object') return e;
  if ('int' in e) return new GoInt(BigInt(e.int));
  const f = funcs[e.call];
  if (!f) throw new Error(`no function ${e.call}`);
  return f.fn(...e.args.map(evaluate));
}

function ours(e: Expr): string {
  try {
    return `ok: ${strval(evaluate(e))}`;
  } catch (err) {
    const name = typeof e === 'object' && e !== null && 'call' in e ? e.call : '?';
    if (err instanceof Error && (err.name === 'GoError' || err.name === 'GoPanic')) {
      return `error calling ${name}: ${err.message}`;
    }
    throw err;
  }
}

const TEMPLATE = (e: Expr) => `v: |2-\n  [{{ ${lit(e)} | toString | replace "\\n" "\\n  " }}]\n`;

let dir = '';
let helm = '';
const want = new Map<number, string>();
/** rendered holds helm's document body (ok cases) or its `Error:` text (error cases). */
const rendered = new Map<number, string>();

const RAW_TEMPLATE = (tpl: string) => `v: |2-\n  [${tpl}]\n`;
const rawRendered = new Map<number, string>();

let chartSeq = 0;

/** render writes the snippets into a fresh chart and returns helm's stdout, or `ERR <stderr>`. */
function render(cases: [number, Case][], raw: [number, string][] = []): Promise<string> {
  const chart = join(dir, `c${chartSeq++}`);
  mkdirSync(join(chart, 'templates'), { recursive: true });
  writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
  for (const [n, k] of cases)
    writeFileSync(join(chart, 'templates', `t${String(n).padStart(4, '0')}.yaml`), TEMPLATE(k.expr));
  for (const [n, t] of raw)
    writeFileSync(join(chart, 'templates', `r${String(n).padStart(4, '0')}.yaml`), RAW_TEMPLATE(t));
  return new Promise((resolve, reject) => {
    execFile(
      helm,
      ['template', chart],
      { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } },
      (err, stdout, stderr) => {
        rmSync(chart, { recursive: true, force: true });
        if (err && typeof err.code !== 'number') reject(err);
        else resolve(err ? `ERR ${stderr}` : stdout);
      },
    );
  });
}

/** renderAll renders each job alone, a few helm processes at a time. */
async function renderAll<T>(jobs: T[], run: (job: T) => Promise<void>, width = 4): Promise<void> {
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let job = queue.shift(); job !== undefined; job = queue.shift()) await run(job);
    }),
  );
}

beforeAll(async () => {
  helm = await helmPath();
  execFileSync(helm, ['version'], { encoding: 'utf8' });
  dir = mkdtempSync(join(tmpdir(), 'sprig-helm-'));
  const indexed = CASES.map((k, n) => [n, k] as [number, Case]);
  // Cases marked err render alone (helm stops at the first failing file); an unmarked case that
  // fails in helm is moved to the alone set too, so the comparison stays purely differential.
  let batch = indexed.filter(([, k]) => !k.err);
  const alone = indexed.filter(([, k]) => k.err);
  let out = await render(batch);
  while (out.startsWith('ERR')) {
    const m = /c\/templates\/t(\d{4})\.yaml/.exec(out);
    if (!m) throw new Error(`helm failed on the batch of cases: ${out}`);
    const failing = Number(m[1]);
    alone.push(...batch.filter(([n]) => n === failing));
    batch = batch.filter(([n]) => n !== failing);
    out = await render(batch);
  }
  for (const doc of out.split('---\n# Source: c/templates/t').slice(1)) {
    const n = Number(doc.slice(0, 4));
    const body = doc.slice(doc.indexOf('\n') + 1).trimEnd();
    const m = /^v: \|2-\n {2}\[([\s\S]*)\]$/.exec(body);
    want.set(n, m ? `ok: ${m[1]!.replaceAll('\n  ', '\n')}` : `unparsed: ${body}`);
    rendered.set(n, body);
  }
  await renderAll(alone, async ([n, k]) => {
    const err = await render([[n, k]]);
    const m = /error calling \w+: ([\s\S]*?)\n*(Use --debug|$)/.exec(err);
    const name = typeof k.expr === 'object' && k.expr !== null && 'call' in k.expr ? k.expr.call : '?';
    want.set(n, m ? `error calling ${name}: ${m[1]!.trim()}` : `helm: ${err}`);
    rendered.set(
      n,
      goMessage(
        err.replace(/^ERR Error: /, '').replace(/\n+Use --debug flag to render out invalid YAML\n*$/, ''),
      ),
    );
  });
  let rawBatch = RAW.map((r, n) => [n, r.tpl] as [number, string]).filter(([n]) => !RAW[n]!.err);
  const rawAlone = RAW.map((r, n) => [n, r.tpl] as [number, string]).filter(([n]) => RAW[n]!.err);
  let rawOut = await render([], rawBatch);
  while (rawOut.startsWith('ERR')) {
    const m = /c\/templates\/r(\d{4})\.yaml/.exec(rawOut);
    if (!m) throw new Error(`helm failed on the raw snippets: ${rawOut}`);
    const failing = Number(m[1]);
    rawAlone.push(...rawBatch.filter(([n]) => n === failing));
    rawBatch = rawBatch.filter(([n]) => n !== failing);
    rawOut = await render([], rawBatch);
  }
  for (const doc of rawOut.split('---\n# Source: c/templates/r').slice(1)) {
    rawRendered.set(Number(doc.slice(0, 4)), doc.slice(doc.indexOf('\n') + 1).trimEnd());
  }
  await renderAll(rawAlone, async ([n, tpl]) => {
    const err = await render([], [[n, tpl]]);
    rawRendered.set(
      n,
      goMessage(
        err.replace(/^ERR Error: /, '').replace(/\n+Use --debug flag to render out invalid YAML\n*$/, ''),
      ),
    );
  });
}, 180_000);

/**
 * goMessage undoes Helm v4's multi-line layout of a single-level template error
 * (`file:L:C\n  executing "…" at <…>:\n    msg`) into Go's one-line message.
 */
function goMessage(helmText: string): string {
  const m = /^(\S+:\d+:\d+)\n {2}(executing ".*" at <.*>):\n {4}([\s\S]*)$/.exec(helmText);
  return m ? `template: ${m[1]}: ${m[2]}: ${m[3]}` : helmText;
}

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('sprig functions against helm template', () => {
  it.each(CASES.map((k, n) => ({ name: lit(k.expr), n, k })))('$name', ({ n, k }) => {
    expect(ours(k.expr)).toBe(want.get(n));
  });
});

// The same snippets executed by lib/template with the sprig map: argument conversion, printing
// and error wrapping (`template: …: error calling NAME: …`) included.
describe('sprig snippets through lib/template against helm template', () => {
  it.each(CASES.map((k, n) => ({ name: lit(k.expr), n, k })))('$name', ({ n, k }) => {
    const name = `c/templates/t${String(n).padStart(4, '0')}.yaml`;
    const set = new TemplateSet(funcs);
    let got: string;
    try {
      set.parse(name, TEMPLATE(k.expr));
      got = set.execute(name, new GoMap(), { missingKey: 'zero' }).replaceAll('<no value>', '').trim();
    } catch (e) {
      got = e instanceof Error ? e.message : String(e);
    }
    expect(got).toBe(rendered.get(n));
  });
});

describe('raw sprig templates through lib/template against helm template', () => {
  it.each(RAW.map((r, n) => ({ name: r.tpl, n, r })))('$name', ({ n, r }) => {
    const name = `c/templates/r${String(n).padStart(4, '0')}.yaml`;
    const set = new TemplateSet(funcs);
    let got: string;
    try {
      set.parse(name, RAW_TEMPLATE(r.tpl));
      got = set.execute(name, new GoMap(), { missingKey: 'zero' }).replaceAll('<no value>', '').trim();
    } catch (e) {
      got = e instanceof Error ? e.message : String(e);
    }
    expect(got).toBe(rawRendered.get(n));
  });
});
