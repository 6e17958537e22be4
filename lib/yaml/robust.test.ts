// Bad input never escapes as a JavaScript exception: every reader either returns a value or
// throws its own error type (YamlError for YAML; Helm's from* helpers never throw).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromJson,
  fromJsonArray,
  fromToml,
  fromYaml,
  fromYamlArray,
  parseValues,
  toYaml,
  YamlError,
  yamlDocuments,
} from './index';

const yamlish = fc
  .array(
    fc.constantFrom(
      'a',
      'b: ',
      ': ',
      '- ',
      '? ',
      '\n',
      '\n  ',
      '\t',
      ' ',
      '"',
      "'",
      '[',
      ']',
      '{',
      '}',
      ',',
      '#',
      '&x',
      '*x',
      '!',
      '!!int ',
      '|',
      '>',
      '%',
      '@',
      '`',
      '---',
      '...',
      '\\',
      '\u0085',
      '\u2028',
      '\ufeff',
      '😀',
      '<<: ',
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('readers on arbitrary input', () => {
  it('parseValues and yamlDocuments return or throw YamlError', () => {
    fc.assert(
      fc.property(fc.oneof(yamlish, fc.string({ unit: 'binary', maxLength: 60 })), (text) => {
        for (const read of [parseValues, yamlDocuments]) {
          try {
            read(text);
          } catch (e) {
            if (!(e instanceof YamlError)) throw e;
          }
        }
      }),
      { seed: 42, numRuns: 3000 },
    );
  });

  it('fromYaml, fromYamlArray, fromJson, fromJsonArray and fromToml never throw', () => {
    fc.assert(
      fc.property(fc.oneof(yamlish, fc.string({ unit: 'binary', maxLength: 60 })), (text) => {
        expect(() => [
          fromYaml(text),
          fromYamlArray(text),
          fromJson(text),
          fromJsonArray(text),
          fromToml(text),
        ]).not.toThrow();
      }),
      { seed: 7, numRuns: 3000 },
    );
  });
});

describe('deep input', () => {
  it('reads and prints 2000 levels of nesting', () => {
    const flow = `a: ${'['.repeat(2000)}${']'.repeat(2000)}\n`;
    expect(parseValues(flow).get('a')).toBeInstanceOf(Array);
    let block = '';
    for (let d = 0; d < 2000; d++) block += `${' '.repeat(d)}k${d}:\n`;
    const v = parseValues(block);
    expect(v.has('k0')).toBe(true);
    expect(toYaml(v).split('\n')).toHaveLength(2000);
  });
});
