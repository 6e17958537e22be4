/** The chart package (`helm package`'s .tgz) as the studio builds it in the browser. */
import { isMap, isScalar, type Node, type Pair, parseDocument } from 'yaml';
import { type ChartFile, writeArchive } from '../../helm';
import type { ValuePath } from './values-file';
import { chartVersionError } from './version';

const yamlOptions = { version: '1.1' as const };
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** PackageOptions chooses the version and, optionally, values baked into the package. */
export interface PackageOptions {
  /** version replaces Chart.yaml's `version` (strict SemVer). */
  version: string;
  /** bake, when set, merges this environment's values into the packaged values.yaml (secrets removed). */
  bake?: { overlayText: string; secretPaths: readonly ValuePath[] };
  /** mtime stamps the archive entries (defaults to now). */
  mtime?: Date;
}

/** PackageResult is the file to download, or the reason nothing is offered. */
export type PackageResult = { ok: true; fileName: string; bytes: Uint8Array } | { ok: false; error: string };

function chartName(chartYaml: string): string | undefined {
  const doc = parseDocument(chartYaml, yamlOptions);
  const name = doc.get('name');
  return typeof name === 'string' ? name : undefined;
}

/** setChartVersion rewrites the top-level `version:` of Chart.yaml, keeping every other line and comment. */
export function setChartVersion(chartYaml: string, version: string): string {
  const doc = parseDocument(chartYaml, yamlOptions);
  doc.set('version', version);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function mergeInto(target: ReturnType<typeof parseDocument>, node: unknown, path: string[]): void {
  if (!isMap(node)) return;
  for (const pair of node.items as Pair<Node, Node>[]) {
    if (!isScalar(pair.key)) continue;
    const keyPath = [...path, String(pair.key.value)];
    const existing = target.getIn(keyPath, true);
    if (isMap(pair.value) && isMap(existing)) mergeInto(target, pair.value, keyPath);
    else target.setIn(keyPath, pair.value);
  }
}

/** bakeValues merges an environment's values into the chart's values.yaml text, comments kept, secrets removed. */
export function bakeValues(
  defaultsText: string,
  overlayText: string,
  secretPaths: readonly ValuePath[],
): string {
  const defaults = parseDocument(defaultsText, yamlOptions);
  const overlay = parseDocument(overlayText, yamlOptions);
  if (overlay.errors.length > 0) throw new Error(`values are not valid YAML: ${overlay.errors[0]!.message}`);
  mergeInto(defaults, overlay.contents, []);
  for (const path of secretPaths) if (defaults.hasIn(path)) defaults.setIn(path, '');
  return defaults.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/**
 * packageChart builds `<name>-<version>.tgz` the way `helm package` does (entries under `<name>/`,
 * .helmignore honoured by the archive writer), with the chosen version and optionally baked values.
 */
export function packageChart(files: readonly ChartFile[], options: PackageOptions): PackageResult {
  const versionError = chartVersionError(options.version);
  if (versionError) return { ok: false, error: `Chart version: ${versionError}` };
  const chartFile = files.find((f) => f.path === 'Chart.yaml');
  if (!chartFile) return { ok: false, error: 'The chart has no Chart.yaml.' };
  const name = chartName(decoder.decode(chartFile.data));
  if (!name) return { ok: false, error: 'Chart.yaml has no name.' };
  const out: ChartFile[] = [];
  for (const f of files) {
    if (f.path === 'Chart.yaml') {
      out.push({
        path: f.path,
        data: encoder.encode(setChartVersion(decoder.decode(f.data), options.version)),
      });
    } else if (f.path === 'values.yaml' && options.bake) {
      let baked: string;
      try {
        baked = bakeValues(decoder.decode(f.data), options.bake.overlayText, options.bake.secretPaths);
      } catch (e) {
        return { ok: false, error: `Cannot bake the values into the chart: ${(e as Error).message}` };
      }
      out.push({ path: f.path, data: encoder.encode(baked) });
    } else out.push(f);
  }
  const bytes = writeArchive(out, { name, version: options.version, mtime: options.mtime });
  return { ok: true, fileName: `${name}-${options.version}.tgz`, bytes };
}
