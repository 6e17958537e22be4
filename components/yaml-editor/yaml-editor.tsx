'use client';
/**
 * YamlEditor shows the environment's values YAML: a plain text area at once, replaced by Monaco
 * (loaded lazily, never in the way of the form or the preview) as soon as it is ready.
 */
import dynamic from 'next/dynamic';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useDraft } from '@/components/values-form/use-draft';
import type { YamlEditorProps, YamlProblemMarker } from './types';

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

  useEffect(() => {
    // Monaco starts loading once the page is idle, after the form and the first preview.
    const w = window as Window & {
      requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number;
    };
    if (w.requestIdleCallback) w.requestIdleCallback(() => setLoadMonaco(true), { timeout: 1500 });
    else setTimeout(() => setLoadMonaco(true), 300);
  }, []);

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
