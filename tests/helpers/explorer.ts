// The explorer as an e2e test opens it: the client built from the current sources, the product on a freshly
// seeded test database, and a watched Chromium page on its first screen.
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, type WatchedPage } from './browser.ts';
import type { TestProduct } from './product.ts';

export interface OpenExplorer {
  product: TestProduct;
  /** The product's URL without a trailing slash. */
  baseUrl: string;
  browser: Browser;
  watched: WatchedPage;
  page: Page;
  close(): Promise<void>;
}

export async function openExplorer(
  neo4jUri: string,
  env: Record<string, string> = {},
): Promise<OpenExplorer> {
  // Loaded here, not at the top: collecting the e2e files must not build the client or load the server.
  const { ensureClientBuilt } = await import('../../scripts/client-build.ts');
  const { startProductForTests } = await import('./product.ts');
  ensureClientBuilt();
  const product = await startProductForTests(neo4jUri, { env });
  const baseUrl = product.url.replace(/\/$/, '');
  const browser = await launchBrowser();
  const watched = await openPage(browser, baseUrl);
  await watched.page.goto(`${baseUrl}/`);
  return {
    product,
    baseUrl,
    browser,
    watched,
    page: watched.page,
    async close() {
      await browser.close();
      await product.close();
    },
  };
}
