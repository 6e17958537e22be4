'use client';
/**
 * Studio is the whole studio: release and environments on top, the form and the YAML editor as two views
 * of the same values, and the preview (or the changes, or a comparison) beside them.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ExportPanel } from '@/components/export';
import { LivePreview } from '@/components/preview/preview';
import type { RenderClient } from '@/components/preview/render-client';
import { useRenderClient, useRenderKey } from '@/components/preview/use-renderer';
import { fieldId } from '@/components/values-form/field';
import { SecretsSection } from '@/components/values-form/secrets-section';
import { DraftEpoch } from '@/components/values-form/use-draft';
import { ValuesForm } from '@/components/values-form/values-form';
import type { YamlEditorHandle } from '@/components/yaml-editor/types';
import { YamlEditor } from '@/components/yaml-editor/yaml-editor';
import {
  dotted,
  envRows,
  extractSecrets,
  mergeValues,
  OverlayEditError,
  type PlainMap,
  parseValues,
  secretPathsIn,
  validateGatewayValues,
} from '@/lib/gateway';
import { currentEnvironment, encodeShare, hiddenHistoryChange } from '@/lib/studio';
import { ChangesView } from './changes-view';
import { chartBytes, chartText, type SerializedChartFile } from './chart-files';
import { CompareView } from './compare-view';
import { EnvironmentTabs } from './environment-tabs';
import type { InitialRender } from './initial-render';
import { ReleaseFields } from './release-fields';
import { renderOptions, stripSecrets } from './seed';
import { useStudio } from './use-studio';

const noProblems: never[] = [];
const noIssues: Readonly<Record<string, string>> = {};

/** TEXT_INPUT_TYPES are the input types whose text the browser's own undo edits. */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'password', 'url', 'email', 'tel', 'number']);

/**
 * keepsOwnUndo reports whether Ctrl+Z in `el` belongs to the browser: a text field whose text is not in
 * the studio's history (the manifest filter, a secret, a new environment's name, the chart version).
 * The fields of the values and the release (marked `data-history`) undo through the studio.
 */
function keepsOwnUndo(el: HTMLElement | null): boolean {
  if (!el || el.closest('[data-history]')) return false;
  if (el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(el.type);
}

type SideTab = 'preview' | 'changes' | 'compare' | 'export';

/** Studio renders the studio for the chart files read on the server. */
export function Studio({
  chartFiles,
  initialRender,
}: {
  chartFiles: SerializedChartFile[];
  initialRender: InitialRender | null;
}) {
  const bytes = useMemo(() => chartBytes(chartFiles), [chartFiles]);
  const client = useRenderClient(bytes, initialRender);
  const { state, truth, dispatch, defaults, restored, epoch } = useStudio(chartFiles, client);
  const { doc } = state;
  const env = currentEnvironment(doc);
  const editor = useRef<YamlEditorHandle | null>(null);
  const [tab, setTab] = useState<SideTab>('preview');
  const [compare, setCompare] = useState<{ left: string; right: string }>({ left: 'dev', right: 'prod' });
  const [shareUrl, setShareUrl] = useState<string | null>(null);
  const [importNote, setImportNote] = useState<string | null>(null);
  // What the last undo or redo changed in an environment out of view (it leaves the view where it is).
  const [historyNote, setHistoryNote] = useState<string | null>(null);
  // Why the last form edit could not be made in the YAML text; it stays until an edit succeeds.
  const [editNote, setEditNote] = useState<string | null>(null);
  const editNoteShown = useRef(false);
  const schema = useMemo(() => {
    const text = chartText(chartFiles, 'values.schema.json');
    try {
      return text ? (JSON.parse(text) as unknown) : null;
    } catch {
      return null;
    }
  }, [chartFiles]);

  // The form, its schema checks and the YAML problems render React's copy of the state, which follows a
  // keystroke once its preview is painted (see useStudio).
  const parsed = useMemo(() => parseValues(env.overlay), [env.overlay]);
  const values = useMemo(() => (parsed.ok ? mergeValues(defaults, parsed.values) : null), [parsed, defaults]);
  const lastGoodValues = useRef<{ env: string; values: PlainMap } | null>(null);
  if (values) lastGoodValues.current = { env: env.name, values };
  const formValues =
    values ??
    (lastGoodValues.current?.env === env.name ? lastGoodValues.current.values : mergeValues(defaults, {}));
  const issues = useMemo(() => {
    if (!values) return noIssues;
    const result = validateGatewayValues(values);
    if (result.ok) return noIssues;
    const out: Record<string, string> = {};
    for (const i of result.issues) out[i.path] ??= i.message;
    return out;
  }, [values]);
  const secretsInOverlay = useMemo(
    () => (parsed.ok ? secretPathsIn(parsed.values).map(dotted) : []),
    [parsed],
  );
  const envSecrets = state.secrets[env.name];
  const plainNames = useMemo(() => envRows(formValues).map((r) => r.name), [formValues]);

  // Comparison renders, only while the comparison is open.
  const envNames = doc.envs.map((e) => e.name);
  const compareLeft = envNames.includes(compare.left) ? compare.left : envNames[0]!;
  const compareRight = envNames.includes(compare.right) ? compare.right : envNames[envNames.length - 1]!;
  useEffect(() => {
    if (tab !== 'compare') return;
    for (const [key, name] of [
      ['compare:left', compareLeft],
      ['compare:right', compareRight],
    ] as const) {
      const e = doc.envs.find((x) => x.name === name);
      if (!e) continue;
      client.request(key, renderOptions(doc, name, state.secrets[name]), name);
    }
  }, [tab, compareLeft, compareRight, doc, state.secrets, client]);
  const compareLeftState = useRenderKey(client, 'compare:left');
  const compareRightState = useRenderKey(client, 'compare:right');

  // Edits read the truth (the state as of the last keystroke), never React's copy, which may trail it.
  const onEdit = useCallback(
    (key: string, edit: (text: string) => string) => {
      const { name, overlay } = currentEnvironment(truth.current.doc);
      let next: string;
      try {
        next = edit(overlay);
      } catch (err) {
        // Invalid YAML: the form is disabled until it parses, nothing to say.
        if (err instanceof OverlayEditError) return;
        // A text the form cannot rewrite (an anchored value other keys refer to by alias, which the
        // edit would remove): the text stays as it is and the user is told where to make the change.
        const reason = err instanceof Error ? err.message : String(err);
        editNoteShown.current = true;
        setEditNote(
          `The form could not make this change in the YAML (${reason}); make it in the YAML editor.`,
        );
        return;
      }
      if (editNoteShown.current) {
        editNoteShown.current = false;
        setEditNote(null);
      }
      dispatch({ type: 'editOverlay', env: name, overlay: next, key, at: Date.now() }, true);
    },
    [dispatch, truth],
  );
  const onEditorChange = useCallback(
    (text: string) => {
      const { name } = currentEnvironment(truth.current.doc);
      dispatch({ type: 'editOverlay', env: name, overlay: text, key: 'editor', at: Date.now() }, true);
    },
    [dispatch, truth],
  );
  const revealValuesLine = useCallback((line: number) => editor.current?.revealLine(line), []);
  const templateSource = useCallback((path: string) => chartText(chartFiles, path), [chartFiles]);

  const historyStep = useCallback(
    (type: 'undo' | 'redo') => {
      const before = truth.current.doc;
      dispatch({ type });
      const after = truth.current.doc;
      if (after !== before)
        setHistoryNote(hiddenHistoryChange(type === 'undo' ? 'Undo' : 'Redo', before, after));
    },
    [dispatch, truth],
  );
  const undo = useCallback(() => historyStep('undo'), [historyStep]);
  const redo = useCallback(() => historyStep('redo'), [historyStep]);
  // The note goes after a few seconds (a screen reader has announced it by then).
  useEffect(() => {
    if (historyNote === null) return;
    const timer = setTimeout(() => setHistoryNote(null), 8000);
    return () => clearTimeout(timer);
  }, [historyNote]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      const target = e.target as HTMLElement | null;
      // Monaco and the fallback editor handle their own keys (and send them to the same history).
      if (target?.closest('.yaml-editor')) return;
      if (keepsOwnUndo(target)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if ((k === 'z' && e.shiftKey) || k === 'y') {
        e.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  const moveSecrets = useCallback(
    (envName: string, text: string) => {
      const p = parseValues(text);
      if (!p.ok) return text;
      const split = extractSecrets(text, p.values);
      for (const [path, value] of Object.entries(split.secrets)) {
        dispatch({ type: 'setSecret', env: envName, path, value });
      }
      return split.overlay;
    },
    [dispatch],
  );

  const onImport = async (file: File) => {
    // A file saved on Windows has CRLF line endings; the studio's text (and the editor's) uses LF.
    const text = (await file.text()).replace(/\r\n?/g, '\n');
    const p = parseValues(text);
    if (!p.ok) {
      setImportNote(`${file.name} is not a values file: line ${p.errors[0]?.line}: ${p.errors[0]?.message}`);
      return;
    }
    const name = currentEnvironment(truth.current.doc).name;
    const overlay = moveSecrets(name, text);
    dispatch({ type: 'editOverlay', env: name, overlay, key: 'import', at: Date.now() });
    setImportNote(
      `Imported ${file.name} into ${name}${overlay !== text ? '; its secrets moved to the secrets section' : ''}.`,
    );
  };

  const goToValue = useCallback((path: string) => {
    const el = document.getElementById(fieldId(path));
    if (!el) return;
    const details = el.closest('details');
    if (details) details.open = true;
    el.focus();
    el.scrollIntoView({ block: 'center' });
  }, []);

  const share = async () => {
    const url = `${window.location.origin}${window.location.pathname}#${encodeShare(stripSecrets(truth.current.doc))}`;
    setShareUrl(url);
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // The link stays visible in its field to be copied by hand.
    }
  };

  const secretCounts = Object.fromEntries(
    Object.entries(state.secrets).map(([k, v]) => [k, Object.values(v).filter((x) => x !== '').length]),
  );

  return (
    <div className="studio">
      <header className="studio__header">
        <div className="studio__brand">
          <h1>Chart Studio</h1>
          <p className="studio__chart">api-gateway chart</p>
        </div>
        <ReleaseFields
          name={doc.release.name}
          namespace={doc.release.namespace}
          onChange={(field, value) => dispatch({ type: 'setRelease', field, value, at: Date.now() })}
        />
        <div className="studio__actions">
          <button type="button" className="button" onClick={undo} disabled={state.past.length === 0}>
            Undo
          </button>
          <button type="button" className="button" onClick={redo} disabled={state.future.length === 0}>
            Redo
          </button>
          <button type="button" className="button" onClick={share}>
            Copy share link
          </button>
          <label className="button file-button">
            Import values
            <input
              type="file"
              accept=".yaml,.yml,text/yaml,application/yaml"
              className="visually-hidden"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void onImport(f);
                e.target.value = '';
              }}
            />
          </label>
        </div>
        {shareUrl ? (
          <div className="share">
            <label htmlFor="share-url">Share link (no secrets)</label>
            <input id="share-url" readOnly value={shareUrl} onFocus={(e) => e.target.select()} />
          </div>
        ) : null}
        {restored ? (
          <p className="studio__restored" role="status">
            {restored === 'share' ? 'Opened the shared values.' : 'Restored your autosaved work.'}
          </p>
        ) : null}
        {importNote ? (
          <p className="studio__restored" role="status">
            {importNote}
          </p>
        ) : null}
        {historyNote ? (
          <p className="studio__restored" role="status" data-testid="history-note">
            {historyNote}
          </p>
        ) : null}
        {editNote ? (
          <p className="studio__restored" role="status" data-testid="edit-note">
            {editNote}
          </p>
        ) : null}
      </header>
      <main className="studio__main">
        <EnvironmentTabs
          names={envNames}
          current={env.name}
          onSelect={(name) => dispatch({ type: 'selectEnv', name })}
          onAdd={(name, from) => {
            const source = from ? truth.current.doc.envs.find((e) => e.name === from) : undefined;
            const copied = Object.entries((source && truth.current.secrets[source.name]) ?? {});
            // The new environment starts without secrets; then it gets a copy of its source's.
            dispatch({ type: 'addEnv', name, overlay: source?.overlay ?? '' });
            for (const [path, value] of copied) dispatch({ type: 'setSecret', env: name, path, value });
          }}
        />
        <DraftEpoch.Provider value={epoch}>
          <div
            id="env-panel"
            role="tabpanel"
            aria-labelledby={`env-tab-${env.name}`}
            className="studio__panes"
          >
            <section className="pane pane--form" aria-labelledby="form-title">
              <h2 id="form-title">Values of {env.name}</h2>
              {parsed.ok ? null : (
                <p className="callout callout--warning" role="status">
                  The form waits until the YAML parses again; nothing is lost.
                </p>
              )}
              <ValuesForm
                values={formValues}
                defaults={defaults}
                issues={issues}
                disabled={!parsed.ok}
                onEdit={onEdit}
              />
              <SecretsSection
                env={env.name}
                secrets={envSecrets ?? {}}
                inOverlay={secretsInOverlay}
                plainNames={plainNames}
                onSecret={(path, value) => dispatch({ type: 'setSecret', env: env.name, path, value })}
                onMoveFromOverlay={() => onEdit('secrets:move', (text) => moveSecrets(env.name, text))}
              />
            </section>
            <section className="pane pane--yaml" aria-labelledby="yaml-title">
              <h2 id="yaml-title">values.{env.name}.yaml</h2>
              <YamlEditor
                modelPath={`file:///${env.name}/values.yaml`}
                value={env.overlay}
                onChange={onEditorChange}
                onUndo={undo}
                onRedo={redo}
                schema={schema}
                label={`Values YAML of ${env.name}`}
                handleRef={editor}
                problems={parsed.ok ? noProblems : parsed.errors}
              />
            </section>
            <section className="pane pane--side" aria-label="Output">
              <div role="tablist" aria-label="Output views" className="side-tabs">
                {(
                  [
                    ['preview', 'Preview'],
                    ['changes', 'Changes from defaults'],
                    ['compare', 'Compare environments'],
                    ['export', 'Export'],
                  ] as const
                ).map(([id, label]) => (
                  <button
                    key={id}
                    type="button"
                    role="tab"
                    aria-selected={tab === id}
                    className="side-tabs__tab"
                    onClick={() => setTab(id)}
                  >
                    {label}
                  </button>
                ))}
              </div>
              {tab === 'preview' ? (
                <LivePreview
                  client={client}
                  templateSource={templateSource}
                  onGoToValue={goToValue}
                  onGoToValuesLine={revealValuesLine}
                />
              ) : null}
              {tab === 'changes' ? (
                <ChangesView envs={doc.envs} defaults={defaults} secretCounts={secretCounts} />
              ) : null}
              {tab === 'export' ? (
                <LiveExportPanel
                  client={client}
                  chartFiles={bytes}
                  environment={env.name}
                  environments={doc.envs.map((e) => ({
                    name: e.name,
                    overlay: e.overlay,
                    secrets: state.secrets[e.name] ?? {},
                  }))}
                  releaseName={doc.release.name}
                  namespace={doc.release.namespace}
                />
              ) : null}
              {tab === 'compare' ? (
                <CompareView
                  envNames={envNames}
                  left={compareLeft}
                  right={compareRight}
                  onPick={(side, name) => setCompare((c) => ({ ...c, [side]: name }))}
                  leftOutput={compareLeftState.result?.output ?? null}
                  rightOutput={compareRightState.result?.output ?? null}
                />
              ) : null}
            </section>
          </div>
        </DraftEpoch.Provider>
      </main>
    </div>
  );
}

/** LiveExportPanel is the export panel with the current environment's latest render (null while pending). */
function LiveExportPanel({
  client,
  ...props
}: Omit<React.ComponentProps<typeof ExportPanel>, 'render'> & { client: RenderClient }) {
  const { requested, result } = useRenderKey(client, 'current');
  const fresh = result && requested && result.id === requested.id ? result.output : null;
  return <ExportPanel {...props} render={fresh} />;
}
