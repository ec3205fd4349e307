// Results as JSON (everything, latencies summarised) and Markdown (ratios against each target).
import fs from 'node:fs';
import path from 'node:path';
import type { ClientResult } from './client.ts';
import { P99_MIN_SAMPLES, type LoadResult } from './load.ts';
import type { Peer, ScenarioId } from './scenarios.ts';

export type PeerStats = Omit<LoadResult, 'latencies'> & {
  /** Closed-loop throughput of the probe that set the open-loop rate (null for closed-loop scenarios). */
  sustained?: number | null;
  /** CPU milliseconds per answered request: the peer's process, Neo4j, and the load generator. */
  serverCpuMs?: number | null;
  neo4jCpuMs?: number | null;
  loadCpuMs?: number | null;
};

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
  /** Per peer and depth: neighbourhoods whose ids differ from Linkage's (none, when the question is the same). */
  sameAnswer?: Record<string, { questions: number; mismatches: string[] }>;
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
/** A p99 over fewer than P99_MIN_SAMPLES requests is close to the single slowest one: say so. */
const p99Note = (...stats: (PeerStats | undefined)[]) => {
  const fewest = Math.min(...stats.map((s) => s?.requests ?? 0));
  return fewest < P99_MIN_SAMPLES ? ` (p99 of n = ${fewest} < ${P99_MIN_SAMPLES})` : '';
};

/** One row per scenario and size: the measured ratio against each target's peer, with pass/fail. */
function targetRows(size: SizeResult): string[] {
  const s = size.scenarios;
  const p = (id: ScenarioId, peer: Peer) => s[id]?.peers[peer];
  const rows: string[] = [];
  const n = size.entities.toLocaleString('en-US');
  const million = size.entities >= 1_000_000;
  for (const [id, label] of [
    ['S1', 'S1 1-hop'],
    ['S2', 'S2 2-hop'],
  ] as const) {
    const mine = p(id, 'linkage');
    const peer = p(id, 'neo4j-graphql');
    const floor = p(id, 'floor');
    const at1M =
      id === 'S2'
        ? ` · p99 ${
            million
              ? mark(
                  mine?.p99,
                  (v) => v <= 100,
                  (v) => `${f(v)} ms`,
                )
              : `${f(mine?.p99)} ms`
          }`
        : '';
    rows.push(
      `| ${n} | ${label} | p99 ${mark(ratio(mine?.p99, peer?.p99), (v) => v <= 0.5)} @neo4j/graphql · p50 ${mark(ratio(mine?.p50, floor?.p50), (v) => v <= 1.3)} floor${at1M}${p99Note(mine, peer)} | p99 ≤ 0.5× @neo4j/graphql, p50 ≤ 1.3× floor${id === 'S2' ? '; p99 ≤ 100 ms at 1M' : ''} |`,
    );
  }
  const noPath = size.noPath
    ? ` · no-path max ${f(size.noPath.maxMs, 0)} ms (bound ${size.noPath.boundMs} ms)`
    : '';
  rows.push(
    `| ${n} | S3 paths | p50 ${f(ratio(p('S3', 'linkage')?.p50, p('S3', 'floor')?.p50), 2)}× floor · p99 ${f(ratio(p('S3', 'linkage')?.p99, p('S3', 'raw')?.p99), 2)}× raw${noPath}${p99Note(p('S3', 'linkage'))} | no-path ends within bound |`,
  );
  const s4 = p('S4', 'linkage');
  rows.push(
    `| ${n} | S4 search | p50 ${f(ratio(s4?.p50, p('S4', 'floor')?.p50), 2)}× floor · p99 ${f(ratio(s4?.p99, p('S4', 'neo4j-graphql')?.p99), 2)}× @neo4j/graphql · p99 ${
      million
        ? mark(
            s4?.p99,
            (v) => v <= 30,
            (v) => `${f(v)} ms`,
          )
        : `${f(s4?.p99)} ms`
    }${p99Note(s4)} | p99 ≤ 30 ms at 1M |`,
  );
  const s5 = p('S5', 'linkage');
  const baseline = p('S5', 'linkage-baseline');
  const cpuVsBaseline = baseline
    ? ` · server CPU ${mark(ratio(s5?.serverCpuMs, baseline.serverCpuMs), (v) => v <= 0.6)} the baseline's (${f(s5?.serverCpuMs, 2)} vs ${f(baseline.serverCpuMs, 2)} ms/request)`
    : ` · server CPU ${f(s5?.serverCpuMs, 2)} ms/request`;
  rows.push(
    `| ${n} | S5 saturation | ${mark(ratio(s5?.throughput, p('S5', 'neo4j-graphql')?.throughput), (v) => v >= 1.5)} @neo4j/graphql (${f(s5?.throughput)} vs ${f(p('S5', 'neo4j-graphql')?.throughput)} req/s; floor ${f(p('S5', 'floor')?.throughput)})${cpuVsBaseline} | ≥ 1.5× @neo4j/graphql; server CPU ≤ 0.6× before |`,
  );
  const cached = p('S6', 'linkage-cached');
  rows.push(
    `| ${n} | S6 cache | ${mark(ratio(cached?.throughput, p('S6', 'linkage')?.throughput), (v) => v >= 10)} uncached (${f(cached?.throughput, 0)} vs ${f(p('S6', 'linkage')?.throughput, 0)} req/s; ${f(cached?.serverCpuMs, 2)} ms CPU per hit) | ≥ 10× uncached |`,
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
    )} to a painted ${c.s8Nodes ?? '?'}-node neighbourhood${settled} | ≤ 1 s (500 nodes) at 1M |`,
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
      const p99 = `${f(stats.p99)}${stats.requests < P99_MIN_SAMPLES ? '*' : ''}`;
      rows.push(
        `| ${size.entities.toLocaleString('en-US')} | ${id} | ${peer} | ${scenario.rate ? `Poisson ${scenario.rate}/s` : 'closed'} ×${scenario.connections} | ${f(stats.p50)} | ${f(stats.p95)} | ${p99} | ${f(stats.throughput)} | ${f(stats.sustained)} | ${stats.requests} | ${stats.errors} | ${f(stats.serverCpuMs, 2)} | ${f(stats.neo4jCpuMs, 2)} | ${f(stats.loadCpuMs, 2)} |`,
      );
    }
  }
  return rows;
}

function sameAnswerRows(size: SizeResult): string[] {
  return Object.entries(size.sameAnswer ?? {}).map(
    ([check, { questions, mismatches }]) =>
      `| ${size.entities.toLocaleString('en-US')} | ${check} | ${questions} | ${mismatches.length ? `❌ ${mismatches.join(', ')}` : '✅ same ids'} |`,
  );
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
    '## Latency, throughput and CPU per peer (all rounds pooled)',
    '',
    `Latencies in ms from each request's scheduled arrival to its last byte. \`*\`: p99 over fewer than ${P99_MIN_SAMPLES} requests (close to the slowest one). "sustained": the closed-loop probe (4 connections) that set the open-loop rate at half the slowest peer's. CPU in ms per request, read from /proc: the peer's process, Neo4j (– when the database is not a local process), the load generator.`,
    '',
    '| entities | scenario | peer | load | p50 | p95 | p99 | req/s | sustained | requests | errors | server CPU | Neo4j CPU | load CPU |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.sizes.flatMap(detailRows),
    '',
    '## Same question, same answer (neighbourhood ids compared with Linkage before measuring)',
    '',
    '| entities | peer and depth | questions | result |',
    '|---|---|---|---|',
    ...results.sizes.flatMap(sameAnswerRows),
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
