import { GoInt, GoMap, type GoValue } from '@/lib/go';
import { yamlDocuments } from '@/lib/yaml';

/** ManifestDoc is one file of rendered manifests: its path (e.g. `api-gateway/templates/deployment.yaml`) and text. */
export interface ManifestDoc {
  path: string;
  text: string;
}

/** Severity of a finding: errors break the chart's bar, warnings are advice. */
export type Severity = 'error' | 'warning';

/** Finding is one problem found in a rendered object. */
export interface Finding {
  /** File the object came from. */
  path: string;
  /** Object kind (empty when the document has none). */
  kind: string;
  /** Object name (empty when the document has none). */
  name: string;
  severity: Severity;
  /** Rule identifier, e.g. `openapi/unknown-field`, `pss/run-as-non-root`, `chart/standard-labels`. */
  rule: string;
  message: string;
}

/** JsonObject is a parsed YAML mapping. */
export type JsonObject = { [key: string]: unknown };

/** K8sObject is one parsed Kubernetes object with where it came from. */
export interface K8sObject {
  path: string;
  /** Position of the document within its file (0-based). */
  index: number;
  kind: string;
  name: string;
  apiVersion: string;
  object: JsonObject;
}

/** isObject tells whether a value is a YAML mapping. */
export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

/** field reads a nested value by keys, or undefined when a step is missing or not a mapping. */
export function field(value: unknown, ...keys: string[]): unknown {
  let node = value;
  for (const key of keys) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** asArray returns the value when it is an array, else an empty array. */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** asStringMap returns the string entries of a mapping (labels, selectors). */
export function asStringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(value)) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** finding builds a Finding for an object. */
export function finding(obj: K8sObject, severity: Severity, rule: string, message: string): Finding {
  return { path: obj.path, kind: obj.kind, name: obj.name, severity, rule, message };
}

const sourceHeader = /^# Source: (.+)$/;

/**
 * splitHelmOutput splits the stdout of `helm template` into documents by their `# Source:` headers
 * (a template that renders several documents gives several entries with the same path).
 */
export function splitHelmOutput(text: string): ManifestDoc[] {
  const docs: ManifestDoc[] = [];
  for (const part of text.split(/^---[ \t]*$/m)) {
    const lines = part.replace(/^\n/, '').split('\n');
    const header = lines[0]?.match(sourceHeader);
    if (!header) {
      if (part.trim() !== '') docs.push({ path: '', text: part });
      continue;
    }
    docs.push({ path: header[1] as string, text: lines.slice(1).join('\n') });
  }
  return docs;
}

/** goToJson turns a decoded YAML value (Go model) into plain JSON data, as the API server sees it. */
export function goToJson(value: GoValue): unknown {
  if (value instanceof GoMap) {
    const out: JsonObject = {};
    for (const [k, v] of value) out[k] = goToJson(v);
    return out;
  }
  if (Array.isArray(value)) return value.map(goToJson);
  if (value instanceof GoInt) return Number(value.value);
  return value;
}

/**
 * parseManifests parses every document of every file the way Kubernetes reads manifests
 * (sigs.k8s.io/yaml: YAML 1.1 scalars, so an unquoted `yes` is a boolean); YAML errors and
 * non-objects become findings.
 */
export function parseManifests(docs: readonly ManifestDoc[]): { objects: K8sObject[]; findings: Finding[] } {
  const objects: K8sObject[] = [];
  const findings: Finding[] = [];
  for (const doc of docs) {
    let parsed: unknown[];
    try {
      parsed = yamlDocuments(doc.text).map(goToJson);
    } catch (err) {
      findings.push({
        path: doc.path,
        kind: '',
        name: '',
        severity: 'error',
        rule: 'yaml/parse',
        message: `invalid YAML: ${(err as Error).message.split('\n')[0]}`,
      });
      continue;
    }
    parsed.forEach((value, index) => {
      if (value === null || value === undefined) return;
      if (!isObject(value)) {
        findings.push({
          path: doc.path,
          kind: '',
          name: '',
          severity: 'error',
          rule: 'yaml/not-an-object',
          message: 'document is not a Kubernetes object (a mapping with apiVersion and kind)',
        });
        return;
      }
      const kind = typeof value.kind === 'string' ? value.kind : '';
      const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
      const name = field(value, 'metadata', 'name');
      objects.push({
        path: doc.path,
        index,
        kind,
        apiVersion,
        name: typeof name === 'string' ? name : '',
        object: value,
      });
    });
  }
  return { objects, findings };
}

/** PodSpecRef is a pod spec found inside an object, with the JSON path that leads to it. */
export interface PodSpecRef {
  at: string;
  spec: JsonObject;
  /** Labels of the pod template (or of the Pod itself). */
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** podSpecOf finds the pod spec of a Pod, a workload's pod template, or a CronJob's job template. */
export function podSpecOf(obj: K8sObject): PodSpecRef | undefined {
  const o = obj.object;
  let template: unknown;
  let at: string;
  switch (obj.kind) {
    case 'Pod':
      template = o;
      at = '';
      break;
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      template = field(o, 'spec', 'template');
      at = '/spec/template';
      break;
    case 'CronJob':
      template = field(o, 'spec', 'jobTemplate', 'spec', 'template');
      at = '/spec/jobTemplate/spec/template';
      break;
    default:
      return undefined;
  }
  const spec = field(template, 'spec');
  if (!isObject(spec)) return undefined;
  return {
    at: `${at}/spec`,
    spec,
    labels: asStringMap(field(template, 'metadata', 'labels')),
    annotations: asStringMap(field(template, 'metadata', 'annotations')),
  };
}

/** ContainerRef is one container of a pod spec with its list name (`containers`, `initContainers`…). */
export interface ContainerRef {
  list: 'containers' | 'initContainers' | 'ephemeralContainers';
  name: string;
  container: JsonObject;
}

/** containersOf lists every container, init container and ephemeral container of a pod spec. */
export function containersOf(spec: JsonObject): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const list of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    for (const c of asArray(spec[list])) {
      if (isObject(c)) out.push({ list, name: typeof c.name === 'string' ? c.name : '?', container: c });
    }
  }
  return out;
}
