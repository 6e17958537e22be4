'use client';
/**
 * MonacoView is the Monaco editor with monaco-yaml and the chart's values schema, bundled with the app:
 * Monaco comes from the local monaco-editor package, its workers from this folder, nothing from a CDN.
 */
import { Editor, loader, type OnMount } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import { configureMonacoYaml, type JSONSchema, type MonacoYamlOptions } from 'monaco-yaml';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { YamlEditorProps } from './types';

// Without this, @monaco-editor/react loads Monaco from a CDN.
loader.config({ monaco });

const monacoGlobal = globalThis as unknown as {
  MonacoEnvironment?: { getWorker(moduleId: string, label: string): Worker };
};
monacoGlobal.MonacoEnvironment = {
  getWorker(_moduleId, label) {
    if (label === 'yaml') return new Worker(new URL('./yaml.worker.ts', import.meta.url));
    return new Worker(new URL('./editor.worker.ts', import.meta.url));
  },
};

// One options object for the editor's life: @monaco-editor/react calls updateOptions (a full
// configuration merge, several ms) whenever it receives a different object.
const baseOptions: monaco.editor.IStandaloneEditorConstructionOptions = {
  minimap: { enabled: false },
  tabSize: 2,
  insertSpaces: true,
  scrollBeyondLastLine: false,
  automaticLayout: true,
  fontSize: 13,
  wordWrap: 'on',
  quickSuggestions: { other: true, comments: false, strings: true },
  accessibilitySupport: 'auto',
  // A key typed after a completion appeared must not accept it.
  acceptSuggestionOnCommitCharacter: false,
  tabFocusMode: false,
};

let yamlConfigured: ReturnType<typeof configureMonacoYaml> | null = null;

function configureYaml(schema: unknown) {
  const options: MonacoYamlOptions = {
    enableSchemaRequest: false,
    hover: true,
    completion: true,
    validate: true,
    schemas: [
      {
        uri: 'inmemory://chart/values.schema.json',
        fileMatch: ['**/values.yaml'],
        schema: schema as JSONSchema,
      },
    ],
  };
  if (yamlConfigured) yamlConfigured.update(options);
  else yamlConfigured = configureMonacoYaml(monaco, options);
}

function useDarkMode(): boolean {
  const [dark, setDark] = useState(false);
  useEffect(() => {
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    setDark(mq.matches);
    const on = (e: MediaQueryListEvent) => setDark(e.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return dark;
}

/**
 * toLf gives a model LF line endings. Monaco gives an empty model the platform's (CRLF under a Windows
 * user agent); the studio's text and the values files it writes use LF, and a CRLF model would never
 * equal them. `applying` marks the change as the studio's own, not an edit to send back.
 */
function toLf(model: monaco.editor.ITextModel | null, applying: { current: boolean }): void {
  if (!model || model.getEOL() === '\n') return;
  applying.current = true;
  try {
    model.setEOL(monaco.editor.EndOfLineSequence.LF);
  } finally {
    applying.current = false;
  }
}

/** MonacoView renders the editor; `onReady` fires once it is mounted. */
export default function MonacoView(props: YamlEditorProps & { onReady(): void }) {
  const { modelPath, value, onChange, schema, label, handleRef, onReady } = props;
  const dark = useDarkMode();
  const editorOptions = useMemo(() => ({ ...baseOptions, ariaLabel: label }), [label]);
  const actions = useRef(props);
  actions.current = props;
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // Texts this editor sent up that the studio has not echoed back yet. The echo of an older keystroke
  // can arrive after newer ones; writing it into the model would drop what was typed since.
  const emitted = useRef(new Set<string>());
  /** applying is set while the studio's text is written into the model. */
  const applying = useRef(false);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!editorRef.current || !model || model.uri.toString() !== monaco.Uri.parse(modelPath).toString())
      return;
    toLf(model, applying);
    if (value === model.getValue()) {
      emitted.current.clear();
      return;
    }
    if (emitted.current.has(value)) return;
    emitted.current.clear();
    // An edit from the form, an undo or an import: applied as an edit so the cursor and view stay put.
    // Only the changed middle is replaced, so Monaco re-tokenizes a line or two, not the whole file.
    const current = model.getValue();
    let start = 0;
    while (start < current.length && start < value.length && current[start] === value[start]) start++;
    let end = 0;
    while (
      end < current.length - start &&
      end < value.length - start &&
      current[current.length - 1 - end] === value[value.length - 1 - end]
    ) {
      end++;
    }
    const from = model.getPositionAt(start);
    const to = model.getPositionAt(current.length - end);
    const range = new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column);
    // The studio's own text is not an edit to send back: React's copy can trail the studio's state by a
    // frame, and echoing it would undo the newer edits (a host typed in the form just before).
    applying.current = true;
    try {
      editorRef.current.executeEdits('studio', [{ range, text: value.slice(start, value.length - end) }]);
    } finally {
      applying.current = false;
    }
    editorRef.current.pushUndoStop();
  }, [value, modelPath]);

  useEffect(() => configureYaml(schema), [schema]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    toLf(editor.getModel(), applying);
    // Undo and redo go to the studio's history, which spans the form and the editor.
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, () => actions.current.onUndo());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, () =>
      actions.current.onRedo(),
    );
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, () => actions.current.onRedo());
    handleRef.current = {
      revealLine(line, col = 1) {
        editor.revealLineInCenter(line);
        editor.setPosition({ lineNumber: line, column: col });
        editor.focus();
      },
    };
    (globalThis as unknown as { __studioMonaco?: typeof monaco }).__studioMonaco = monaco;
    onReady();
  };

  return (
    <Editor
      path={modelPath}
      defaultValue={value}
      language="yaml"
      theme={dark ? 'vs-dark' : 'vs'}
      onChange={(text) => {
        if (applying.current) return;
        const t = text ?? '';
        emitted.current.add(t);
        onChange(t);
      }}
      onMount={onMount}
      options={editorOptions}
      loading={null}
    />
  );
}
