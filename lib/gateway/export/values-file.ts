/** values.<env>.yaml and secrets.<env>.yaml as the studio writes them for download. */
import { Document, isMap, isScalar, isSeq, type Node, type Pair, parseDocument, type YAMLMap } from 'yaml';

/** JsonSchema is the part of a JSON Schema the writer reads: descriptions along property paths. */
export interface JsonSchema {
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema | boolean;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

/** ValuePath is a path of map keys from the root of the values. */
export type ValuePath = readonly string[];

// Helm reads values as YAML 1.1: `on`, `yes`, `0777` are not strings there, so the writer quotes them.
const yamlOptions = { version: '1.1' as const };

function resolveRef(root: JsonSchema, node: JsonSchema): JsonSchema {
  let current = node;
  for (let hops = 0; current.$ref && hops < 32; hops++) {
    const m = /^#\/(\$defs|definitions)\/(.+)$/.exec(current.$ref);
    const target = m ? (m[1] === '$defs' ? root.$defs : root.definitions)?.[m[2] ?? ''] : undefined;
    if (!target) break;
    current = { ...target, description: current.description ?? target.description };
  }
  return current;
}

/** schemaAt returns the schema node describing the value at a path, or undefined. */
export function schemaAt(root: JsonSchema, path: ValuePath): JsonSchema | undefined {
  let node: JsonSchema | undefined = resolveRef(root, root);
  for (const key of path) {
    if (!node) return undefined;
    const candidates: JsonSchema[] = [
      node,
      ...(node.anyOf ?? []),
      ...(node.oneOf ?? []),
      ...(node.allOf ?? []),
    ];
    let next: JsonSchema | undefined;
    for (const c of candidates) {
      const r = resolveRef(root, c);
      const p = r.properties?.[key];
      if (p) {
        next = p;
        break;
      }
      if (typeof r.additionalProperties === 'object') next ??= r.additionalProperties;
    }
    node = next ? resolveRef(root, next) : undefined;
  }
  return node;
}

function asComment(text: string): string {
  // One comment line per description line; the `yaml` printer adds the `#`.
  return text
    .split('\n')
    .map((line) => ` ${line}`.trimEnd())
    .join('\n');
}

function commentKeys(root: JsonSchema, map: YAMLMap, path: string[]): void {
  for (const pair of map.items as Pair<Node, Node>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined) continue;
    const keyPath = [...path, key];
    const description = schemaAt(root, keyPath)?.description;
    if (description && isScalar(pair.key) && !pair.key.commentBefore) {
      pair.key.commentBefore = asComment(description);
    }
    if (isMap(pair.value)) commentKeys(root, pair.value, keyPath);
  }
}

function deletePath(doc: Document, path: ValuePath): void {
  if (doc.hasIn(path)) doc.deleteIn(path);
  // Remove maps left empty by the deletion, bottom up.
  for (let i = path.length - 1; i > 0; i--) {
    const parent = doc.getIn(path.slice(0, i), true);
    if (isMap(parent) && parent.items.length === 0) doc.deleteIn(path.slice(0, i));
    else break;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function dropDefaults(doc: Document, node: unknown, defaults: unknown, path: string[]): void {
  if (!isMap(node)) return;
  for (const pair of [...node.items] as Pair<Node, Node>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined) continue;
    const defaultValue =
      defaults && typeof defaults === 'object' && !Array.isArray(defaults)
        ? (defaults as Record<string, unknown>)[key]
        : undefined;
    if (defaultValue === undefined) continue;
    const value = pair.value;
    if (isMap(value)) {
      dropDefaults(doc, value, defaultValue, [...path, key]);
      if (value.items.length === 0) deletePath(doc, [...path, key]);
    } else if (isScalar(value) || isSeq(value)) {
      if (sameValue(value.toJSON(), defaultValue)) deletePath(doc, [...path, key]);
    }
  }
}

/** ValuesFileOptions describes one environment's downloadable values file. */
export interface ValuesFileOptions {
  /** overlayText is the environment's values (YAML), as edited in the studio. */
  overlayText: string;
  /** defaultsText is the chart's values.yaml; keys equal to it are left out. */
  defaultsText: string;
  /** schema is the chart's values.schema.json; its descriptions become comments. */
  schema: JsonSchema;
  /** secretPaths are never written into a values file. */
  secretPaths: readonly ValuePath[];
  environment: string;
  chartName: string;
}

/** ValuesFileResult is the file text, or why it cannot be written (invalid YAML). */
export type ValuesFileResult = { ok: true; text: string } | { ok: false; error: string };

/**
 * valuesFileText writes values.<env>.yaml: only what differs from the chart's defaults, secrets removed,
 * the user's own comments and key order kept, and every key without a comment described from the schema.
 */
export function valuesFileText(options: ValuesFileOptions): ValuesFileResult {
  const doc = parseDocument(options.overlayText, yamlOptions);
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const where = e.linePos?.[0] ? ` (line ${e.linePos[0].line}, column ${e.linePos[0].col})` : '';
    return {
      ok: false,
      error: `The ${options.environment} values are not valid YAML${where}: ${e.message.split('\n')[0]}`,
    };
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    return {
      ok: false,
      error: `The ${options.environment} values must be a YAML mapping of keys to values.`,
    };
  }
  const defaults = parseDocument(options.defaultsText, yamlOptions).toJS() as unknown;
  for (const path of options.secretPaths) deletePath(doc, path);
  dropDefaults(doc, doc.contents, defaults, []);
  if (isMap(doc.contents)) commentKeys(options.schema, doc.contents, []);
  const header = [
    ` values.${options.environment}.yaml for the ${options.chartName} chart: only what differs from its defaults.`,
    ` Secrets are not here: pass secrets.${options.environment}.yaml (git-ignored or SOPS-encrypted) after this file.`,
  ].join('\n');
  doc.commentBefore = doc.commentBefore ? `${header}\n\n${doc.commentBefore}` : header;
  if (!isMap(doc.contents) || doc.contents.items.length === 0) {
    return { ok: true, text: `${header.replace(/^ ?/gm, '# ')}\n{}\n` };
  }
  return { ok: true, text: doc.toString({ lineWidth: 0, flowCollectionPadding: false }) };
}

/** SecretsTree is the nested map of secret values, as a secrets file holds them. */
export type SecretsTree = { [key: string]: string | SecretsTree };

function prune(tree: SecretsTree): SecretsTree {
  const out: SecretsTree = {};
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') {
      if (v !== '') out[k] = v;
    } else {
      const sub = prune(v);
      if (Object.keys(sub).length > 0) out[k] = sub;
    }
  }
  return out;
}

/**
 * secretsFileText writes secrets.<env>.yaml: the non-empty secret values only, headed by a warning that the
 * file must be git-ignored or encrypted (SOPS). Returns null when there is no secret to write.
 */
export function secretsFileText(secrets: SecretsTree, environment: string): string | null {
  const tree = prune(secrets);
  if (Object.keys(tree).length === 0) return null;
  const doc = new Document(tree, yamlOptions);
  doc.commentBefore = [
    ` secrets.${environment}.yaml: SECRET VALUES. Never commit this file in plain text:`,
    ` keep it git-ignored, or encrypt it with SOPS (sops --encrypt --in-place secrets.${environment}.yaml).`,
    ` Use it after the values file: helm upgrade --install ... -f values.${environment}.yaml -f secrets.${environment}.yaml`,
  ].join('\n');
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
