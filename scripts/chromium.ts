// The system Chromium for end-to-end tests (tests/helpers/browser.ts) and the client benchmark
// (bench/client.ts): one definition of where it is and how it is launched, so both measure the same thing.
import fs from 'node:fs';

/** Headless, CPU only (no GPU: renderer-choice.ts then keeps the 2D canvas), and quiet. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The first Chromium binary that exists (CHROMIUM_PATH first), or null. */
export function findChromium(): string | null {
  return CANDIDATES.find((p): p is string => Boolean(p) && fs.existsSync(p as string)) ?? null;
}
