/** The studio's starting state and render options: pure, shared by the server page and the client. */
import type { RenderOptions } from '@/components/preview/protocol';
import {
  extractSecrets,
  overlayToYaml,
  parseValues,
  secretPathsIn,
  secretsFileName,
  secretsValues,
  seedEnvironments,
  valuesFileName,
} from '@/lib/gateway';
import { initialState, type StudioDoc, type StudioState } from '@/lib/studio';
import type { SerializedChartFile } from './chart-files';

/** DEFAULT_RELEASE is the release the studio starts with. */
export const DEFAULT_RELEASE = { name: 'api-gateway', namespace: 'api-gateway' };

/** stripSecrets removes any secret the user typed into an overlay's YAML before it is saved or shared. */
export function stripSecrets(doc: StudioDoc): StudioDoc {
  return {
    ...doc,
    envs: doc.envs.map((e) => {
      const parsed = parseValues(e.overlay);
      if (!parsed.ok || secretPathsIn(parsed.values).length === 0) return e;
      return { ...e, overlay: extractSecrets(e.overlay, parsed.values).overlay };
    }),
  };
}

/**
 * seedState returns the studio's first state: dev, staging and prod from the chart's example values,
 * with any secret in them moved to the in-memory secrets.
 */
export function seedState(files: readonly SerializedChartFile[]): StudioState {
  const texts = files.flatMap((f) => ('text' in f ? [{ path: f.path, text: f.text }] : []));
  const secrets: Record<string, Record<string, string>> = {};
  const envs = seedEnvironments(texts).map((e) => {
    const parsed = parseValues(e.overlay);
    if (!parsed.ok) return e;
    // The chart's example files may carry placeholder secrets; they live in memory like any secret.
    const split = extractSecrets(e.overlay, parsed.values);
    secrets[e.name] = split.secrets;
    return { name: e.name, overlay: split.overlay };
  });
  const doc: StudioDoc = { envs, current: envs[0]?.name ?? 'dev', release: { ...DEFAULT_RELEASE } };
  return { ...initialState(doc), secrets };
}

const secretsTexts = new WeakMap<Readonly<Record<string, string>>, string>();

/** secretsText is the secrets file of an environment, as the preview passes it after its values file. */
export function secretsText(secrets: Readonly<Record<string, string>> | undefined): string {
  if (!secrets) return overlayToYaml({});
  // Secrets change rarely and their map is replaced when they do: one YAML printing per version.
  let text = secretsTexts.get(secrets);
  if (text === undefined) {
    text = overlayToYaml(secretsValues(secrets));
    secretsTexts.set(secrets, text);
  }
  return text;
}

/** renderOptions returns the `helm template` inputs for one environment of a document. */
export function renderOptions(
  doc: StudioDoc,
  env: string,
  secrets: Readonly<Record<string, string>> | undefined,
): RenderOptions {
  const overlay = doc.envs.find((e) => e.name === env)?.overlay ?? '';
  return {
    releaseName: doc.release.name,
    namespace: doc.release.namespace,
    valueFiles: [overlay, secretsText(secrets)],
    valueFileNames: [valuesFileName(env), secretsFileName(env)],
  };
}
