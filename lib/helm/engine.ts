/**
 * The Helm rendering engine (Helm v4.1.4 `pkg/engine/engine.go`): every template of the chart and
 * its enabled subcharts parsed into one template set, executed file by file with each chart's
 * built-in objects, `<no value>` removed, errors rewritten as Helm prints them.
 *
 * Parsing happens once per set of template texts (cached); a render only executes.
 */
import { base64Encode, GoError, GoMap, type GoValue, quoteString, stringFromBytes } from '../go';
import { type FuncMap, sprigFuncs } from '../sprig';
import { ExecError, type ExecOptions, isStackOverflow, TemplateError, TemplateSet } from '../template';
import { marshalYaml, toYaml } from '../yaml';
import {
  type Capabilities,
  chartMetadataMap,
  filesOf,
  makeFiles,
  makeRelease,
  makeValues,
  type ReleaseInfo,
  templateInfo,
} from './builtins';
import { type Chart, chartFullPath } from './chart';
import { formatExecError, formatParseError } from './errors-format';
import { type HelmCalls, helmFuncs } from './functions';
import { byteCompare } from './output';

/** TemplateErrorInfo locates a failure: Helm's message and, when known, the template file, line and column. */
export interface TemplateErrorInfo {
  message: string;
  file?: string;
  line?: number;
  col?: number;
  valuePath?: string;
  /**
   * stackLimited says an include recursion was cut where JavaScript's stack ran out, before Helm's limit
   * of 1000 levels: the message is Helm's for a runaway recursion, yet a host with a deeper stack (the
   * CLI runs again in a thread with a large one) may render a finite recursion that Helm renders too.
   */
  stackLimited?: boolean;
}

/** TemplateRenderError is a failed render: Helm's message plus the file, line and column when known. */
export class TemplateRenderError extends Error {
  override name = 'TemplateRenderError';
  constructor(
    message: string,
    readonly info: TemplateErrorInfo,
  ) {
    super(message);
  }
}

/** RenderOptions inject the clock, the randomness and the execution budget. */
export interface RenderOptions {
  now?: () => Date;
  random?: () => number;
  /**
   * timeZone is the IANA zone date functions use as Go's time.Local (default 'UTC'), or a function that
   * finds it, called once and only when a date function needs it (asking Intl costs milliseconds).
   */
  timeZone?: string | (() => string);
  /** maxSteps bounds execution (actions and iterations) so runaway templates stop. */
  maxSteps?: number;
}

const recursionMaxNums = 1000;

/**
 * An include recursion runs until Helm's limit of 1000 entries of one name or until JavaScript's stack
 * runs out, whichever comes first. When the stack runs out inside an include whose name is already
 * being executed (a recursion), the run is cut there and {@link recursionMessage} writes the error Helm
 * would give by repeating the recursion's cycle up to Helm's limit. So an infinite recursion gets
 * Helm's exact message, and a finite one renders as long as the stack allows; deeper, it is reported
 * as Helm reports an infinite one. Measured with a one-line self-include (`{{ if … }}{{ include "down"
 * (sub . 1) }}{{ end }}`): about 460 levels in the command line (Node's default stack, code mostly
 * unoptimized), about 620 in process once the engine is warm (Node, or Chromium's main thread), and
 * only about 290 in a Chromium dedicated worker, whose stack is smaller. Helm allows 1000. A render cut
 * this way is marked `stackLimited`, so a host with a bigger stack can run it again (the CLI does).
 */
const recursionMarker = '\u0000helm-include-recursion\u0000';

/**
 * recursionMessage completes an error cut short where the stack ran out: the chain's prefixes (one
 * `…: error calling include: ` per include on the stack, then the call that was cut) are extended
 * call by call along the recursion's cycle, counting each name's entries, until a name would be
 * entered a 1002nd time (Helm refuses an entry when the name is already counted more than 1000
 * times); that call gets Helm's final message. In a cycle of several names the first to reach the
 * limit is the one Helm names.
 */
function recursionMessage(e: Error, r: { name: string; stack: string[] }): string | undefined {
  const messages: string[] = [];
  let cur: unknown = e;
  while (cur instanceof Error) {
    if (messages[messages.length - 1] !== cur.message) messages.push(cur.message);
    cur = (cur as Error & { cause?: unknown }).cause;
  }
  if (messages[messages.length - 1] !== recursionMarker) return undefined;
  const prefixes: string[] = [];
  for (let i = 0; i + 1 < messages.length; i++) {
    const m = messages[i]!;
    const inner = messages[i + 1]!;
    if (!m.endsWith(inner)) return undefined;
    prefixes.push(m.slice(0, m.length - inner.length));
  }
  // Prefixes grouped per include call (a tpl call adds its own prefixes to the group of the
  // include it leads to): one group per include on the stack, then the call that was cut short.
  const groups: string[] = [];
  let group = '';
  for (const p of prefixes) {
    group += p;
    if (p.endsWith('error calling include: ')) {
      groups.push(group);
      group = '';
    }
  }
  if (group !== '' || groups.length !== r.stack.length + 1) return undefined;
  const previous = r.stack.lastIndexOf(r.name);
  if (previous < 0) return undefined;
  const cycle = groups.slice(previous + 1);
  const names = [...r.stack.slice(previous + 1), r.name];
  const counts = new Map<string, number>();
  for (const name of [...r.stack, r.name]) counts.set(name, (counts.get(name) ?? 0) + 1);
  let message = groups.join('');
  for (let i = 0; ; i = (i + 1) % names.length) {
    const name = names[i]!;
    const n = counts.get(name)!;
    message += cycle[i]!;
    if (n > recursionMaxNums) {
      return `${message}rendering template has a nested reference name: ${name}: unable to execute template`;
    }
    counts.set(name, n + 1);
  }
}

interface Renderable {
  name: string;
  text: string;
  vals: GoMap;
  basePath: string;
}

/** RenderContext is the state of one render: include counters and the set stack for include/tpl. */
interface RenderContext {
  calls: HelmCalls;
  sets: TemplateSet[];
  includedNames: Map<string, number>;
  /** includeStack holds the names of the includes being executed, outermost first. */
  includeStack: string[];
  /** options are the execution options of every run of this render. */
  options?: ExecOptions;
  /** recursion is set when an include recursion was cut short where the stack ran out (see {@link recursionMessage}). */
  recursion?: { name: string; stack: string[] };
  maxSteps: number | undefined;
}

let current: RenderContext | undefined;

function outsideRender(): never {
  throw new Error('lib/helm: include and tpl can only run during a render');
}

// What the function map sees outside a render (sprig may read the clock when it is built).
const idleCalls: HelmCalls = {
  now: () => new Date(),
  random: Math.random,
  timeZone: () => 'UTC',
  include: outsideRender,
  tpl: outsideRender,
};

// One function map for every render: include/tpl/now/random dispatch to the active render.
const funcs = helmFuncs(() => current?.calls ?? idleCalls);

/** outOfStack reports whether e is JavaScript's stack overflow, raw or as the template executor's limit error. */
function outOfStack(e: unknown): boolean {
  return isStackOverflow(e) || (e instanceof TemplateError && e.code === 'limit' && isStackOverflow(e.cause));
}

function goError(msg: string, cause?: unknown): GoError {
  const e = new GoError(msg);
  if (cause !== undefined) (e as Error & { cause?: unknown }).cause = cause;
  return e;
}

function execOptions(ctx: RenderContext): ExecOptions {
  ctx.options ??=
    ctx.maxSteps === undefined ? { missingKey: 'zero' } : { missingKey: 'zero', maxSteps: ctx.maxSteps };
  return ctx.options;
}

/** lazyZone resolves a time zone option on first use and keeps it. */
function lazyZone(zone: string | (() => string) | undefined): () => string {
  if (typeof zone !== 'function') return () => zone ?? 'UTC';
  let found: string | undefined;
  return () => {
    found ??= zone();
    return found;
  };
}

function makeCalls(ctx: RenderContext, opts: RenderOptions): HelmCalls {
  return {
    now: opts.now ?? (() => new Date()),
    random: opts.random ?? Math.random,
    timeZone: lazyZone(opts.timeZone),
    include(name, data) {
      const set = ctx.sets[ctx.sets.length - 1]!;
      const n = ctx.includedNames.get(name);
      if (n !== undefined) {
        if (n > recursionMaxNums) {
          throw goError(
            `rendering template has a nested reference name: ${name}: unable to execute template`,
          );
        }
        ctx.includedNames.set(name, n + 1);
      } else ctx.includedNames.set(name, 1);
      const depth = ctx.includeStack.length;
      ctx.includeStack.push(name);
      try {
        if (!set.has(name)) {
          throw goError(`template: no template ${quoteString(name)} associated with template "gotpl"`);
        }
        return set.execute(name, data, execOptions(ctx));
      } catch (e) {
        if (n !== undefined && n > 0) {
          // The stack ran out in a recursion: cut it at this call (see recursionMessage). Near the end
          // of the stack even this may fail; the original error then goes on to an outer call.
          let cut: GoError | undefined;
          try {
            if (outOfStack(e)) {
              cut = goError(recursionMarker);
              ctx.recursion = { name, stack: ctx.includeStack.slice(0, depth) };
            }
          } catch {
            throw e;
          }
          if (cut) throw cut;
        }
        if (e instanceof TemplateError) throw goError(e.message, e);
        throw e;
      } finally {
        // Restored by assignment, not by pop and decrement: this runs near the end of the stack too.
        ctx.includeStack.length = depth;
        ctx.includedNames.set(name, n ?? 0);
      }
    },
    tpl(text, data) {
      const parent = ctx.sets[ctx.sets.length - 1]!;
      const t = parent.clone();
      let tree: ReturnType<TemplateSet['parse']>;
      try {
        tree = t.parse('gotpl', text);
      } catch (e) {
        if (e instanceof TemplateError)
          throw goError(`cannot parse template ${quoteString(text)}: ${e.message}`, e);
        throw e;
      }
      ctx.sets.push(t);
      try {
        // Helm: the tpl result has `<no value>` removed, like a rendered file.
        // Helm: t.New("gotpl").Parse(text).Execute runs the text just parsed, even when it is empty
        // and so did not replace an enclosing tpl's "gotpl" in the set.
        return withoutNoValue(t.execute('gotpl', data, execOptions(ctx), tree));
      } catch (e) {
        if (e instanceof TemplateError) {
          throw goError(`error during tpl function execution for ${quoteString(text)}: ${e.message}`, e);
        }
        throw e;
      } finally {
        ctx.sets.pop();
      }
    },
  };
}

/**
 * sortTemplates is Helm's parse and execution order: more `/` first, then reverse byte order of
 * the full path (so the last parsed `define` of a name, which wins, is in the shallowest,
 * lexicographically smallest file).
 */
export function sortTemplates(names: readonly string[]): string[] {
  const slashes = (s: string) => s.split('/').length - 1;
  return [...names].sort((a, b) => {
    const ca = slashes(a);
    const cb = slashes(b);
    if (ca !== cb) return cb - ca;
    return byteCompare(b, a);
  });
}

/** withoutNoValue removes Helm's `<no value>` from a rendered text (searching first is cheaper than a replace). */
function withoutNoValue(text: string): string {
  return text.includes('<no value>') ? text.replaceAll('<no value>', '') : text;
}

interface ParsedSet {
  set?: TemplateSet;
  order: string[];
  error?: TemplateRenderError;
}

// Parsed template sets, keyed by the template names and texts.
const parseCache = new Map<string, ParsedSet>();
const parseCacheLimit = 32;

const texts = new WeakMap<Uint8Array, string>();

function textOf(data: Uint8Array): string {
  let t = texts.get(data);
  if (t === undefined) {
    // Go: template text is bytes; one that is not UTF-8 reaches the output as it is (kept as an escape).
    t = stringFromBytes(data);
    texts.set(data, t);
  }
  return t;
}

// Numbers standing for template texts in parse cache keys (equal texts, equal numbers). V8 keeps a
// string's hash once computed, so looking up the same text string again costs no rehash.
const textIds = new Map<string, number>();
const textIdLimit = 4096;

function textId(text: string): number {
  let id = textIds.get(text);
  if (id === undefined) {
    id = textIds.size + 1;
    textIds.set(text, id);
  }
  return id;
}

function parseAll(tpls: Map<string, Renderable>, key: string): ParsedSet {
  const cached = parseCache.get(key);
  if (cached) return cached;
  const order = sortTemplates([...tpls.keys()]);
  const set = new TemplateSet(funcs);
  let parsed: ParsedSet = { set, order };
  for (const name of order) {
    try {
      set.parse(name, tpls.get(name)!.text);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
      const message = formatParseError(name, e.message);
      parsed = {
        order,
        error: new TemplateRenderError(message, { message, file: e.templateName, line: e.line }),
      };
      break;
    }
  }
  if (parseCache.size >= parseCacheLimit) parseCache.delete(parseCache.keys().next().value!);
  parseCache.set(key, parsed);
  return parsed;
}

const filesCache = new WeakMap<object, GoMap>();

function filesFor(chart: Chart): GoMap {
  let f = filesCache.get(chart.files);
  if (!f) {
    f = makeFiles(filesOf(chart), { toYaml, base64: base64Encode });
    filesCache.set(chart.files, f);
  }
  return f;
}

function errorChain(e: unknown): string[] {
  const out: string[] = [];
  let cur: unknown = e;
  while (cur instanceof Error) {
    out.push(cur.message);
    cur = (cur as Error & { cause?: unknown }).cause;
  }
  return out;
}

/**
 * failingValuePath names the value behind an execution error, for editors that link errors to
 * values: the first `.Values.a.b` in the innermost failing node (e.g. `required "…" .Values.a.b`).
 */
function failingValuePath(e: unknown): string | undefined {
  let found: string | undefined;
  for (let cur = e; cur instanceof Error; cur = (cur as Error & { cause?: unknown }).cause) {
    if (!(cur instanceof TemplateError) || cur.context === undefined) continue;
    const m = /(?:^|[\s(])\$?\.Values((?:\.[\p{L}\p{N}_]+)+)/u.exec(cur.context);
    if (m) found = m[1]!.slice(1);
  }
  return found;
}

/**
 * collectTemplates is Helm's allTemplates: each chart's context (`.Chart`, `.Files`, `.Release`,
 * `.Capabilities`, `.Values`, `.Subcharts`) and its templates, keyed by full template path.
 */
function collectTemplates(
  chart: Chart,
  parentVals: GoMap,
  isRoot: boolean,
  release: GoMap,
  caps: Capabilities,
  out: Map<string, Renderable>,
): GoMap {
  const subcharts = new GoMap();
  const next = new GoMap([
    ['Chart', chartMetadataMap(chart, isRoot)],
    ['Files', filesFor(chart)],
    ['Release', release],
    ['Capabilities', caps],
    ['Values', new GoMap(undefined, 'common.Values')],
    ['Subcharts', subcharts],
  ]);
  if (isRoot) next.set('Values', parentVals.get('Values') ?? null);
  else {
    // Helm: values.Table("Values.<name>"): the parent's section for this chart, if it is a table.
    const pv = parentVals.get('Values');
    const section = pv instanceof GoMap ? pv.get(chart.metadata.name) : undefined;
    if (section instanceof GoMap) {
      next.set('Values', section.goType === 'common.Values' ? section : makeValues(section, marshalYaml));
    }
  }
  for (const dep of chart.dependencies) {
    subcharts.set(dep.metadata.name, collectTemplates(dep, next, false, release, caps, out));
  }
  const full = chartFullPath(chart);
  const library = chart.metadata.type === 'library';
  for (const t of chart.templates) {
    const base = t.path.slice(t.path.lastIndexOf('/') + 1);
    // Helm: a library chart contributes only its partials.
    if (library && !base.startsWith('_')) continue;
    out.set(`${full}/${t.path}`, {
      name: `${full}/${t.path}`,
      text: textOf(t.data),
      vals: next,
      basePath: `${full}/templates`,
    });
  }
  return next;
}

/**
 * renderChart renders every template of a chart (after dependency processing) with coalesced
 * values, returning path → rendered text (partials excluded, `<no value>` removed). It throws a
 * {@link TemplateRenderError} with Helm's message for parse and execution errors.
 */
export function renderChart(
  chart: Chart,
  values: GoMap,
  caps: Capabilities,
  release: ReleaseInfo,
  opts: RenderOptions = {},
): Map<string, string> {
  const top = new GoMap([['Values', makeValues(values, marshalYaml)]]);
  const tpls = new Map<string, Renderable>();
  collectTemplates(chart, top, true, makeRelease(release), caps, tpls);
  // The parse cache is keyed by the templates' names and texts, so charts rebuilt from the same
  // files (a worker receiving copies) still parse once. Texts enter the key as numbers from
  // textIds: a key holding every text would be copied and hashed in full on every render.
  if (textIds.size >= textIdLimit) {
    // Forgetting every text is safe between renders: the parse cache goes too, so no key collides.
    textIds.clear();
    parseCache.clear();
  }
  let key = '';
  for (const t of tpls.values()) key += `${t.name}\u0000${textId(t.text)}\u0000`;
  const parsed = parseAll(tpls, key);
  if (parsed.error) throw parsed.error;
  const set = parsed.set!;
  const ctx: RenderContext = {
    calls: undefined as unknown as HelmCalls,
    sets: [set],
    includedNames: new Map(),
    includeStack: [],
    maxSteps: opts.maxSteps,
  };
  ctx.calls = makeCalls(ctx, opts);
  const rendered = new Map<string, string>();
  const saved = current;
  current = ctx;
  try {
    for (const name of parsed.order) {
      if (name.slice(name.lastIndexOf('/') + 1).startsWith('_')) continue;
      const r = tpls.get(name)!;
      // Helm: .Template is set on the chart's shared context map just before each file runs.
      r.vals.set('Template', templateInfo(name, r.basePath));
      let text: string;
      try {
        text = set.execute(name, r.vals, execOptions(ctx));
      } catch (e) {
        if (!(e instanceof TemplateError)) throw e;
        let message: string;
        if (ctx.recursion) {
          // A recursion of a shape recursionMessage cannot extend: say where it was cut.
          message =
            recursionMessage(e, ctx.recursion) ??
            e.message.replace(
              recursionMarker,
              `rendering template has a nested reference name: ${ctx.recursion.name}: unable to execute template`,
            );
        } else message = formatExecError(name, errorChain(e), e instanceof ExecError);
        const info: TemplateRenderError['info'] = { message, file: e.templateName, line: e.line, col: e.col };
        if (ctx.recursion) info.stackLimited = true;
        const valuePath = failingValuePath(e);
        if (valuePath !== undefined) info.valuePath = valuePath;
        throw new TemplateRenderError(message, info);
      }
      rendered.set(name, withoutNoValue(text));
    }
  } finally {
    current = saved;
  }
  return rendered;
}

let nameFuncs: FuncMap | undefined;

/**
 * renderNameTemplate renders `--name-template` as Helm's TemplateName does (missing values print
 * `<no value>`). It throws a {@link TemplateRenderError} with Go's raw error text.
 */
export function renderNameTemplate(text: string): string {
  // Helm: --name-template is rendered with plain sprig functions (env included) and nil data.
  nameFuncs ??= sprigFuncs();
  const set = new TemplateSet(nameFuncs);
  try {
    set.parse('name-template', text);
    return set.execute('name-template', null as GoValue, { missingKey: 'default' });
  } catch (e) {
    if (e instanceof TemplateError) throw new TemplateRenderError(e.message, { message: e.message });
    throw e;
  }
}
