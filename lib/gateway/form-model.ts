/**
 * The studio form's model: which values the form shows, under which accessible names, how a field's
 * text becomes a value (and back), and the checks that give each field a message a user understands.
 */
import {
  getPath,
  isPlainMap,
  type PlainMap,
  type PlainValue,
  renameOverlayKey,
  setOverlayValue,
  type ValuesPath,
} from './overlay';

/** FieldKind says how a field is edited and how its text becomes a value. */
export type FieldKind = 'integer' | 'text' | 'boolean' | 'cpu' | 'memory' | 'select';

/** FieldSpec is one form control bound to one value path. */
export interface FieldSpec {
  /** path is where the value lives in the chart's values. */
  path: readonly string[];
  /** label is the control's accessible name. */
  label: string;
  kind: FieldKind;
  options?: readonly string[];
  min?: number;
  max?: number;
  /** optional fields may be left empty (the empty string is their value). */
  optional?: boolean;
  /** secret fields are edited in the secrets section and never written to the overlay. */
  secret?: boolean;
  hint?: string;
  /** unusedWhen names a boolean value that, when true, makes the chart ignore this one, and says why. */
  unusedWhen?: { path: readonly string[]; reason: string };
}

/** SectionSpec is a group of fields; `widget` names a section drawn by a dedicated component. */
export interface SectionSpec {
  id: string;
  title: string;
  fields: readonly FieldSpec[];
  widget?: 'env' | 'ingress-hosts';
  /** open says whether the section starts expanded. */
  open?: boolean;
}

/** FORM_SECTIONS lists the form's sections in display order, with the accessible names. */
export const FORM_SECTIONS: readonly SectionSpec[] = [
  {
    id: 'workload',
    title: 'Workload',
    open: true,
    fields: [
      {
        path: ['replicaCount'],
        label: 'Replicas',
        kind: 'integer',
        min: 0,
        max: 1000,
        unusedWhen: {
          path: ['autoscaling', 'enabled'],
          reason:
            'Autoscaling is on: the HorizontalPodAutoscaler sets the number of pods (see Autoscaling), so the chart leaves this one out.',
        },
      },
      { path: ['image', 'repository'], label: 'Image repository', kind: 'text' },
      {
        path: ['image', 'tag'],
        label: 'Image tag',
        kind: 'text',
        optional: true,
        hint: "Empty: the chart's appVersion.",
      },
      {
        path: ['image', 'pullPolicy'],
        label: 'Image pull policy',
        kind: 'select',
        options: ['IfNotPresent', 'Always', 'Never'],
      },
    ],
  },
  {
    id: 'resources',
    title: 'Resources',
    open: true,
    fields: [
      { path: ['resources', 'requests', 'cpu'], label: 'CPU request', kind: 'cpu' },
      { path: ['resources', 'limits', 'cpu'], label: 'CPU limit', kind: 'cpu' },
      { path: ['resources', 'requests', 'memory'], label: 'Memory request', kind: 'memory' },
      { path: ['resources', 'limits', 'memory'], label: 'Memory limit', kind: 'memory' },
    ],
  },
  { id: 'env', title: 'Environment variables', open: true, fields: [], widget: 'env' },
  {
    id: 'ingress',
    title: 'Ingress',
    open: true,
    widget: 'ingress-hosts',
    fields: [
      { path: ['ingress', 'enabled'], label: 'Ingress enabled', kind: 'boolean' },
      { path: ['ingress', 'className'], label: 'Ingress class', kind: 'text', optional: true },
    ],
  },
  {
    id: 'service',
    title: 'Service',
    fields: [
      {
        path: ['service', 'type'],
        label: 'Service type',
        kind: 'select',
        options: ['ClusterIP', 'NodePort', 'LoadBalancer'],
      },
      { path: ['service', 'port'], label: 'Service port', kind: 'integer', min: 1, max: 65535 },
      { path: ['containerPort'], label: 'Container port', kind: 'integer', min: 1, max: 65535 },
    ],
  },
  {
    id: 'migrations',
    title: 'Migrations',
    fields: [
      { path: ['migrations', 'enabled'], label: 'Migrations enabled', kind: 'boolean' },
      {
        path: ['migrations', 'strategy'],
        label: 'Migration strategy',
        kind: 'select',
        options: ['hook', 'initContainer'],
      },
      { path: ['migrations', 'backoffLimit'], label: 'Migration retries', kind: 'integer', min: 0, max: 100 },
      {
        path: ['migrations', 'activeDeadlineSeconds'],
        label: 'Migration deadline (seconds)',
        kind: 'integer',
        min: 1,
        max: 86400,
      },
      { path: ['waitForDatabase', 'enabled'], label: 'Wait for the database', kind: 'boolean' },
      {
        path: ['waitForDatabase', 'timeoutSeconds'],
        label: 'Database wait timeout (seconds)',
        kind: 'integer',
        min: 1,
        max: 3600,
      },
    ],
  },
  {
    id: 'network-policy',
    title: 'Network policy',
    fields: [
      { path: ['networkPolicy', 'enabled'], label: 'Network policy enabled', kind: 'boolean' },
      {
        path: ['networkPolicy', 'ingressController', 'namespace'],
        label: 'Ingress controller namespace',
        kind: 'text',
      },
      { path: ['networkPolicy', 'egress', 'enabled'], label: 'Restrict egress', kind: 'boolean' },
    ],
  },
  {
    id: 'autoscaling',
    title: 'Autoscaling',
    fields: [
      { path: ['autoscaling', 'enabled'], label: 'Autoscaling enabled', kind: 'boolean' },
      { path: ['autoscaling', 'minReplicas'], label: 'Minimum replicas', kind: 'integer', min: 1, max: 1000 },
      { path: ['autoscaling', 'maxReplicas'], label: 'Maximum replicas', kind: 'integer', min: 1, max: 1000 },
      {
        path: ['autoscaling', 'targetCPUUtilizationPercentage'],
        label: 'Target CPU utilisation (%)',
        kind: 'integer',
        min: 1,
        max: 100,
      },
      { path: ['podDisruptionBudget', 'enabled'], label: 'Pod disruption budget enabled', kind: 'boolean' },
      {
        path: ['podDisruptionBudget', 'maxUnavailable'],
        label: 'Maximum unavailable pods',
        kind: 'integer',
        min: 0,
        max: 1000,
      },
    ],
  },
  {
    id: 'probes',
    title: 'Probes',
    fields: [
      { path: ['probes', 'host'], label: 'Probe Host header', kind: 'text', optional: true },
      { path: ['probes', 'readiness', 'path'], label: 'Readiness path', kind: 'text' },
      {
        path: ['probes', 'liveness', 'path'],
        label: 'Liveness path',
        kind: 'text',
        optional: true,
        hint: 'Empty: a TCP check of the http port.',
      },
      {
        path: ['probes', 'startup', 'failureThreshold'],
        label: 'Startup failure threshold',
        kind: 'integer',
        min: 1,
        max: 1000,
      },
    ],
  },
  {
    id: 'dev-services',
    title: 'PostgreSQL and Redis (development)',
    fields: [
      { path: ['postgresql', 'enabled'], label: 'PostgreSQL enabled', kind: 'boolean' },
      { path: ['postgresql', 'auth', 'username'], label: 'PostgreSQL user', kind: 'text' },
      { path: ['postgresql', 'auth', 'database'], label: 'PostgreSQL database', kind: 'text' },
      { path: ['redis', 'enabled'], label: 'Redis enabled', kind: 'boolean' },
    ],
  },
];

/** SECRET_FIELDS lists the secret values, edited in their own section and kept out of every overlay. */
export const SECRET_FIELDS: readonly FieldSpec[] = [
  {
    path: ['secrets', 'djangoSecretKey'],
    label: 'Django secret key',
    kind: 'text',
    secret: true,
    optional: true,
  },
  { path: ['secrets', 'databaseUrl'], label: 'Database URL', kind: 'text', secret: true, optional: true },
  {
    path: ['postgresql', 'auth', 'password'],
    label: 'PostgreSQL password',
    kind: 'text',
    secret: true,
    optional: true,
  },
];

/** SECRET_MAP_PATHS are maps whose every entry is a secret (extra secret environment variables). */
export const SECRET_MAP_PATHS: readonly (readonly string[])[] = [['secrets', 'extra']];

/** dotted joins a key path with dots, the key of a secret in the studio's secret store. */
export function dotted(path: readonly string[]): string {
  return path.join('.');
}

/** secretPathList returns every secret path the overlay text or values hold (fields and secret-map entries). */
export function secretPathsIn(values: PlainMap): string[][] {
  const out: string[][] = [];
  for (const f of SECRET_FIELDS) {
    const v = getPath(values, f.path);
    if (v !== undefined && v !== null && v !== '') out.push([...f.path]);
  }
  for (const p of SECRET_MAP_PATHS) {
    const m = getPath(values, p);
    if (isPlainMap(m)) for (const k of Object.keys(m)) out.push([...p, k]);
  }
  return out;
}

/**
 * extractSecrets moves every secret the overlay holds out of its text: it returns the text without them
 * (comments and other keys kept) and the secrets by dotted path, as strings.
 */
export function extractSecrets(
  text: string,
  values: PlainMap,
): { overlay: string; secrets: Record<string, string> } {
  const secrets: Record<string, string> = {};
  let overlay = text;
  for (const path of secretPathsIn(values)) {
    const v = getPath(values, path);
    secrets[dotted(path)] =
      v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    // Removing with empty defaults deletes the key outright (a null would wipe a default).
    overlay = setOverlayValue(overlay, {}, path, undefined, { dropLineComment: true });
  }
  return { overlay, secrets };
}

/** secretsValues builds the values map of a secrets file from the secret store of one environment. */
export function secretsValues(secrets: Readonly<Record<string, string>>): PlainMap {
  const out: PlainMap = {};
  for (const [key, value] of Object.entries(secrets)) {
    if (value === '') continue;
    const mapPath = SECRET_MAP_PATHS.find((p) => key.startsWith(`${dotted(p)}.`));
    const path = mapPath ? [...mapPath, key.slice(dotted(mapPath).length + 1)] : key.split('.');
    let cur = out;
    for (const seg of path.slice(0, -1)) {
      const next = cur[seg];
      if (!isPlainMap(next)) cur[seg] = {};
      cur = cur[seg] as PlainMap;
    }
    cur[path[path.length - 1]!] = value;
  }
  return out;
}

// Kubernetes: resource.Quantity's grammar (a signed decimal number with a binary SI, decimal SI or exponent suffix).
const quantityPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** quantityError checks a Kubernetes quantity (`500m`, `1`, `512Mi`) for a CPU or memory field, or returns null. */
export function quantityError(text: string, kind: 'cpu' | 'memory'): string | null {
  const t = text.trim();
  if (t === '') return 'Enter a quantity.';
  if (!quantityPattern.test(t)) {
    return kind === 'cpu'
      ? 'Not a CPU quantity: write cores as 0.5 or 1, or millicores as 500m.'
      : 'Not a memory quantity: write 512Mi, 1Gi or a number of bytes.';
  }
  if (t.startsWith('-')) return 'Must not be negative.';
  if (kind === 'memory' && /[mun]$/.test(t)) {
    const unit = t.endsWith('m') ? 'thousandths' : t.endsWith('u') ? 'millionths' : 'billionths';
    return `Memory uses Ki, Mi, Gi… (a lowercase ${t.slice(-1)} means ${unit} of a byte).`;
  }
  return null;
}

/** FieldParse is a field's text read as a value, or the message to show at the field. */
export type FieldParse = { ok: true; value: PlainValue } | { ok: false; error: string };

/** parseField turns a control's text into the value it stands for, or explains what is wrong. */
export function parseField(spec: FieldSpec, text: string): FieldParse {
  switch (spec.kind) {
    case 'boolean':
      return { ok: true, value: text === 'true' };
    case 'integer': {
      const t = text.trim();
      if (t === '') return { ok: false, error: 'Enter a whole number.' };
      if (!/^[+-]?\d+$/.test(t))
        return { ok: false, error: 'Enter a whole number (no letters or decimals).' };
      const n = Number(t);
      if (spec.min !== undefined && n < spec.min)
        return { ok: false, error: `Must be at least ${spec.min}.` };
      if (spec.max !== undefined && n > spec.max) return { ok: false, error: `Must be at most ${spec.max}.` };
      return { ok: true, value: n };
    }
    case 'cpu':
    case 'memory': {
      const error = quantityError(text, spec.kind);
      return error ? { ok: false, error } : { ok: true, value: text.trim() };
    }
    case 'select':
      if (spec.options && !spec.options.includes(text)) {
        return { ok: false, error: `Choose one of ${spec.options.join(', ')}.` };
      }
      return { ok: true, value: text };
    case 'text':
      if (!spec.optional && text.trim() === '') return { ok: false, error: 'This value is required.' };
      return { ok: true, value: text };
  }
}

/** unusedReason says why the chart ignores a field's value with these values, or returns null. */
export function unusedReason(spec: FieldSpec, values: PlainMap): string | null {
  return spec.unusedWhen && getPath(values, spec.unusedWhen.path) === true ? spec.unusedWhen.reason : null;
}

/** fieldText returns the text a control shows for the value at its path ('' when unset). */
export function fieldText(spec: FieldSpec, values: PlainMap): string {
  const v = getPath(values, spec.path);
  if (v === undefined || v === null) return spec.kind === 'boolean' ? 'false' : '';
  if (spec.kind === 'boolean') return v === true ? 'true' : 'false';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** EnvRow is one plain environment variable of the form's table. */
export interface EnvRow {
  name: string;
  value: string;
}

/** envRows lists the container's plain environment variables (`env`) in their order. */
export function envRows(values: PlainMap): EnvRow[] {
  const env = values.env;
  if (!isPlainMap(env)) return [];
  return Object.entries(env).map(([name, v]) => ({
    name,
    value: v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v),
  }));
}

/**
 * envNameError checks an environment variable name (a C identifier, as shells and Django expect), or
 * returns null. The keys the chart's Secret sets are refused: Kubernetes gives `env` precedence over
 * `envFrom`, so a plain variable of that name would hide the secret.
 */
export function envNameError(name: string, others: readonly string[]): string | null {
  if (name === '') return 'Enter a variable name.';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    return 'Use letters, digits and _ only, not starting with a digit.';
  if (others.includes(name)) return 'This variable is already defined.';
  // The chart's own secret keys: a plain variable of that name would take precedence over the Secret.
  const field = CHART_SECRET_KEYS[name];
  if (field) return `The chart sets ${name} from the ${field} field: use that field.`;
  return null;
}

/** CHART_SECRET_KEYS are the keys the chart puts in its Secret from the secret fields, by field label. */
const CHART_SECRET_KEYS: Readonly<Record<string, string>> = {
  SECRET_KEY: 'Django secret key',
  DATABASE_URL: 'Database URL',
};

/**
 * secretVariableNameError checks the name of an extra secret variable (secrets.extra), or returns null.
 * Besides envNameError's rules it refuses the keys the chart writes into the Secret itself, and the name
 * of a plain variable: Kubernetes gives `env` precedence over `envFrom`, so the plain value would hide
 * the secret.
 */
export function secretVariableNameError(
  name: string,
  secretNames: readonly string[],
  plainNames: readonly string[],
): string | null {
  const error = envNameError(name, secretNames);
  if (error) return error;
  if (plainNames.includes(name)) {
    return `${name} is also a plain variable, whose value would hide this secret.`;
  }
  return null;
}

/** newEnvName returns an unused placeholder name for a new variable (NEW_VAR, NEW_VAR_2…). */
export function newEnvName(values: PlainMap): string {
  const taken = new Set(envRows(values).map((r) => r.name));
  for (let i = 1; ; i++) {
    const name = i === 1 ? 'NEW_VAR' : `NEW_VAR_${i}`;
    if (!taken.has(name)) return name;
  }
}

/** renameEnv renames a variable in the overlay text, keeping its value (a chart default gets a null). */
export function renameEnv(
  text: string,
  defaults: PlainMap,
  values: PlainMap,
  from: string,
  to: string,
): string {
  const env = isPlainMap(values.env) ? values.env : {};
  return renameOverlayKey(text, defaults, ['env'], from, to, env[from] ?? '');
}

/** IngressPathRow is one path of an ingress host, as a string or a {path, pathType} object. */
export interface IngressHostRow {
  host: string;
  paths: string[];
}

/** ingressHosts lists the ingress hosts and their paths (path objects shown by their `path`). */
export function ingressHosts(values: PlainMap): IngressHostRow[] {
  const hosts = getPath(values, ['ingress', 'hosts']);
  if (!Array.isArray(hosts)) return [];
  return hosts.map((h) => {
    const host = isPlainMap(h) && typeof h.host === 'string' ? h.host : '';
    const raw = isPlainMap(h) && Array.isArray(h.paths) ? h.paths : [];
    const paths = raw.map((p) =>
      typeof p === 'string' ? p : isPlainMap(p) && typeof p.path === 'string' ? p.path : '',
    );
    return { host, paths };
  });
}

/** namedHosts lists the host names that are set, in the order of the hosts. */
function namedHosts(hosts: readonly string[]): string[] {
  return hosts.filter((h) => h !== '');
}

/**
 * tlsFollowsHosts reports whether the TLS settings are the form's "TLS secret for the hosts above": one
 * TLS entry whose hosts are exactly the named ingress hosts (in any order). TLS written otherwise in the
 * YAML (several entries, a subset of the hosts) is the user's and is left alone.
 */
function tlsFollowsHosts(values: PlainMap): boolean {
  const tls = getPath(values, ['ingress', 'tls']);
  if (!Array.isArray(tls) || tls.length !== 1) return false;
  const covered = getPath(values, ['ingress', 'tls', 0, 'hosts']);
  if (!Array.isArray(covered)) return false;
  const named = namedHosts(ingressHosts(values).map((h) => h.host));
  return covered.length === named.length && named.every((h) => covered.includes(h));
}

// withTlsHosts points the TLS entry at the hosts after an edit, when it covered the hosts before it.
function withTlsHosts(text: string, defaults: PlainMap, before: PlainMap, hosts: readonly string[]): string {
  if (!tlsFollowsHosts(before)) return text;
  return setOverlayValue(text, defaults, ['ingress', 'tls', 0, 'hosts'], namedHosts(hosts));
}

/**
 * setIngressHost sets the name of the host at `index`; the TLS hosts follow when they covered the hosts
 * (renaming the host renames it in the certificate's list too).
 */
export function setIngressHost(
  text: string,
  defaults: PlainMap,
  values: PlainMap,
  index: number,
  host: string,
): string {
  const hosts = ingressHosts(values).map((h, i) => (i === index ? host : h.host));
  const next = setOverlayValue(text, defaults, ['ingress', 'hosts', index, 'host'], host);
  return withTlsHosts(next, defaults, values, hosts);
}

/** removeIngressHost removes the host at `index`, and its name from the TLS hosts when they covered the hosts. */
export function removeIngressHost(text: string, defaults: PlainMap, values: PlainMap, index: number): string {
  const hosts = ingressHosts(values)
    .filter((_, i) => i !== index)
    .map((h) => h.host);
  const next = setOverlayValue(text, defaults, ['ingress', 'hosts', index], undefined);
  return withTlsHosts(next, defaults, values, hosts);
}

/** ingressPathValuePath returns where a host's path text lives: the item itself or its `path` key. */
export function ingressPathValuePath(values: PlainMap, host: number, path: number): ValuesPath {
  const item = getPath(values, ['ingress', 'hosts', host, 'paths', path]);
  return isPlainMap(item)
    ? ['ingress', 'hosts', host, 'paths', path, 'path']
    : ['ingress', 'hosts', host, 'paths', path];
}

/** hostnameError checks an ingress host (a DNS-1123 subdomain, optionally with a leading `*.`), or returns null. */
export function hostnameError(host: string): string | null {
  if (host === '') return 'Enter a host name such as api.example.com.';
  const bare = host.startsWith('*.') ? host.slice(2) : host;
  if (host.length > 253) return 'A host name has at most 253 characters.';
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(bare)) {
    return 'Use lowercase letters, digits, "-" and "." (for example api.example.com).';
  }
  return null;
}

/** ingressPathError checks an ingress path (it must start with "/"), or returns null. */
export function ingressPathError(path: string): string | null {
  return path.startsWith('/') ? null : 'A path starts with "/".';
}

/** tlsSecretName returns the secret name of the first TLS entry ('' when there is none). */
export function tlsSecretName(values: PlainMap): string {
  const tls = getPath(values, ['ingress', 'tls', 0, 'secretName']);
  return typeof tls === 'string' ? tls : '';
}

/**
 * setTlsSecret sets the TLS secret of the ingress: the first TLS entry's `secretName`, created for every
 * host when there is no entry; an empty name removes TLS.
 */
export function setTlsSecret(text: string, defaults: PlainMap, values: PlainMap, secretName: string): string {
  const tls = getPath(values, ['ingress', 'tls']);
  if (secretName === '') return setOverlayValue(text, defaults, ['ingress', 'tls'], []);
  if (Array.isArray(tls) && tls.length > 0) {
    return setOverlayValue(text, defaults, ['ingress', 'tls', 0, 'secretName'], secretName);
  }
  const hosts = ingressHosts(values)
    .map((h) => h.host)
    .filter((h) => h !== '');
  return setOverlayValue(text, defaults, ['ingress', 'tls'], [{ secretName, hosts }]);
}
