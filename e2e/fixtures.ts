import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { type Browser, test as base, expect, type Page } from '@playwright/test';

/** LOCAL_HOSTS are the only hosts a page of the studio may talk to. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** isLocalUrl reports whether a request URL stays on this machine (or never leaves the page). */
export function isLocalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') return true;
  return LOCAL_HOSTS.has(parsed.hostname);
}

/**
 * pageElsewhere opens a page in a new browser context (another browser, in effect: no storage shared),
 * with requests to hosts other than localhost aborted as in every test.
 */
export async function pageElsewhere(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/*', (route) => (isLocalUrl(route.request().url()) ? route.fallback() : route.abort()));
  return page;
}

/** StudioFixtures are the fixtures every e2e test gets. */
export interface StudioFixtures {
  /** foreignRequests lists every request the page tried to send to a host other than localhost (all aborted). */
  foreignRequests: string[];
  /** consoleErrors lists console errors and uncaught page errors seen during the test. */
  consoleErrors: string[];
  /** allowedConsoleErrors are patterns of console errors a test expects (set with `test.use`). */
  allowedConsoleErrors: RegExp[];
  /** offlineGuard is the automatic fixture that enforces the two rules above. */
  offlineGuard: undefined;
}

/**
 * test is Playwright's `test` with the studio's rules built in: any request to a host other than
 * localhost/127.0.0.1 is aborted and fails the test, and so does any console error or uncaught page error
 * not matched by `allowedConsoleErrors`.
 */
export const test = base.extend<StudioFixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  foreignRequests: async ({}, use) => {
    await use([]);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  consoleErrors: async ({}, use) => {
    await use([]);
  },
  allowedConsoleErrors: [[], { option: true }],
  offlineGuard: [
    async ({ context, page, foreignRequests, consoleErrors, allowedConsoleErrors }, use) => {
      await context.route('**/*', async (route) => {
        const url = route.request().url();
        if (isLocalUrl(url)) {
          await route.fallback();
        } else {
          foreignRequests.push(url);
          await route.abort('blockedbyclient');
        }
      });
      page.on('console', (msg) => {
        if (msg.type() === 'error') consoleErrors.push(`console.error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => {
        consoleErrors.push(`page error: ${err.message}`);
      });
      await use(undefined);
      expect(foreignRequests, 'requests to hosts other than localhost').toEqual([]);
      const unexpected = consoleErrors.filter((e) => !allowedConsoleErrors.some((re) => re.test(e)));
      expect(unexpected, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * helmPath resolves to the path of the real helm binary, as `scripts/helm.mjs` provides it. It runs that
 * script in a child process: Playwright compiles specs to CommonJS and cannot import the `.mjs` module.
 */
export function helmPath(): Promise<string> {
  const script = join(__dirname, '..', 'scripts', 'helm.mjs');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script], { encoding: 'utf8' }, (err, stdout) => {
      if (err) return reject(err);
      // The script prints "<path> (<version>)".
      resolve(stdout.trim().replace(/ \([^)]*\)$/, ''));
    });
  });
}
