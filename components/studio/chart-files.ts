/** Chart files as the server hands them to the browser, and back to bytes for the engine. */

/** SerializedChartFile is a chart file as page props carry it: UTF-8 text, or base64 for binary files. */
export type SerializedChartFile = { path: string; text: string } | { path: string; base64: string };

/** ChartBytes is a chart file as the engine reads it. */
export interface ChartBytes {
  path: string;
  data: Uint8Array;
}

/** chartBytes turns serialized chart files into bytes. */
export function chartBytes(files: readonly SerializedChartFile[]): ChartBytes[] {
  const enc = new TextEncoder();
  return files.map((f) => {
    if ('text' in f) return { path: f.path, data: enc.encode(f.text) };
    const bin = atob(f.base64);
    const data = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
    return { path: f.path, data };
  });
}

/** chartText returns the text of a chart file, or undefined when it is missing or binary. */
export function chartText(files: readonly SerializedChartFile[], path: string): string | undefined {
  const f = files.find((x) => x.path === path);
  return f && 'text' in f ? f.text : undefined;
}
