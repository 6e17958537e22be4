/** The "all environments" bundle: every values file, a .gitignore for secrets and a short README. */
import JSZip from 'jszip';
import { buildHelmCommand, type ChartReference } from './command';

/** EnvironmentFile is one environment's values file, already written by valuesFileText. */
export interface EnvironmentFile {
  environment: string;
  valuesText: string;
}

/** BundleOptions names the release and chart the README's commands use. */
export interface BundleOptions {
  release: string;
  namespace: string;
  chart: ChartReference;
  helmMajor: 3 | 4;
  timeout: string;
}

function readme(files: readonly EnvironmentFile[], options: BundleOptions): string {
  const lines = [
    '# Values for each environment',
    '',
    'Exported by Chart Studio. Each `values.<env>.yaml` holds only what differs from the chart defaults.',
    'Secrets are never in these files: keep them in `secrets.<env>.yaml` next to them (git-ignored by the',
    '`.gitignore` here, or encrypted with SOPS) and pass them after the values file.',
    '',
  ];
  for (const f of files) {
    const cmd = buildHelmCommand({
      release: options.release,
      namespace: options.namespace,
      environment: f.environment,
      chart: options.chart,
      withSecrets: true,
      timeout: options.timeout,
      helmMajor: options.helmMajor,
      dryRun: false,
    });
    lines.push(`## ${f.environment}`, '', '```sh', cmd.ok ? cmd.command : `# ${cmd.error}`, '```', '');
  }
  lines.push(
    'Check first without changing the cluster: add `--dry-run=client` (Helm 4) or `--dry-run` (Helm 3).',
    '',
  );
  return lines.join('\n');
}

/** environmentsZip builds the .zip of every environment's values file, a .gitignore and a README. */
export async function environmentsZip(
  files: readonly EnvironmentFile[],
  options: BundleOptions,
): Promise<Uint8Array> {
  const zip = new JSZip();
  // A fixed date keeps the archive identical for identical inputs.
  const date = new Date('2020-01-01T00:00:00Z');
  for (const f of files) zip.file(`values.${f.environment}.yaml`, f.valuesText, { date });
  zip.file(
    '.gitignore',
    '# Secrets exported by Chart Studio: never commit them unencrypted.\nsecrets.*.yaml\n',
    { date },
  );
  zip.file('README.md', readme(files, options), { date });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
