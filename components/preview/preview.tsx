'use client';
/**
 * Preview shows the rendered manifests of the current environment, listed by file and kind with a
 * filter, every document's full text in the page; errors in Helm's words, linked to where they come from.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { RenderFinding, RenderOutput } from './protocol';
import type { RenderClient } from './render-client';
import { splitOutput } from './split-output';
import { type EngineStatus, useEngineStatus, useRenderKey } from './use-renderer';

/** PreviewProps are the props of the Preview. */
export interface PreviewProps {
  status: EngineStatus;
  /** shown is the output on screen: the latest good render (or the latest render when none was good). */
  shown: RenderOutput | null;
  /** failure is the latest render when it failed; its error is shown above the stale output. */
  failure: RenderOutput | null;
  /** pending says the render of the latest edit has been on its way for a while (see SLOW_RENDER_MS). */
  pending: boolean;
  /**
   * waiting says the render of the latest edit has not arrived yet, from the edit on: the status line
   * carries it as `data-pending` (for tests and tools) though it says "Rendering…" only once pending.
   */
  waiting?: boolean;
  /** templateSource returns the text of a chart file for an error excerpt. */
  templateSource(path: string): string | undefined;
  onGoToValue(path: string): void;
  onGoToValuesLine(line: number): void;
}

function slug(s: string): string {
  return s.replace(/[^A-Za-z0-9]+/g, '-');
}

function ErrorExcerpt({ file, line, source }: { file: string; line: number; source: string }) {
  const lines = source.split('\n');
  const from = Math.max(1, line - 2);
  const to = Math.min(lines.length, line + 2);
  return (
    <figure className="error-excerpt">
      <figcaption>
        {file}, line {line}
      </figcaption>
      <pre>
        {lines.slice(from - 1, to).map((l, i) => {
          const n = from + i;
          return (
            <span
              key={n}
              className={n === line ? 'error-excerpt__line error-excerpt__line--hit' : 'error-excerpt__line'}
            >
              <span className="error-excerpt__no">{n}</span>
              {l}
              {'\n'}
            </span>
          );
        })}
      </pre>
    </figure>
  );
}

function RenderErrorView(props: {
  output: RenderOutput;
  templateSource: PreviewProps['templateSource'];
  onGoToValue: PreviewProps['onGoToValue'];
  onGoToValuesLine: PreviewProps['onGoToValuesLine'];
}) {
  const { output } = props;
  const err = output.error;
  const text = output.stderr.trim() || (err ? `Error: ${err.message}` : 'Error: the render failed');
  // The chart's files are named `<chart>/templates/...` in Helm's messages; the studio holds them by chart-relative path.
  const chartPath = err?.file?.replace(/^[^/]+\//, '');
  const source = chartPath ? props.templateSource(chartPath) : undefined;
  const valuesLine = !err?.file && err?.line ? err.line : /line (\d+)/.exec(text)?.[1];
  return (
    <div className="render-error" role="alert" aria-label="Render error">
      <pre className="render-error__message">{text}</pre>
      {err?.stackLimited ? (
        <p className="render-error__note">
          This include recursion ran out of the browser’s stack before Helm’s limit of 1000 levels. If it
          ends, <code>helm template</code> (or <code>chart-studio template</code>) may still render it.
        </p>
      ) : null}
      <div className="button-row">
        {err?.valuePath ? (
          <button type="button" className="button" onClick={() => props.onGoToValue(err.valuePath ?? '')}>
            Go to {err.valuePath}
          </button>
        ) : null}
        {valuesLine && !err?.file ? (
          <button type="button" className="button" onClick={() => props.onGoToValuesLine(Number(valuesLine))}>
            Go to line {valuesLine} of the values
          </button>
        ) : null}
      </div>
      {err?.file && err.line && source !== undefined ? (
        <ErrorExcerpt file={err.file} line={err.line} source={source} />
      ) : null}
    </div>
  );
}

function Findings({ findings }: { findings: readonly RenderFinding[] }) {
  if (findings.length === 0) return null;
  return (
    <ul className="findings" aria-label="Checks">
      {findings.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: findings have no identity beyond their order.
        <li key={i} className="finding">
          <span className="badge badge--warning">warning</span> {f.rule ? <code>{f.rule}</code> : null}{' '}
          {f.message}
        </li>
      ))}
    </ul>
  );
}

/** ManifestDoc is one document of the output; it re-renders only when its text, findings or visibility change. */
const ManifestDoc = memo(function ManifestDoc(props: {
  id: string;
  kind: string;
  name: string;
  text: string;
  hidden: boolean;
  findings: readonly RenderFinding[];
}) {
  return (
    <article
      id={props.id}
      className="manifest"
      hidden={props.hidden}
      aria-label={`${props.kind} ${props.name}`}
    >
      <Findings findings={props.findings} />
      <pre className="manifest__text" data-testid="manifest-text">
        {props.text}
      </pre>
    </article>
  );
});

const noFindings: readonly RenderFinding[] = [];

/** Preview renders the status line, the error (if any), the filter, the manifest list and the documents. */
export const Preview = memo(function Preview(props: PreviewProps) {
  const { status, shown, failure, pending } = props;
  const [filter, setFilter] = useState('');
  // Split once per output text: the findings arriving later for the same text do not split it again.
  const stdout = shown?.exitCode === 0 ? shown.stdout : '';
  const docs = useMemo(
    () =>
      splitOutput(stdout).map((d, i) => ({
        ...d,
        id: `doc-${i}-${slug(d.source)}`,
      })),
    [stdout],
  );
  const needle = filter.trim().toLowerCase();
  const visible = (d: (typeof docs)[number]) =>
    needle === '' || `${d.source} ${d.kind} ${d.name}`.toLowerCase().includes(needle);
  const shownCount = docs.filter(visible).length;
  const stale = failure !== null && shown !== null && shown !== failure && shown.exitCode === 0;
  const allFindings = shown?.findings ?? noFindings;
  // Each document's findings, the same empty list when it has none (so its ManifestDoc is not re-rendered).
  const docFindings = useMemo(
    () =>
      docs.map((d) => {
        const list = allFindings.filter(
          (f) =>
            (f.path === d.source || d.source.endsWith(f.path)) &&
            (!f.kind || f.kind === d.kind) &&
            (!f.name || f.name === d.name),
        );
        return list.length === 0 ? noFindings : list;
      }),
    [docs, allFindings],
  );

  let statusText: string;
  if (status.state === 'unavailable') statusText = `Render engine unavailable: ${status.message}`;
  else if (pending) statusText = status.state === 'loading' ? 'Render engine loading…' : 'Rendering…';
  else if (stale) statusText = 'Stale: showing the last good render; the current values do not render.';
  else if (failure) statusText = 'The values do not render.';
  else if (shown) statusText = `Rendered ${docs.length} documents.`;
  else statusText = 'Waiting for the first render…';
  // The render time changes with every keystroke, so the visible line (with the time) is not the live
  // region: a screen reader hears the state sentence below, which changes only with the state.
  const shownText =
    shown && !pending && !failure && status.state !== 'unavailable'
      ? `Rendered ${docs.length} documents in ${shown.ms.toFixed(1)} ms.`
      : statusText;

  return (
    <section className={`preview${stale ? ' preview--stale' : ''}`} aria-labelledby="preview-title">
      <div className="preview__head">
        <h2 id="preview-title">Preview</h2>
        <p
          className={`preview__status preview__status--${status.state}`}
          data-testid="preview-status"
          data-engine={status.state}
          data-pending={(props.waiting ?? pending) ? 'true' : 'false'}
        >
          {shownText}
        </p>
        <p className="visually-hidden" role="status">
          {statusText}
        </p>
      </div>
      {failure ? (
        <RenderErrorView
          output={failure}
          templateSource={props.templateSource}
          onGoToValue={props.onGoToValue}
          onGoToValuesLine={props.onGoToValuesLine}
        />
      ) : null}
      <div className="preview__tools">
        <label htmlFor="manifest-filter">Filter manifests</label>
        <input
          id="manifest-filter"
          type="search"
          value={filter}
          placeholder="file, kind or name"
          onChange={(e) => setFilter(e.target.value)}
        />
        <button
          type="button"
          className="button"
          disabled={shown?.exitCode !== 0}
          onClick={() => void navigator.clipboard.writeText(shown?.stdout ?? '')}
        >
          Copy all
        </button>
      </div>
      <nav aria-label="Manifests" className="manifest-index">
        <details open>
          <summary className="manifest-index__summary">
            {shownCount} of {docs.length} manifests
          </summary>
          <ul>
            {docs.map((d) =>
              visible(d) ? (
                <li key={d.id}>
                  <a href={`#${d.id}`}>
                    <span className="manifest-index__kind">{d.kind || 'document'}</span> {d.name}{' '}
                    <span className="manifest-index__file">{d.source}</span>
                  </a>
                </li>
              ) : null,
            )}
          </ul>
        </details>
      </nav>
      <section
        className="manifests"
        aria-label="Rendered manifests"
        data-stale={stale ? 'true' : 'false'}
        aria-describedby="preview-title"
      >
        {docs.length > 0 && shownCount === 0 ? (
          <p className="manifests__empty" role="status">
            No manifest matches “{filter.trim()}” (the filter looks at file, kind and name).
          </p>
        ) : null}
        {docs.map((d, i) => (
          <ManifestDoc
            key={d.id}
            id={d.id}
            kind={d.kind}
            name={d.name}
            text={d.text}
            hidden={!visible(d)}
            findings={docFindings[i] ?? noFindings}
          />
        ))}
      </section>
    </section>
  );
});

/** LivePreviewProps are the props of the LivePreview. */
export type LivePreviewProps = Omit<PreviewProps, 'status' | 'shown' | 'failure' | 'pending' | 'waiting'> & {
  client: RenderClient;
};

/**
 * LivePreview is the Preview of the render client's current environment. It subscribes to the client
 * itself, so a render result re-renders the preview alone, synchronously in the worker message's task.
 * The last good render of each environment stays on screen while its values fail, marked stale.
 */
export const LivePreview = memo(function LivePreview({ client, ...props }: LivePreviewProps) {
  const status = useEngineStatus(client);
  const { requested, result } = useRenderKey(client, 'current');
  const lastGood = useRef<Record<string, RenderOutput>>({});
  if (result && result.output.exitCode === 0) lastGood.current[result.env] = result.output;
  const env = requested?.env ?? result?.env;
  const current = result && result.env === env ? result.output : null;
  const failure = current && current.exitCode !== 0 ? current : null;
  const shown = (env !== undefined ? lastGood.current[env] : undefined) ?? failure;
  const waiting = requested !== null && requested.id !== result?.id;
  const pending = useDelayedFlag(waiting, SLOW_RENDER_MS);
  return (
    <Preview {...props} status={status} shown={shown} failure={failure} pending={pending} waiting={waiting} />
  );
});

/**
 * SLOW_RENDER_MS is how long a render may take before the preview says "Rendering…": a render that
 * comes back sooner (nearly all of them) changes nothing on screen but the manifests, so the status
 * line does not flicker and is not re-announced with every keystroke.
 */
export const SLOW_RENDER_MS = 250;

/** useDelayedFlag is `flag` once it has been true for `ms` without a break; false at once when it ends. */
function useDelayedFlag(flag: boolean, ms: number): boolean {
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (!flag) {
      setLate(false);
      return;
    }
    const timer = setTimeout(() => setLate(true), ms);
    return () => clearTimeout(timer);
  }, [flag, ms]);
  return flag && late;
}
