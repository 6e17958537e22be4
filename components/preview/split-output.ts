/** Splitting `helm template` output into its documents, each an exact slice of the text. */

/** OutputDocument is one document of the output: its exact text and what it describes. */
export interface OutputDocument {
  /** text is the document as printed, from its `---` line through its final newline. */
  text: string;
  source: string;
  kind: string;
  name: string;
}

/**
 * splitOutput cuts the output at each `---` line followed by a `# Source:` line, so that the documents'
 * texts joined give the output back exactly.
 */
export function splitOutput(stdout: string): OutputDocument[] {
  if (stdout === '') return [];
  const starts: number[] = [];
  const re = /^---\n# Source: /gm;
  for (let m = re.exec(stdout); m; m = re.exec(stdout)) starts.push(m.index);
  if (starts[0] !== 0) starts.unshift(0);
  return starts.map((start, i) => {
    const text = stdout.slice(start, starts[i + 1] ?? stdout.length);
    const source = /^# Source: (.*)$/m.exec(text)?.[1] ?? '';
    const kind = /^kind: *["']?([^"'\s]+)/m.exec(text)?.[1] ?? '';
    const name =
      /^metadata:\n(?:[ ]{2}.*\n|[ ]{4,}.*\n)*?[ ]{2}name: *["']?([^"'\n]*?)["']?\s*$/m.exec(text)?.[1] ?? '';
    return { text, source, kind, name };
  });
}
