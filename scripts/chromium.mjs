// chromium.mjs gives the launch options of the browser that scripts drive with Playwright: Debian's
// /usr/bin/chromium (or CHROMIUM_PATH) with the flags that keep it off the network, else Playwright's own.
import { existsSync } from 'node:fs';

/** chromiumLaunchOptions returns `chromium.launch` options for this machine. */
export function chromiumLaunchOptions() {
  const executablePath =
    process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  if (!executablePath) return {};
  return {
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}
