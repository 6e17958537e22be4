/**
 * Sprig's default, emptiness and JSON functions (`defaults.go`). JSON comes from lib/yaml's Go
 * encoding/json implementation.
 */
import { GoError, GoPanic, truth } from '../go';
import { decodeJson, encodeJson } from '../yaml';
import { isEmpty, strArg } from './cast';
import { type FuncMap, goFunc } from './func';

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** isGoFailure reports whether e is an error raised on purpose by a Go-level function. */
function isGoFailure(e: unknown): e is GoError | GoPanic {
  return e instanceof GoError || e instanceof GoPanic;
}

/** defaultFuncs returns sprig's default/empty/coalesce/ternary and JSON functions. */
export function defaultFuncs(): FuncMap {
  const A = 'interface {}' as const;
  const S = 'string' as const;
  const json = (
    name: string,
    opts: { indent?: string; escapeHtml?: boolean },
    onError: 'empty' | 'error' | 'panic',
  ) =>
    goFunc(name, [A], (v) => {
      try {
        return encodeJson(v, opts);
      } catch (e) {
        if (!isGoFailure(e)) throw e;
        if (onError === 'empty') return '';
        if (onError === 'error') throw new GoError(message(e));
        throw new GoPanic(message(e));
      }
    });
  return {
    default: goFunc(
      'default',
      [A, A],
      (d, ...given) => {
        if (given.length === 0 || isEmpty(given[0]!)) return d;
        return given[0]!;
      },
      true,
    ),
    empty: goFunc('empty', [A], (v) => isEmpty(v)),
    coalesce: goFunc('coalesce', [A], (...v) => v.find((x) => !isEmpty(x)) ?? null, true),
    all: goFunc('all', [A], (...v) => v.every((x) => !isEmpty(x)), true),
    any: goFunc('any', [A], (...v) => v.some((x) => !isEmpty(x)), true),
    ternary: goFunc('ternary', [A, A, 'bool'], (t, f, c) => (truth(c) && c === true ? t : f)),
    fromJson: goFunc('fromJson', [S], (s) => {
      try {
        return decodeJson(strArg(s));
      } catch (e) {
        if (!isGoFailure(e)) throw e;
        return null;
      }
    }),
    mustFromJson: goFunc('mustFromJson', [S], (s) => {
      try {
        return decodeJson(strArg(s));
      } catch (e) {
        if (!isGoFailure(e)) throw e;
        throw new GoError(message(e));
      }
    }),
    toJson: json('toJson', {}, 'empty'),
    mustToJson: json('mustToJson', {}, 'error'),
    toPrettyJson: json('toPrettyJson', { indent: '  ' }, 'empty'),
    mustToPrettyJson: json('mustToPrettyJson', { indent: '  ' }, 'error'),
    toRawJson: json('toRawJson', { escapeHtml: false }, 'panic'),
    mustToRawJson: json('mustToRawJson', { escapeHtml: false }, 'error'),
  };
}
