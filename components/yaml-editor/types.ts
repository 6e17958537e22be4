/** The YAML editor's props and the handle the studio uses to move the cursor. */

/** YamlProblemMarker is a YAML error to show at its line. */
export interface YamlProblemMarker {
  message: string;
  line: number;
  col: number;
}

/** YamlEditorHandle lets the studio reveal a line (from an error link). */
export interface YamlEditorHandle {
  revealLine(line: number, col?: number): void;
}

/** YamlEditorProps are the props of both the Monaco editor and its plain fallback. */
export interface YamlEditorProps {
  /** modelPath names the document (one per environment), e.g. `file:///dev/values.yaml`. */
  modelPath: string;
  value: string;
  onChange(text: string): void;
  onUndo(): void;
  onRedo(): void;
  /** schema is the chart's values.schema.json, for validation, hover and completion. */
  schema: unknown;
  label: string;
  handleRef: { current: YamlEditorHandle | null };
}
