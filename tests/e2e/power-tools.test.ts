// Issue 17, the items an analyst works with once the basics are in place, in real Chromium against the
// product on the seed graph: multi-select (shift-click, box), group actions, the context menu (mouse and
// keyboard), "only this kind" in the expansion dialog, style rules kept in the URL, the table and the
// expanded entities restored after a reload, the graph read at the fitted zoom (labels, parallel edges,
// no overlaps, a dated timeline axis), picking a claim from search and the evidence sentence. axe-core
// runs in every state reached.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage, screenshot, screenshotState, type WatchedPage } from '../helpers/browser.ts';
import { openExplorer, type OpenExplorer } from '../helpers/explorer.ts';
import { parseTimeSpan } from '../../client/src/state/dates.ts';
import { labelCollisions, reportLabels } from '../helpers/report-labels.ts';

const ZUCK = 'mark-zuckerberg';
const SAMSUNG = 'samsung-electronics';
const META = 'meta';

interface Rendered {
  nodes: string[];
  edges: string[];
}
interface Box {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  labelPx: number;
  labelShown: boolean;
  label: { x1: number; y1: number; x2: number; y2: number };
}
interface Edge {
  id: string;
  source: string;
  target: string;
  controls: { x: number; y: number }[];
  midpoint: { x: number; y: number };
  labelPx: number;
  labelShown: boolean;
  label: Slanted | null;
}
interface Geometry {
  zoom: number;
  nodes: Box[];
  edges: Edge[];
}
interface ViewState {
  entities: Record<string, { kind: string; occurredAt: string | null }>;
  selectedIds: string[];
  selection: { type: string; id: string } | null;
  pinned: string[];
  hidden: string[];
  expanded: string[];
  tableOpen: boolean;
  style: { sizeBy: string; colorBy: string | null };
}

type Linkage = {
  linkage: {
    renderedIds(): Rendered;
    geometry(): Geometry;
    store: {
      getState(): { history: { present: ViewState; past: unknown[] }; ui: { loading: string | null } };
    };
  };
};

/** The licensed seed article, read at seed load for each quote's sentence (LINKAGE_SOURCE_TEXTS_DIR). */
const SOURCE_TEXTS = path.resolve(
  process.env.LINKAGE_SOURCE_TEXTS_DIR ?? path.resolve(import.meta.dirname, '../../../shared/seed'),
);
const HAVE_SOURCE_TEXTS =
  fs.existsSync(SOURCE_TEXTS) && fs.readdirSync(SOURCE_TEXTS).some((f) => f.endsWith('.txt'));
if (!HAVE_SOURCE_TEXTS)
  console.warn(
    `power-tools e2e: the licensed seed article is not in ${SOURCE_TEXTS}; the evidence-sentence assertions are skipped (set LINKAGE_SOURCE_TEXTS_DIR to the directory that holds it).`,
  );

const rendered = (page: Page): Promise<Rendered> =>
  page.evaluate(() => (window as unknown as Linkage).linkage.renderedIds());
const geometry = (page: Page): Promise<Geometry> =>
  page.evaluate(() => (window as unknown as Linkage).linkage.geometry());
const viewState = (page: Page): Promise<ViewState> =>
  page.evaluate(() => (window as unknown as Linkage).linkage.store.getState().history.present);
const undoDepth = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as Linkage).linkage.store.getState().history.past.length);

/**
 * The view as the analyst reads it once everything has arrived: no answer pending, the layout idle, the
 * web fonts loaded and the labels culled for the boxes those glyphs give (data-labels, graph-view.ts).
 */
async function labelsDrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = (window as unknown as Linkage).linkage.store.getState();
      const canvas = document.querySelector('#canvas');
      return (
        s.ui.loading === null &&
        canvas?.getAttribute('data-layout') === 'idle' &&
        document.fonts.status === 'loaded' &&
        canvas.getAttribute('data-labels') === 'drawn'
      );
    },
    undefined,
    { timeout: 60_000 },
  );
}

/** How many of the biggest names must be drawn after a reload. */
const BIGGEST_NAMES = 10;

/**
 * The biggest names drawn (the BIGGEST_NAMES biggest shapes: the hubs the size rule sized up, which the
 * cull takes first), and every drawn name whole on the canvas.
 */
async function expectBiggestNamesDrawn(page: Page): Promise<void> {
  await labelsDrawn(page);
  const geo = await geometry(page);
  const frame = await page.locator('#canvas').boundingBox();
  if (!frame) throw new Error('no canvas');
  const bySize = [...geo.nodes].sort((a, b) => b.x2 - b.x1 - (a.x2 - a.x1) || (a.id < b.id ? -1 : 1));
  const wanted = bySize.slice(0, BIGGEST_NAMES);
  // The cull leaves a name out only where, with the boxes the loaded glyphs give, it would cover another
  // entity or a drawn name: every biggest name clear of both is drawn (a stale box or an arrival-order
  // cull left clear names out). One left on another entity's shape is a placement gap (fitSeparate below
  // shapeZoom; 2 runs in 5 here), logged, not asserted: the layout differs from run to run.
  const onShape = (n: Box) => geo.nodes.filter((m) => m.id !== n.id && overlap(m, n.label)).map((m) => m.id);
  const onName = (n: Box) =>
    geo.nodes.filter((m) => m.id !== n.id && m.labelShown && overlap(m.label, n.label)).map((m) => m.id);
  const undrawn = wanted.filter((n) => !n.labelShown);
  expect(
    undrawn
      .filter((n) => onShape(n).length === 0 && onName(n).length === 0)
      .map((n) => `${n.id} ${(n.x2 - n.x1).toFixed(0)}px`),
    `zoom ${geo.zoom}, ${geo.nodes.length} entities: biggest names left out though clear`,
  ).toEqual([]);
  if (undrawn.length)
    console.warn(
      `power-05: ${undrawn.map((n) => `${n.id} on ${[...onShape(n), ...onName(n)].join(', ')}`).join('; ')}`,
    );
  const cut = geo.nodes.filter(
    (n) =>
      n.labelShown &&
      (Math.min(n.label.x1, n.label.y1) < 0 || n.label.x2 > frame.width || n.label.y2 > frame.height),
  );
  expect(
    cut.map((n) => `${n.id} ${[n.label.x1, n.label.y1, n.label.x2, n.label.y2].map(Math.round).join(',')}`),
    `zoom ${geo.zoom}: names cut by the canvas edge (${Math.round(frame.width)}×${Math.round(frame.height)})`,
  ).toEqual([]);
}

async function waitForNodes(page: Page, ids: string[]): Promise<void> {
  await page.waitForFunction(
    (wanted) => {
      const nodes = (window as unknown as Partial<Linkage>).linkage?.renderedIds().nodes ?? [];
      return wanted.every((id) => nodes.includes(id));
    },
    ids,
    // Expansions wait on Neo4j, which shares two cores with three other engineers' test runs.
    { timeout: 60_000 },
  );
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const s = (window as unknown as Linkage).linkage.store.getState();
    return s.ui.loading === null && document.querySelector('#canvas')?.getAttribute('data-layout') === 'idle';
  });
}

async function place(page: Page, text: string, id: string): Promise<void> {
  await page.fill('#search-input', text);
  await page.locator(`.search-hit[data-id="${id}"]`).first().waitFor({ timeout: 15_000 });
  await page.click(`.search-hit[data-id="${id}"]`);
  await waitForNodes(page, [id]);
}

/** The centre of a node on the page (the canvas's offset added). */
async function nodeCentre(page: Page, id: string): Promise<{ x: number; y: number }> {
  const origin = await page.locator('#canvas').boundingBox();
  const node = (await geometry(page)).nodes.find((n) => n.id === id);
  if (!origin || !node) throw new Error(`${id} is not drawn`);
  return { x: origin.x + (node.x1 + node.x2) / 2, y: origin.y + (node.y1 + node.y2) / 2 };
}

type Rect = { x1: number; y1: number; x2: number; y2: number };
const overlap = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** A rectangle turned by `angle` (radians) about its centre, as the canvas draws an edge label. */
interface Slanted {
  cx: number;
  cy: number;
  w: number;
  h: number;
  angle: number;
}
const upright = (r: Rect): Slanted => ({
  cx: (r.x1 + r.x2) / 2,
  cy: (r.y1 + r.y2) / 2,
  w: r.x2 - r.x1,
  h: r.y2 - r.y1,
  angle: 0,
});

/** Whether two turned rectangles share area: true when none of their four side directions parts them. */
function crossing(a: Slanted, b: Slanted): boolean {
  const cornersOf = (s: Slanted) =>
    [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
    ].map(([u = 0, v = 0]) => {
      const dx = (u * s.w) / 2;
      const dy = (v * s.h) / 2;
      return {
        x: s.cx + dx * Math.cos(s.angle) - dy * Math.sin(s.angle),
        y: s.cy + dx * Math.sin(s.angle) + dy * Math.cos(s.angle),
      };
    });
  const [ca, cb] = [cornersOf(a), cornersOf(b)];
  return [a.angle, a.angle + Math.PI / 2, b.angle, b.angle + Math.PI / 2].every((t) => {
    const along = (p: { x: number; y: number }) => p.x * Math.cos(t) + p.y * Math.sin(t);
    const [da, db] = [ca.map(along), cb.map(along)];
    return Math.max(...da) > Math.min(...db) && Math.max(...db) > Math.min(...da);
  });
}

describe('power tools (Chromium)', () => {
  let browser: Browser;
  let baseUrl: string;
  let watched: WatchedPage;
  let page: Page;

  let explorer: OpenExplorer | undefined;

  beforeAll(async () => {
    // The first filtered neighbourhood of a run (a new parameter shape, so a fresh Cypher plan) timed out
    // at the default 15 s on this shared 2-core machine under load (load average ≈ 20): allow it 60 s.
    explorer = await openExplorer(inject('neo4jUri'), { LINKAGE_QUERY_TIMEOUT_MS: '60000' });
    ({ browser, baseUrl, watched, page } = explorer);
  });

  afterAll(() => explorer?.close());

  it('the expansion dialog breaks the neighbours down by kind; "only" expands to that kind alone', async () => {
    await place(page, '저커버그', ZUCK);
    await page.click('#details button:has-text("Expand")');
    await page.locator('#expand-kinds').waitFor({ timeout: 15_000 });
    const kinds = await page.locator('#expand-kinds .check-row').allTextContents();
    expect(kinds.join(' | ')).toMatch(/Event \(\d+\)/);
    expect(kinds.join(' | ')).toMatch(/Organization \(\d+\)/);
    // "only" on a relationship type leaves just that type checked.
    await page.locator('#expand-dialog fieldset >> nth=0').locator('button.only').first().click();
    const typeChecks = await page.$$eval('#expand-dialog input[data-type]', (boxes) =>
      boxes.map((b) => (b as HTMLInputElement).checked),
    );
    expect(typeChecks.filter(Boolean)).toHaveLength(1);
    await page.$$eval('#expand-dialog input[data-type]', (boxes) => {
      for (const b of boxes) (b as HTMLInputElement).checked = true;
    });
    await page.click('button[aria-label="Only Event neighbours"]');
    await screenshotState(page, 'power-01-expansion-kinds');
    const [request] = await Promise.all([
      page.waitForRequest((r) => (r.postData() ?? '').includes('neighborhood')),
      page.click('#expand-confirm'),
    ]);
    expect(JSON.parse(request.postData() ?? '{}').variables.filter.kinds).toEqual(['Event']);
    await page
      .waitForFunction(
        () => (window as unknown as Linkage).linkage.renderedIds().nodes.length > 1,
        undefined,
        {
          timeout: 60_000,
        },
      )
      .catch(async (error: unknown) => {
        await screenshot(page, 'power-01-failed');
        const ui = await page.evaluate(() =>
          JSON.stringify(
            (
              window as unknown as { linkage: { store: { getState(): { ui: unknown } } } }
            ).linkage.store.getState().ui,
          ).slice(0, 1500),
        );
        throw new Error(`${String(error)}\nui: ${ui}\nproblems: ${watched.problems.join('; ')}`);
      });
    const view = await viewState(page);
    const others = Object.entries(view.entities).filter(([id]) => id !== ZUCK);
    expect(others.length).toBeGreaterThan(0);
    for (const [id, e] of others) expect(e.kind, id).toBe('Event');
    // One undo step takes the expansion back.
    await page.click('#undo');
    await page.waitForFunction(() => (window as unknown as Linkage).linkage.renderedIds().nodes.length === 1);
  });

  it('shift-click and box selection build a multi-selection; the details panel names it', async () => {
    await page.click('#details button:has-text("Expand")');
    await page.locator('#expand-confirm').waitFor({ timeout: 15_000 });
    await page.fill('#expand-cap', '200');
    await page.click('#expand-confirm');
    await waitForNodes(page, ['lee-jae-yong', 'cho-joo-wan', META]);
    await settled(page);
    const before = await undoDepth(page);
    const lee = await nodeCentre(page, 'lee-jae-yong');
    const cho = await nodeCentre(page, 'cho-joo-wan');
    await page.mouse.click(lee.x, lee.y);
    await page.keyboard.down('Shift');
    await page.mouse.click(cho.x, cho.y);
    await page.keyboard.up('Shift');
    let view = await viewState(page);
    expect([...view.selectedIds].sort()).toEqual(['cho-joo-wan', 'lee-jae-yong']);
    await expect(page.textContent('#multi-selection')).resolves.toMatch(/2 entities selected/);
    // Shift-click again takes one out (and shift-clicks in quick succession never open the expansion).
    const leeNow = await nodeCentre(page, 'lee-jae-yong');
    await page.keyboard.down('Shift');
    await page.mouse.click(leeNow.x, leeNow.y);
    await page.keyboard.up('Shift');
    expect((await viewState(page)).selectedIds).toEqual(['cho-joo-wan']);
    expect(await page.locator('#expand-dialog[open]').count()).toBe(0);

    // Shift-drag a box over the left half of the canvas: everything drawn inside joins the selection.
    const canvas = await page.locator('#canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    const geo = await geometry(page);
    // Below the status banners that may cover the canvas's top edge.
    const box = { x1: 4, y1: 90, x2: canvas.width / 2, y2: canvas.height - 30 };
    const start = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x as number, y as number)?.closest('#canvas') !== null,
      [canvas.x + box.x1, canvas.y + box.y1],
    );
    expect(start, 'the box starts on the canvas itself').toBe(true);
    // Well inside (8 px): Cytoscape's box around a node is a little larger than the drawn shape, so one
    // on the box's edge may stay out.
    const inside = geo.nodes
      .filter((n) => n.x1 >= box.x1 + 8 && n.x2 <= box.x2 - 8 && n.y1 >= box.y1 + 8 && n.y2 <= box.y2 - 8)
      .map((n) => n.id);
    expect(inside.length).toBeGreaterThan(1);
    await page.keyboard.down('Shift');
    await page.mouse.move(canvas.x + box.x1, canvas.y + box.y1);
    await page.mouse.down();
    await page.mouse.move(canvas.x + box.x2 / 2, canvas.y + box.y2 / 2, { steps: 5 });
    await page.mouse.move(canvas.x + box.x2 - 1, canvas.y + box.y2 - 2, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    // Wait for the ids themselves: cho-joo-wan was already selected, so a count could be reached while one of
    // the boxed entities was still on its way into the selection.
    await page
      .waitForFunction(
        (ids) => {
          const selected = (window as unknown as Linkage).linkage.store.getState().history.present
            .selectedIds;
          return ids.every((id) => selected.includes(id));
        },
        inside,
        { timeout: 10_000 },
      )
      .catch(() => undefined);
    view = await viewState(page);
    for (const id of inside) expect(view.selectedIds, id).toContain(id);
    expect(view.selectedIds).toContain('cho-joo-wan');
    // Selecting is navigation: no undo steps were recorded.
    expect(await undoDepth(page)).toBe(before);
    await screenshotState(page, 'power-02-multi-selection');
  });

  it('a right-click on the selection offers group actions; pin and hide are one undo step each', async () => {
    const view = await viewState(page);
    const group = [...view.selectedIds];
    const at = await nodeCentre(page, 'cho-joo-wan');
    await page.mouse.click(at.x, at.y, { button: 'right' });
    const menu = page.locator('#context-menu[role="menu"]');
    await menu.waitFor({ state: 'visible' });
    expect(await menu.getAttribute('aria-label')).toMatch(/Actions for/);
    const labels = await menu.locator('[role="menuitem"]').allTextContents();
    expect(labels).toEqual(
      expect.arrayContaining([
        `Expand the ${group.length} selected`,
        `Hide the ${group.length} selected`,
        `Pin the ${group.length} selected`,
      ]),
    );
    // Focus is in the menu (keyboard users continue from here).
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem');
    await screenshotState(page, 'power-03-context-menu');

    const before = await undoDepth(page);
    await page.click('#menu-pin-selection');
    await page.waitForFunction(
      (n) => (window as unknown as Linkage).linkage.store.getState().history.present.pinned.length === n,
      group.length,
    );
    expect(await undoDepth(page)).toBe(before + 1);
    await page.mouse.click(at.x, at.y, { button: 'right' });
    await page.click('#menu-hide-selection');
    await page.waitForFunction(
      (ids) => !ids.some((id) => (window as unknown as Linkage).linkage.renderedIds().nodes.includes(id)),
      group,
    );
    expect(await undoDepth(page)).toBe(before + 2);
    await page.keyboard.press('Control+z');
    await waitForNodes(page, group);
    await page.keyboard.press('Control+z');
    await page.waitForFunction(
      () => (window as unknown as Linkage).linkage.store.getState().history.present.pinned.length === 0,
    );
  });

  it('the menu works from the keyboard: Shift+F10 on the canvas, arrows, Escape returns focus', async () => {
    await page.focus('#canvas');
    await page.keyboard.press('Shift+F10');
    const menu = page.locator('#context-menu');
    await menu.waitFor({ state: 'visible' });
    const first = await page.evaluate(() => document.activeElement?.id);
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => document.activeElement?.id);
    expect(second).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(first);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('canvas');
    // The toolbar's Actions button opens the same menu, and says so.
    await page.click('#actions-open');
    await menu.waitFor({ state: 'visible' });
    expect(await page.getAttribute('#actions-open', 'aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('actions-open');
    // On the background: canvas actions.
    const canvas = await page.locator('#canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    const empty = await findEmptySpot(page);
    await page.mouse.click(canvas.x + empty.x, canvas.y + empty.y, { button: 'right' });
    await menu.waitFor({ state: 'visible' });
    expect(await menu.getAttribute('aria-label')).toBe('Canvas actions');
    expect(await menu.locator('#menu-fit').count()).toBe(1);
    await page.keyboard.press('Escape');
  });

  it('expands a selection of two entities in one request and one undo step', async () => {
    await place(page, 'LG Electronics', 'lg-electronics');
    const before = await rendered(page);
    const lg = await nodeCentre(page, 'lg-electronics');
    await page.mouse.click(lg.x, lg.y);
    // The keyboard's shift-click: Shift+arrow adds the entity reached to the selection.
    await page.focus('#canvas');
    // Towards whichever side has an entity (placement decides where LG Electronics lands).
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp'])
      if ((await viewState(page)).selectedIds.length < 2) await page.keyboard.press(`Shift+${key}`);
    const chosen = [...(await viewState(page)).selectedIds].sort();
    expect(chosen).toHaveLength(2);
    expect(chosen).toContain('lg-electronics');
    const depth = await undoDepth(page);
    const requests: string[] = [];
    const onRequest = (r: { postData(): string | null }) => {
      if ((r.postData() ?? '').includes('neighborhood')) requests.push(r.postData() ?? '');
    };
    page.on('request', onRequest);
    await page.click('#selection-expand');
    await page.waitForFunction(
      (n) => (window as unknown as Linkage).linkage.renderedIds().nodes.length > n,
      before.nodes.length,
    );
    await settled(page);
    page.off('request', onRequest);
    expect(requests).toHaveLength(1);
    expect([...JSON.parse(requests[0] ?? '{}').variables.ids].sort()).toEqual(chosen);
    expect(await undoDepth(page)).toBe(depth + 1);
    const view = await viewState(page);
    expect(view.expanded).toEqual(expect.arrayContaining(chosen));
  });

  it('style rules: size by relationships, colour by a property, kept in the URL and after a reload', async () => {
    await page.click('summary:has-text("Style")');
    await page.selectOption('#style-size', 'degree');
    await page.waitForFunction(() => location.hash.includes('size=degree'));
    let geo = await geometry(page);
    const width = (id: string) => {
      const n = geo.nodes.find((b) => b.id === id);
      return n ? (n.x2 - n.x1) / geo.zoom : 0;
    };
    const widths = geo.nodes.map((n) => width(n.id));
    expect(Math.max(...widths) - Math.min(...widths), 'hubs drawn larger than leaves').toBeGreaterThan(10);
    await page.selectOption('#style-color', 'country');
    await page.waitForFunction(() => location.hash.includes('color=country'));
    geo = await geometry(page);
    const key = await page.locator('#style-key li').allTextContents();
    expect(key.join(' | ')).toMatch(/KR|South Korea|Korea/);
    expect(key.join(' | ')).toMatch(/no country/);
    const colors = new Set(geo.nodes.map((n) => n.color));
    expect(colors.size).toBeGreaterThan(1);
    expect(colors).toContain('#8c8c8c');
    await screenshotState(page, 'power-04-style-rules');
    // Each rule is one undo step.
    const depth = await undoDepth(page);
    await page.focus('#canvas');
    await page.keyboard.press('Control+z');
    expect((await viewState(page)).style).toEqual({ sizeBy: 'degree', colorBy: null });
    expect(await undoDepth(page)).toBe(depth - 1);
    await page.keyboard.press('Control+Shift+z');
    expect((await viewState(page)).style).toEqual({ sizeBy: 'degree', colorBy: 'country' });
  });

  it('the legend says what each colour stands for while colour follows a property, and so does the SVG', async () => {
    // Colour by country (the rule the test above left on): kinds keep their shapes on a neutral fill.
    const colours = page.locator('#legend-colours');
    await colours.waitFor();
    expect(await colours.getAttribute('aria-label')).toBe('Colours by country');
    const key = await page.$$eval('#legend-colours li', (items) =>
      items.map((li) => ({
        color: (li as HTMLElement).dataset.color ?? '',
        values: JSON.parse((li as HTMLElement).dataset.values ?? '[]') as string[],
        text: li.textContent ?? '',
        fill: li.querySelector('svg rect')?.getAttribute('fill') ?? '',
      })),
    );
    // Most common value first, "no country" last. Which country leads depends on the entity Shift+Arrow
    // reached in the expansion above (the nearest beside LG Electronics: placement decides).
    expect(key.map((k) => k.text).join(' | ')).toMatch(/^[^|]+ \(\d+\) \| .* \| no country \(\d+\)$/);
    const counts = key
      .filter((k) => k.values.length === 1)
      .map((k) => Number(/\((\d+)\)$/.exec(k.text)?.[1]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(new Set(key.map((k) => k.color)).size, 'one meaning per colour').toBe(key.length);
    for (const k of key) expect(k.fill).toBe(k.color);
    // Every entity on the canvas is drawn in the colour the legend gives its value.
    const countries = await page.evaluate(() => {
      const entities = (
        window as unknown as {
          linkage: {
            store: {
              getState(): {
                history: { present: { entities: Record<string, { properties: Record<string, unknown> }> } };
              };
            };
          };
        }
      ).linkage.store.getState().history.present.entities;
      return Object.fromEntries(
        Object.entries(entities).map(([id, e]) => [id, e.properties.country ?? null]),
      );
    });
    const geo = await geometry(page);
    expect(geo.nodes.length).toBeGreaterThan(5);
    for (const n of geo.nodes) {
      const entry = key.find((k) => k.color === n.color);
      expect(entry, `${n.id} is drawn in ${n.color}, which the legend does not list`).toBeDefined();
      const value = countries[n.id];
      if (value === null || value === undefined) expect(entry?.text, n.id).toMatch(/^no country/);
      else expect(entry?.values, n.id).toContain(String(value));
    }
    const kindFills = await page.$$eval('#legend ul[aria-label^="Entity kinds"] svg [fill]', (els) =>
      els.map((el) => el.getAttribute('fill')),
    );
    expect(kindFills.length).toBe(7);
    expect(new Set(kindFills)).toEqual(new Set(['#ffffff']));
    await screenshotState(page, 'power-04b-legend-colour-by-country');

    // The report SVG carries the same key.
    await page.click('#export-open');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button:has-text("SVG image")'),
    ]);
    const svg = fs.readFileSync(await download.path(), 'utf8');
    fs.mkdirSync('test-results/screenshots', { recursive: true });
    fs.writeFileSync('test-results/screenshots/power-04c-export-colour-by-country.svg', svg);
    await page.click('#export-dialog button:has-text("Close")');
    const exported = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        title: doc.querySelector('.legend-colours-title')?.textContent ?? '',
        colours: [...doc.querySelectorAll('g.legend-colour')].map((g) => ({
          color: g.getAttribute('data-color'),
          text: g.textContent,
        })),
        kindFills: [...doc.querySelectorAll('g.legend-kind :is(polygon, rect, ellipse)')].map((el) =>
          el.getAttribute('fill'),
        ),
      };
    }, svg);
    expect(exported.title).toBe('Colour: country');
    // No label on another in the report (names placed first, most important first).
    const report = await reportLabels(page, svg);
    expect(labelCollisions(report.labels)).toEqual([]);
    const unnamed = report.names.filter((n) => n.name.trim() === '').map((n) => n.id);
    expect(unnamed.length, `names left out: ${unnamed.join(' ')}`).toBeLessThanOrEqual(
      Math.floor(0.1 * report.names.length),
    );
    expect(exported.colours).toEqual(key.map((k) => ({ color: k.color, text: k.text })));
    expect(new Set(exported.kindFills)).toEqual(new Set(['#ffffff']));

    // Back to colour by kind: the kind colours return and the value list goes.
    await page.evaluate(() => {
      const details = document.querySelector('#style-panel')?.closest('details');
      if (details) details.open = true;
    });
    await page.selectOption('#style-color', '');
    await colours.waitFor({ state: 'detached' });
    const fills = await page.$$eval('#legend ul[aria-label="Entity kinds"] svg [fill]', (els) =>
      els.map((el) => el.getAttribute('fill')),
    );
    expect(new Set(fills).size).toBe(7);
    await page.selectOption('#style-color', 'country');
    await colours.waitFor();
  });

  it('a reload restores the table, the expanded entities (Collapse still works) and the style', async () => {
    await page.click('#table-toggle');
    await page.waitForFunction(() => location.hash.includes('table=open'));
    const before = await viewState(page);
    const onCanvas = (await rendered(page)).nodes;
    expect(before.expanded).toContain(ZUCK);
    await page.reload();
    await waitForNodes(page, onCanvas);
    await page.locator('#nodes-table').waitFor();
    expect(await page.isHidden('#table-region')).toBe(false);
    expect(await page.getAttribute('#table-toggle', 'aria-pressed')).toBe('true');
    const after = await viewState(page);
    expect([...after.expanded].sort()).toEqual([...before.expanded].sort());
    expect(after.style).toEqual(before.style);
    expect(await page.inputValue('#style-size')).toBe('degree');
    // Sized by degree after the reload: the entities the analyst sized up are the ones to read, whatever
    // order the answers and the font's glyphs came in.
    await expectBiggestNamesDrawn(page);
    await screenshot(page, 'power-05-after-reload');
    await page.click(`#nodes-table tr[data-id="${ZUCK}"] button.link`);
    await page.click('#details button:has-text("Collapse")');
    await page.waitForFunction(
      (n) => (window as unknown as Linkage).linkage.renderedIds().nodes.length < n,
      onCanvas.length,
    );
    expect((await viewState(page)).expanded).not.toContain(ZUCK);
    await expectBiggestNamesDrawn(page);
    await screenshotState(page, 'power-05-after-reload-collapse');
    await page.keyboard.press('Control+z');
    await waitForNodes(page, onCanvas);
    await page.click('#table-toggle');
    await page.click('summary:has-text("Style")');
    await page.click('#style-reset');
  });

  it('reads at the fitted zoom: legible labels, parallel edges as separate labelled curves, no overlaps', async () => {
    // Everything around the hubs: select all, expand the selection, twice.
    for (let round = 0; round < 2; round++) {
      // Nothing selected: the Actions button offers the canvas actions.
      await page.focus('#canvas');
      await page.keyboard.press('Escape');
      await page.click('#actions-open');
      await page.click('#menu-select-all');
      await page.click('#selection-expand');
      await settled(page);
    }
    await waitForNodes(page, [SAMSUNG, META]);
    await page.click('button:has-text("Fit")');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const geo = await geometry(page);
    await screenshotState(page, 'power-06-fitted-zoom');
    const elements = geo.nodes.length + geo.edges.length;
    expect(elements, 'a few hundred elements').toBeGreaterThan(150);
    // Labels: about 10 px (entities) and 9 px (relationships) on screen.
    const small = geo.nodes.filter((n) => n.labelPx < 9.5);
    expect(
      small.map((n) => `${n.id} ${n.labelPx.toFixed(1)}px`),
      `zoom ${geo.zoom}`,
    ).toEqual([]);
    expect(
      geo.edges.filter((e) => e.labelPx < 8).map((e) => e.id),
      `zoom ${geo.zoom}`,
    ).toEqual([]);
    // Fitted: every shape and drawn name on the canvas (labels and shapes keep their screen size, so the
    // spread-out graph once spilled off its edges after one fit).
    const frame = await page.locator('#canvas').boundingBox();
    if (!frame) throw new Error('no canvas');
    const outside = geo.nodes.filter(
      (n) =>
        Math.min(n.x1, n.y1) < 0 ||
        n.x2 > frame.width ||
        n.y2 > frame.height ||
        (n.labelShown &&
          (Math.min(n.label.x1, n.label.y1) < 0 || n.label.x2 > frame.width || n.label.y2 > frame.height)),
    );
    expect(
      outside.map((n) => n.id),
      `zoom ${geo.zoom}`,
    ).toEqual([]);
    // Shapes big enough to tell kinds apart and to click next to their 10 px names: at least 14 px across
    // (at this zoom a 30-unit shape would otherwise be a 5 px dot).
    const dots = geo.nodes.filter((n) => Math.min(n.x2 - n.x1, n.y2 - n.y1) < 14);
    expect(
      dots.map((n) => `${n.id} ${(n.x2 - n.x1).toFixed(1)}px`),
      `zoom ${geo.zoom}`,
    ).toEqual([]);
    // The five Samsung–Meta relationships: each its own curve (distinct control points and label spots).
    const pair = geo.edges.filter(
      (e) => [e.source, e.target].sort().join() === [META, SAMSUNG].sort().join(),
    );
    expect(pair.length).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < pair.length; i++)
      for (let j = i + 1; j < pair.length; j++) {
        const a = pair[i] as Edge;
        const b = pair[j] as Edge;
        const apart = Math.hypot(a.midpoint.x - b.midpoint.x, a.midpoint.y - b.midpoint.y);
        expect(apart, `${a.id} and ${b.id} share a label spot`).toBeGreaterThan(4);
        expect(JSON.stringify(a.controls)).not.toBe(JSON.stringify(b.controls));
      }
    // At least nine in ten entity labels are drawn: placement leaves room for each at this zoom (with 35
    // to 40 of 59 drawn, the rest culled where a drawn one stood, the graph could not be read).
    const shown = geo.nodes.filter((n) => n.labelShown);
    const left = geo.nodes.filter((n) => !n.labelShown);
    expect(shown.length, `${left.map((n) => n.id).join(' ')} left out`).toBeGreaterThanOrEqual(
      Math.ceil(0.9 * geo.nodes.length),
    );
    // Labels as drawn (text and background; a relationship's turned along its edge): none intersects
    // another, and no entity's label lies on another entity.
    const drawn: { id: string; box: Slanted }[] = [
      ...shown.map((n) => ({ id: n.id, box: upright(n.label) })),
      ...geo.edges.flatMap((e) => (e.labelShown && e.label ? [{ id: e.id, box: e.label }] : [])),
    ];
    const crossings: string[] = [];
    for (let i = 0; i < drawn.length; i++)
      for (let j = i + 1; j < drawn.length; j++)
        if (crossing(drawn[i]!.box, drawn[j]!.box)) crossings.push(`${drawn[i]!.id} / ${drawn[j]!.id}`);
    expect(crossings, `zoom ${geo.zoom}`).toEqual([]);
    const onEntities = shown.flatMap((n) =>
      geo.nodes.filter((m) => m.id !== n.id && overlap(m, n.label)).map((m) => `${n.id} on ${m.id}`),
    );
    expect(onEntities, `zoom ${geo.zoom}`).toEqual([]);
    // A relationship's label is left out only where it would cover a drawn label or an entity (zooming in
    // brings it back); at this zoom that is most of them.
    const hiddenEdges = geo.edges.filter((e) => !e.labelShown && e.label);
    for (const e of hiddenEdges)
      expect(
        drawn.some((d) => crossing(d.box, e.label!)) || geo.nodes.some((m) => crossing(upright(m), e.label!)),
        e.id,
      ).toBe(true);
    // Zoomed in, relationship labels come back: culling is redone at each zoom.
    const canvas = await page.locator('#canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    for (let step = 0; step < 20 && (await geometry(page)).zoom < geo.zoom * 1.5; step++) {
      await page.mouse.wheel(0, -120);
      await page.waitForTimeout(100);
    }
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const closer = await geometry(page);
    const shownEdges = (g: Geometry) => g.edges.filter((e) => e.labelShown).length;
    expect(closer.zoom).toBeGreaterThan(geo.zoom * 1.5);
    expect(shownEdges(closer), `zoom ${geo.zoom} → ${closer.zoom}`).toBeGreaterThan(shownEdges(geo));
    await page.click('button:has-text("Fit")');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    // Clickable at the fitted zoom: a click 4 px right of the smallest shape's centre selects it.
    const fitted = await geometry(page);
    const smallest = [...fitted.nodes].sort((a, b) => a.x2 - a.x1 - (b.x2 - b.x1))[0]!;
    await page.mouse.click(
      canvas.x + (smallest.x1 + smallest.x2) / 2 + 4,
      canvas.y + (smallest.y1 + smallest.y2) / 2,
    );
    await page.waitForFunction(
      (id) => (window as unknown as Linkage).linkage.store.getState().history.present.selection?.id === id,
      smallest.id,
      { timeout: 5000 },
    );
  });

  // After the big batch expansions above (fcose relaxes the new entities against the fixed arrangement,
  // and its repulsion alone used to leave some on others: lg-electronics / zuckerberg-asia-tour-2024 in
  // CI, generative-ai / hbm3 here), the collision pass leaves no entity's shape on another's.
  it('placement: no entity drawn on another after big batch expansions', async () => {
    await settled(page);
    const geo = await geometry(page);
    const overlapping: string[] = [];
    for (let i = 0; i < geo.nodes.length; i++)
      for (let j = i + 1; j < geo.nodes.length; j++)
        if (overlap(geo.nodes[i] as Box, geo.nodes[j] as Box))
          overlapping.push(`${geo.nodes[i]?.id} / ${geo.nodes[j]?.id}`);
    expect(overlapping).toEqual([]);
  });

  it('the timeline layout has a date axis whose ticks sit under their columns', async () => {
    await page.selectOption('#layout-select', 'timeline');
    const axis = page.locator('#timeline-axis');
    await axis.waitFor({ state: 'visible' });
    const ticks = await page.$$eval('#timeline-axis .tick', (els) =>
      els.map((el) => ({
        day: (el as HTMLElement).dataset.day ?? '',
        text: el.textContent ?? '',
        x: parseFloat((el as HTMLElement).style.left),
      })),
    );
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const t of ticks) expect(t.text).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await axis.getAttribute('aria-label')).toMatch(
      /event days from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/,
    );
    await settled(page);
    const geo = await geometry(page);
    const view = await viewState(page);
    const canvasBox = await page.locator('#canvas').boundingBox();
    const axisBox = await axis.boundingBox();
    if (!canvasBox || !axisBox) throw new Error('no canvas or axis');
    // What each entity takes on screen: its shape and its name.
    const drawn = geo.nodes.map((n) => ({
      id: n.id,
      x1: Math.min(n.x1, n.label.x1),
      y1: Math.min(n.y1, n.label.y1),
      x2: Math.max(n.x2, n.label.x2),
      y2: Math.max(n.y2, n.label.y2),
    }));
    // No entity's shape or name on another's, and every name drawn (none culled for a collision).
    const overlapping: string[] = [];
    for (let i = 0; i < drawn.length; i++)
      for (let j = i + 1; j < drawn.length; j++)
        if (overlap(drawn[i] as Rect, drawn[j] as Rect))
          overlapping.push(`${drawn[i]?.id} / ${drawn[j]?.id}`);
    expect(overlapping).toEqual([]);
    expect(geo.nodes.filter((n) => !n.labelShown).map((n) => n.id)).toEqual([]);
    // Inside the canvas above the axis strip; a timeline longer than the canvas starts at its left edge
    // with its earliest day, and the axis says how many days lie further on.
    const axisTop = axisBox.y - canvasBox.y;
    const outside = drawn.filter((b) => b.x1 < 0 || b.y1 < 0 || b.y2 > axisTop).map((b) => b.id);
    expect(outside, `drawn outside the canvas (0..${canvasBox.width} x 0..${axisTop})`).toEqual([]);
    const days = [...new Set(Object.values(view.entities).map((e) => parseTimeSpan(e.occurredAt)?.from))]
      .filter((d): d is string => Boolean(d))
      .sort();
    const right = Math.max(...drawn.map((b) => b.x2));
    if (right > canvasBox.width) {
      expect(Math.min(...drawn.map((b) => b.x1))).toBeLessThan(80);
      expect(ticks[0]?.day).toBe(days[0]);
      await expect(axis.locator('.off-screen.after').textContent()).resolves.toMatch(/^\d+ days? later/);
    }
    // Each tick stands in the middle of its day's entities (a busy day's block of stacks is centred on it).
    for (const t of ticks) {
      const centres = Object.entries(view.entities)
        .filter(([, e]) => parseTimeSpan(e.occurredAt)?.from === t.day)
        .map(([id]) => geo.nodes.find((n) => n.id === id))
        .filter((n): n is Box => Boolean(n))
        .map((n) => (n.x1 + n.x2) / 2);
      expect(centres.length, `entities of ${t.day}`).toBeGreaterThan(0);
      const middle = (Math.min(...centres) + Math.max(...centres)) / 2;
      expect(
        Math.abs(middle - t.x),
        `tick ${t.day} at ${t.x}, its entities' middle at ${middle}`,
      ).toBeLessThanOrEqual(1);
    }
    // It follows a pan.
    const firstX = ticks[0]?.x ?? 0;
    const canvas = await page.locator('#canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    const empty = await findEmptySpot(page);
    await page.mouse.move(canvas.x + empty.x, canvas.y + empty.y);
    await page.mouse.down();
    await page.mouse.move(canvas.x + empty.x + 120, canvas.y + empty.y, { steps: 6 });
    await page.mouse.up();
    await page.waitForFunction(
      ([day, x]) => {
        const tick = document.querySelector<HTMLElement>(`#timeline-axis .tick[data-day="${day}"]`);
        return tick !== null && Math.abs(parseFloat(tick.style.left) - (x as number)) > 60;
      },
      [ticks[0]?.day ?? '', firstX] as const,
    );
    await screenshotState(page, 'power-07-timeline-axis');
    await page.selectOption('#layout-select', 'fcose');
    await axis.waitFor({ state: 'hidden' });
  });

  it('picks a claim from the search\'s "Claims and quotes" group: the relationship is placed and selected', async () => {
    const fresh = await openPage(browser, baseUrl);
    const fp = fresh.page;
    await fp.goto(`${baseUrl}/`);
    await fp.fill('#search-input', '짐작');
    const hit = fp.locator('.claim-hit').first();
    await hit.waitFor({ timeout: 15_000 });
    await expect(fp.textContent('#search-results')).resolves.toMatch(/Claims and quotes/);
    await screenshotState(fp, 'power-08-claims-group');
    const id = (await hit.getAttribute('data-edge')) ?? '';
    expect(id).toMatch(/^[a-z0-9-]+:[A-Z_]+:[a-z0-9-]+$/);
    const [from, , to] = id.split(':');
    await hit.click();
    await fp.waitForFunction(
      (edge) => (window as unknown as Linkage).linkage.renderedIds().edges.includes(edge),
      id,
    );
    expect((await rendered(fp)).nodes.sort()).toEqual([from, to].sort());
    expect((await viewState(fp)).selection).toEqual({ type: 'edge', id });
    await fp.locator('#details .evidence').first().waitFor();
    expect(await fp.textContent('#details .evidence-list')).toMatch(/짐작/);
    expect(fresh.problems).toEqual([]);
    await fresh.context.close();
  });

  it.skipIf(!HAVE_SOURCE_TEXTS)(
    'shows the whole sentence around a quote, the quote marked, with the source link (needs the licensed seed article)',
    async () => {
      const fresh = await openPage(browser, baseUrl);
      const fp = fresh.page;
      await fp.goto(`${baseUrl}/`);
      await fp.fill('#search-input', '짐작');
      await fp.locator('.claim-hit').first().waitFor({ timeout: 15_000 });
      await fp.locator('.claim-hit').first().click();
      const sentence = fp.locator('#details .quote-in-sentence').first();
      await sentence.waitFor({ timeout: 15_000 });
      const whole = (await sentence.textContent()) ?? '';
      const marked = (await sentence.locator('mark.quote-mark').textContent()) ?? '';
      expect(marked.length).toBeGreaterThan(0);
      expect(whole).toContain(marked);
      expect(whole.length).toBeGreaterThan(marked.length);
      // One sentence at most (the article is copyrighted): no sentence break inside.
      expect(whole.trim().replace(/[.!?。]["'”’)]*$/, '')).not.toMatch(/[.!?。]\s+\S/);
      // The source is named, with its link (the seed's source has none recorded, and says so).
      await expect(fp.textContent('#details .evidence .source')).resolves.toMatch(
        /저커버그.*(https?:\/\/|\(no URL recorded\))/,
      );
      await screenshotState(fp, 'power-09-evidence-sentence');
      expect(fresh.problems).toEqual([]);
      await fresh.context.close();
    },
  );

  it('logged no console errors and fetched nothing external', () => {
    expect(watched.problems).toEqual([]);
  });
});

/** A point on the canvas (canvas pixels) at least 40 px from every entity, for background gestures. */
async function findEmptySpot(page: Page): Promise<{ x: number; y: number }> {
  const canvas = await page.locator('#canvas').boundingBox();
  if (!canvas) throw new Error('no canvas');
  const geo = await geometry(page);
  for (let y = 40; y < canvas.height - 60; y += 30)
    for (let x = 40; x < canvas.width - 40; x += 30)
      if (geo.nodes.every((n) => x < n.x1 - 40 || x > n.x2 + 40 || y < n.y1 - 40 || y > n.y2 + 40))
        return { x, y };
  return { x: 20, y: 20 };
}
