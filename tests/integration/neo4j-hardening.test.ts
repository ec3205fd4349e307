// Issue 12, item 1 (Critical): the local Neo4j was reachable by any local process or web page without a
// password, and Cypher could read files and fetch URLs. These tests replay the red team's attacks against the
// test Neo4j, which runs exactly like the local one (neo4j/local-neo4j.ts): authentication on, LOAD CSV with
// no file and no URL access, Bolt over WebSocket refused.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import neo4j from 'neo4j-driver';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localPasswordFile } from '../../neo4j/credentials.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { testDriver } from '../helpers/db.ts';

const uri = inject('neo4jUri');
const dataDir = inject('neo4jDataDir');
const boltPort = Number(new URL(uri.replace(/^bolt/, 'http')).port);

async function run(driver: ReturnType<typeof neo4j.driver>, query: string) {
  try {
    const { records } = await driver.executeQuery(query, {}, { database: 'neo4j' });
    return { ok: true as const, rows: records.map((r) => r.toObject()) };
  } catch (error) {
    return { ok: false as const, code: (error as { code?: string }).code, message: (error as Error).message };
  } finally {
    await driver.close();
  }
}

/** A plain HTTP server on loopback that counts the requests it receives (the SSRF target). */
let target: http.Server;
let targetUrl: string;
let hits = 0;
beforeAll(async () => {
  target = http.createServer((_req, res) => {
    hits += 1;
    res.end('id,name\nsecret,exfiltrated\n');
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => target.close(() => resolve())));

describe('the local Neo4j refuses whoever has no password', () => {
  it('refuses an unauthenticated Bolt connection', async () => {
    const result = await run(neo4j.driver(uri), 'MATCH (n) SET n.description = "pwned" RETURN count(n)');
    expect(result.ok).toBe(false);
    expect(result.code).toBe('Neo.ClientError.Security.Unauthorized');
  });

  it('refuses the default neo4j/neo4j credentials', async () => {
    const result = await run(neo4j.driver(uri, neo4j.auth.basic('neo4j', 'neo4j')), 'RETURN 1');
    expect(result.ok).toBe(false);
    expect(result.code).toBe('Neo.ClientError.Security.Unauthorized');
  });

  it('keeps the password in a 0600 file inside a 0700 data directory', () => {
    if (!dataDir) return; // NEO4J_TEST_URI without NEO4J_TEST_DATA_DIR: not ours to inspect
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(localPasswordFile(dataDir)).mode & 0o777).toBe(0o600);
  });
});

describe('LOAD CSV reads no file and fetches no URL, even for the admin', () => {
  it('cannot read a local file', async () => {
    const result = await run(testDriver(uri), "LOAD CSV FROM 'file:///etc/hostname' AS line RETURN line");
    expect(result.ok).toBe(false);
    expect(result.code).toBe('Neo.ClientError.Statement.ExternalResourceFailed');
  });

  it('cannot read its own password file', async () => {
    if (!dataDir) return;
    const result = await run(
      testDriver(uri),
      `LOAD CSV FROM 'file://${localPasswordFile(dataDir)}' AS line RETURN line`,
    );
    expect(result.ok).toBe(false);
  });

  it('cannot fetch a URL on loopback (no SSRF against the API or anything else)', async () => {
    const before = hits;
    for (const url of [`${targetUrl}/export/nodes.csv`, targetUrl.replace('127.0.0.1', 'localhost')]) {
      const result = await run(testDriver(uri), `LOAD CSV WITH HEADERS FROM '${url}' AS row RETURN row`);
      expect(result.ok, url).toBe(false);
      expect(result.code).toBe('Neo.ClientError.Statement.ExternalResourceFailed');
    }
    expect(hits).toBe(before);
  });
});

describe('a web page on another origin cannot reach Bolt', () => {
  let browser: Browser;
  let page: http.Server;
  let pageUrl: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = http.createServer((_req, res) => res.setHeader('content-type', 'text/html').end('<p>evil'));
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => page.close(() => resolve()));
  });

  it('a WebSocket to the Bolt port from Chromium does not open', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(pageUrl);
    const outcome = await tab.evaluate(
      (port) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`ws://127.0.0.1:${port}`);
          ws.binaryType = 'arraybuffer';
          const timer = setTimeout(() => resolve('timeout'), 10_000);
          ws.onopen = () => {
            clearTimeout(timer);
            ws.close();
            resolve('open');
          };
          ws.onerror = () => {
            clearTimeout(timer);
            resolve('error');
          };
        }),
      boltPort,
    );
    await context.close();
    expect(outcome).toBe('error');
  });
});
