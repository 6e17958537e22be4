/**
 * The built-in objects a chart's templates see: `.Release`, `.Chart`, `.Capabilities`,
 * `.Files`, `.Values` (as `common.Values`) and `.Template` (Helm v4: `pkg/engine/files.go`,
 * `pkg/chart/common/{capabilities.go,values.go}`, `pkg/chart/common.go` structToMap).
 */
import {
  GoError,
  type GoFuncValue,
  GoInt,
  GoMap,
  GoObject,
  GoPanic,
  type GoValue,
  nilMap,
  sprint,
  stringFromBytes,
  typedSlice,
  withSliceMethods,
} from '../go';
import type { Chart, ChartFile } from './chart';

/** helmBuildInfo is what `helm version` reports for the reference binary (v4.1.4). */
export const helmBuildInfo = {
  version: 'v4.1.4',
  gitCommit: '05fa37973dc9e42b76e1d2883494c87174b6074f',
  gitTreeState: 'clean',
  goVersion: 'go1.25.9',
  kubeClientVersion: 'v1.35',
} as const;

/** defaultKubeVersion is Helm v4.1.4's default `.Capabilities.KubeVersion` (client-go minor, major + 1). */
// Helm: v3 official builds set it with ldflags instead (v3.21.4: v1.36.0).
export const defaultKubeVersion = 'v1.35.0';

/** defaultAPIVersions is the default `.Capabilities.APIVersions` of Helm v4.1.4, in its order. */
export const defaultAPIVersions: readonly string[] = [
  'v1',
  'admissionregistration.k8s.io/v1',
  'admissionregistration.k8s.io/v1alpha1',
  'admissionregistration.k8s.io/v1beta1',
  'internal.apiserver.k8s.io/v1alpha1',
  'apps/v1',
  'apps/v1beta1',
  'apps/v1beta2',
  'authentication.k8s.io/v1',
  'authentication.k8s.io/v1alpha1',
  'authentication.k8s.io/v1beta1',
  'authorization.k8s.io/v1',
  'authorization.k8s.io/v1beta1',
  'autoscaling/v1',
  'autoscaling/v2',
  'autoscaling/v2beta1',
  'autoscaling/v2beta2',
  'batch/v1',
  'batch/v1beta1',
  'certificates.k8s.io/v1',
  'certificates.k8s.io/v1beta1',
  'certificates.k8s.io/v1alpha1',
  'coordination.k8s.io/v1alpha2',
  'coordination.k8s.io/v1beta1',
  'coordination.k8s.io/v1',
  'discovery.k8s.io/v1',
  'discovery.k8s.io/v1beta1',
  'events.k8s.io/v1',
  'events.k8s.io/v1beta1',
  'extensions/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1',
  'flowcontrol.apiserver.k8s.io/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1beta2',
  'flowcontrol.apiserver.k8s.io/v1beta3',
  'networking.k8s.io/v1',
  'networking.k8s.io/v1beta1',
  'node.k8s.io/v1',
  'node.k8s.io/v1alpha1',
  'node.k8s.io/v1beta1',
  'policy/v1',
  'policy/v1beta1',
  'rbac.authorization.k8s.io/v1',
  'rbac.authorization.k8s.io/v1beta1',
  'rbac.authorization.k8s.io/v1alpha1',
  'resource.k8s.io/v1',
  'resource.k8s.io/v1beta2',
  'resource.k8s.io/v1beta1',
  'resource.k8s.io/v1alpha3',
  'scheduling.k8s.io/v1alpha1',
  'scheduling.k8s.io/v1beta1',
  'scheduling.k8s.io/v1',
  'storage.k8s.io/v1beta1',
  'storage.k8s.io/v1',
  'storage.k8s.io/v1alpha1',
  'storagemigration.k8s.io/v1beta1',
  'apiextensions.k8s.io/v1beta1',
  'apiextensions.k8s.io/v1',
];

function method(name: string, params: GoFuncValue['params'], fn: GoFuncValue['fn']): GoFuncValue {
  return { name, params, fn };
}

/**
 * KubeVersion is `common.KubeVersion`: Version, Major, Minor; String() is the normalized version.
 * String is declared on the pointer: `{{ .Capabilities.KubeVersion }}` (an addressable field) prints
 * through it, a copy handed to a function (`print`, `quote`, `include`…) prints as the struct.
 */
export class KubeVersion extends GoObject {
  readonly goType = 'common.KubeVersion';
  constructor(
    readonly version: string,
    readonly normalized: string,
    readonly major: string,
    readonly minor: string,
    readonly addressable = true,
  ) {
    super();
  }
  override passed(): KubeVersion {
    return this.addressable
      ? new KubeVersion(this.version, this.normalized, this.major, this.minor, false)
      : this;
  }
  override field(name: string): GoValue | undefined {
    if (name === 'Version') return this.version;
    if (name === 'Major') return this.major;
    if (name === 'Minor') return this.minor;
    return undefined;
  }
  override method(name: string): GoFuncValue | undefined {
    if (name === 'String' && this.addressable)
      return method('String', [], () => this.normalized || this.version);
    if (name === 'GitVersion') return method('GitVersion', [], () => this.version);
    return undefined;
  }
  override string(): string | undefined {
    if (!this.addressable) return undefined;
    return this.normalized !== '' ? this.normalized : this.version;
  }
  override structFields(): readonly (readonly [string, GoValue])[] {
    return [
      ['Version', this.version],
      ['normalizedVersion', this.normalized],
      ['Major', this.major],
      ['Minor', this.minor],
    ];
  }
  format(): string {
    return `{${this.version} ${this.normalized} ${this.major} ${this.minor}}`;
  }
  override toJSONValue(): GoValue {
    return orderedStruct([
      ['Version', this.version],
      ['Major', this.major],
      ['Minor', this.minor],
    ]);
  }
}

/**
 * orderedStruct returns a map for a struct's JSON form. encoding/json prints struct fields in
 * declaration order; the map is marked so encoders that honour `goType` 'struct' keep that order.
 */
function orderedStruct(fields: [string, GoValue][]): GoMap {
  return new GoMap(fields, 'struct');
}

/**
 * parseKubeVersion is Helm's ParseKubeVersion (k8s.io/apimachinery ParseGeneric): `1.28` →
 * Version `v1.28`, Major 1, Minor 28; a suffix (`-gke.100`) is kept in Version and dropped from
 * String(). It throws an Error with the apimachinery message for an invalid version.
 */
// Helm: v3 drops the suffix from Version too.
export function parseKubeVersion(input: string): KubeVersion {
  const m = /^[\t\n\v\f\r ]*v?([0-9]+(?:\.[0-9]+)*)(.*)$/s.exec(input);
  if (!m) throw new Error(`could not parse ${JSON.stringify(input)} as version`);
  const components = m[1]!.split('.');
  if (components.length < 2) throw new Error(`illegal version string ${JSON.stringify(input)}`);
  const nums: bigint[] = [];
  components.forEach((c, i) => {
    if (i === 0 && c.startsWith('0') && c !== '0') {
      throw new Error(
        `illegal zero-prefixed version component ${JSON.stringify(c)} in ${JSON.stringify(input)}`,
      );
    }
    const n = BigInt(c);
    if (n > 0xffffffffffffffffn) {
      throw new Error(
        `illegal non-numeric version component ${JSON.stringify(c)} in ${JSON.stringify(input)}: strconv.ParseUint: parsing ${JSON.stringify(c)}: value out of range`,
      );
    }
    nums.push(n);
  });
  const git = input.startsWith('v') ? input : `v${input}`;
  return new KubeVersion(git, `v${nums.join('.')}`, nums[0]!.toString(), nums[1]!.toString());
}

/** defaultKube is the KubeVersion Helm uses when `--kube-version` is not given. */
export function defaultKube(): KubeVersion {
  return new KubeVersion(defaultKubeVersion, defaultKubeVersion, '1', '35');
}

/** BuildInfo is Helm's `version.BuildInfo` (`.Capabilities.HelmVersion`). */
export class BuildInfo extends GoObject {
  readonly goType = 'version.BuildInfo';
  override field(name: string): GoValue | undefined {
    switch (name) {
      case 'Version':
        return helmBuildInfo.version;
      case 'GitCommit':
        return helmBuildInfo.gitCommit;
      case 'GitTreeState':
        return helmBuildInfo.gitTreeState;
      case 'GoVersion':
        return helmBuildInfo.goVersion;
      case 'KubeClientVersion':
        return helmBuildInfo.kubeClientVersion;
    }
    return undefined;
  }
  override structFields(): readonly (readonly [string, GoValue])[] {
    const b = helmBuildInfo;
    return [
      ['Version', b.version],
      ['GitCommit', b.gitCommit],
      ['GitTreeState', b.gitTreeState],
      ['GoVersion', b.goVersion],
      ['KubeClientVersion', b.kubeClientVersion],
    ];
  }
  format(): string {
    const b = helmBuildInfo;
    return `{${b.version} ${b.gitCommit} ${b.gitTreeState} ${b.goVersion} ${b.kubeClientVersion}}`;
  }
  override toJSONValue(): GoValue {
    const b = helmBuildInfo;
    return orderedStruct([
      ['version', b.version],
      ['git_commit', b.gitCommit],
      ['git_tree_state', b.gitTreeState],
      ['go_version', b.goVersion],
      ['kube_client_version', b.kubeClientVersion],
    ]);
  }
}

/** versionSet makes `common.VersionSet` (a `[]string`) with its `Has` method (an exact match). */
export function versionSet(list: readonly string[]): GoValue[] {
  const set = typedSlice([...list] as GoValue[], 'common.VersionSet');
  return withSliceMethods(set, { Has: method('Has', ['string'], (v) => set.includes(v)) });
}

/** Capabilities is `*common.Capabilities`: KubeVersion, APIVersions (with Has) and HelmVersion. */
export class Capabilities extends GoObject {
  readonly goType = '*common.Capabilities';
  override readonly kind = 'ptr';
  readonly helmVersion = new BuildInfo();
  constructor(
    readonly kubeVersion: KubeVersion,
    readonly apiVersions: GoValue[],
  ) {
    super();
  }
  override field(name: string): GoValue | undefined {
    if (name === 'KubeVersion') return this.kubeVersion;
    if (name === 'APIVersions') return this.apiVersions;
    if (name === 'HelmVersion') return this.helmVersion;
    return undefined;
  }
  override structFields(): readonly (readonly [string, GoValue])[] {
    // A field's value is a copy: KubeVersion's String method (on the pointer) does not apply.
    return [
      ['KubeVersion', this.kubeVersion.passed()],
      ['APIVersions', this.apiVersions],
      ['HelmVersion', this.helmVersion],
    ];
  }
  format(): string {
    // (fmt adds the pointer's `&`; template printing dereferences it first.)
    return `{${this.kubeVersion.format()} ${sprint([this.apiVersions])} ${this.helmVersion.format()}}`;
  }
  override toJSONValue(): GoValue {
    return orderedStruct([
      ['KubeVersion', this.kubeVersion.toJSONValue()],
      ['APIVersions', this.apiVersions],
      ['HelmVersion', this.helmVersion.toJSONValue()],
    ]);
  }
}

/** CapabilitiesOptions are the flags that shape `.Capabilities`. */
export interface CapabilitiesOptions {
  /** kubeVersion is `--kube-version` (throws Helm's message through {@link parseKubeVersion}). */
  kubeVersion?: string;
  /** apiVersions are `--api-versions` entries, appended to the defaults verbatim. */
  apiVersions?: readonly string[];
}

/** makeCapabilities builds `.Capabilities` for `helm template` with the given flags. */
export function makeCapabilities(opts: CapabilitiesOptions = {}): Capabilities {
  const kv = opts.kubeVersion ? parseKubeVersion(opts.kubeVersion) : defaultKube();
  return new Capabilities(kv, versionSet([...defaultAPIVersions, ...(opts.apiVersions ?? [])]));
}

/** ReleaseOptions are the fields of `.Release`. */
export interface ReleaseInfo {
  name: string;
  namespace: string;
  isUpgrade: boolean;
}

/** makeRelease builds `.Release` (a `map[string]interface{}`; Revision is the int 1). */
export function makeRelease(r: ReleaseInfo): GoMap {
  return new GoMap([
    ['Name', r.name],
    ['Namespace', r.namespace],
    ['IsUpgrade', r.isUpgrade],
    ['IsInstall', !r.isUpgrade],
    ['Revision', new GoInt(1n, 'int')],
    ['Service', 'Helm'],
  ]);
}

function strings(list: readonly string[] | undefined): GoValue[] {
  return [...(list ?? [])];
}

/**
 * chartMetadataMap is `.Chart` in Helm v4: the Chart.yaml metadata as a `map[string]interface{}`
 * keyed by Go field names (structToMap), plus `IsRoot`.
 */
// Helm: v3 passes a struct instead (unknown fields are an exec error; toYaml uses json tags).
export function chartMetadataMap(chart: Chart, isRoot: boolean): GoMap {
  const md = chart.metadata;
  const annotations =
    md.annotations === undefined
      ? nilMap('map[string]string')
      : new GoMap(Object.entries(md.annotations), 'map[string]string');
  return new GoMap([
    ['Name', md.name],
    ['Home', md.home ?? ''],
    ['Sources', strings(md.sources)],
    ['Version', md.version],
    ['Description', md.description ?? ''],
    ['Keywords', strings(md.keywords)],
    [
      'Maintainers',
      (md.maintainers ?? []).map(
        (m) =>
          new GoMap([
            ['Name', m.name],
            ['Email', m.email ?? ''],
            ['URL', m.url ?? ''],
          ]),
      ),
    ],
    ['Icon', md.icon ?? ''],
    ['APIVersion', md.apiVersion],
    ['Condition', md.condition ?? ''],
    ['Tags', md.tags ?? ''],
    ['AppVersion', md.appVersion ?? ''],
    ['Deprecated', md.deprecated ?? false],
    ['Annotations', annotations],
    ['KubeVersion', md.kubeVersion ?? ''],
    [
      'Dependencies',
      (md.dependencies ?? []).map(
        (d) =>
          new GoMap([
            ['Name', d.name],
            ['Version', d.version ?? ''],
            ['Repository', d.repository],
            ['Condition', d.condition ?? ''],
            ['Tags', strings(d.tags)],
            ['Enabled', d.enabled ?? false],
            ['ImportValues', [...(d.importValues ?? [])]],
            ['Alias', d.alias ?? ''],
          ]),
      ),
    ],
    ['Type', md.type ?? ''],
    ['IsRoot', isRoot],
  ]);
}

/** bytesToString is Go's string([]byte): invalid UTF-8 bytes are kept as escapes (see stringFromBytes). */
export function bytesToString(b: Uint8Array): string {
  return stringFromBytes(b);
}

/**
 * FilesHelpers are the functions `.Files.AsConfig`/`.AsSecrets` need from lib/yaml and sprig:
 * Helm's toYAML of a `map[string]string`, and standard base64.
 */
export interface FilesHelpers {
  toYaml: (v: GoValue) => string;
  base64: (b: Uint8Array) => string;
}

/** makeFiles builds `.Files` (`engine.files`, path → bytes) with Get, GetBytes, Glob, Lines, AsConfig, AsSecrets. */
export function makeFiles(files: Iterable<readonly [string, Uint8Array]>, helpers: FilesHelpers): GoMap {
  const m = new GoMap(files, 'engine.files');
  const getBytes = (name: GoValue): Uint8Array => {
    const v = m.get(name as string);
    return v instanceof Uint8Array ? v : new Uint8Array(0);
  };
  const baseName = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  m.methods = {
    Get: method('Get', ['string'], (name) => bytesToString(getBytes(name))),
    GetBytes: method('GetBytes', ['string'], (name) => getBytes(name)),
    Glob: method('Glob', ['string'], (pattern) => {
      const re = compileGlob(pattern as string) ?? /^[\s\S]*$/;
      return makeFiles(
        [...m].filter(([k]) => re.test(k)).map(([k, v]) => [k, v as Uint8Array] as const),
        helpers,
      );
    }),
    Lines: method('Lines', ['string'], (path) => {
      const v = m.get(path as string);
      if (!(v instanceof Uint8Array)) return typedSlice([], '[]string');
      // Helm: v4.1.4 indexes s[len(s)-1] without a length check (v3 returns []).
      if (v.length === 0) throw new GoPanic('runtime error: index out of range [-1]');
      let s = bytesToString(v);
      if (s.endsWith('\n')) s = s.slice(0, -1);
      return typedSlice(s.split('\n'), '[]string');
    }),
    AsConfig: method('AsConfig', [], () => {
      const out = new GoMap(undefined, 'map[string]string');
      for (const [k, v] of m) out.set(baseName(k), bytesToString(v as Uint8Array));
      return helpers.toYaml(out);
    }),
    AsSecrets: method('AsSecrets', [], () => {
      const out = new GoMap(undefined, 'map[string]string');
      for (const [k, v] of m) out.set(baseName(k), helpers.base64(v as Uint8Array));
      return helpers.toYaml(out);
    }),
  };
  return m;
}

/** filesOf returns the `.Files` entries of a chart (path → bytes, load order). */
export function filesOf(chart: Chart): [string, Uint8Array][] {
  return chart.files.map((f: ChartFile) => [f.path, f.data]);
}

/**
 * compileGlob compiles a gobwas/glob pattern with `/` as separator into a RegExp: `*` and `?` stay
 * within a segment, `**` crosses segments, `[abc]`/`[!a-z]` classes, `{a,b}` alternatives, `\`
 * escapes. It returns null for a malformed pattern (Helm then uses `**`).
 */
export function compileGlob(pattern: string): RegExp | null {
  const chars = [...pattern];
  let i = 0;
  // A `-` is escaped only inside a class: `\-` outside one is a syntax error in a `u` RegExp.
  const esc = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  const escClass = (c: string) => c.replace(/[\\^\]-]/g, '\\$&');
  const parse = (inAlt: boolean): string | null => {
    let out = '';
    while (i < chars.length) {
      const c = chars[i]!;
      if (inAlt && (c === ',' || c === '}')) return out;
      i++;
      if (c === '*') {
        if (chars[i] === '*') {
          while (chars[i] === '*') i++;
          out += '[\\s\\S]*';
        } else out += '[^/]*';
      } else if (c === '?') out += '[^/]';
      else if (c === '\\') {
        if (i >= chars.length) return null;
        out += esc(chars[i++]!);
      } else if (c === '[') {
        let neg = false;
        if (chars[i] === '!') {
          neg = true;
          i++;
        }
        let cls = '';
        let closed = false;
        while (i < chars.length) {
          const d = chars[i++]!;
          if (d === ']') {
            closed = true;
            break;
          }
          if (chars[i] === '-' && chars[i + 1] !== undefined && chars[i + 1] !== ']') {
            const hi = chars[i + 1]!;
            if (hi < d) return null;
            cls += `${escClass(d)}-${escClass(hi)}`;
            i += 2;
          } else cls += escClass(d);
        }
        if (!closed || cls === '') return null;
        out += neg ? `[^${cls}]` : `[${cls}]`;
      } else if (c === '{') {
        const alts: string[] = [];
        for (;;) {
          const alt = parse(true);
          if (alt === null) return null;
          alts.push(alt);
          const d = chars[i++];
          if (d === '}') break;
          if (d !== ',') return null;
        }
        out += `(?:${alts.join('|')})`;
      } else out += esc(c);
    }
    return inAlt ? null : out;
  };
  const body = parse(false);
  if (body === null) return null;
  return new RegExp(`^${body}$`, 'u');
}

/**
 * valuesMethods are the methods of Helm's `common.Values` type (YAML, AsMap, Table, PathValue,
 * Encode); Go looks them up before map keys, so they shadow keys of the same name.
 */
export function makeValues(values: GoMap, marshalYaml: (v: GoValue) => string): GoMap {
  const v = new GoMap(values, 'common.Values');
  attachValuesMethods(v, marshalYaml);
  return v;
}

function attachValuesMethods(v: GoMap, marshalYaml: (v: GoValue) => string): void {
  v.methods = {
    YAML: method('YAML', [], () => marshalYaml(plainMap(v))),
    AsMap: method('AsMap', [], () => plainMap(v)),
    Encode: method('Encode', ['interface {}'], () => {
      throw new GoError('lib/helm: .Values.Encode needs an io.Writer, which templates cannot provide');
    }),
    Table: method('Table', ['string'], (name) => {
      const t = tableLookupPath(v, name as string);
      if (t.error) throw new GoError(t.error);
      const out = new GoMap(t.table, 'common.Values');
      attachValuesMethods(out, marshalYaml);
      return out;
    }),
    PathValue: method('PathValue', ['string'], (path) => {
      const p = path as string;
      if (p === '') throw new GoError('YAML path cannot be empty');
      const parts = p.split('.');
      const key = parts[parts.length - 1]!;
      const notValue = `${JSON.stringify(key)} is not a value`;
      let table: GoMap = v;
      if (parts.length > 1) {
        const t = tableLookupPath(v, parts.slice(0, -1).join('.'));
        if (t.error) throw new GoError(notValue);
        table = t.table;
      }
      if (!table.has(key)) throw new GoError(notValue);
      const val = table.get(key) ?? null;
      if (val instanceof GoMap && val.goType === 'map[string]interface {}') throw new GoError(notValue);
      return val;
    }),
  };
}

function plainMap(v: GoMap): GoMap {
  return new GoMap(v, 'map[string]interface {}');
}

function tableLookupPath(v: GoMap, name: string): { table: GoMap; error?: string } {
  let table = v;
  for (const n of name.split('.')) {
    if (!table.has(n)) return { table, error: `${JSON.stringify(n)} is not a table` };
    const next = table.get(n);
    if (
      next instanceof GoMap &&
      (next.goType === 'map[string]interface {}' || next.goType === 'common.Values')
    ) {
      table = next;
    } else {
      return { table: new GoMap(undefined, 'common.Values'), error: `${JSON.stringify(n)} is not a table` };
    }
  }
  return { table };
}

/** templateInfo builds `.Template` (`common.Values` with Name and BasePath). */
export function templateInfo(name: string, basePath: string): GoMap {
  return new GoMap(
    [
      ['Name', name],
      ['BasePath', basePath],
    ],
    'common.Values',
  );
}
