import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * chromiumPath is the system Chromium to use: `CHROMIUM_PATH` when set, else `/usr/bin/chromium` when it
 * exists, else undefined (Playwright's own browser, installed with `npx playwright install`).
 */
const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// Without the networking flags Chromium keeps trying to reach Google hosts, which the e2e
// fixtures would (rightly) report as requests to a foreign host.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Playwright configuration: Chromium only, run against BASE_URL (set by `scripts/e2e.mjs`). */
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  use: {
    baseURL: process.env.BASE_URL ?? 'http://127.0.0.1:3000',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumPath ? { executablePath: chromiumPath, args: chromiumArgs } : {},
      },
    },
  ],
});
