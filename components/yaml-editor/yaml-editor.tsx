'use client';
/**
 * YamlEditor shows the environment's values YAML: a plain text area at once, replaced by Monaco
 * (loaded lazily, never in the way of the form or the preview) as soon as it is ready.
 */
import dynamic from 'next/dynamic';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useDraft } from '@/components/values-form/use-draft';
import type { YamlEditorProps, YamlProblemMarker } from './types';

/** MONACO_AFTER_PAUSE_MS is the pause in the edits after which Monaco starts loading. */
const MONACO_AFTER_PAUSE_MS = 600;

const MonacoView = dynamic(() => import('./monaco-view'), { ssr: false, loading: () => null });

/** YamlEditor renders the editor with its list of YAML errors, each a link to its line. */
export const YamlEditor = memo(function YamlEditor(
  props: YamlEditorProps & { problems: readonly YamlProblemMarker[] },
) {
  const { problems, ...editorProps } = props;
  const [monacoReady, setMonacoReady] = useState(false);
  const [loadMonaco, setLoadMonaco] = useState(false);
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const { handleRef } = editorProps;
  // The studio's text follows a keystroke a frame or two later; the text area keeps what was typed.
  const [draft, edit] = useDraft(editorProps.value);

  // Monaco starts loading when the page is idle and the user has paused typing for a moment (its loading
  // and start-up are long tasks that would hold up the preview of a keystroke), or at once when the user
  // comes to the editor.
  const value = editorProps.value;
  // biome-ignore lint/correctness/useExhaustiveDependencies: every new text (an edit) restarts the wait.
  useEffect(() => {
    if (loadMonaco) return;
    const w = window as Window & {
      requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number;
      cancelIdleCallback?: (id: number) => void;
    };
    let idle: number | null = null;
    const timer = setTimeout(() => {
      if (w.requestIdleCallback) idle = w.requestIdleCallback(() => setLoadMonaco(true), { timeout: 1500 });
      else setLoadMonaco(true);
    }, MONACO_AFTER_PAUSE_MS);
    return () => {
      clearTimeout(timer);
      if (idle !== null) w.cancelIdleCallback?.(idle);
    };
  }, [value, loadMonaco]);

  useEffect(() => {
    if (monacoReady) return;
    handleRef.current = {
      revealLine(line) {
        const el = textarea.current;
        if (!el) return;
        const lines = el.value.split('\n');
        const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
        el.focus();
        el.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
      },
    };
  }, [monacoReady, handleRef]);

  const onReady = useCallback(() => setMonacoReady(true), []);

  return (
    <div className="yaml-editor">
      <div
        className="yaml-editor__surface"
        data-testid="yaml-editor"
        data-monaco-ready={monacoReady ? 'true' : 'false'}
      >
        {loadMonaco ? <MonacoView {...editorProps} onReady={onReady} /> : null}
        {monacoReady ? null : (
          <textarea
            ref={textarea}
            className="yaml-editor__fallback"
            aria-label={editorProps.label}
            spellCheck={false}
            value={draft}
            onChange={(e) => {
              edit(e.target.value);
              editorProps.onChange(e.target.value);
            }}
            onFocus={() => setLoadMonaco(true)}
            onPointerEnter={() => setLoadMonaco(true)}
            onKeyDown={(e) => {
              const mod = e.ctrlKey || e.metaKey;
              if (mod && e.key.toLowerCase() === 'z') {
                e.preventDefault();
                if (e.shiftKey) editorProps.onRedo();
                else editorProps.onUndo();
              } else if (mod && e.key.toLowerCase() === 'y') {
                e.preventDefault();
                editorProps.onRedo();
              }
            }}
          />
        )}
      </div>
      {problems.length > 0 ? (
        <div className="yaml-editor__problems" role="alert">
          <p>
            The YAML does not parse; the form waits and the preview shows the last good render until it is
            fixed.
          </p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.line}:${p.col}:${p.message}`}>
                <button
                  type="button"
                  className="link"
                  onClick={() => handleRef.current?.revealLine(p.line, p.col)}
                >
                  Line {p.line}, column {p.col}
                </button>
                : {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
});
