import { describe, expect, it } from 'vitest';
import { GoError, GoInt, GoMap, type GoValue } from '../go';
import { helmFuncs } from './functions';

const funcs = helmFuncs(() => ({
  now: () => new Date(0),
  random: () => 0,
  timeZone: () => 'UTC',
  include: () => {
    throw new Error('not used');
  },
  tpl: () => {
    throw new Error('not used');
  },
}));
const call = (name: string, ...args: GoValue[]) => funcs[name]!.fn(...args);

describe('helmFuncs', () => {
  it('removes env and expandenv (ENGINE.md §4.1)', () => {
    expect(funcs.env).toBeUndefined();
    expect(funcs.expandenv).toBeUndefined();
  });

  const required: { name: string; input: GoValue; want: 'pass' | 'fail' }[] = [
    { name: 'nil fails', input: null, want: 'fail' },
    { name: 'empty string fails', input: '', want: 'fail' },
    { name: 'zero passes', input: new GoInt(0n), want: 'pass' },
    { name: 'false passes', input: false, want: 'pass' },
    { name: 'empty map passes', input: new GoMap(), want: 'pass' },
  ];
  for (const { name, input, want } of required) {
    it(`required: ${name}`, () => {
      if (want === 'pass') expect(call('required', 'msg', input)).toBe(input);
      else expect(() => call('required', 'msg', input)).toThrow(new GoError('HELM_ERR_STARTmsgHELM_ERR_END'));
    });
  }

  it('fail wraps its message in the markers', () => {
    expect(() => call('fail', 'boom')).toThrow(new GoError('HELM_ERR_STARTboomHELM_ERR_END'));
  });

  it('lookup is an empty map in helm template', () => {
    const v = call('lookup', 'v1', 'Pod', 'ns', 'x');
    expect(v).toBeInstanceOf(GoMap);
    expect((v as GoMap).size).toBe(0);
  });

  it('getHostByName is empty without --enable-dns', () =>
    expect(call('getHostByName', 'localhost')).toBe(''));

  it('toYaml and mustToYaml drop one trailing newline', () => {
    const m = new GoMap([['a', 1]]);
    expect(call('toYaml', m)).toBe('a: 1');
    expect(call('mustToYaml', m)).toBe('a: 1');
  });

  it('toJson of an unsupported value is empty, mustToJson panics', () => {
    expect(call('toJson', Number.NaN)).toBe('');
    expect(() => call('mustToJson', Number.NaN)).toThrow();
  });
});
