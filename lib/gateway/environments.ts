/** The studio's environments: dev, staging and prod seeded from the chart's example values, plus user-added ones. */

/** STANDARD_ENVIRONMENTS are the environments every studio starts with, in tab order. */
export const STANDARD_ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;

/** ChartTextFile is a chart file already decoded as UTF-8 text, with its path relative to the chart root. */
export interface ChartTextFile {
  path: string;
  text: string;
}

/** SeededEnvironment is an environment as the chart ships it: its name and its example values text. */
export interface SeededEnvironment {
  name: string;
  overlay: string;
}

/** valuesFileName returns the values file of an environment: `values.<env>.yaml`. */
export function valuesFileName(env: string): string {
  return `values.${env}.yaml`;
}

/** secretsFileName returns the secrets file of an environment: `secrets.<env>.yaml`. */
export function secretsFileName(env: string): string {
  return `secrets.${env}.yaml`;
}

/**
 * seedEnvironments returns dev, staging and prod with the texts of the chart's `values.<env>.yaml`
 * (an empty overlay when the chart has none), then any other `values.<name>.yaml` at the chart root,
 * sorted by name.
 */
export function seedEnvironments(files: readonly ChartTextFile[]): SeededEnvironment[] {
  const byName = new Map<string, string>();
  for (const f of files) {
    const m = /^values\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.yaml$/.exec(f.path);
    if (m?.[1]) byName.set(m[1], f.text);
  }
  const standard: readonly string[] = STANDARD_ENVIRONMENTS;
  const extra = [...byName.keys()].filter((n) => !standard.includes(n)).sort();
  return [...standard, ...extra].map((name) => ({ name, overlay: byName.get(name) ?? '' }));
}

/** environmentNameError checks the name of a new environment (it names files and tabs), or returns null. */
export function environmentNameError(name: string, existing: readonly string[]): string | null {
  if (name === '') return 'Enter a name for the environment.';
  if (name.length > 30) return 'Use at most 30 characters.';
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) {
    return 'Use lowercase letters, digits and "-" (it becomes values.<name>.yaml).';
  }
  if (existing.includes(name)) return `There is already an environment named ${name}.`;
  return null;
}
