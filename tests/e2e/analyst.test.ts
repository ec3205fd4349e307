// What an analyst relies on (issue 17), in real Chromium against the product on the seed graph: legible
// search text, paths between any two entities, report-ready exports, the bundled Korean font, curation
// that stays consistent with the server. Each state the tests reach is checked with axe-core.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  contrastRatio,
  expectAccessible,
  openPage,
  screenshot,
  screenshotState,
  textContrast,
  type WatchedPage,
} from '../helpers/browser.ts';
import { openExplorer, type OpenExplorer } from '../helpers/explorer.ts';
import { labelCollisions, reportLabels } from '../helpers/report-labels.ts';
import type { TestProduct } from '../helpers/product.ts';

/** What the selected-label check reads of the page (graph-view geometry, the store's selection). */
interface SelectedLabelProbe {
  store: { getState(): { history: { present: { selection: { id: string } | null } } } };
  geometry(): {
    nodes: { id: string; label: { x1: number; x2: number }; labelLines: string[]; labelFont: string }[];
  };
}

interface Rendered {
  nodes: string[];
  edges: string[];
}

const rendered = (page: Page): Promise<Rendered> =>
  page.evaluate(() => (window as unknown as { linkage: { renderedIds(): Rendered } }).linkage.renderedIds());

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

async function place(page: Page, text: string, id: string): Promise<void> {
  await page.fill('#search-input', text);
  await page.locator(`.search-hit[data-id="${id}"]`).first().waitFor({ timeout: 15_000 });
  await page.click(`.search-hit[data-id="${id}"]`);
  await waitForNodes(page, [id]);
}

describe('analyst explorer (Chromium)', () => {
  let browser: Browser;
  let baseUrl: string;
  let product: TestProduct;
  let watched: WatchedPage;
  let page: Page;

  let explorer: OpenExplorer | undefined;

  beforeAll(async () => {
    explorer = await openExplorer(inject('neo4jUri'));
    ({ browser, baseUrl, product, watched, page } = explorer);
  });

  afterAll(() => explorer?.close());

  it('typed search text is legible: at least 4.5:1 against the field, Korean included', async () => {
    await page.fill('#search-input', '저커버');
    const typed = await textContrast(page, '#search-input');
    expect(typed.ratio, `${typed.fg} on ${typed.bg}`).toBeGreaterThanOrEqual(4.5);
    await page.locator('.search-hit').first().waitFor({ timeout: 15_000 });
    await screenshotState(page, 'analyst-01-search-typed');
    await page.fill('#search-input', '');
  });

  it('finds paths between two entities of which neither is on the canvas, in words', async () => {
    expect((await rendered(page)).nodes).toEqual([]);
    await page.click('summary:has-text("Paths")');
    await page.fill('#path-from', '조주완');
    await page.locator('#path-from-list [data-id="cho-joo-wan"]').waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.fill('#path-to', '이재용');
    await page.locator('#path-to-list [data-id="lee-jae-yong"]').waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    const [request] = await Promise.all([
      page.waitForRequest((r) => (r.postData() ?? '').includes('FindPaths')),
      page.click('#path-find'),
    ]);
    expect(JSON.parse(request.postData() ?? '{}').variables).toMatchObject({
      fromId: 'cho-joo-wan',
      toId: 'lee-jae-yong',
    });
    const list = page.locator('.path-list .path');
    await list
      .first()
      .waitFor({ timeout: 45_000 })
      .catch(async (error: unknown) => {
        await screenshot(page, 'analyst-02-paths-failed');
        const ui = await page.evaluate(() =>
          JSON.stringify(
            (
              window as unknown as { linkage: { store: { getState(): { ui: unknown } } } }
            ).linkage.store.getState().ui,
          ).slice(0, 1500),
        );
        throw new Error(`${String(error)}\nui: ${ui}\nproblems: ${watched.problems.join('; ')}`);
      });
    const texts = await list.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      // Names and relationship words, never raw ids.
      expect(text).toMatch(/Cho Joo-wan/);
      expect(text).toMatch(/Lee Jae-yong/);
      expect(text).toMatch(/weakest: (Confirmed|Reported|Speculative)/);
      expect(text).not.toMatch(/cho-joo-wan|lee-jae-yong|[A-Z]+_[A-Z]+/);
    }
    expect(texts.join(' ')).toMatch(/met with|participated in/);
    // The first path is on the canvas and highlighted.
    await waitForNodes(page, ['cho-joo-wan', 'lee-jae-yong']);
    await screenshotState(page, 'analyst-02-paths');
  });

  it('clicking another path puts it on the canvas, highlighted, with the rest dimmed', async () => {
    const count = await page.locator('.path-list .path').count();
    const index = count > 1 ? 1 : 0;
    await page.click(`.path-button[data-path="${index}"]`);
    const path = await page.evaluate((i) => {
      const s = (
        window as unknown as {
          linkage: { store: { getState(): { ui: { paths: { results: { nodes: { id: string }[] }[] } } } } };
        }
      ).linkage.store.getState();
      return s.ui.paths.results[i]?.nodes.map((n) => n.id) ?? [];
    }, index);
    await waitForNodes(page, path);
    const classes = await page.evaluate(() => {
      const cy = (window as unknown as { linkage: { classesOf(): Record<string, string[]> } }).linkage;
      return cy.classesOf();
    });
    for (const id of path) expect(classes[id]).toContain('highlighted');
    const others = Object.keys(classes).filter((id) => !path.includes(id) && !id.includes(':'));
    for (const id of others) expect(classes[id]).toContain('faded');
    expect(await page.getAttribute(`.path-button[data-path="${index}"]`, 'aria-pressed')).toBe('true');
    await screenshotState(page, 'analyst-03-path-focused');
  });

  it('"Confirmed only" and "avoid speculative" ask the server for that certainty', async () => {
    const findWith = async (option: string) => {
      await page.click(option);
      const [request] = await Promise.all([
        page.waitForRequest((r) => (r.postData() ?? '').includes('FindPaths')),
        page.waitForResponse((r) => (r.request().postData() ?? '').includes('FindPaths')),
        page.click('#path-find'),
      ]);
      // The list is drawn from the answer: wait until it is the new one.
      await page.waitForFunction(() => {
        const s = (
          window as unknown as { linkage: { store: { getState(): { ui: { loading: string | null } } } } }
        ).linkage.store.getState();
        return s.ui.loading === null;
      });
      return JSON.parse(request.postData() ?? '{}').variables.filter.minCertainty as string;
    };
    expect(await findWith('#path-certainty-confirmed')).toBe('CONFIRMED');
    const confirmed = await page.locator('.path-list .path').allTextContents();
    expect(confirmed.length).toBeGreaterThan(0);
    for (const text of confirmed) expect(text).toMatch(/weakest: Confirmed/);
    expect(await findWith('#path-certainty-reported')).toBe('REPORTED');
    for (const text of await page.locator('.path-list .path').allTextContents())
      expect(text).toMatch(/weakest: (Confirmed|Reported)/);
    await page.click('#paths button:has-text("Clear")');
    await page.waitForFunction(() => document.querySelectorAll('.path-list .path').length === 0);
  });

  it('exports an SVG with every node shape, legible labels, legend, title, date and sources', async () => {
    // A canvas with every kind: Zuckerberg expanded twice over.
    await place(page, 'Meta', 'meta');
    await page.click('#details button:has-text("Expand")');
    await page.locator('#expand-confirm').waitFor({ timeout: 15_000 });
    await page.fill('#expand-cap', '200');
    await page.click('#expand-confirm');
    await waitForNodes(page, ['llama', 'nvidia']);
    await place(page, '저커버그', 'mark-zuckerberg');
    await page.click('#details button:has-text("Expand")');
    await page.locator('#expand-confirm').waitFor({ timeout: 15_000 });
    await page.fill('#expand-cap', '200');
    await page.click('#expand-confirm');
    await waitForNodes(page, ['seoul', 'meta-lg-meeting-2024-02-28']);
    await page.waitForFunction(
      () => document.querySelector('#canvas')?.getAttribute('data-layout') === 'idle',
    );
    const kinds = await page.evaluate(() => {
      const s = (
        window as unknown as {
          linkage: {
            store: { getState(): { history: { present: { entities: Record<string, { kind: string }> } } } };
          };
        }
      ).linkage.store.getState();
      return [...new Set(Object.values(s.history.present.entities).map((e) => e.kind))].sort();
    });
    expect(kinds.length).toBeGreaterThanOrEqual(6);
    await screenshotState(page, 'analyst-04-canvas-for-export');

    await page.click('#export-open');
    await page.fill('#export-title-input', 'Zuckerberg in Seoul');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button:has-text("SVG image")'),
    ]);
    const svg = fs.readFileSync(await download.path(), 'utf8');
    const onScreen = await rendered(page);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const nodes = [...doc.querySelectorAll('g.node')].map((g) => ({
        id: g.getAttribute('data-id'),
        kind: g.getAttribute('data-kind'),
        shape: g.getAttribute('data-shape'),
        drawn: g.querySelector('polygon, rect, ellipse, circle, path')?.tagName ?? null,
      }));
      const labels = [...doc.querySelectorAll('text')].map((t) => {
        // Opacity on the label or any group around it would lighten the ink.
        let opacity = 1;
        for (let el: Element | null = t; el; el = el.parentElement)
          opacity *= Number(el.getAttribute('opacity') ?? '1');
        return {
          text: t.textContent ?? '',
          fill: t.getAttribute('fill') ?? '#000000',
          stroke: t.getAttribute('stroke'),
          opacity,
        };
      });
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        nodes,
        labels,
        title: doc.querySelector('.report-title')?.textContent ?? '',
        date: doc.querySelector('.report-date')?.textContent ?? '',
        sources: doc.querySelector('.report-sources')?.textContent ?? '',
        legendKinds: [...doc.querySelectorAll('.legend-kind')].map((g) => g.getAttribute('data-kind')),
        legendLines: doc.querySelectorAll('.legend-line').length,
        fontFaces: (doc.querySelector('style')?.textContent ?? '').match(/@font-face/g)?.length ?? 0,
      };
    }, svg);
    expect(parsed.errors).toBe(0);
    expect(parsed.nodes.map((n) => n.id).sort()).toEqual([...onScreen.nodes].sort());
    for (const n of parsed.nodes) expect(n.drawn, `${n.id} (${n.shape})`).not.toBeNull();
    const shapes = new Set(parsed.nodes.map((n) => n.shape));
    for (const shape of [
      'round-rectangle',
      'ellipse',
      'round-hexagon',
      'round-diamond',
      'round-triangle',
      'round-tag',
      'round-octagon',
    ].filter((_, i) => i < 7))
      if (parsed.nodes.some((n) => n.shape === shape)) expect(shapes.has(shape)).toBe(true);
    expect(shapes.size).toBe(kinds.length);
    expect(parsed.legendKinds.sort()).toEqual(kinds);
    expect(parsed.legendLines).toBe(3);
    expect(parsed.title).toBe('Zuckerberg in Seoul');
    expect(parsed.date).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(parsed.sources).toMatch(/^Sources: .*애플경제/);
    // Every label: dark ink on its white halo and on the white page, at least 4.5:1.
    expect(parsed.labels.length).toBeGreaterThan(onScreen.nodes.length);
    for (const label of parsed.labels) {
      expect(label.opacity, label.text).toBe(1);
      expect(contrastRatio(label.fill, '#ffffff'), label.text).toBeGreaterThanOrEqual(4.5);
      if (label.stroke)
        expect(contrastRatio(label.fill, label.stroke), label.text).toBeGreaterThanOrEqual(4.5);
    }
    // Korean labels carry their font with them.
    expect(parsed.fontFaces).toBeGreaterThan(0);
    // Report-ready: no label drawn on another, measured as the browser draws them with the SVG's own
    // fonts, and (names placed first, moved around their shape where need be) nearly every name there.
    const report = await reportLabels(page, svg);
    expect(labelCollisions(report.labels)).toEqual([]);
    const unnamed = report.names.filter((n) => n.name.trim() === '').map((n) => n.id);
    expect(unnamed.length, `names left out: ${unnamed.join(' ')}`).toBeLessThanOrEqual(
      Math.floor(0.1 * report.names.length),
    );
    fs.mkdirSync('test-results/screenshots', { recursive: true });
    fs.writeFileSync('test-results/screenshots/analyst-05-export.svg', svg);
    expect(watched.problems).toEqual([]);
  });

  it('exports a PNG with the same title, legend and sources (drawn from the SVG)', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button:has-text("PNG image")'),
    ]);
    const png = fs.readFileSync(await download.path());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBeGreaterThan(1000);
    expect(height).toBeGreaterThan(600);
    fs.writeFileSync('test-results/screenshots/analyst-06-export.png', png);
    expect(watched.problems).toEqual([]);
  });

  it('exports citations in words and an edges CSV with the quotes', async () => {
    const [citations] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#export-dialog button:has-text("Citations")'),
    ]);
    const text = fs.readFileSync(await citations.path(), 'utf8');
    expect(text).toMatch(/Mark Zuckerberg participated in /);
    expect(text).toMatch(/“[^”]*[가-힣][^”]*” — “[^”]+”/);
    expect(text).not.toMatch(/mark-zuckerberg|PARTICIPATED_IN/);
    const [edges] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#export-dialog button:has-text("Edges CSV")'),
    ]);
    const csv = fs.readFileSync(await edges.path(), 'utf8');
    const header = csv.split('\r\n')[0] ?? '';
    expect(header).toContain('"quote","translation","attributedTo"');
    expect(csv).toMatch(/"Mark Zuckerberg"/);
    expect(csv).toMatch(/[가-힣]/);
    await expectAccessible(page, 'export dialog');
    await page.keyboard.press('Escape');
  });

  it('renders Korean with the bundled web font, served by the app itself', async () => {
    const font = await page.evaluate(async () => {
      await document.fonts.ready;
      const faces = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Noto Sans KR');
      return {
        faces: faces.length,
        loaded: faces.filter((f) => f.status === 'loaded').length,
        usable: document.fonts.check('16px "Noto Sans KR"', '저커버그'),
        urls: performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((u) => /noto-sans-kr.*\.woff2/.test(u)),
      };
    });
    expect(font.faces).toBeGreaterThan(0);
    expect(font.loaded).toBeGreaterThan(0);
    expect(font.usable).toBe(true);
    expect(font.urls.length).toBeGreaterThan(0);
    for (const url of font.urls) expect(url.startsWith(baseUrl)).toBe(true);
  });

  it('curation: the token status clears when a token is saved; pickers show names', async () => {
    await page.click('summary:has-text("Curation")');
    expect(await page.textContent('#curation-token-status')).toMatch(/Needs an editor token/);
    await page.click('summary:has-text("Settings")');
    await page.fill('#token-input', product.editorToken);
    await page.click('#settings button:has-text("Save")');
    await page.waitForFunction(
      () =>
        !/Needs an editor token/.test(document.querySelector('#curation-token-status')?.textContent ?? ''),
    );
  });

  it('merge is one GraphQL operation and one undo step; Ctrl-Z unmerges on the server', async () => {
    const { gql } = await import('../helpers/product.ts');
    const created = await gql(
      baseUrl,
      `mutation { createEntity(input: { id: "mark-zuckerberg-dup", kind: "Person", name: "M. Zuckerberg", aliases: ["Zuck"] }) { id } }`,
      {},
      product.editorToken,
    );
    expect(created.errors).toBeUndefined();
    const rel = await gql(
      baseUrl,
      `mutation { createRelationship(input: { type: "CEO_OF", fromId: "mark-zuckerberg-dup", toId: "nvidia",
        evidence: [{ quote: "테스트 인용", translation: "a test quote", certainty: SPECULATIVE,
        sourceId: "apple-economy-2024-02-29-zuckerberg-seoul" }] }) { id } }`,
      {},
      product.editorToken,
    );
    expect(rel.errors).toBeUndefined();
    const serverState = async () =>
      (
        await gql<{ entity: { deleted: boolean; mergedInto: string | null } }>(
          baseUrl,
          `{ entity(id: "mark-zuckerberg-dup") { deleted mergedInto } }`,
          {},
          product.readerToken, // a deleted entity is shown to token holders only
        )
      ).data?.entity;

    await place(page, 'M. Zuckerberg', 'mark-zuckerberg-dup');
    // Its relationship comes onto the canvas with an expansion.
    await page.click('#details button:has-text("Expand")');
    await page.locator('#expand-confirm').waitFor({ timeout: 15_000 });
    await page.click('#expand-confirm');
    await page.waitForFunction(() =>
      (window as unknown as { linkage: { renderedIds(): Rendered } }).linkage
        .renderedIds()
        .edges.includes('mark-zuckerberg-dup:CEO_OF:nvidia'),
    );
    await place(page, '저커버그', 'mark-zuckerberg');
    await page.click('#details button:has-text("Merge…")');
    expect(await page.inputValue('#merge-keep')).toMatch(/Mark Zuckerberg/);
    await page.fill('#merge-drop', 'M. Zuckerberg');
    await page.locator('#merge-drop-list [data-id="mark-zuckerberg-dup"]').waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await expect(page.textContent('#merge-preview')).resolves.toMatch(
      /M\. Zuckerberg will be merged into Mark Zuckerberg.*New aliases for Mark Zuckerberg: M\. Zuckerberg, Zuck/s,
    );
    await screenshotState(page, 'analyst-07-merge-preview');
    const mutations: string[] = [];
    const onRequest = (r: { postData(): string | null }) => {
      const body = r.postData() ?? '';
      if (body.includes('mutation')) mutations.push(body);
    };
    page.on('request', onRequest);
    await page.click('#merge-confirm');
    await page.waitForFunction(
      () =>
        !(window as unknown as { linkage: { renderedIds(): Rendered } }).linkage
          .renderedIds()
          .nodes.includes('mark-zuckerberg-dup'),
    );
    expect(await serverState()).toEqual({ deleted: true, mergedInto: 'mark-zuckerberg' });
    // The duplicate's relationship moved to the kept entity on the canvas too.
    expect((await rendered(page)).edges).toContain('mark-zuckerberg:CEO_OF:nvidia');
    expect(mutations).toHaveLength(1);
    expect(mutations[0]).toContain('MergeEntities');

    // Ctrl-Z: the server unmerges (with the merge record's id) and the canvas matches it.
    await page.focus('#canvas');
    await page.keyboard.press('Control+z');
    await waitForNodes(page, ['mark-zuckerberg-dup']);
    expect(mutations).toHaveLength(2);
    expect(mutations[1]).toContain('UnmergeEntities');
    expect(JSON.parse(mutations[1] ?? '{}').variables.mergeId).toMatch(/^merge-/);
    expect(await serverState()).toEqual({ deleted: false, mergedInto: null });
    expect((await rendered(page)).edges).toContain('mark-zuckerberg-dup:CEO_OF:nvidia');

    // Redo merges again (a new merge record), and undoing that works too.
    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction(
      () =>
        !(window as unknown as { linkage: { renderedIds(): Rendered } }).linkage
          .renderedIds()
          .nodes.includes('mark-zuckerberg-dup'),
    );
    expect(await serverState()).toEqual({ deleted: true, mergedInto: 'mark-zuckerberg' });
    await page.keyboard.press('Control+z');
    await waitForNodes(page, ['mark-zuckerberg-dup']);
    expect(await serverState()).toEqual({ deleted: false, mergedInto: null });
    expect(mutations.map((m) => /mutation (\w+)/.exec(m)?.[1])).toEqual([
      'MergeEntities',
      'UnmergeEntities',
      'MergeEntities',
      'UnmergeEntities',
    ]);
    page.off('request', onRequest);
    // The selected entity's name is drawn whole: no wider than the box its label was laid out in
    // (cytoscape draws a label into a texture of that box; drawn bold in a box laid out for the normal
    // weight, the name was cut at both ends).
    const name = await page.evaluate(() => {
      const linkage = (window as unknown as { linkage: SelectedLabelProbe }).linkage;
      const selected = linkage.store.getState().history.present.selection?.id;
      const node = linkage.geometry().nodes.find((n) => n.id === selected);
      if (!node) return null;
      const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      context.font = node.labelFont;
      return {
        id: node.id,
        font: node.labelFont,
        lines: node.labelLines,
        widest: Math.max(...node.labelLines.map((line) => context.measureText(line).width)),
        box: node.label.x2 - node.label.x1,
      };
    });
    expect(name?.id).toBe('mark-zuckerberg');
    expect(name?.lines[0]).toBe('Mark Zuckerberg');
    expect(name?.widest, JSON.stringify(name)).toBeLessThanOrEqual(name?.box ?? 0);
    await screenshotState(page, 'analyst-08-after-unmerge');
  });

  it('deletes an entity from the UI; undo restores it on the server', async () => {
    const { gql } = await import('../helpers/product.ts');
    await place(page, 'M. Zuckerberg', 'mark-zuckerberg-dup');
    await page.click('#delete-entity');
    await page.click('#delete-confirm');
    await page.waitForFunction(
      () =>
        !(window as unknown as { linkage: { renderedIds(): Rendered } }).linkage
          .renderedIds()
          .nodes.includes('mark-zuckerberg-dup'),
    );
    const deleted = await gql<{ entity: { deleted: boolean } }>(
      baseUrl,
      `{ entity(id: "mark-zuckerberg-dup") { deleted } }`,
      {},
      product.readerToken,
    );
    expect(deleted.data?.entity.deleted).toBe(true);
    await page.click('#undo');
    await waitForNodes(page, ['mark-zuckerberg-dup']);
    const restored = await gql<{ entity: { deleted: boolean } }>(
      baseUrl,
      `{ entity(id: "mark-zuckerberg-dup") { deleted } }`,
      {},
      product.readerToken,
    );
    expect(restored.data?.entity.deleted).toBe(false);
  });

  it('filters drop evidence, not edges: the Feb-28 window grades the meeting REPORTED, confirmed-only hides it', async () => {
    const fresh = await openPage(browser, baseUrl);
    const fp = fresh.page;
    await fp.goto(`${baseUrl}/`);
    await place(fp, '저커버그', 'mark-zuckerberg');
    await fp.click('#details button:has-text("Expand")');
    await fp.locator('#expand-confirm').waitFor({ timeout: 15_000 });
    await fp.fill('#expand-cap', '200');
    await fp.click('#expand-confirm');
    const MET = 'mark-zuckerberg:MET_WITH:lee-jae-yong';
    await fp.waitForFunction(
      (id) =>
        (window as unknown as { linkage: { renderedIds(): Rendered } }).linkage
          .renderedIds()
          .edges.includes(id),
      MET,
    );
    const classesOf = () =>
      fp.evaluate(() =>
        (window as unknown as { linkage: { classesOf(): Record<string, string[]> } }).linkage.classesOf(),
      );
    expect((await classesOf())[MET]).toContain('certainty-confirmed');
    // Each quote shows its own event date, source, publisher, report date and reliability.
    await fp.click('#table-toggle');
    await fp.click(`#edges-table tr[data-id="${MET}"] button`);
    await fp.locator('#details .evidence').nth(1).waitFor();
    const facts = await fp.locator('#details .evidence').allTextContents();
    expect(facts.join(' | ')).toMatch(/events of 2024-02-28/);
    expect(facts.join(' | ')).toMatch(/events of 2013\/2014/);
    for (const text of facts) {
      expect(text).toMatch(/Reported2024-02-29/);
      expect(text).toMatch(/Publisher애플경제/);
      expect(text).toMatch(/Reliability F \(cannot be judged\)/);
    }
    await screenshotState(fp, 'analyst-09-evidence-facts');

    // Event window 2024-02-28: the edge stays, graded by its 2024 evidence alone.
    await fp.fill('#time-from-date', '2024-02-28');
    await fp.fill('#time-to-date', '2024-02-28');
    await fp.locator('#time-to-date').dispatchEvent('change');
    await fp.waitForFunction((id) => {
      const classes = (
        window as unknown as { linkage: { classesOf(): Record<string, string[]> } }
      ).linkage.classesOf();
      return classes[id]?.includes('certainty-reported') ?? false;
    }, MET);
    await fp.locator('#evidence-hidden').waitFor();
    expect(await fp.locator('#details .evidence').count()).toBe(1);
    expect(await fp.textContent('#details .evidence')).toMatch(/events of 2024-02-28/);
    await screenshotState(fp, 'analyst-10-feb28-window');

    // Confirmed only in that window: no confirmed evidence is left, so the meeting is not on the canvas.
    await fp.selectOption('#min-certainty', 'CONFIRMED');
    await fp.waitForFunction(
      (id) =>
        !(window as unknown as { linkage: { renderedIds(): Rendered } }).linkage
          .renderedIds()
          .edges.includes(id),
      MET,
    );
    await expect(fp.textContent('#details')).resolves.toMatch(/The filters hide this relationship/);
    await expect(fp.textContent('#filters-hidden')).resolves.toMatch(/Hidden by filters: \d+ relationships?/);
    await screenshotState(fp, 'analyst-11-confirmed-only-feb28');

    // Keyboard focus stays on the time slider while it moves (the panel is rebuilt on every step).
    await fp.click('#time-clear');
    await fp.selectOption('#min-certainty', 'SPECULATIVE');
    await fp.focus('#time-from');
    await fp.keyboard.press('ArrowRight');
    await fp.waitForFunction(() => document.querySelector('#time-readout') !== null);
    expect(await fp.evaluate(() => document.activeElement?.id)).toBe('time-from');
    await fp.keyboard.press('ArrowRight');
    expect(await fp.evaluate(() => document.activeElement?.id)).toBe('time-from');
    await fp.click('#time-clear');

    // "As of" the day before the article: nothing had been reported, so no relationship is shown.
    const edgeCount = async () => (await rendered(fp)).edges.length;
    const before = await edgeCount();
    expect(before).toBeGreaterThan(10);
    await fp.fill('#as-of-date', '2024-02-28');
    await fp.locator('#as-of-date').dispatchEvent('change');
    await fp.waitForFunction(
      () =>
        (window as unknown as { linkage: { renderedIds(): Rendered } }).linkage.renderedIds().edges.length ===
        0,
    );
    await expect(fp.textContent('#as-of-readout')).resolves.toMatch(/reported by 2024-02-28/);
    await screenshotState(fp, 'analyst-12-as-of-before');
    await fp.fill('#as-of-date', '2024-02-29');
    await fp.locator('#as-of-date').dispatchEvent('change');
    await fp.waitForFunction(
      (n) =>
        (window as unknown as { linkage: { renderedIds(): Rendered } }).linkage.renderedIds().edges.length ===
        n,
      before,
    );
    // Hide orphans: with everything filtered out, the entities go too and are counted.
    await fp.check('#hide-orphans');
    await fp.fill('#as-of-date', '2024-02-01');
    await fp.locator('#as-of-date').dispatchEvent('change');
    await fp.waitForFunction(
      () =>
        (window as unknown as { linkage: { renderedIds(): Rendered } }).linkage.renderedIds().nodes.length ===
        0,
    );
    await expect(fp.textContent('#filters-hidden')).resolves.toMatch(/\d+ entities/);
    await expectAccessible(fp, 'as of + hide orphans');
    expect(fresh.problems).toEqual([]);
    await fresh.context.close();
  });

  it('an editor rates a source A–F with a reason; the grade shows beside every quote of it', async () => {
    const MET = 'mark-zuckerberg:MET_WITH:lee-jae-yong';
    if ((await page.getAttribute('#table-toggle', 'aria-pressed')) !== 'true')
      await page.click('#table-toggle');
    await page
      .locator(`#edges-table tr[data-id="${MET}"] button`)
      .waitFor({ timeout: 15_000 })
      .catch(async () => {
        await place(page, '이재용', 'lee-jae-yong');
      });
    await page.click(`#edges-table tr[data-id="${MET}"] button`);
    await page.click('#details .evidence .reliability >> nth=0');
    await page.locator('#source-grade').waitFor();
    await page.selectOption('#source-grade', 'B');
    await page.fill('#source-reason', 'Established trade outlet; names its sources');
    await page.click('#source-rate');
    await page.waitForFunction(() =>
      /^B/.test(document.querySelector('#source-current-grade')?.textContent ?? ''),
    );
    await screenshotState(page, 'analyst-13-source-rated');
    await page.click('#details button:has-text("Back")');
    for (const text of await page.locator('#details .evidence .reliability').allTextContents())
      expect(text).toBe('Reliability B (usually reliable)');
    const { gql } = await import('../helpers/product.ts');
    const stored = await gql<{ sources: { id: string; reliability: string; reliabilityReason: string }[] }>(
      baseUrl,
      '{ sources { id reliability reliabilityReason } }',
    );
    expect(
      stored.data?.sources.find((src) => src.id === 'apple-economy-2024-02-29-zuckerberg-seoul'),
    ).toMatchObject({
      reliability: 'B',
      reliabilityReason: 'Established trade outlet; names its sources',
    });
  });

  it('search tolerates typos in Latin names, finds 초성, lists matching quotes, and says "too long" once', async () => {
    const fresh = await openPage(browser, baseUrl);
    const fp = fresh.page;
    await fp.goto(`${baseUrl}/`);
    await fp.fill('#search-input', 'zuckerburg');
    await fp.locator('.search-hit[data-id="mark-zuckerberg"]').waitFor({ timeout: 15_000 });
    await fp.fill('#search-input', 'ㅈㅋㅂㄱ');
    await fp.locator('.search-hit[data-id="mark-zuckerberg"]').waitFor({ timeout: 15_000 });
    expect(await fp.getAttribute('.search-hit >> nth=0', 'data-id')).toBe('mark-zuckerberg');
    await screenshotState(fp, 'analyst-14-choseong');
    await fp.keyboard.press('Enter');
    await waitForNodes(fp, ['mark-zuckerberg']);
    await fp.click('#details button:has-text("Expand")');
    await fp.locator('#expand-confirm').waitFor({ timeout: 15_000 });
    await fp.click('#expand-confirm');
    await waitForNodes(fp, ['lee-jae-yong']);
    // A quote fragment finds the claim it supports (second result group).
    await fp.fill('#search-input', '만나');
    await fp.locator('.claim-hit').first().waitFor({ timeout: 15_000 });
    await expect(fp.textContent('#search-results')).resolves.toMatch(/Claims and quotes/);
    await fp.locator('.claim-hit').first().click();
    await fp.locator('#details .evidence').first().waitFor();
    // Too long: one message, in the search box, no banner.
    await fp.fill('#search-input', 'x'.repeat(240));
    await fp.waitForFunction(() =>
      /limited to 200 characters/.test(document.querySelector('.search-status')?.textContent ?? ''),
    );
    expect(await fp.locator('#status .banner-error').count()).toBe(0);
    await expectAccessible(fp, 'search states');
    expect(fresh.problems).toEqual([]);
    await fresh.context.close();
  });

  it('logged no console errors and fetched nothing external', () => {
    expect(watched.problems).toEqual([]);
  });
});
