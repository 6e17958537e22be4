/** The `helm upgrade --install` command the studio offers to copy. */
import { validateNamespace, validateReleaseName } from '../../studio/release';

/** ChartReference says where the chart comes from in the command. */
export type ChartReference =
  | { kind: 'tgz'; name: string; version: string }
  | { kind: 'folder'; path: string }
  | { kind: 'oci'; url: string; version?: string };

/** HelmCommandOptions holds every choice that shapes the command. */
export interface HelmCommandOptions {
  release: string;
  namespace: string;
  environment: string;
  chart: ChartReference;
  /** withSecrets adds `-f secrets.<env>.yaml` after the values file. */
  withSecrets: boolean;
  /** timeout is a Go duration such as `5m` or `10m0s`. */
  timeout: string;
  /** helmMajor picks `--rollback-on-failure` (Helm 4) or `--atomic` (Helm 3). */
  helmMajor: 3 | 4;
  /** dryRun adds `--dry-run=client` (Helm 4) or `--dry-run` (Helm 3) so nothing is changed. */
  dryRun: boolean;
}

/** HelmCommandResult is the command, or the reason it cannot be offered. */
export type HelmCommandResult = { ok: true; command: string; args: string[] } | { ok: false; error: string };

const durationPattern = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
const ociPattern = /^oci:\/\/[^\s/]+(\/[^\s]+)+$/;

/** shellQuote quotes one argument for a POSIX shell, leaving plain words as they are. */
export function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'"'"'`)}'`;
}

/** chartArgument returns the chart argument (and `--version` flag) for a chart reference, or an error. */
function chartArguments(chart: ChartReference): string[] | string {
  switch (chart.kind) {
    case 'tgz':
      return [`./${chart.name}-${chart.version}.tgz`];
    case 'folder':
      if (chart.path.trim() === '') return 'Enter the path of the chart folder.';
      return [chart.path.startsWith('/') || chart.path.startsWith('.') ? chart.path : `./${chart.path}`];
    case 'oci':
      if (!ociPattern.test(chart.url))
        return 'An OCI reference looks like oci://registry.example/charts/api-gateway.';
      return chart.version ? [chart.url, '--version', chart.version] : [chart.url];
  }
}

/**
 * buildHelmCommand returns `helm upgrade --install <release> <chart> --namespace <ns> --create-namespace
 * -f values.<env>.yaml [-f secrets.<env>.yaml] --wait --timeout <t>` with the rollback flag of the chosen Helm,
 * or the reason it cannot be offered. It never adds `--reuse-values`: that flag ignores new chart defaults.
 */
export function buildHelmCommand(options: HelmCommandOptions): HelmCommandResult {
  const releaseError = validateReleaseName(options.release);
  if (releaseError) return { ok: false, error: `Release name: ${releaseError}` };
  const namespaceError = validateNamespace(options.namespace);
  if (namespaceError) return { ok: false, error: `Namespace: ${namespaceError}` };
  if (!durationPattern.test(options.timeout)) {
    return { ok: false, error: 'Timeout: use a duration such as 5m, 90s or 1h30m.' };
  }
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(options.environment)) {
    return { ok: false, error: 'Environment: use lowercase letters, digits and "-".' };
  }
  const chart = chartArguments(options.chart);
  if (typeof chart === 'string') return { ok: false, error: `Chart: ${chart}` };
  const args = ['helm', 'upgrade', '--install', options.release, ...chart];
  args.push('--namespace', options.namespace, '--create-namespace');
  args.push('-f', `values.${options.environment}.yaml`);
  if (options.withSecrets) args.push('-f', `secrets.${options.environment}.yaml`);
  args.push('--wait', '--timeout', options.timeout);
  // Helm: v4 renamed --atomic to --rollback-on-failure; neither rolls back a database schema.
  args.push(options.helmMajor === 4 ? '--rollback-on-failure' : '--atomic');
  if (options.dryRun) args.push(options.helmMajor === 4 ? '--dry-run=client' : '--dry-run');
  return { ok: true, args, command: args.map(shellQuote).join(' ') };
}
