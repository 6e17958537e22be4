/**
 * Helm's template function map (Helm v4.1.4 `pkg/engine/funcs.go` and `engine.go` initFunMap):
 * sprig's functions without `env`/`expandenv`, plus Helm's YAML/JSON/TOML functions, `include`,
 * `tpl`, `required`, `fail`, `lookup` (always empty in `helm template`) and `getHostByName`
 * (empty without `--enable-dns`).
 *
 * `include` and `tpl` need the template set being executed; {@link HelmCalls} provides them, so
 * one function map (and one parse of a chart's templates) serves every render.
 */
import { GoError, type GoFuncValue, GoMap, GoPanic, type GoType, type GoValue } from '../go';
import { type FuncMap, sprigFuncs } from '../sprig';
import {
  encodeJson,
  fromJson,
  fromJsonArray,
  fromToml,
  fromYaml,
  fromYamlArray,
  marshalYaml,
  toToml,
  toYaml,
  toYamlPretty,
} from '../yaml';
import { warnWrap } from './errors-format';

/** HelmCalls are the render-time parts of the function map: the clock, randomness, include and tpl. */
export interface HelmCalls {
  now: () => Date;
  random: () => number;
  /** timeZone is Go's time.Local for date functions (Helm: the TZ of the process). */
  timeZone: () => string;
  include: (name: string, data: GoValue) => string;
  tpl: (text: string, data: GoValue) => string;
}

function fn(name: string, params: readonly GoType[], f: (...args: GoValue[]) => GoValue): GoFuncValue {
  return { name, params, fn: f };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * helmFuncs returns Helm's function map. `calls()` is consulted on every call, so the map can be
 * built once and bound to each render through the returned getter's target.
 */
export function helmFuncs(calls: () => HelmCalls): FuncMap {
  const funcs: FuncMap = {
    ...sprigFuncs({
      now: () => calls().now(),
      random: () => calls().random(),
      timeZone: () => calls().timeZone(),
    }),
  };
  // Helm: env and expandenv are removed (`function "env" not defined` at parse time).
  delete funcs.env;
  delete funcs.expandenv;
  const helm: FuncMap = {
    // Helm: toYaml swallows marshal errors and returns "".
    toYaml: fn('toYaml', ['interface {}'], (v) => toYaml(v)),
    // Helm: v4 only; marshal errors panic (v3 has no mustToYaml: `function "mustToYaml" not defined`).
    mustToYaml: fn('mustToYaml', ['interface {}'], (v) => {
      let out: string;
      try {
        out = marshalYaml(v);
      } catch (e) {
        throw new GoPanic(message(e));
      }
      return out.endsWith('\n') ? out.slice(0, -1) : out;
    }),
    toYamlPretty: fn('toYamlPretty', ['interface {}'], (v) => toYamlPretty(v)),
    fromYaml: fn('fromYaml', ['string'], (s) => fromYaml(s as string)),
    fromYamlArray: fn('fromYamlArray', ['string'], (s) => fromYamlArray(s as string)),
    // Helm: toJson swallows marshal errors and returns "".
    toJson: fn('toJson', ['interface {}'], (v) => {
      try {
        return encodeJson(v);
      } catch (e) {
        if (e instanceof GoError) return '';
        throw e;
      }
    }),
    // Helm: v4 panics on marshal errors (v3 uses sprig's error-returning mustToJson).
    mustToJson: fn('mustToJson', ['interface {}'], (v) => {
      try {
        return encodeJson(v);
      } catch (e) {
        if (e instanceof GoError) throw new GoPanic(e.message);
        throw e;
      }
    }),
    fromJson: fn('fromJson', ['string'], (s) => fromJson(s as string)),
    fromJsonArray: fn('fromJsonArray', ['string'], (s) => fromJsonArray(s as string)),
    toToml: fn('toToml', ['interface {}'], (v) => {
      // Go (BurntSushi): a nil root reaches reflect on the zero Value, a panic the encoder does not
      // recover into an error string (a nil inside a map or list is an encode error, printed).
      if (v === null) throw new GoPanic('reflect: call of reflect.Value.Type on zero Value');
      return toToml(v);
    }),
    fromToml: fn('fromToml', ['string'], (s) => fromToml(s as string)),
    include: fn('include', ['string', 'interface {}'], (name, data) => calls().include(name as string, data)),
    tpl: fn('tpl', ['string', 'interface {}'], (text, data) => calls().tpl(text as string, data)),
    required: fn('required', ['string', 'interface {}'], (warn, val) => {
      // Helm: only nil and "" fail; 0 and false pass.
      if (val === null || val === '') throw new GoError(warnWrap(warn as string));
      return val;
    }),
    fail: fn('fail', ['string'], (msg) => {
      throw new GoError(warnWrap(msg as string));
    }),
    // Helm: `helm template` has no cluster: lookup returns an empty map.
    lookup: fn('lookup', ['string', 'string', 'string', 'string'], () => new GoMap()),
    // Helm: without --enable-dns, getHostByName returns "".
    getHostByName: fn('getHostByName', ['string'], () => ''),
  };
  return Object.assign(funcs, helm);
}
