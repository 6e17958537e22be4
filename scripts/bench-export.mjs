#!/usr/bin/env node
// bench-export.mjs measures how long the studio takes to build the chart .tgz in the browser
// ("Download chart": Chart.yaml version, tar, gzip), from the page's own performance measures.
// It needs a running production build: BASE_URL=http://127.0.0.1:PORT node scripts/bench-export.mjs
// (scripts/bench.mjs starts one and calls this script). Prints one line per figure.
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from './chromium.mjs';

const MEASURE = 'chart-studio:package';
const BUILDS = Number(process.env.BENCH_EXPORT_BUILDS ?? 20);
const baseUrl = process.env.BASE_URL;
if (!baseUrl) {
  console.error('bench-export: set BASE_URL to a running studio (npm run build && npm start)');
  process.exit(2);
}

const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(baseUrl);
  const button = page.getByRole('button', { name: 'Download chart', exact: true });
  // The tab only switches once the page is hydrated: click until the panel shows.
  for (let i = 0; !(await button.isVisible()); i++) {
    if (i > 100) throw new Error('the Export tab did not open');
    await page.getByRole('tab', { name: 'Export', exact: true }).click();
    await page.waitForTimeout(100);
  }
  for (let i = 0; i < BUILDS + 1; i++) {
    await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), button.click()]).catch((e) => {
      throw new Error(`build ${i + 1}: ${e.message.split('\n')[0]}`);
    });
    // Chromium throttles downloads that follow each other too closely.
    await page.waitForTimeout(400);
  }
  const durations = await page.evaluate(
    (name) => performance.getEntriesByName(name).map((e) => e.duration),
    MEASURE,
  );
  if (durations.length !== BUILDS + 1)
    throw new Error(`expected ${BUILDS + 1} measures, got ${durations.length}`);
  const [first, ...rest] = durations;
  rest.sort((a, b) => a - b);
  const at = (p) => rest[Math.min(rest.length - 1, Math.ceil((p / 100) * rest.length) - 1)];
  const ms = (v) => `${v.toFixed(2)} ms`;
  console.log(`.tgz build, first (cold code): ${ms(first)}`);
  console.log(`.tgz build p50 over ${rest.length}: ${ms(at(50))}`);
  console.log(`.tgz build p95 over ${rest.length}: ${ms(at(95))}`);
} finally {
  await browser.close();
}
