// Results as JSON (everything, latencies summarised) and Markdown (ratios against each target).
import fs from 'node:fs';
import path from 'node:path';
import type { ClientResult } from './client.ts';
import type { LoadResult } from './load.ts';
import type { Peer, ScenarioId } from './scenarios.ts';

export type PeerStats = Omit<LoadResult, 'latencies'>;

export interface ImportStats {
  method: string;
  entities: number;
  relationships: number;
  seconds: number;
  relationshipsPerSecond: number;
  note?: string;
}

export interface SizeResult {
  entities: number;
  relationships: number;
  scenarios: Partial<
    Record<ScenarioId, { rate?: number; connections: number; peers: Partial<Record<Peer, PeerStats>> }>
  >;
  noPath?: { requests: number; maxMs: number; boundMs: number };
  import: ImportStats[];
  rssMb: Partial<Record<Peer, number>>;
  client: ClientResult;
}

export interface BenchResults {
  startedAt: string;
  command: string;
  machine: Record<string, string | number>;
  settings: Record<string, string | number | boolean>;
  sizes: SizeResult[];
  notMeasured: { entities: number; reason: string }[];
}

// Percentiles of a round without answers are NaN in memory and null once written as JSON.
const f = (n: number | null | undefined, digits = 1) =>
  n === undefined || n === null || Number.isNaN(n) ? '–' : n.toFixed(digits);
const known = (n: number | null | undefined): n is number => typeof n === 'number' && !Number.isNaN(n);
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  known(a) && known(b) && b !== 0 ? a / b : undefined;
const mark = (
  value: number | undefined,
  ok: (v: number) => boolean,
  show: (v: number) => string = (v) => `${v.toFixed(2)}×`,
) => (value === undefined ? '–' : `${show(value)} ${ok(value) ? '✅' : '❌'}`);

/** One row per scenario and size: the measured ratio against each target's peer, with pass/fail. */
function targetRows(size: SizeResult): string[] {
  const s = size.scenarios;
  const p = (id: ScenarioId, peer: Peer) => s[id]?.peers[peer];
  const rows: string[] = [];
  const n = size.entities.toLocaleString('en-US');
  rows.push(
    `| ${n} | S1 1-hop | p50 ${mark(ratio(p('S1', 'linkage')?.p50, p('S1', 'raw')?.p50), (v) => v <= 1.1)} raw · p99 ${mark(ratio(p('S1', 'linkage')?.p99, p('S1', 'raw')?.p99), (v) => v <= 1.2)} raw · p99 ${mark(ratio(p('S1', 'linkage')?.p99, p('S1', 'neo4j-graphql')?.p99), (v) => v <= 0.6)} @neo4j/graphql | p50 ≤ 1.10×, p99 ≤ 1.2× raw; p99 ≤ 0.6× @neo4j/graphql |`,
  );
  rows.push(
    `| ${n} | S2 2-hop | p99 ${mark(ratio(p('S2', 'linkage')?.p99, p('S2', 'raw')?.p99), (v) => v <= 1.2)} raw · p99 ${mark(ratio(p('S2', 'linkage')?.p99, p('S2', 'neo4j-graphql')?.p99), (v) => v <= 0.5)} @neo4j/graphql · p99 ${f(p('S2', 'linkage')?.p99)} ms | p99 ≤ 1.2× raw, ≤ 0.5× @neo4j/graphql; ≤ 100 ms at 1M |`,
  );
  const noPath = size.noPath
    ? ` · no-path max ${f(size.noPath.maxMs, 0)} ms (bound ${size.noPath.boundMs} ms)`
    : '';
  rows.push(
    `| ${n} | S3 paths | p99 ${mark(ratio(p('S3', 'linkage')?.p99, p('S3', 'raw')?.p99), (v) => v <= 1.15)} raw${noPath} | p99 ≤ 1.15× raw; no-path ends within bound |`,
  );
  rows.push(
    `| ${n} | S4 search | p50 ${mark(ratio(p('S4', 'linkage')?.p50, p('S4', 'raw')?.p50), (v) => v <= 1.15)} · p99 ${mark(ratio(p('S4', 'linkage')?.p99, p('S4', 'raw')?.p99), (v) => v <= 1.15)} raw · p99 ${f(p('S4', 'linkage')?.p99)} ms | ≤ 1.15× raw; p99 ≤ 30 ms at 1M |`,
  );
  rows.push(
    `| ${n} | S5 saturation | ${mark(ratio(p('S5', 'linkage')?.throughput, p('S5', 'neo4j-graphql')?.throughput), (v) => v >= 1.5)} @neo4j/graphql · ${mark(ratio(p('S5', 'linkage')?.throughput, p('S5', 'raw')?.throughput), (v) => v >= 0.85)} raw (${f(p('S5', 'linkage')?.throughput)} req/s) | ≥ 1.5× @neo4j/graphql, ≥ 0.85× raw |`,
  );
  rows.push(
    `| ${n} | S6 cache | ${mark(ratio(p('S6', 'linkage-cached')?.throughput, p('S6', 'linkage')?.throughput), (v) => v >= 10)} uncached (${f(p('S6', 'linkage-cached')?.throughput, 0)} vs ${f(p('S6', 'linkage')?.throughput, 0)} req/s) | ≥ 10× uncached |`,
  );
  const batched = size.import.find((i) => i.method === 'batched');
  const rowwise = size.import.find((i) => i.method === 'row-at-a-time');
  rows.push(
    `| ${n} | S7 import | ${mark(ratio(batched?.relationshipsPerSecond, rowwise?.relationshipsPerSecond), (v) => v >= 20)} row-at-a-time (${f(batched?.relationshipsPerSecond, 0)} vs ${f(rowwise?.relationshipsPerSecond, 0)} rel/s) | ≥ 20× row-at-a-time (target at 1M) |`,
  );
  const c = size.client;
  if (!c.measured) {
    rows.push(`| ${n} | S8/S9 client | not measured: ${c.reason ?? ''} | S8 ≤ 1 s; S9 ≥ 30 / ≥ 10 fps |`);
    return rows;
  }
  const settled =
    c.s8SettledMs !== undefined
      ? ` · layout settled at ${f(c.s8SettledMs, 0)} ms${c.s8RefineMs !== undefined ? ` (force layout ${f(c.s8RefineMs, 0)} ms in a worker)` : ''}`
      : '';
  rows.push(
    `| ${n} | S8 client | ${mark(
      c.s8Ms,
      (v) => v <= 1000,
      (v) => `${f(v, 0)} ms`,
    )} to a painted ${c.s8Nodes ?? '?'}-node neighbourhood${settled} | ≤ 1 s (500 nodes) |`,
  );
  const s9 = c.s9 ?? {};
  const fps = (key: string, target: number) =>
    mark(
      s9[key],
      (v) => v >= target,
      (v) => `${f(v)} fps`,
    );
  rows.push(
    s9.pan2k === undefined
      ? `| ${n} | S9 client | not measured: ${c.reason ?? ''} | ≥ 30 fps at 2k/10k, ≥ 10 fps at 5k/20k |`
      : `| ${n} | S9 client | 2k/10k pan ${fps('pan2k', 30)} · zoom ${fps('zoom2k', 30)}; 5k/20k pan ${fps('pan5k', 10)} · zoom ${fps('zoom5k', 10)}; opened in ${f(s9.open2kMs, 0)} / ${f(s9.open5kMs, 0)} ms; heap ${f(s9.heap2kMb, 0)} / ${f(s9.heap5kMb, 0)} MB | ≥ 30 fps at 2k/10k, ≥ 10 fps at 5k/20k |`,
  );
  return rows;
}

function detailRows(size: SizeResult): string[] {
  const rows: string[] = [];
  for (const [id, scenario] of Object.entries(size.scenarios)) {
    for (const [peer, stats] of Object.entries(scenario.peers)) {
      rows.push(
        `| ${size.entities.toLocaleString('en-US')} | ${id} | ${peer} | ${scenario.rate ? `${scenario.rate}/s open` : 'closed'} ×${scenario.connections} | ${f(stats.p50)} | ${f(stats.p95)} | ${f(stats.p99)} | ${f(stats.throughput)} | ${stats.requests} | ${stats.errors} |`,
      );
    }
  }
  return rows;
}

export function toMarkdown(results: BenchResults): string {
  const lines = [
    `# Linkage benchmark — ${results.startedAt}`,
    '',
    `Command: \`${results.command}\``,
    '',
    '## Machine',
    '',
    ...Object.entries(results.machine).map(([k, v]) => `- ${k}: ${v}`),
    ...Object.entries(results.settings).map(([k, v]) => `- ${k}: ${v}`),
    '',
    '## Targets (ratio = Linkage ÷ peer; lower latency / higher throughput is better)',
    '',
    '| entities | scenario | measured | target |',
    '|---|---|---|---|',
    ...results.sizes.flatMap(targetRows),
    ...results.notMeasured.map(
      (m) => `| ${m.entities.toLocaleString('en-US')} | all | not measured: ${m.reason} | |`,
    ),
    '',
    '## Latency and throughput per peer (ms; all rounds pooled)',
    '',
    '| entities | scenario | peer | load | p50 | p95 | p99 | req/s | requests | errors |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...results.sizes.flatMap(detailRows),
    '',
    '## Import and memory',
    '',
    '| entities | method | entities | relationships | seconds | relationships/s | note |',
    '|---|---|---|---|---|---|---|',
    ...results.sizes.flatMap((s) =>
      s.import.map(
        (i) =>
          `| ${s.entities.toLocaleString('en-US')} | ${i.method} | ${i.entities} | ${i.relationships} | ${f(i.seconds)} | ${f(i.relationshipsPerSecond, 0)} | ${i.note ?? ''} |`,
      ),
    ),
    '',
    '| entities | server RSS (MB) | browser heap (MB) |',
    '|---|---|---|',
    ...results.sizes.map(
      (s) =>
        `| ${s.entities.toLocaleString('en-US')} | ${Object.entries(s.rssMb)
          .map(([peer, mb]) => `${peer} ${f(mb, 0)}`)
          .join(' · ')} | ${s.client.browserHeapMb === undefined ? '–' : f(s.client.browserHeapMb, 0)} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

export function writeResults(
  dir: string,
  results: BenchResults,
  name: string,
): { json: string; markdown: string } {
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, `${name}.json`);
  const markdown = path.join(dir, `${name}.md`);
  fs.writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(markdown, toMarkdown(results));
  return { json, markdown };
}
