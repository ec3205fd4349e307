// Launches the system Chromium for end-to-end tests and collects what the page complains about.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_FLAGS, findChromium } from '../../scripts/chromium.ts';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error(
      'No Chromium found: run "apt-get install -y chromium" or set CHROMIUM_PATH to its binary.',
    );
  return chromium.launch({
    executablePath,
    args: [...CHROMIUM_FLAGS],
  });
}

export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and failed or external requests, as readable lines. */
  problems: string[];
}

/** Opens a page that records console errors, uncaught errors and any request leaving `baseUrl`. */
export async function openPage(browser: Browser, baseUrl: string): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  const origin = new URL(baseUrl).origin;
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => {
    // Aborted typeahead requests are intended (stale searches are cancelled).
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`requestfailed: ${request.url()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      problems.push(`external request: ${url}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`http ${response.status()}: ${response.url()}`);
  });
  return { context, page, problems };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** WCAG contrast ratio of two "rgb(…)"/"rgba(…)"/"#rrggbb" colours (alpha ignored: pass opaque ones). */
export function contrastRatio(a: string, b: string): number {
  const channels = (c: string): number[] => {
    const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c.trim());
    if (hex) return hex.slice(1, 4).map((x) => parseInt(x, 16));
    const nums = c.match(/[\d.]+/g)?.map(Number) ?? [];
    return nums.slice(0, 3);
  };
  const luminance = (c: string) => {
    const [r = 0, g = 0, b2 = 0] = channels(c).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The contrast of an element's text against what is really behind it: its computed colour over the
 * first opaque background found walking up from it (white when none).
 */
export async function textContrast(
  page: Page,
  selector: string,
): Promise<{ ratio: number; fg: string; bg: string }> {
  const { fg, bg } = await page.$eval(selector, (el) => {
    const fg = getComputedStyle(el).color;
    let node: Element | null = el;
    let bg = 'rgb(255, 255, 255)';
    while (node) {
      const c = getComputedStyle(node).backgroundColor;
      const alpha = /rgba\([^)]*,\s*([\d.]+)\)/.exec(c)?.[1];
      if (c !== 'transparent' && (alpha === undefined || Number(alpha) > 0.9)) {
        bg = c;
        break;
      }
      node = node.parentElement;
    }
    return { fg, bg };
  });
  return { ratio: contrastRatio(fg, bg), fg, bg };
}

/** Runs axe-core in the page (through the DevTools protocol: the CSP blocks injected scripts). */
export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

/** Fails the test when axe-core finds a serious or critical violation in the page as it is now. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  expect(await axeViolations(page), `axe-core in state "${state}"`).toEqual([]);
}

/**
 * A state the tests reach, recorded and checked: its screenshot (looked at by whoever reads the run),
 * then axe-core on the same page, so no screenshotted state goes unchecked.
 */
export async function screenshotState(page: Page, name: string): Promise<string> {
  const file = await screenshot(page, name);
  await expectAccessible(page, name);
  return file;
}
