'use client';
/**
 * ExportPanel hands over what a team deploys: the chart package, the values and secrets files of an
 * environment, every environment at once, and the `helm upgrade --install` command. Nothing is offered
 * while the inputs are invalid or the environment does not render; the reason is shown instead.
 * The engine and archive code load on first use, so the panel adds little to the page's start-up.
 */
import { useId, useMemo, useState } from 'react';
import { parseValues, SECRET_FIELDS, secretPathsIn, secretsValues } from '@/lib/gateway';
import {
  buildHelmCommand,
  type ChartReference,
  chartVersionError,
  type JsonSchema,
  type SecretsTree,
  secretsFileText,
  valuesFileText,
} from '@/lib/gateway/export';
import styles from './export-panel.module.css';

/** ExportChartFile is a chart file as bytes, path relative to the chart root. */
export interface ExportChartFile {
  path: string;
  data: Uint8Array;
}

/** ExportEnvironment is one environment's values overlay (YAML text) and its secrets (dotted path → value). */
export interface ExportEnvironment {
  name: string;
  overlay: string;
  secrets: Readonly<Record<string, string>>;
}

/** ExportPanelProps is everything the panel needs from the studio. */
export interface ExportPanelProps {
  chartFiles: readonly ExportChartFile[];
  environment: string;
  environments: readonly ExportEnvironment[];
  releaseName: string;
  namespace: string;
  /** render is the current environment's latest render, or null while it is pending. */
  render: { exitCode: number; stderr: string } | null;
}

const decoder = new TextDecoder();

/** PACKAGE_MEASURE names the performance measure of each in-browser chart package build. */
export const PACKAGE_MEASURE = 'chart-studio:package';

function fileText(files: readonly ExportChartFile[], path: string): string {
  const f = files.find((x) => x.path === path);
  return f ? decoder.decode(f.data) : '';
}

function chartMeta(files: readonly ExportChartFile[]): { name: string; version: string } {
  const text = fileText(files, 'Chart.yaml');
  const name = /^name:\s*["']?([^"'\s#]+)/m.exec(text)?.[1] ?? 'chart';
  const version = /^version:\s*["']?([^"'\s#]+)/m.exec(text)?.[1] ?? '0.1.0';
  return { name, version };
}

function download(fileName: string, data: Uint8Array | string, type: string): void {
  const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function secretsTree(secrets: Readonly<Record<string, string>>): SecretsTree {
  return secretsValues(secrets) as SecretsTree;
}

function renderError(stderr: string): string {
  return stderr.replace(/^Error: /, '').split('\n')[0] ?? stderr;
}

type ChartKind = ChartReference['kind'];

/** ExportPanel renders the export section of the studio. */
export function ExportPanel(props: ExportPanelProps) {
  const { chartFiles, environment, environments, releaseName, namespace, render } = props;
  const id = useId();
  const meta = useMemo(() => chartMeta(chartFiles), [chartFiles]);
  const schema = useMemo(() => {
    try {
      return JSON.parse(fileText(chartFiles, 'values.schema.json') || '{}') as JsonSchema;
    } catch {
      return {} as JsonSchema;
    }
  }, [chartFiles]);
  const [version, setVersion] = useState(meta.version);
  const [bake, setBake] = useState(false);
  const [helmMajor, setHelmMajor] = useState<3 | 4>(4);
  const [chartKind, setChartKind] = useState<ChartKind>('tgz');
  const [folder, setFolder] = useState(`./chart-template/${meta.name}`);
  const [oci, setOci] = useState(`oci://registry.example/charts/${meta.name}`);
  const [timeout, setTimeoutText] = useState('10m');
  const [dryRun, setDryRun] = useState(false);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const env = environments.find((e) => e.name === environment);
  const secrets = env ? secretsTree(env.secrets) : {};
  const hasSecrets = secretsFileText(secrets, environment) !== null;
  const versionProblem = chartVersionError(version);
  const renderProblem =
    render === null
      ? 'The preview of this environment is still rendering.'
      : render.exitCode !== 0
        ? `The ${environment} values do not render: ${renderError(render.stderr)}`
        : null;

  const chart: ChartReference =
    chartKind === 'tgz'
      ? { kind: 'tgz', name: meta.name, version }
      : chartKind === 'folder'
        ? { kind: 'folder', path: folder }
        : { kind: 'oci', url: oci, version };
  const command = buildHelmCommand({
    release: releaseName,
    namespace,
    environment,
    chart,
    withSecrets: hasSecrets,
    timeout,
    helmMajor,
    dryRun,
  });
  const commandProblem = !command.ok
    ? command.error
    : chartKind !== 'folder' && versionProblem
      ? `Chart version: ${versionProblem}`
      : renderProblem;

  const secretPathsOf = (overlay: string): string[][] => {
    const parsed = parseValues(overlay);
    const paths = SECRET_FIELDS.map((f) => [...f.path]);
    return parsed.ok ? [...paths, ...secretPathsIn(parsed.values)] : paths;
  };

  const valuesFor = (e: ExportEnvironment) =>
    valuesFileText({
      overlayText: e.overlay,
      defaultsText: fileText(chartFiles, 'values.yaml'),
      schema,
      secretPaths: secretPathsOf(e.overlay),
      environment: e.name,
      chartName: meta.name,
    });

  const run = async (label: string, action: () => Promise<string>) => {
    setBusy(label);
    setStatus(null);
    try {
      setStatus({ kind: 'ok', text: await action() });
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
    } finally {
      setBusy(null);
    }
  };

  const refuse = (reason: string | null) => {
    if (reason) throw new Error(reason);
  };

  const downloadChart = () =>
    run('chart', async () => {
      refuse(versionProblem && `Chart version: ${versionProblem}`);
      refuse(bake ? renderProblem : null);
      const { packageChart } = await import('@/lib/gateway/export/package');
      // The build is marked for `npm run bench` (scripts/bench-export.mjs reads PACKAGE_MEASURE).
      const started = performance.now();
      const result = packageChart(chartFiles, {
        version,
        bake: bake && env ? { overlayText: env.overlay, secretPaths: secretPathsOf(env.overlay) } : undefined,
      });
      performance.measure(PACKAGE_MEASURE, { start: started, end: performance.now() });
      if (!result.ok) throw new Error(result.error);
      download(result.fileName, result.bytes, 'application/gzip');
      return `Downloaded ${result.fileName}${bake ? ` with the ${environment} values baked in (no secrets)` : ''}.`;
    });

  const downloadValues = () =>
    run('values', async () => {
      refuse(renderProblem);
      if (!env) throw new Error(`There is no environment named ${environment}.`);
      const r = valuesFor(env);
      if (!r.ok) throw new Error(r.error);
      download(`values.${environment}.yaml`, r.text, 'application/yaml');
      return `Downloaded values.${environment}.yaml.`;
    });

  const downloadSecrets = () =>
    run('secrets', async () => {
      const text = secretsFileText(secrets, environment);
      if (text === null)
        throw new Error(`No secret is set for ${environment}: fill in the Secrets section first.`);
      download(`secrets.${environment}.yaml`, text, 'application/yaml');
      return `Downloaded secrets.${environment}.yaml. Keep it out of git, or encrypt it with SOPS.`;
    });

  const downloadAll = () =>
    run('all', async () => {
      const files = [];
      for (const e of environments) {
        const r = valuesFor(e);
        if (!r.ok) throw new Error(r.error);
        files.push({ environment: e.name, valuesText: r.text });
      }
      const [{ environmentsZip }, helm] = await Promise.all([
        import('@/lib/gateway/export/bundle'),
        import('@/lib/helm'),
      ]);
      const loaded = helm.loadChart([...chartFiles]);
      for (const e of environments) {
        const secretText = secretsFileText(secretsTree(e.secrets), e.name);
        const result = helm.helmTemplate(loaded, {
          releaseName,
          namespace,
          valueFiles: secretText ? [e.overlay, secretText] : [e.overlay],
        });
        if (result.exitCode !== 0)
          throw new Error(`The ${e.name} values do not render: ${renderError(result.stderr)}`);
      }
      const zip = await environmentsZip(files, {
        release: releaseName,
        namespace,
        chart,
        helmMajor,
        timeout,
      });
      download(`${meta.name}-environments.zip`, zip, 'application/zip');
      return `Downloaded ${meta.name}-environments.zip with ${files.length} values files, a .gitignore and a README.`;
    });

  const copyCommand = () =>
    run('copy', async () => {
      refuse(commandProblem);
      if (!command.ok) throw new Error(command.error);
      try {
        await navigator.clipboard.writeText(command.command);
      } catch {
        throw new Error('The clipboard is not available here: select the command above and copy it.');
      }
      return 'Copied the helm command.';
    });

  return (
    <section className={styles.export} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Export {environment}</h2>
      <div className={styles.row}>
        <div className="field">
          <label htmlFor={`${id}-version`}>Chart version</label>
          <input
            id={`${id}-version`}
            value={version}
            onChange={(e) => setVersion(e.target.value.trim())}
            aria-invalid={versionProblem ? true : undefined}
            aria-describedby={versionProblem ? `${id}-version-error` : undefined}
            spellCheck={false}
          />
          {versionProblem ? (
            <p id={`${id}-version-error`} className="field__error">
              {versionProblem}
            </p>
          ) : null}
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={bake} onChange={(e) => setBake(e.target.checked)} />
          Bake the {environment} values into the chart (never the secrets)
        </label>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          onClick={downloadChart}
          disabled={busy !== null}
        >
          Download chart
        </button>
        <button type="button" className="button" onClick={downloadValues} disabled={busy !== null}>
          Download values
        </button>
        <button
          type="button"
          className="button"
          onClick={downloadSecrets}
          disabled={busy !== null}
          aria-describedby={`${id}-secrets-note`}
        >
          Download secrets
        </button>
        <button type="button" className="button" onClick={downloadAll} disabled={busy !== null}>
          Download all environments
        </button>
      </div>
      <p id={`${id}-secrets-note`} className="field__hint">
        {hasSecrets
          ? `secrets.${environment}.yaml is offered on its own, never inside the values file or the bundle.`
          : `No secret is set for ${environment}.`}
      </p>
      {renderProblem && render !== null ? (
        <p className="callout callout--warning" role="note">
          {renderProblem}
        </p>
      ) : null}

      <fieldset className={styles.command}>
        <legend>helm command</legend>
        <div className={styles.row}>
          <div className="field">
            <label htmlFor={`${id}-helm`}>Helm version</label>
            <select
              id={`${id}-helm`}
              value={helmMajor}
              onChange={(e) => setHelmMajor(e.target.value === '3' ? 3 : 4)}
            >
              <option value={4}>Helm 4 (--rollback-on-failure)</option>
              <option value={3}>Helm 3 (--atomic)</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-chart`}>Chart reference</label>
            <select
              id={`${id}-chart`}
              value={chartKind}
              onChange={(e) => setChartKind(e.target.value as ChartKind)}
            >
              <option value="tgz">Packaged chart (.tgz)</option>
              <option value="folder">Chart folder in the repository</option>
              <option value="oci">OCI registry</option>
            </select>
          </div>
          {chartKind === 'folder' ? (
            <div className="field">
              <label htmlFor={`${id}-folder`}>Chart folder</label>
              <input id={`${id}-folder`} value={folder} onChange={(e) => setFolder(e.target.value)} />
            </div>
          ) : null}
          {chartKind === 'oci' ? (
            <div className="field">
              <label htmlFor={`${id}-oci`}>OCI reference</label>
              <input id={`${id}-oci`} value={oci} onChange={(e) => setOci(e.target.value.trim())} />
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={`${id}-timeout`}>Timeout</label>
            <input
              id={`${id}-timeout`}
              value={timeout}
              onChange={(e) => setTimeoutText(e.target.value.trim())}
            />
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
            Dry run
          </label>
        </div>
        {command.ok && !commandProblem ? (
          <pre className={styles.cmd} data-testid="helm-command">
            <code>{command.command}</code>
          </pre>
        ) : (
          <p className="field__error" role="note">
            {commandProblem}
          </p>
        )}
        <button type="button" className="button" onClick={copyCommand} disabled={busy !== null}>
          Copy helm command
        </button>
      </fieldset>
      <p className={styles.status} role="status" aria-live="polite">
        {busy ? 'Working…' : status?.kind === 'ok' ? status.text : ''}
      </p>
      {status?.kind === 'error' ? (
        <p className={`${styles.status} ${styles.error}`} role="alert">
          {status.text}
        </p>
      ) : null}
    </section>
  );
}
