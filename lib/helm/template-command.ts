/**
 * The whole `helm template` command: flags → values → chart checks → render → output stream,
 * with Helm's stdout, stderr (`Error: …`, log lines) and exit code
 * (Helm v4.1.4: `pkg/cmd/template.go`, `pkg/cmd/install.go` runInstall, `pkg/action/install.go`).
 */
import { GoMap, quoteString, stringFromBytes } from '../go';
import { type Capabilities, makeCapabilities } from './builtins';
import { type Chart, type ChartFile, chartFullPath, loadArchive, loadChart } from './chart';
import { checkDependencies, isCompatibleRange, processDependencies } from './dependencies';
import { renderChart, renderNameTemplate, type TemplateErrorInfo, TemplateRenderError } from './engine';
import { HelmError } from './errors';
import {
  type CrdFile,
  readManifestYaml,
  type SortedManifests,
  slogValue,
  sortManifests,
  templateStream,
} from './output';
import { validateSchemas } from './schema';
import { coalesceValues, mergeValueSources, type ValueSources } from './values';

export type { TemplateErrorInfo };

/** TemplateOptions are `helm template`'s flags as data (the studio and the CLI both use them). */
export interface TemplateOptions extends ValueSources {
  /** releaseName defaults to `release-name`. */
  releaseName?: string;
  /** namespace defaults to `default`. */
  namespace?: string;
  kubeVersion?: string;
  apiVersions?: string[];
  isUpgrade?: boolean;
  showOnly?: string[];
  includeCrds?: boolean;
  noHooks?: boolean;
  skipTests?: boolean;
  skipSchemaValidation?: boolean;
  nameTemplate?: string;
  /** now is the clock of `now`/`date` functions (default: the real clock). */
  now?: () => Date;
  /** random is the randomness of `rand*`/`uuidv4`/key generation (default Math.random). */
  random?: () => number;
  /**
   * timeZone is the IANA time zone of date functions, Go's time.Local (default 'UTC'; the CLI reads TZ),
   * or a function called the first time a date function needs it.
   */
  timeZone?: string | (() => string);
  /** maxSteps bounds template execution so a runaway template stops with an error. */
  maxSteps?: number;
}

/** RenderedManifest is one document of the output: its `# Source:` path, kind, name, hook events and text. */
export interface RenderedManifest {
  path: string;
  kind: string;
  name: string;
  /** hook is the `helm.sh/hook` events, comma separated, for hooks. */
  hook?: string;
  text: string;
}

/** TemplateResult is what `helm template` produced: exit code, stdout, stderr and the parsed pieces. */
export interface TemplateResult {
  exitCode: number;
  stdout: string;
  /** stderr is Helm's log lines and `Error: …\n`, exactly as helm prints them. */
  stderr: string;
  manifests: RenderedManifest[];
  /** notes is the rendered root NOTES.txt (helm template never prints it). */
  notes?: string;
  error?: TemplateErrorInfo;
}

const debugSuffix = '\n\nUse --debug flag to render out invalid YAML';

const releaseNamePattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const invalidReleaseName =
  'invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53';

class Failure extends Error {
  constructor(
    message: string,
    readonly info: TemplateErrorInfo = { message },
  ) {
    super(message);
  }
}

/** Run carries the stderr log lines of one command run. */
interface Run {
  logs: string[];
}

function fail(run: Run, info: TemplateErrorInfo, manifests: RenderedManifest[] = []): TemplateResult {
  return {
    exitCode: 1,
    stdout: '',
    stderr: `${run.logs.map((l) => `${l}\n`).join('')}Error: ${info.message}\n`,
    manifests,
    error: info,
  };
}

/**
 * helmTemplate renders a loaded chart as `helm template` does, with the given options. It never
 * throws for bad input: every failure comes back as exit code 1 with Helm's `Error:` text.
 */
export function helmTemplate(chart: Chart, options: TemplateOptions = {}): TemplateResult {
  const run: Run = { logs: [] };
  try {
    const caps = capabilities(options);
    const name = releaseNameOf(options);
    const userValues = mergeValueSources({
      valueFiles: options.valueFiles,
      valueFileNames: options.valueFileNames,
      set: options.set,
      setString: options.setString,
      setJson: options.setJson,
      setLiteral: options.setLiteral,
      setFile: options.setFile,
    });
    return templateLoaded(run, chart, userValues, name, caps, options);
  } catch (e) {
    if (e instanceof Failure) return fail(run, e.info);
    if (e instanceof HelmError) return fail(run, { message: e.message });
    throw e;
  }
}

function capabilities(options: TemplateOptions): Capabilities {
  try {
    return makeCapabilities({ kubeVersion: options.kubeVersion, apiVersions: options.apiVersions });
  } catch (e) {
    if (e instanceof Error && options.kubeVersion !== undefined) {
      throw new Failure(`invalid kube version '${options.kubeVersion}': ${e.message}`);
    }
    throw e;
  }
}

function releaseNameOf(options: TemplateOptions): string {
  if (options.nameTemplate) {
    try {
      return renderNameTemplate(options.nameTemplate);
    } catch (e) {
      if (e instanceof TemplateRenderError) throw new Failure(e.message);
      throw e;
    }
  }
  return options.releaseName ?? 'release-name';
}

/** slogLine formats a log line of Helm's: `level=WARN msg="…" key=value…` from `message key=value…`. */
function slogLine(level: 'INFO' | 'WARN', text: string): string {
  const m = /^(.*?)((?: [A-Za-z]+=\S*)*)$/s.exec(text);
  const msg = m?.[1] ?? text;
  const attrs = (m?.[2] ?? '')
    .trim()
    .split(' ')
    .filter((x) => x !== '')
    .map((kv) => {
      const eq = kv.indexOf('=');
      return ` ${kv.slice(0, eq)}=${slogValue(kv.slice(eq + 1))}`;
    });
  return `level=${level} msg=${slogValue(msg)}${attrs.join('')}`;
}

function dependencyLog(text: string): string {
  // Helm: dependency checks log through slog.Warn; coalescing logs through log.Printf (INFO).
  if (/^(returned non-bool value|ImportValues missing table)/.test(text)) return slogLine('WARN', text);
  return `level=INFO msg=${slogValue(text)}`;
}

/** crdFiles is Helm's CRDObjects: `crds/` manifests of the chart, then of each subchart. */
function crdFiles(chart: Chart): CrdFile[] {
  const out: CrdFile[] = chart.crds.map((f: ChartFile) => ({
    path: `${chartFullPath(chart)}/${f.path}`,
    text: new TextDecoder().decode(f.data),
  }));
  for (const dep of chart.dependencies) out.push(...crdFiles(dep));
  return out;
}

/** schemaDebugLogs are the DEBUG lines Helm's ValidateAgainstSchema logs under --debug, in its order. */
function schemaDebugLogs(chart: Chart, values: GoMap, out: string[]): void {
  const name = chart.metadata.name;
  if (chart.schemaText !== undefined) {
    out.push(`level=DEBUG msg="chart name" chart-name=${slogValue(name)}`);
    if (chart.schema !== undefined) {
      out.push(`level=DEBUG msg="unmarshalled JSON schema" schema=${quoteString(chart.schemaText)}`);
    }
  }
  out.push(
    `level=DEBUG msg="number of dependencies in the chart" chart=${slogValue(name)} dependencies=${chart.dependencies.length}`,
  );
  for (const dep of chart.dependencies) {
    const sub = values.get(dep.metadata.name);
    if (sub instanceof GoMap) schemaDebugLogs(dep, sub, out);
  }
}

/** LoadedOptions are TemplateOptions plus what only the command line sets. */
interface LoadedOptions extends TemplateOptions {
  /** debug is `--debug`: DEBUG log lines, and render errors print the (empty) manifest. */
  debug?: boolean;
}

function templateLoaded(
  run: Run,
  loaded: Chart,
  userValues: GoMap,
  name: string,
  caps: Capabilities,
  options: LoadedOptions,
): TemplateResult {
  const type = loaded.metadata.type ?? '';
  if (type !== '' && type !== 'application') throw new Failure(`${type} charts are not installable`);
  if (loaded.metadata.deprecated) run.logs.push('level=WARN msg="this chart is deprecated"');
  checkDependencies(loaded);
  const namespace = options.namespace ?? 'default';
  if (name === '' || name.length > 53 || !releaseNamePattern.test(name)) {
    const err = `release name ${quoteString(name)}: ${invalidReleaseName}`;
    run.logs.push(`level=ERROR msg="release name check failed" error=${slogValue(err)}`);
    throw new Failure(`release name check failed: ${err}`);
  }
  let chart: Chart;
  try {
    chart = processDependencies(loaded, userValues, (msg) => run.logs.push(dependencyLog(msg)));
  } catch (e) {
    if (!(e instanceof HelmError)) throw e;
    run.logs.push(`level=ERROR msg="chart dependencies processing failed" error=${slogValue(e.message)}`);
    throw new Failure(`chart dependencies processing failed: ${e.message}`);
  }
  const values = coalesceValues(chart, userValues, (msg) =>
    run.logs.push(`level=INFO msg=${slogValue(msg)}`),
  );
  if (!options.skipSchemaValidation) {
    if (options.debug) schemaDebugLogs(chart, values, run.logs);
    // validateSchemas returns Helm's whole message (`values don't meet the specifications …`).
    const schemaError = validateSchemas(chart, values);
    if (schemaError !== null) throw new Failure(schemaError);
  }
  // From here on Helm has a release object: errors get the --debug hint.
  const kubeConstraint = chart.metadata.kubeVersion ?? '';
  if (kubeConstraint !== '' && !isCompatibleRange(kubeConstraint, caps.kubeVersion.string() ?? '')) {
    const message = `chart requires kubeVersion: ${kubeConstraint} which is incompatible with Kubernetes ${caps.kubeVersion.version}`;
    if (options.debug) return { ...fail(run, { message }), stdout: '\n' };
    throw new Failure(message + debugSuffix);
  }
  let rendered: Map<string, string>;
  try {
    rendered = renderChart(
      chart,
      values,
      caps,
      { name, namespace, isUpgrade: options.isUpgrade ?? false },
      options,
    );
  } catch (e) {
    if (e instanceof TemplateRenderError) {
      // Helm: with --debug the (empty) manifest is printed and the error has no hint.
      if (options.debug) return { ...fail(run, e.info), stdout: '\n' };
      throw new Failure(e.message + debugSuffix, { ...e.info, message: e.message + debugSuffix });
    }
    throw e;
  }
  let notes: string | undefined;
  const rootNotes = `${chart.metadata.name}/templates/NOTES.txt`;
  for (const [path, text] of [...rendered]) {
    if (path.endsWith('NOTES.txt')) {
      if (path === rootNotes) notes = text;
      rendered.delete(path);
    }
  }
  let sorted: SortedManifests;
  try {
    sorted = sortManifests(rendered, readManifestYaml);
  } catch (e) {
    if (e instanceof HelmError) throw new Failure(e.message + debugSuffix);
    throw e;
  }
  run.logs.push(...sorted.logs);
  const manifests = [...sorted.manifests, ...(options.noHooks ? [] : sorted.hooks)]
    .filter((m) => !(options.skipTests && m.events?.includes('test')))
    .map((m) => {
      const r: RenderedManifest = { path: m.path, kind: m.head.kind, name: m.head.name, text: m.text };
      if (m.events) r.hook = m.events.join(',');
      return r;
    });
  let stdout: string;
  try {
    stdout = templateStream(sorted, crdFiles(chart), options);
  } catch (e) {
    if (e instanceof HelmError) return { ...fail(run, { message: e.message }, manifests), notes };
    throw e;
  }
  const stderr = run.logs.map((l) => `${l}\n`).join('');
  const result: TemplateResult = { exitCode: 0, stdout, stderr, manifests };
  if (notes !== undefined) result.notes = notes;
  return result;
}

/** CommandResult is what a command run prints and returns. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** stackLimited: see {@link TemplateErrorInfo.stackLimited}. */
  stackLimited?: boolean;
}

/** ReadFile returns a file's bytes, or undefined when there is no such file (paths as given on the command line). */
export type ReadFile = (path: string) => Uint8Array | undefined;

/** ListFiles returns the paths of every file under a folder (relative to it), or undefined when it is not a folder. */
export type ListFiles = (dir: string) => string[] | undefined;

type ChartSource = { kind: 'dir'; files: ChartFile[] } | { kind: 'archive'; data: Uint8Array };

interface CommandHost {
  readFile: ReadFile;
  listFiles: ListFiles;
  env: Record<string, string | undefined>;
}

type FlagKind = 'bool' | 'string' | 'stringArray' | 'stringSlice';

interface FlagSpec {
  kind: FlagKind;
  short?: string;
  noOptDefVal?: string;
}

// Helm: the flags `helm template` accepts (install flags, template flags, global flags).
const flagSpecs: Record<string, FlagSpec> = {
  'api-versions': { kind: 'stringSlice', short: 'a' },
  'ca-file': { kind: 'string' },
  'cert-file': { kind: 'string' },
  'create-namespace': { kind: 'bool' },
  'dependency-update': { kind: 'bool' },
  description: { kind: 'string' },
  devel: { kind: 'bool' },
  'disable-openapi-validation': { kind: 'bool' },
  'dry-run': { kind: 'string', noOptDefVal: 'unset' },
  'enable-dns': { kind: 'bool' },
  'force-conflicts': { kind: 'bool' },
  'force-replace': { kind: 'bool' },
  'generate-name': { kind: 'bool', short: 'g' },
  'hide-notes': { kind: 'bool' },
  'include-crds': { kind: 'bool' },
  'insecure-skip-tls-verify': { kind: 'bool' },
  'is-upgrade': { kind: 'bool' },
  'key-file': { kind: 'string' },
  keyring: { kind: 'string' },
  'kube-version': { kind: 'string' },
  labels: { kind: 'string', short: 'l' },
  'name-template': { kind: 'string' },
  'no-hooks': { kind: 'bool' },
  'output-dir': { kind: 'string' },
  'pass-credentials': { kind: 'bool' },
  password: { kind: 'string' },
  'plain-http': { kind: 'bool' },
  'post-renderer': { kind: 'string' },
  'post-renderer-args': { kind: 'stringArray' },
  'release-name': { kind: 'bool' },
  'render-subchart-notes': { kind: 'bool' },
  replace: { kind: 'bool' },
  repo: { kind: 'string' },
  'rollback-on-failure': { kind: 'bool' },
  'server-side': { kind: 'bool' },
  set: { kind: 'stringArray' },
  'set-file': { kind: 'stringArray' },
  'set-json': { kind: 'stringArray' },
  'set-literal': { kind: 'stringArray' },
  'set-string': { kind: 'stringArray' },
  'show-only': { kind: 'stringArray', short: 's' },
  'skip-crds': { kind: 'bool' },
  'skip-schema-validation': { kind: 'bool' },
  'skip-tests': { kind: 'bool' },
  'take-ownership': { kind: 'bool' },
  timeout: { kind: 'string' },
  username: { kind: 'string' },
  values: { kind: 'stringSlice', short: 'f' },
  verify: { kind: 'bool' },
  version: { kind: 'string' },
  wait: { kind: 'string', noOptDefVal: 'watcher' },
  'wait-for-jobs': { kind: 'bool' },
  atomic: { kind: 'bool' },
  'burst-limit': { kind: 'string' },
  color: { kind: 'string' },
  colour: { kind: 'string' },
  'content-cache': { kind: 'string' },
  debug: { kind: 'bool' },
  'kube-apiserver': { kind: 'string' },
  'kube-as-group': { kind: 'stringArray' },
  'kube-as-user': { kind: 'string' },
  'kube-ca-file': { kind: 'string' },
  'kube-context': { kind: 'string' },
  'kube-insecure-skip-tls-verify': { kind: 'bool' },
  'kube-tls-server-name': { kind: 'string' },
  'kube-token': { kind: 'string' },
  kubeconfig: { kind: 'string' },
  namespace: { kind: 'string', short: 'n' },
  qps: { kind: 'string' },
  'registry-config': { kind: 'string' },
  'repository-cache': { kind: 'string' },
  'repository-config': { kind: 'string' },
  validate: { kind: 'bool' },
};

const shortToLong = new Map(
  Object.entries(flagSpecs)
    .filter(([, s]) => s.short)
    .map(([n, s]) => [s.short!, n]),
);

/** ParsedArgs are the positional arguments and flag values of a `helm template` command line. */
export interface ParsedArgs {
  positional: string[];
  /** flags maps a long flag name to its values in order (bools as 'true'/'false'). */
  flags: Map<string, string[]>;
}

function parseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

// Go: encoding/csv as pflag's StringSlice uses it (one record; quotes allowed).
function csvFields(v: string): string[] {
  if (v === '') return [];
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (v[i] === '"') {
      i++;
      for (;;) {
        const q = v.indexOf('"', i);
        if (q < 0)
          throw new Error(
            `parse error on line 1, column ${v.length + 1}: extraneous or missing " in quoted-field`,
          );
        field += v.slice(i, q);
        i = q + 1;
        if (v[i] === '"') {
          field += '"';
          i++;
          continue;
        }
        break;
      }
      const c = v.indexOf(',', i);
      out.push(field);
      if (c < 0) return out;
      i = c + 1;
    } else {
      const c = v.indexOf(',', i);
      if (c < 0) {
        out.push(v.slice(i));
        return out;
      }
      out.push(v.slice(i, c));
      i = c + 1;
    }
  }
}

/**
 * parseTemplateArgs parses a command line the way cobra/pflag do for `helm template`: flags
 * anywhere, `--flag=value`, `--flag value`, `-f value`, `-fvalue`, `-f=value`, grouped short
 * booleans, `--` ending flags. It throws an Error with pflag's message.
 */
export function parseTemplateArgs(args: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { positional: [], flags: new Map() };
  const set = (name: string, spec: FlagSpec, value: string, shown: string) => {
    const list = parsed.flags.get(name) ?? [];
    if (spec.kind === 'bool') {
      const b = parseBool(value);
      if (b === undefined) {
        throw new Error(
          `invalid argument ${JSON.stringify(value)} for ${JSON.stringify(shown)} flag: strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`,
        );
      }
      list.push(String(b));
    } else if (spec.kind === 'stringSlice') {
      let fields: string[];
      try {
        fields = csvFields(value);
      } catch (e) {
        throw new Error(
          `invalid argument ${JSON.stringify(value)} for ${JSON.stringify(shown)} flag: ${(e as Error).message}`,
        );
      }
      list.push(...fields);
    } else if (spec.kind === 'string') {
      list.length = 0;
      list.push(value);
    } else list.push(value);
    parsed.flags.set(name, list);
  };
  const shownName = (name: string, spec: FlagSpec) =>
    spec.short ? `-${spec.short}, --${name}` : `--${name}`;
  let i = 0;
  while (i < args.length) {
    const a = args[i++]!;
    if (a === '--') {
      parsed.positional.push(...args.slice(i));
      break;
    }
    if (a.startsWith('--')) {
      const body = a.slice(2);
      const eq = body.indexOf('=');
      const name = eq < 0 ? body : body.slice(0, eq);
      const spec = flagSpecs[name];
      if (!spec) throw new Error(`unknown flag: --${name}`);
      let value: string;
      if (eq >= 0) value = body.slice(eq + 1);
      else if (spec.kind === 'bool') value = 'true';
      else if (spec.noOptDefVal !== undefined) value = spec.noOptDefVal;
      else if (i < args.length) value = args[i++]!;
      else throw new Error(`flag needs an argument: ${a}`);
      set(name, spec, value, shownName(name, spec));
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      const shorts = a.slice(1);
      for (let j = 0; j < shorts.length; j++) {
        const c = shorts[j]!;
        const name = shortToLong.get(c);
        if (!name) throw new Error(`unknown shorthand flag: '${c}' in -${shorts}`);
        const spec = flagSpecs[name]!;
        let value: string;
        if (shorts[j + 1] === '=') {
          value = shorts.slice(j + 2);
          j = shorts.length;
        } else if (spec.kind === 'bool') value = 'true';
        else if (j + 1 < shorts.length) {
          value = shorts.slice(j + 1);
          j = shorts.length;
        } else if (i < args.length) value = args[i++]!;
        else throw new Error(`flag needs an argument: '${c}' in -${shorts}`);
        set(name, spec, value, shownName(name, spec));
      }
      continue;
    }
    parsed.positional.push(a);
  }
  return parsed;
}

/**
 * runTemplateCommand runs `helm template [NAME] CHART [flags]` (args after `template`) against the
 * host's files and returns exactly what helm would print and its exit code.
 */
export function runTemplateCommand(
  args: readonly string[],
  readFile: ReadFile,
  listFiles: ListFiles,
  env: Record<string, string | undefined> = {},
  cwd?: string,
): CommandResult {
  const host: CommandHost = { readFile, listFiles, env };
  const run: Run = { logs: [] };
  const done = (r: TemplateResult): CommandResult =>
    r.error?.stackLimited
      ? { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, stackLimited: true }
      : { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
  let parsed: ParsedArgs;
  try {
    parsed = parseTemplateArgs(args);
  } catch (e) {
    return done(fail(run, { message: (e as Error).message }));
  }
  const flag = (n: string) => parsed.flags.get(n) ?? [];
  const last = (n: string) => flag(n).at(-1);
  const bool = (n: string) => last(n) === 'true';
  if (parsed.positional.length < 1) {
    return {
      stdout: '',
      stderr:
        'Error: "helm template" requires at least 1 argument\n\nUsage:  helm template [NAME] [CHART] [flags]\n',
      exitCode: 1,
    };
  }
  for (const unsupported of ['output-dir', 'post-renderer', 'repo']) {
    if (parsed.flags.has(unsupported)) {
      return done(fail(run, { message: `chart-studio: --${unsupported} is not supported` }));
    }
  }
  try {
    const options: LoadedOptions = {
      kubeVersion: last('kube-version'),
      apiVersions: flag('api-versions'),
      isUpgrade: bool('is-upgrade'),
      showOnly: flag('show-only'),
      includeCrds: bool('include-crds'),
      noHooks: bool('no-hooks'),
      skipTests: bool('skip-tests'),
      skipSchemaValidation: bool('skip-schema-validation'),
    };
    const caps = capabilities(options);
    const debug = bool('debug');
    options.debug = debug;
    if (debug) {
      const version = last('version') ?? '';
      run.logs.push(`level=DEBUG msg="Original chart version" version=${slogValue(version)}`);
      if (version === '' && bool('devel')) run.logs.push('level=DEBUG msg="setting version to >0.0.0-0"');
    }
    const pos = parsed.positional;
    if (pos.length > 2) {
      throw new Failure(`expected at most two arguments, unexpected arguments: ${pos.slice(2).join(', ')}`);
    }
    let name: string;
    let chartRef: string;
    if (pos.length === 2) {
      name = pos[0]!;
      chartRef = pos[1]!;
      if (bool('generate-name')) throw new Failure('cannot set --generate-name and also specify a name');
      if (last('name-template')) throw new Failure('cannot set --name-template and also specify a name');
    } else {
      chartRef = pos[0]!;
      name = releaseNameOf({ nameTemplate: last('name-template') });
    }
    const source = locateChart(chartRef.trim(), host);
    if (debug)
      run.logs.push(`level=DEBUG msg="Chart path" path=${slogValue(absolutePath(chartRef.trim(), cwd))}`);
    const valueFileNames = flag('values');
    const valueFiles = valueFileNames.map((f) => readText(host, f));
    const setFile: { key: string; content: string }[] = [];
    for (const expr of flag('set-file')) {
      // Helm: each `key=path` pair of the expression is read as the parser reaches it.
      for (const pair of expr.split(',')) {
        const eq = pair.indexOf('=');
        if (eq < 0)
          throw new Failure(`failed parsing --set-file data: key ${quoteString(pair)} has no value`);
        let content: string;
        try {
          content = readText(host, pair.slice(eq + 1));
        } catch (e) {
          if (e instanceof Failure) throw new Failure(`failed parsing --set-file data: ${e.message}`);
          throw e;
        }
        setFile.push({ key: pair.slice(0, eq), content });
      }
    }
    const userValues = mergeValueSources({
      valueFiles,
      valueFileNames,
      set: flag('set'),
      setString: flag('set-string'),
      setJson: flag('set-json'),
      setLiteral: flag('set-literal'),
      setFile,
    });
    const chartPath = absolutePath(chartRef.trim(), cwd);
    const chart = source.kind === 'dir' ? loadDir(source.files, chartPath) : loadFile(source.data, chartPath);
    options.namespace = last('namespace') || host.env.HELM_NAMESPACE || 'default';
    // Looked up only when a template asks for a date: Intl's first use costs a run ~20 ms.
    options.timeZone ??= () => localZone(host.env.TZ);
    return done(templateLoaded(run, chart, userValues, name, caps, options));
  } catch (e) {
    if (e instanceof Failure) return done(fail(run, e.info));
    if (e instanceof HelmError) return done(fail(run, { message: e.message }));
    throw e;
  }
}

/**
 * localZone is Go's time.Local for a TZ value: unset → the system's zone, "" → UTC, a known IANA
 * name → that zone, anything else → UTC (Go falls back to UTC when it cannot load the zone).
 */
function localZone(tz: string | undefined): string {
  if (tz === undefined) return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const name = tz.startsWith(':') ? tz.slice(1) : tz;
  if (name === '' || name === 'UTC') return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name;
  } catch {
    return 'UTC';
  }
}

function readText(host: CommandHost, path: string): string {
  const data = host.readFile(path);
  if (data === undefined) {
    if (host.listFiles(path) !== undefined) throw new Failure(`read ${path}: is a directory`);
    throw new Failure(`open ${path}: no such file or directory`);
  }
  // Go: a file's bytes are the string as they are (bytes that are not UTF-8 kept as escapes).
  return stringFromBytes(data);
}

/** loadDir is Helm's loader for a chart folder (Chart.yaml must exist to detect the chart version). */
function loadDir(files: ChartFile[], path: string): Chart {
  if (!files.some((f) => f.path === 'Chart.yaml')) {
    const chartYaml = `${path === '/' ? '' : path}/Chart.yaml`;
    throw new Failure(`unable to detect chart at ${chartYaml}: open ${chartYaml}: no such file or directory`);
  }
  return loadChart(files);
}

/**
 * loadFile is Helm's loader for a chart archive: a file that is not gzip is refused with the
 * content type Go's http.DetectContentType gives its first 512 bytes (zero padded).
 */
function loadFile(data: Uint8Array, path: string): Chart {
  const gzip = data.length >= 3 && data[0] === 0x1f && data[1] === 0x8b && data[2] === 0x08;
  if (!gzip) {
    if (/\.ya?ml$/.test(path))
      throw new Failure(`file '${path}' seems to be a YAML file, but expected a gzipped archive`);
    throw new Failure(
      `file '${path}' does not appear to be a gzipped archive; got '${sniffContentType(data)}'`,
    );
  }
  return loadArchive(data);
}

// Go: http.DetectContentType for the common cases (the buffer is 512 bytes, zero padded).
function sniffContentType(data: Uint8Array): string {
  const head = (sig: number[]) => sig.every((b, i) => data[i] === b);
  if (head([0x50, 0x4b, 0x03, 0x04])) return 'application/zip';
  if (head([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (head([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (data.length < 512) return 'application/octet-stream';
  for (let i = 0; i < 512; i++) {
    const b = data[i]!;
    if (b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f)) {
      return 'application/octet-stream';
    }
  }
  return 'text/plain; charset=utf-8';
}

/** absolutePath is Go's filepath.Abs: the path joined to the working folder and cleaned. */
function absolutePath(path: string, cwd: string | undefined): string {
  const full = path.startsWith('/') || cwd === undefined ? path : `${cwd}/${path}`;
  const parts: string[] = [];
  for (const part of full.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return full.startsWith('/') ? `/${parts.join('/')}` : parts.join('/') || '.';
}

function joinPath(dir: string, file: string): string {
  return dir.endsWith('/') ? dir + file : `${dir}/${file}`;
}

function locateChart(name: string, host: CommandHost): ChartSource {
  const listed = host.listFiles(name);
  if (listed !== undefined) {
    const files: ChartFile[] = [];
    for (const p of listed) {
      const data = host.readFile(joinPath(name, p));
      if (data !== undefined) files.push({ path: p, data });
    }
    return { kind: 'dir', files };
  }
  const data = host.readFile(name);
  if (data !== undefined) return { kind: 'archive', data };
  if (name.startsWith('/') || name.startsWith('.'))
    throw new Failure(`path ${JSON.stringify(name)} not found`);
  const slash = name.indexOf('/');
  if (slash >= 0) throw new Failure(`repo ${name.slice(0, slash)} not found`);
  throw new Failure(`non-absolute URLs should be in form of repo_name/path_to_chart, got: ${name}`);
}
