import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Studio } from '@/components/studio';
import type { SerializedChartFile } from '@/components/studio/chart-files';
import { initialRender } from '@/components/studio/initial-render';

const chartRoot = join(process.cwd(), 'chart-template', 'api-gateway');

// readChart reads every file of the chart folder at build time, paths relative to the chart root.
function readChart(dir: string, out: SerializedChartFile[] = []): SerializedChartFile[] {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) readChart(full, out);
    else if (entry.isFile()) {
      const bytes = readFileSync(full);
      const path = relative(chartRoot, full).split(sep).join('/');
      let text: string | undefined;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        text = undefined;
      }
      out.push(text === undefined ? { path, base64: bytes.toString('base64') } : { path, text });
    }
  }
  return out;
}

export default function Page() {
  const files = readChart(chartRoot);
  // The starting state is rendered here at build time, so the first preview needs no JavaScript.
  return <Studio chartFiles={files} initialRender={initialRender(files)} />;
}
