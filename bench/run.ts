// The benchmark harness behind `npm run bench` (scripts/bench.ts parses the command line).
// For each size: a fresh database (a dedicated local Neo4j unless a URI is given), the synthetic graph
// loaded through the real importer (S7, against row-at-a-time MERGE on a sample), the peers started as
// child processes and checked to give the same ids for the same neighbourhoods, then S1–S6: warm-up, a
// closed-loop probe of what each peer sustains, then several rounds (Poisson arrivals at half the slowest
// peer's rate for S1–S4, closed loop for S5/S6), peers interleaved, with CPU per request of the peer and
// of Neo4j read from /proc; and S8/S9 in headless Chromium when the client is built. Writes
// bench/results/<date>.{json,md} and bench/results/latest.{json,md}.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import neo4j from 'neo4j-driver';
import { credentialsEnv, credentialsFromEnv } from '../neo4j/credentials.ts';
import {
  ensureNeo4jInstalled,
  findFreePort,
  startLocalNeo4j,
  type LocalNeo4j,
} from '../neo4j/local-neo4j.ts';
import { REPO_ROOT } from '../server/config.ts';
import { createDatabase, type Database } from '../server/db/database.ts';
import { importDocument, toImportRows } from '../server/graph/import/importer.ts';
import { parseJsonDocument } from '../server/graph/import/parse.ts';
import { createLogger } from '../server/logger.ts';
import { measureClient } from './client.ts';
import { entityAt, shard } from './generator.ts';
import { cpuBetween, sampleCpu } from './cpu.ts';
import { runLoad, summarise, type LoadResult } from './load.ts';
import {
  writeResults,
  type BenchResults,
  type ImportStats,
  type PeerStats,
  type SizeResult,
} from './report.ts';
import {
  askBaselineWith,
  generatorFor,
  neighbourhoodIds,
  neighbourhoodRequest,
  pathsRequest,
  SCENARIO_PEERS,
  workload,
  type Peer,
  type ScenarioId,
} from './scenarios.ts';

export interface BenchOptions {
  smoke: boolean;
  sizes: number[];
  /** Seconds per measured round. */
  duration: number;
  rounds: number;
  connections: number;
  seed: number;
  /** Entities per imported file (one transaction each). */
  shardSize: number;
  rowwiseSample: number;
  rowwiseSeconds: number;
  outDir: string;
  /** Only these scenarios; null for all. */
  scenarios: Set<string> | null;
  /** An earlier checkout benched as the peer `linkage-baseline`. */
  baselineDir: string | undefined;
  /** An existing Neo4j (wiped per size) instead of a dedicated local one. */
  uri: string | undefined;
  neo4jPid: number | undefined;
  heap: string;
  pageCache: string;
  skipClient: boolean;
  command: string;
  log: (line: string) => void;
}

const quiet = createLogger('silent');
/** With --uri: NEO4J_USER/NEO4J_PASSWORD; with a local Neo4j: its password (set in the environment below). */
const basicAuth = () => {
  const auth = credentialsFromEnv();
  return auth ? neo4j.auth.basic(auth.user, auth.password) : undefined;
};

async function wipe(uri: string) {
  const driver = neo4j.driver(uri, basicAuth());
  try {
    const session = driver.session();
    try {
      await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
    } finally {
      await session.close();
    }
  } finally {
    await driver.close();
  }
}

async function neo4jVersion(uri: string): Promise<string> {
  const driver = neo4j.driver(uri, basicAuth());
  try {
    const { records } = await driver.executeQuery(
      'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition',
    );
    const r = records[0];
    return r
      ? `${String(r.get('name'))} ${String(r.get('versions'))} ${String(r.get('edition'))}`
      : 'unknown';
  } finally {
    await driver.close();
  }
}

/** S7 floor: the same statements, one row per transaction, over the first entities of the graph. */
async function rowAtATime(o: BenchOptions, db: Database, entities: number): Promise<ImportStats> {
  const sample = Math.min(o.rowwiseSample, entities);
  const doc = parseJsonDocument(
    JSON.stringify(shard({ entities, seed: o.seed }, 0, sample)),
    'row-at-a-time',
  );
  const now = new Date().toISOString();
  const { sourceRows, entityRows, relationshipRows } = toImportRows(doc, 'bench', now);
  const importId = `bench-rowwise-${crypto.randomBytes(4).toString('hex')}`;
  await db.write('import-sources', { rows: sourceRows, importId });
  for (const row of entityRows) await db.write('import-entities', { rows: [row], importId, now });
  // Relationships are the bulk of an import, so their rate is what S7 compares; time-boxed because a
  // row-at-a-time load of the whole graph would take hours.
  const started = performance.now();
  let written = 0;
  for (const row of relationshipRows) {
    await db.write('import-relationships', { rows: [row], importId, now });
    written += 1;
    if (performance.now() - started > o.rowwiseSeconds * 1000) break;
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    method: 'row-at-a-time',
    entities: entityRows.length,
    relationships: written,
    seconds,
    relationshipsPerSecond: written / seconds,
    note: `first ${sample} entities, then relationships one MERGE transaction each for ≤ ${o.rowwiseSeconds} s`,
  };
}

/** The real importer, one file (transaction) per shard; parse + validation timed apart from writing. */
async function batchedImport(
  o: BenchOptions,
  db: Database,
  entities: number,
): Promise<{ stats: ImportStats; relationships: number }> {
  let relationships = 0;
  let parseMs = 0;
  let importMs = 0;
  for (let start = 0; start < entities; start += o.shardSize) {
    const end = Math.min(entities, start + o.shardSize);
    const parseStarted = performance.now();
    const doc = parseJsonDocument(
      JSON.stringify(shard({ entities, seed: o.seed }, start, end)),
      `shard-${start}`,
    );
    parseMs += performance.now() - parseStarted;
    const summary = await importDocument(db, doc, {
      file: `shard-${start}`,
      actor: 'bench',
      timeoutMs: 60 * 60_000,
    });
    importMs += summary.ms;
    relationships += summary.relationships.created;
    o.log(`  imported ${end}/${entities} entities (${relationships} relationships, ${summary.ms} ms)`);
  }
  return {
    relationships,
    stats: {
      method: 'batched',
      entities,
      relationships,
      seconds: importMs / 1000,
      relationshipsPerSecond: relationships / (importMs / 1000),
      note: `real importer, ${Math.ceil(entities / o.shardSize)} file(s) of ≤ ${o.shardSize} entities; parse+validate ${(parseMs / 1000).toFixed(1)} s extra`,
    },
  };
}

interface RunningPeer {
  name: Peer;
  url: string;
  child: ChildProcess;
}

function startPeerProcess(o: BenchOptions, name: Peer, uri: string): Promise<RunningPeer> {
  // The baseline is Linkage as an earlier checkout serves it (its own bench/serve.ts, peer `linkage`).
  const root = name === 'linkage-baseline' ? o.baselineDir! : REPO_ROOT;
  const peerName = name === 'linkage-baseline' ? 'linkage' : name;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'bench', 'serve.ts'), peerName, uri],
    {
      cwd: root,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`peer ${name} did not start within 60 s`)), 60_000);
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) {
        clearTimeout(timer);
        resolve({ name, url: line.slice('READY '.length).trim(), child });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`peer ${name} exited with ${code}`));
    });
  });
}

async function stopPeer(peer: RunningPeer) {
  const exited = new Promise((resolve) => peer.child.once('exit', resolve));
  peer.child.stdin?.end();
  peer.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
}

function rssMb(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const stripLatencies = ({ latencies: _latencies, ...rest }: LoadResult) => rest;

/** The peers a scenario runs on in this invocation (the baseline joins S1, S2 and S5 when given). */
function scenarioPeers(id: ScenarioId, peers: Map<Peer, RunningPeer>): Peer[] {
  const names = [...SCENARIO_PEERS[id]];
  if (peers.has('linkage-baseline') && (id === 'S1' || id === 'S2' || id === 'S5'))
    names.push('linkage-baseline');
  return names.filter((name) => peers.has(name));
}

interface Pooled {
  latencies: number[];
  errors: number;
  seconds: number;
  serverCpu: number | undefined;
  neo4jCpu: number | undefined;
  loadCpu: number;
}

const addKnown = (sum: number | undefined, value: number | undefined) =>
  sum === undefined || value === undefined ? undefined : sum + value;

/**
 * Warm-up (closed loop, so every peer's JIT, plan cache and page cache are warm before anything is
 * measured), a closed-loop probe of what each peer sustains, then `rounds` rounds with the peer order
 * rotated each round. Open-loop scenarios offer Poisson arrivals at half the slowest peer's sustained
 * rate, so no peer is measured saturated by design. Latencies are pooled per peer; CPU of the peer's
 * process, of Neo4j and of the load generator is read around each measured round.
 */
async function runScenario(
  o: BenchOptions,
  id: ScenarioId,
  peers: Map<Peer, RunningPeer>,
  entities: number,
  options: { openLoop: boolean; connections: number; neo4jPid: number | undefined },
) {
  const names = scenarioPeers(id, peers);
  const short = Math.max(1, Math.round(o.duration / 2));
  const sustained = new Map<Peer, number>();
  for (const name of names) {
    const url = peers.get(name)!.url;
    const next = (requestSeed: number) => generatorFor(id, name, entities, o.seed, requestSeed);
    await runLoad({ url, connections: 4, durationSeconds: short, next: next(999) });
    if (options.openLoop) {
      const probe = await runLoad({ url, connections: 4, durationSeconds: short, next: next(7) });
      sustained.set(name, probe.throughput);
    }
  }
  const slowest = Math.min(...sustained.values());
  const rate = !options.openLoop ? undefined : o.smoke ? 10 : Math.max(2, Math.round(0.5 * slowest));
  const pooled = new Map<Peer, Pooled>();
  for (let round = 0; round < o.rounds; round += 1) {
    const order = names.map((_, i) => names[(i + round) % names.length]!);
    for (const name of order) {
      const peer = peers.get(name)!;
      const before = sampleCpu(peer.child.pid, options.neo4jPid);
      const result = await runLoad({
        url: peer.url,
        connections: options.connections,
        durationSeconds: o.duration,
        ...(rate ? { rate, arrivalSeed: 1000 + round } : {}),
        next: generatorFor(id, name, entities, o.seed, 1000 + round),
      });
      const used = cpuBetween(before, sampleCpu(peer.child.pid, options.neo4jPid));
      const acc = pooled.get(name) ?? {
        latencies: [],
        errors: 0,
        seconds: 0,
        serverCpu: 0,
        neo4jCpu: 0,
        loadCpu: 0,
      };
      acc.latencies.push(...result.latencies);
      acc.errors += result.errors;
      acc.seconds += o.duration;
      acc.serverCpu = addKnown(acc.serverCpu, used.server);
      acc.neo4jCpu = addKnown(acc.neo4jCpu, used.neo4j);
      acc.loadCpu += used.load;
      pooled.set(name, acc);
    }
  }
  const stats: Partial<Record<Peer, PeerStats>> = {};
  for (const [name, acc] of pooled) {
    const summary = stripLatencies(summarise(acc.latencies, acc.errors, acc.seconds));
    const perRequest = (ms: number | undefined) =>
      ms !== undefined && summary.requests > 0 ? ms / summary.requests : null;
    stats[name] = {
      ...summary,
      sustained: sustained.get(name) ?? null,
      serverCpuMs: perRequest(acc.serverCpu),
      neo4jCpuMs: perRequest(acc.neo4jCpu),
      loadCpuMs: perRequest(acc.loadCpu),
    };
  }
  const ms = (n: number | null | undefined) => (typeof n === 'number' ? n.toFixed(2) : '–');
  const line = Object.entries(stats)
    .map(
      ([name, s]) =>
        `${name} p50 ${s.p50.toFixed(1)} p99 ${s.p99.toFixed(1)} n ${s.requests} ${s.throughput.toFixed(1)}/s cpu ${ms(s.serverCpuMs)}+${ms(s.neo4jCpuMs)} ms err ${s.errors}`,
    )
    .join(' | ');
  o.log(`  ${id}${rate ? ` at ${rate}/s` : ''}: ${line}`);
  return { ...(rate ? { rate } : {}), connections: options.connections, peers: stats };
}

/**
 * Same question, same answer: for a few start entities (a hub among them), every peer's neighbourhood
 * must list the same entity and relationship ids as Linkage's, at depth 1 and 2. A mismatch is recorded
 * (and fails the smoke test): a ratio between different answers means nothing.
 */
async function sameAnswers(o: BenchOptions, peers: Map<Peer, RunningPeer>, entities: number) {
  const w = workload(entities, o.seed, 4242);
  const hub = entityAt(o.seed, 0).id;
  const starts = [...new Set([hub, w.entityId(), w.entityId(), w.entityId(), w.entityId()])];
  const ask = async (peer: Peer, id: string, depth: 1 | 2) => {
    const request = neighbourhoodRequest(peer, id, depth);
    const response = await fetch(`${peers.get(peer)!.url}${request.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request.body),
    });
    return neighbourhoodIds(peer, await response.json());
  };
  const checked: NonNullable<SizeResult['sameAnswer']> = {};
  for (const depth of [1, 2] as const) {
    for (const name of ['raw', 'neo4j-graphql', 'floor', 'linkage-baseline'] as Peer[]) {
      if (!peers.has(name)) continue;
      const mismatches: string[] = [];
      for (const id of starts) {
        const mine = await ask('linkage', id, depth);
        const theirs = await ask(name, id, depth);
        // A peer that fails to answer on a loaded machine is not a different answer; say which it was.
        if (!mine || !theirs) mismatches.push(`${id} (no answer from ${mine ? name : 'linkage'})`);
        else if (JSON.stringify(mine) !== JSON.stringify(theirs))
          mismatches.push(
            `${id} (${theirs.nodes.length}/${theirs.relationships.length} ids vs ${mine.nodes.length}/${mine.relationships.length})`,
          );
      }
      checked[`${name} depth ${depth}`] = { questions: starts.length, mismatches };
      if (mismatches.length)
        o.log(`  ${name} depth ${depth} answers differently for ${mismatches.join(', ')}`);
    }
  }
  return checked;
}

/** S3's second target: a search that finds no path must end within the query timeout. */
async function noPathCheck(linkage: RunningPeer): Promise<SizeResult['noPath']> {
  const boundMs = 15_000;
  let maxMs = 0;
  const requests = 5;
  for (let i = 0; i < requests; i += 1) {
    // Two hubs joined only through types that do not exist: the search explores and finds nothing.
    const request = pathsRequest('linkage', 'samsung-electronics', 'seoul');
    const body = request.body as { query: string; variables: Record<string, unknown> };
    body.variables = { ...body.variables, maxLength: 6, filter: { relationshipTypes: ['NO_SUCH_TYPE'] } };
    const started = performance.now();
    await fetch(`${linkage.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    maxMs = Math.max(maxMs, performance.now() - started);
  }
  return { requests, maxMs, boundMs };
}

async function measureSize(o: BenchOptions, results: BenchResults, entities: number): Promise<SizeResult> {
  let local: LocalNeo4j | undefined;
  let dataDir: string | undefined;
  let boltUri = o.uri;
  if (!boltUri) {
    await ensureNeo4jInstalled({ quiet: true });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `linkage-bench-${entities}-`));
    local = await startLocalNeo4j({
      dataDir,
      boltPort: await findFreePort(),
      heap: neo4jMemory(o).heap,
      pageCache: neo4jMemory(o).pageCache,
      txTimeout: '60m',
      txMemoryMax: o.smoke ? '512m' : '3g',
    });
    boltUri = local.uri;
    // The peers (child processes) and every driver below read the credentials from here.
    Object.assign(process.env, credentialsEnv(local.auth));
  } else {
    await wipe(boltUri);
  }
  results.machine.neo4j ??= await neo4jVersion(boltUri);
  const db = createDatabase({
    uri: boltUri,
    auth: credentialsFromEnv(),
    database: 'neo4j',
    queryTimeoutMs: 120_000,
    logger: quiet,
  });
  const peers = new Map<Peer, RunningPeer>();
  try {
    await db.applySchema();
    o.log(`${entities} entities: row-at-a-time sample`);
    const rowwise = await rowAtATime(o, db, entities);
    await wipe(boltUri);
    await db.applySchema();
    o.log(`${entities} entities: batched import`);
    const { stats: batched, relationships } = await batchedImport(o, db, entities);
    const result: SizeResult = {
      entities,
      relationships,
      scenarios: {},
      import: [batched, rowwise],
      rssMb: {},
      client: { measured: false },
    };
    const names: Peer[] = ['linkage', 'linkage-cached', 'raw', 'neo4j-graphql', 'floor'];
    if (o.baselineDir) names.push('linkage-baseline');
    for (const name of names) peers.set(name, await startPeerProcess(o, name, boltUri));
    const neo4jPid = local?.pid ?? o.neo4jPid;
    result.sameAnswer = await sameAnswers(o, peers, entities);
    const wanted = (id: ScenarioId) => !o.scenarios || o.scenarios.has(id);
    for (const id of ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'] as ScenarioId[]) {
      if (!wanted(id)) continue;
      const openLoop = id !== 'S5' && id !== 'S6';
      result.scenarios[id] = await runScenario(o, id, peers, entities, {
        openLoop,
        connections: o.connections,
        neo4jPid,
      });
      if (id === 'S3') result.noPath = await noPathCheck(peers.get('linkage')!);
    }
    for (const [name, peer] of peers) result.rssMb[name] = rssMb(peer.child.pid);
    result.client = o.skipClient
      ? { measured: false, reason: 'skipped (--skip-client)' }
      : await measureClient(peers.get('linkage')!.url);
    return result;
  } finally {
    for (const peer of peers.values()) await stopPeer(peer);
    await db.close();
    if (local) await local.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const readVersion = (pkg: string) =>
  String(
    (
      JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version,
  );

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

function neo4jMemory(o: BenchOptions) {
  if (o.uri) return { heap: 'external', pageCache: 'external' };
  return o.smoke ? { heap: '1g', pageCache: '256m' } : { heap: o.heap, pageCache: o.pageCache };
}

/** Runs every size in turn, rewriting the results after each, and returns where the report was written. */
export async function runBench(o: BenchOptions): Promise<{ markdown: string }> {
  if (o.baselineDir) {
    const operations = (await import(path.join(o.baselineDir, 'client', 'src', 'api', 'operations.ts'))) as {
      NEIGHBORHOOD: string;
    };
    askBaselineWith(operations.NEIGHBORHOOD);
  }
  const memory = neo4jMemory(o);
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    command: o.command,
    machine: {
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()}`,
      node: process.version,
      'neo4j-driver': readVersion('neo4j-driver'),
      '@neo4j/graphql': readVersion('@neo4j/graphql'),
      'graphql-yoga': readVersion('graphql-yoga'),
      loadAverageAtStart: loadAverage(),
    },
    settings: {
      smoke: o.smoke,
      durationSecondsPerRound: o.duration,
      rounds: o.rounds,
      connections: o.connections,
      seed: o.seed,
      neo4jHeap: memory.heap,
      neo4jPageCache: memory.pageCache,
    },
    sizes: [],
    notMeasured: [],
  };
  const name = o.smoke ? 'smoke' : 'latest';
  for (const entities of o.sizes) {
    o.log(`size ${entities}`);
    results.sizes.push(await measureSize(o, results, entities));
    results.machine[`loadAverageAfter${entities}`] = loadAverage();
    writeResults(o.outDir, results, name);
  }
  if (!o.smoke && !o.sizes.includes(1_000_000))
    results.notMeasured.push({
      entities: 1_000_000,
      reason: 'not run in this invocation (add 1000000 to --sizes)',
    });
  const written = writeResults(o.outDir, results, name);
  if (!o.smoke) writeResults(o.outDir, results, results.startedAt.slice(0, 16).replace(/[:T]/g, '-'));
  return written;
}
