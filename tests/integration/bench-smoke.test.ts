// `npm run bench -- --smoke` end to end on a tiny graph: the harness imports, starts every peer, runs every
// scenario and writes a well-formed results file. Timings are never asserted; only the shape and that
// every peer answered without errors.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { BenchResults } from '../../bench/report.ts';
import { credentialsEnv } from '../../neo4j/credentials.ts';
import { REPO_ROOT } from '../../server/config.ts';
import { credentialsFor } from '../helpers/db.ts';

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-bench-smoke-'));

describe('npm run bench -- --smoke', () => {
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it('writes a well-formed results file with every scenario and peer', { timeout: 600_000 }, () => {
    const run = spawnSync(
      process.execPath,
      [
        path.join(REPO_ROOT, 'scripts', 'bootstrap.mjs'),
        'bench',
        '--smoke',
        '--skip-client',
        '--uri',
        inject('neo4jUri'),
        '--out',
        outDir,
      ],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 590_000,
        env: { ...process.env, ...credentialsEnv(credentialsFor(inject('neo4jUri'))) },
      },
    );
    expect(run.status, run.stderr).toBe(0);

    const results = JSON.parse(fs.readFileSync(path.join(outDir, 'smoke.json'), 'utf8')) as BenchResults;
    expect(results.machine.cpus).toMatch(/^\d+ × /);
    expect(String(results.machine.neo4j)).toMatch(/5\.\d+/);
    expect(results.sizes).toHaveLength(1);
    const size = results.sizes[0]!;
    expect(size.entities).toBe(300);
    expect(size.relationships).toBeGreaterThan(size.entities);

    const expected: Record<string, string[]> = {
      S1: ['linkage', 'raw', 'neo4j-graphql', 'floor'],
      S2: ['linkage', 'raw', 'neo4j-graphql', 'floor'],
      S3: ['linkage', 'raw', 'floor'],
      S4: ['linkage', 'raw', 'neo4j-graphql', 'floor'],
      S5: ['linkage', 'raw', 'neo4j-graphql', 'floor'],
      S6: ['linkage-cached', 'linkage'],
    };
    for (const [scenario, peers] of Object.entries(expected)) {
      const measured = size.scenarios[scenario as keyof typeof size.scenarios];
      if (!measured) throw new Error(`${scenario} missing from the results`);
      expect(Object.keys(measured.peers).sort()).toEqual([...peers].sort());
      for (const peer of peers) {
        const stats = measured.peers[peer as keyof typeof measured.peers]!;
        expect(stats.errors, `${scenario} ${peer} errors`).toBe(0);
        expect(typeof stats.requests).toBe('number');
        expect(typeof stats.throughput).toBe('number');
        // CPU per request is read from /proc for the peer's process and the load generator (Neo4j is the
        // harness's, not a child of the bench, so it is unknown here).
        if (stats.requests > 0) {
          expect(stats.serverCpuMs, `${scenario} ${peer} server CPU`).toBeGreaterThanOrEqual(0);
          expect(stats.loadCpuMs, `${scenario} ${peer} load CPU`).toBeGreaterThan(0);
        }
        // A cold peer may answer nothing within a one-second smoke round: then, and only then, no percentiles.
        for (const key of ['p50', 'p95', 'p99'] as const) {
          if (stats.requests === 0) expect(stats[key], `${scenario} ${peer} ${key}`).toBeNull();
          else expect(stats[key], `${scenario} ${peer} ${key}`).toBeGreaterThan(0);
        }
      }
    }
    const answered = Object.values(size.scenarios).flatMap((s) =>
      Object.values(s.peers).map((p) => p.requests),
    );
    expect(answered.reduce((sum, n) => sum + n, 0)).toBeGreaterThan(0);
    // The peers answer the same question: the same neighbourhood ids as Linkage, at depth 1 and 2.
    expect(Object.keys(size.sameAnswer ?? {}).sort()).toEqual(
      ['floor', 'neo4j-graphql', 'raw'].flatMap((p) => [`${p} depth 1`, `${p} depth 2`]).sort(),
    );
    for (const [check, { questions, mismatches }] of Object.entries(size.sameAnswer ?? {})) {
      expect(questions, check).toBeGreaterThan(0);
      expect(
        mismatches.filter((m) => !m.includes('no answer')),
        check,
      ).toEqual([]);
    }
    const methods = size.import.map((i) => i.method).sort();
    expect(methods).toEqual(['batched', 'row-at-a-time']);
    for (const i of size.import) expect(i.relationshipsPerSecond).toBeGreaterThan(0);
    expect(size.client.measured).toBe(false);

    const markdown = fs.readFileSync(path.join(outDir, 'smoke.md'), 'utf8');
    expect(markdown).toContain('| 300 | S1 1-hop |');
    expect(markdown).toMatch(/p99 of n = \d+ < 1000/);
    expect(markdown).toContain('## Same question, same answer');
    expect(markdown).toContain('## Machine');
  });

  it('rejects a bad size instead of measuring nothing', () => {
    const run = spawnSync(
      process.execPath,
      [path.join(REPO_ROOT, 'scripts', 'bootstrap.mjs'), 'bench', '--sizes', 'ten'],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status).toBe(64);
    expect(run.stderr).toMatch(/usage: npm run bench/);
  });
});
