// The article review screen in real Chromium: paste a Korean article, review the highlighted proposal,
// edit a claim, leave one out, accept; the new entities and relationships appear on the canvas with
// their quotes. Then an English report of the same meeting corroborates it via "accept all above x".
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, screenshotState, type WatchedPage } from '../helpers/browser.ts';
import { ok, RELATIONSHIP, UNHURRIED, type RelationshipView } from '../helpers/api.ts';
import type { TestProduct } from '../helpers/product.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/ingest');
const article = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

interface Rendered {
  nodes: string[];
  edges: string[];
}
const rendered = (page: Page): Promise<Rendered> =>
  page.evaluate(() => (window as unknown as { linkage: { renderedIds(): Rendered } }).linkage.renderedIds());

describe('article review (Chromium)', () => {
  let browser: Browser;
  let product: TestProduct;
  let watched: WatchedPage;
  let page: Page;

  beforeAll(async () => {
    const { ensureClientBuilt } = await import('../../scripts/client-build.ts');
    const { startProductForTests } = await import('../helpers/product.ts');
    ensureClientBuilt();
    // The first accept plans a large statement cold; on a loaded machine that may pass the default timeout.
    product = await startProductForTests(inject('neo4jUri'), { env: { ...UNHURRIED } });
    browser = await launchBrowser();
    watched = await openPage(browser, product.url);
    page = watched.page;
    // The explorer reads the editor token saved by its settings panel.
    await page.goto(product.url);
    await page.evaluate(
      (token) => window.localStorage.setItem('linkage.editorToken', token),
      product.editorToken,
    );
    await page.reload();
    await page.waitForSelector('#ingest-open');
  });

  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  async function propose(text: string, title: string, publisher: string, date: string) {
    await page.click('#ingest-open');
    await page.fill('#ingest-text', text);
    await page.fill('#ingest-title', title);
    await page.fill('#ingest-publisher', publisher);
    await page.fill('#ingest-date', date);
    await page.click('#ingest-propose');
    // The review shows this article (not the one reviewed before) once the proposal has come back.
    await page.waitForFunction(
      (expected) => document.querySelector('#ingest-article')?.textContent === expected,
      text,
    );
  }

  it('Korean article: highlighted text, edit, leave one out, accept; the result is on the canvas', async () => {
    await propose(
      article('ko-hbm3e-sk-hynix.txt'),
      'SK하이닉스, 엔비디아에 HBM3E 공급',
      '테크브리프',
      '2024-03-19',
    );
    // Claim sentences are coloured by certainty, mentions underlined; new entities dashed.
    expect(await page.locator('#ingest-article .claim-speculative').count()).toBeGreaterThan(0);
    expect(await page.locator('#ingest-article .claim-confirmed').count()).toBeGreaterThan(0);
    const hbm3e = page.locator('#ingest-article .mention-new', { hasText: 'HBM3E' });
    expect(await hbm3e.count()).toBeGreaterThan(0);
    expect(await page.textContent('#ingest-article')).toBe(article('ko-hbm3e-sk-hynix.txt'));
    const claims = page.locator('.ingest-claim');
    const total = await claims.count();
    expect(total).toBeGreaterThan(3);
    await screenshotState(page, 'ingest-review-ko');

    // Edit one claim's certainty and translation, leave the last one out.
    const first = claims.first();
    const firstId = await first.getAttribute('data-claim-id');
    await first.locator('select[aria-label="Certainty"]').selectOption('REPORTED');
    await first.locator('input[aria-label="Translation"]').fill('SK hynix starts supplying HBM3E to Nvidia');
    await first.locator('button.ingest-save').click();
    await page.waitForFunction(
      (id) =>
        document.querySelector(`.ingest-claim[data-claim-id="${id}"] .badge`)?.textContent === 'Reported',
      firstId,
    );
    await claims.last().locator('input[type="checkbox"]').uncheck();
    await page.click('#ingest-accept-selected');
    await page.waitForFunction(
      () => /Accepted \d+ claims/.test(document.querySelector('#ingest-status')?.textContent ?? ''),
      undefined,
      { timeout: 120_000 },
    );
    expect(await page.locator('.ingest-claim[data-status="ACCEPTED"]').count()).toBe(total - 1);
    expect(await page.locator('.ingest-claim[data-status="REJECTED"]').count()).toBe(1);
    await screenshotState(page, 'ingest-accepted-ko');

    await page.click('#ingest-close');
    await page.waitForFunction(() => {
      const ids = (window as unknown as { linkage: { renderedIds(): Rendered } }).linkage.renderedIds();
      return ids.nodes.includes('hbm3e') && ids.nodes.includes('nvidia');
    });
    const { nodes, edges } = await rendered(page);
    expect(nodes).toEqual(expect.arrayContaining(['hbm3e', 'nvidia', 'samsung-electronics']));
    expect(edges).toContain('samsung-electronics:MAY_SUPPLY:nvidia');
    const edited = await ok<{ relationship: RelationshipView }>(
      product.url,
      `query ($id: ID!) { relationship(id: $id) { ${RELATIONSHIP} } }`,
      { id: edges.find((e) => e.includes(':SUPPLIES:nvidia'))! },
    );
    expect(edited.relationship.evidence.map((e) => e.translation)).toContain(
      'SK hynix starts supplying HBM3E to Nvidia',
    );
  });

  it('an English report of the seed meeting: "accept all above x" adds evidence, no duplicate', async () => {
    const before = await ok<{ relationship: RelationshipView }>(
      product.url,
      `query { relationship(id: "mark-zuckerberg:MET_WITH:cho-joo-wan") { ${RELATIONSHIP} } }`,
    );
    await propose(
      article('en-zuckerberg-seoul-meetings.txt'),
      "Meta's Zuckerberg meets LG and Samsung chiefs",
      'Tech Wire',
      '2024-02-28',
    );
    await page.fill('#ingest-threshold', '0.75');
    await page.click('#ingest-accept-above');
    await page.waitForFunction(
      () => /Accepted \d+ claims/.test(document.querySelector('#ingest-status')?.textContent ?? ''),
      undefined,
      { timeout: 120_000 },
    );
    const status = (await page.textContent('#ingest-status'))!;
    expect(status).toMatch(/0 new entities/);
    const after = await ok<{ relationship: RelationshipView }>(
      product.url,
      `query { relationship(id: "mark-zuckerberg:MET_WITH:cho-joo-wan") { ${RELATIONSHIP} } }`,
    );
    expect(after.relationship.evidence).toHaveLength(before.relationship.evidence.length + 1);
    expect(new Set(after.relationship.evidence.map((e) => e.source.id)).size).toBe(2);
    await screenshotState(page, 'ingest-accepted-en');
    expect(watched.problems).toEqual([]);
  });
});
