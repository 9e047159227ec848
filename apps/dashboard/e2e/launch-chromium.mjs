// Debian's Chromium for the browser tests and benchmarks, driven by playwright-core (never a
// downloaded browser). Flags from shared/spec/toolchain.md §5; never --user-data-dir: launch()
// makes a fresh profile.
import { chromium } from 'playwright-core';

/** Launches headless Chromium (CHROMIUM_PATH, else /usr/bin/chromium). */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
