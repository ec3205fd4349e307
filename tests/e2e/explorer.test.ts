// The explorer end to end, in real Chromium against the product on the seed graph: Korean search,
// expansion, evidence, URL restore, GraphML export, keyboard-only use, table/canvas agreement, axe-core.
import fs from 'node:fs';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  expectAccessible,
  launchBrowser,
  openPage,
  screenshotState,
  type WatchedPage,
} from '../helpers/browser.ts';

const ZUCK = 'mark-zuckerberg';
const LG_MEETING = 'meta-lg-meeting-2024-02-28';
const SAMSUNG_MEETING = 'meta-samsung-meeting-2024-02-28';
const EDGE = `${ZUCK}:PARTICIPATED_IN:${LG_MEETING}`;

interface Rendered {
  nodes: string[];
  edges: string[];
}

const rendered = (page: Page): Promise<Rendered> =>
  page.evaluate(() => (window as unknown as { linkage: { renderedIds(): Rendered } }).linkage.renderedIds());

/** Entities whose label the canvas does not draw (culled where another label or entity stands). */
const unnamed = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    (
      window as unknown as {
        linkage: { geometry(): { nodes: { id: string; labelShown: boolean }[] } };
      }
    ).linkage
      .geometry()
      .nodes.filter((n) => !n.labelShown)
      .map((n) => n.id),
  );

async function waitForNodes(page: Page, ids: string[]): Promise<void> {
  await page.waitForFunction(
    (wanted) => {
      const view = (window as unknown as { linkage?: { renderedIds(): Rendered } }).linkage;
      const nodes = view?.renderedIds().nodes ?? [];
      return wanted.every((id) => nodes.includes(id));
    },
    ids,
    { timeout: 15_000 },
  );
}

/** The product on a freshly seeded test database, with the client built from the current sources. */
async function productUrl(): Promise<{ url: string; close: () => Promise<void> }> {
  const { ensureClientBuilt } = await import('../../scripts/client-build.ts');
  const { startProductForTests } = await import('../helpers/product.ts');
  ensureClientBuilt();
  const product = await startProductForTests(inject('neo4jUri'));
  return { url: product.url.replace(/\/$/, ''), close: product.close };
}

describe('explorer (Chromium)', () => {
  let browser: Browser;
  let baseUrl: string;
  let closeProduct: () => Promise<void>;
  let watched: WatchedPage;
  let page: Page;
  let savedFile: string;

  beforeAll(async () => {
    const product = await productUrl();
    baseUrl = product.url;
    closeProduct = product.close;
    browser = await launchBrowser();
    watched = await openPage(browser, baseUrl);
    page = watched.page;
  });

  afterAll(async () => {
    await browser?.close();
    await closeProduct?.();
  });

  it('finds Zuckerberg by his Korean name and puts him on the canvas', async () => {
    await page.goto(`${baseUrl}/`);
    await page.fill('#search-input', '저커버그');
    const first = page.locator('.search-hit').first();
    await first.waitFor({ timeout: 15_000 });
    expect(await first.getAttribute('data-id')).toBe(ZUCK);
    await page.keyboard.press('Enter');
    await waitForNodes(page, [ZUCK]);
    await expect(page.locator('#details h2').textContent()).resolves.toBe('Mark Zuckerberg');
    await screenshotState(page, 'e2e-01-zuckerberg');
  });

  it('expands him and the LG and Samsung meetings appear', async () => {
    await page.click('#details button:has-text("Expand")');
    await page.locator('#expand-confirm').waitFor({ timeout: 15_000 });
    await expect(page.locator('#expand-dialog').textContent()).resolves.toMatch(/participated in/i);
    await page.click('#expand-confirm');
    await waitForNodes(page, [LG_MEETING, SAMSUNG_MEETING]);
    expect((await rendered(page)).edges).toContain(EDGE);
    await screenshotState(page, 'e2e-02-expanded');
  });

  it('shows the Korean quote, its translation and the certainty of a selected edge', async () => {
    // The canvas holds no quotes; opening the edge reads them with one Query.evidence request.
    const sent: string[] = [];
    const record = (request: Request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql')
        sent.push(/(?:query|mutation)\s+(\w+)/.exec(request.postData() ?? '')?.[1] ?? '?');
    };
    page.on('request', record);
    await page.click('#table-toggle');
    await page.click(`#edges-table tr[data-id="${EDGE}"] button`);
    const quote = page.locator('#details .quote').first();
    await quote.waitFor();
    page.off('request', record);
    expect(sent).toEqual(['RelationshipEvidence']);
    expect(await quote.textContent()).toMatch(/[가-힣]/);
    expect((await page.locator('#details .translation').first().textContent())?.trim()).not.toBe('');
    expect(await page.locator('#details .badge').first().textContent()).toMatch(
      /Confirmed|Reported|Speculative/,
    );
    // The table takes the lower part of the canvas, so the fit is lower and every name takes more of the
    // graph: the view is spaced again for it, and no entity is left unnamed (a concept's label was culled
    // where its neighbour's stood).
    await expect
      .poll(() => unnamed(page), { timeout: 5000, message: 'entities drawn without their names' })
      .toEqual([]);
    await screenshotState(page, 'e2e-03-evidence');
  });

  it('restores the view after a reload', async () => {
    const before = await rendered(page);
    await page.reload();
    await waitForNodes(page, before.nodes);
    const after = await rendered(page);
    expect([...after.nodes].sort()).toEqual([...before.nodes].sort());
    expect([...after.edges].sort()).toEqual([...before.edges].sort());
    await page.locator('#details .quote').first().waitFor();
  });

  it('exports a GraphML file that parses and holds what is on screen', async () => {
    await page.click('#export-open');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button:has-text("GraphML")'),
    ]);
    const file = await download.path();
    const xml = fs.readFileSync(file, 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        nodes: [...doc.getElementsByTagName('node')].map((n) => n.getAttribute('id')),
        edges: doc.getElementsByTagName('edge').length,
      };
    }, xml);
    const onScreen = await rendered(page);
    expect(parsed.errors).toBe(0);
    expect(parsed.nodes.sort()).toEqual([...onScreen.nodes].sort());
    expect(parsed.edges).toBe(onScreen.edges.length);
    await page.keyboard.press('Escape');
  });

  it('expands with a cap of 500: the dialog accepts it and the request carries it', async () => {
    const fresh = await openPage(browser, baseUrl);
    const fp = fresh.page;
    await fp.goto(`${baseUrl}/`);
    await fp.fill('#search-input', '저커버그');
    await fp.locator(`.search-hit[data-id="${ZUCK}"]`).first().waitFor({ timeout: 15_000 });
    await fp.keyboard.press('Enter');
    await waitForNodes(fp, [ZUCK]);
    await fp.click('#details button:has-text("Expand")');
    await fp.locator('#expand-cap').fill('500', { timeout: 15_000 });
    expect(await fp.locator('#expand-cap').evaluate((el) => (el as HTMLInputElement).checkValidity())).toBe(
      true,
    );
    const [request] = await Promise.all([
      fp.waitForRequest((r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('neighborhood')),
      fp.click('#expand-confirm'),
    ]);
    const body = JSON.parse(request.postData() ?? '{}') as { variables: { limit: number; ids: string[] } };
    // The cap counts new neighbours; the entity already on the canvas comes on top.
    expect(body.variables).toMatchObject({ ids: [ZUCK], limit: 501 });
    await waitForNodes(fp, [LG_MEETING, SAMSUNG_MEETING]);
    expect(fresh.problems).toEqual([]);
    await fresh.context.close();
  });

  it('opens an exported Linkage JSON file: the same entities and relationships come back', async () => {
    const exported = await rendered(page);
    await page.click('#export-open');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button:has-text("Linkage JSON")'),
    ]);
    savedFile = await download.path();
    await page.keyboard.press('Escape');
    // Start over from an empty explorer with one unrelated entity on the canvas.
    await page.goto(`${baseUrl}/`);
    await page.fill('#search-input', '이재용');
    await page.locator('.search-hit[data-id="lee-jae-yong"]').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await waitForNodes(page, ['lee-jae-yong']);
    await page.setInputFiles('#open-file-input', savedFile);
    await waitForNodes(page, exported.nodes);
    const opened = await rendered(page);
    expect([...opened.nodes].sort()).toEqual([...exported.nodes].sort());
    expect([...opened.edges].sort()).toEqual([...exported.edges].sort());
    await expect(page.locator('#status .banner-notice').textContent()).resolves.toMatch(/Opened .*entities/);
    await screenshotState(page, 'e2e-05-opened-file');
  });

  it('refuses a bad file with a clear error and leaves the canvas as it was', async () => {
    const before = await rendered(page);
    await page.setInputFiles('#open-file-input', {
      name: 'not-a-graph.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'linkage/v1', entities: [] })),
    });
    const banner = page.locator('#status .banner-error');
    await banner.waitFor({ timeout: 15_000 });
    expect(await banner.textContent()).toMatch(/not-a-graph\.json was not opened: .*Linkage JSON export/);
    const after = await rendered(page);
    expect([...after.nodes].sort()).toEqual([...before.nodes].sort());
    expect([...after.edges].sort()).toEqual([...before.edges].sort());
  });

  it('undo after opening a file brings back the previous view', async () => {
    await page.click('button:has-text("Undo")');
    await page.waitForFunction(
      () =>
        (window as unknown as { linkage: { renderedIds(): Rendered } }).linkage.renderedIds().nodes.length ===
        1,
      undefined,
      { timeout: 15_000 },
    );
    expect((await rendered(page)).nodes).toEqual(['lee-jae-yong']);
    // Redo opens it again; the rest of the suite continues on the opened view.
    await page.click('button:has-text("Redo")');
    await waitForNodes(page, [ZUCK, LG_MEETING]);
  });

  it('keeps the table in sync with the canvas', async () => {
    // The table is drawn while it is shown (a page load closes it).
    if ((await page.getAttribute('#table-toggle', 'aria-pressed')) !== 'true')
      await page.click('#table-toggle');
    const onScreen = await rendered(page);
    const rows = (selector: string) =>
      page.$$eval(selector, (trs) => trs.map((tr) => tr.getAttribute('data-id') ?? ''));
    expect((await rows('#nodes-table tbody tr')).sort()).toEqual([...onScreen.nodes].sort());
    expect((await rows('#edges-table tbody tr')).sort()).toEqual([...onScreen.edges].sort());
    // Filtering hides the same things in both.
    await page.selectOption('select[aria-label="Minimum certainty"]', 'CONFIRMED');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('#edges-table .badge-reported, #edges-table .badge-speculative').length ===
        0,
    );
    const filtered = await rendered(page);
    expect((await rows('#edges-table tbody tr')).sort()).toEqual([...filtered.edges].sort());
    expect(filtered.edges.length).toBeLessThan(onScreen.edges.length);
    await page.click('button:has-text("Undo")');
  });

  it('can be used with the keyboard alone: search, focus the canvas, expand, walk an edge', async () => {
    const keyboardOnly = await openPage(browser, baseUrl);
    const kp = keyboardOnly.page;
    await kp.goto(`${baseUrl}/`);
    await kp.keyboard.press('Tab'); // skip link
    await kp.keyboard.press('Tab'); // search
    expect(await kp.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await kp.keyboard.type('이재용');
    await kp.locator('.search-hit').first().waitFor({ timeout: 15_000 });
    await kp.keyboard.press('ArrowDown');
    await kp.keyboard.press('Enter');
    await waitForNodes(kp, ['lee-jae-yong']);
    await kp.keyboard.press('Shift+Tab'); // back to the skip link
    await kp.keyboard.press('Enter'); // follows it to the canvas
    expect(await kp.evaluate(() => document.activeElement?.id)).toBe('canvas');
    await kp.keyboard.press('Enter'); // expand the selected entity
    await kp.locator('#expand-confirm').waitFor({ timeout: 15_000 });
    expect(await kp.evaluate(() => document.activeElement?.id)).toBe('expand-confirm');
    await kp.keyboard.press('Enter');
    await waitForNodes(kp, [SAMSUNG_MEETING]);
    // Closing the dialog hands focus back to the canvas.
    expect(await kp.evaluate(() => document.activeElement?.id)).toBe('canvas');
    await kp.keyboard.press('ArrowRight');
    await kp.keyboard.press('e');
    await kp.locator('#details .evidence').first().waitFor();
    await screenshotState(kp, 'e2e-04-keyboard');
    expect(keyboardOnly.problems).toEqual([]);
    await keyboardOnly.context.close();
  });

  it('has no serious or critical axe-core violations after the whole suite', async () => {
    await expectAccessible(page, 'after the suite');
  });

  it('logged no console errors and fetched nothing external', () => {
    expect(watched.problems).toEqual([]);
  });
});
