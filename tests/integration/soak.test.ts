// The soak script, short: 20 seconds of concurrent readers and editors against a real server with an
// attacker beside them (cache-busting large neighbourhoods, depth-3 floods, aliased floods, oversized
// bodies, bad tokens: issue 12's Done-when), then its own verification (no 5xx for the normal clients, no
// lost or duplicated writes, no lost updates, stale versions refused, RSS under the bound).
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
  it('runs 20 s of readers and editors beside an attacker, and its verification passes', async () => {
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
      '--attackers',
      '1',
      // The test process holds this server and everything else vitest loads: a generous, stated bound.
      '--max-rss-mb',
      '2048',
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
      perOperation: Record<string, { count: number; p99: number }>;
      attacks: Record<string, { count: number; codes: Record<string, number> }>;
      victimEntityP99Ms: number | null;
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
    for (const op of ['search', 'entity', 'neighborhood', 'paths', 'createEntity', 'updateEntity'])
      expect(report.perOperation[op]?.count ?? 0, op).toBeGreaterThan(0);
    // Every attack ran, and each was refused or answered, never with an uncoded server error.
    for (const op of [
      'attack-busting-neighborhood',
      'attack-depth3',
      'attack-aliased-depth3',
      'attack-oversized-body',
      'attack-bad-token',
    ]) {
      const attack = report.attacks[op];
      expect(attack?.count ?? 0, op).toBeGreaterThan(0);
      expect(
        Object.keys(attack!.codes).filter((c) => /INTERNAL|HTTP_500/.test(c)),
        op,
      ).toEqual([]);
    }
    expect(Object.keys(report.attacks['attack-oversized-body']!.codes)).not.toContain('OK');
    expect(Object.keys(report.attacks['attack-aliased-depth3']!.codes)).not.toContain('OK');
    expect(report.victimEntityP99Ms).toBeGreaterThan(0);
    console.log(`soak with an attacker: victim entity(id) p99 ${report.victimEntityP99Ms} ms`);
    expect(fs.readdirSync(out).some((f) => f.endsWith('.md'))).toBe(true);
  }, 180_000);
});
