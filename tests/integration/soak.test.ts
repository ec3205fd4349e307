// The soak script, short: 20 seconds of concurrent readers and editors against a real server, then its
// own verification (no 5xx, no lost or duplicated writes, no lost updates, stale versions refused).
// Timings are reported, never asserted; the long run is `npm run soak -- --minutes N`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startProductForTests, type TestProduct } from '../helpers/product.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
let product: TestProduct;
let out: string;

beforeAll(async () => {
  product = await startProductForTests(inject('neo4jUri'));
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-soak-test-'));
});

afterAll(async () => {
  await product?.close();
  fs.rmSync(out, { recursive: true, force: true });
});

describe('npm run soak (short)', () => {
  it('runs 20 s of readers and editors and its verification passes', async () => {
    const args = [
      '--import',
      'tsx',
      path.join(REPO, 'scripts', 'soak.ts'),
      '--seconds',
      '20',
      '--readers',
      '6',
      '--editors',
      '3',
      '--url',
      product.url,
      '--token',
      product.editorToken,
      '--pid',
      String(process.pid),
      '--out',
      out,
    ];
    // Asynchronous spawn: the server under test lives in this process and must keep answering.
    const child = spawn(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    console.log(stdout);
    expect(status, stderr).toBe(0);
    const json = fs.readdirSync(out).find((f) => f.endsWith('.json'));
    expect(json).toBeDefined();
    const report = JSON.parse(fs.readFileSync(path.join(out, json!), 'utf8')) as {
      requests: number;
      perOperation: Record<string, { count: number }>;
      verification: {
        passed: boolean;
        problems: string[];
        serverErrors: number;
        acknowledgedCreates: number;
        foundCreates: number;
        duplicates: number;
        acknowledgedUpdates: number;
        staleUpdatesSent: number;
        staleUpdatesAccepted: number;
      };
    };
    expect(report.verification.problems).toEqual([]);
    expect(report.verification.passed).toBe(true);
    expect(report.verification.serverErrors).toBe(0);
    expect(report.verification.foundCreates).toBe(report.verification.acknowledgedCreates);
    expect(report.verification.duplicates).toBe(0);
    expect(report.verification.staleUpdatesAccepted).toBe(0);
    // The run did real work of every kind, so the checks above had something to check.
    expect(report.verification.acknowledgedCreates).toBeGreaterThan(0);
    expect(report.verification.acknowledgedUpdates).toBeGreaterThan(0);
    for (const op of ['search', 'neighborhood', 'paths', 'createEntity', 'updateEntity'])
      expect(report.perOperation[op]?.count ?? 0, op).toBeGreaterThan(0);
    expect(fs.readdirSync(out).some((f) => f.endsWith('.md'))).toBe(true);
  }, 180_000);
});
