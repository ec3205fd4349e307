// npm run bench -- [--smoke] [--sizes 10000,100000] [--duration 5] [--rounds 3] [--uri bolt://…] [--out dir]
// For each size: a fresh database (a dedicated local Neo4j unless --uri), the synthetic graph loaded through
// the real importer (S7, against row-at-a-time MERGE on a sample), the peers started as child processes,
// then S1–S6 with warm-up and several rounds, peers interleaved, and S8/S9 in headless Chromium when the
// client is built. Writes bench/results/<date>.{json,md} and bench/results/latest.{json,md}.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
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
import { measureClient } from '../bench/client.ts';
import { shard } from '../bench/generator.ts';
import { runLoad, summarise, type LoadResult } from '../bench/load.ts';
import {
  writeResults,
  type BenchResults,
  type ImportStats,
  type PeerStats,
  type SizeResult,
} from '../bench/report.ts';
import {
  generatorFor,
  pathsRequest,
  SCENARIO_PEERS,
  type Peer,
  type ScenarioId,
} from '../bench/scenarios.ts';

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    duration: { type: 'string' },
    rounds: { type: 'string' },
    connections: { type: 'string', default: '16' },
    seed: { type: 'string', default: '42' },
    uri: { type: 'string' },
    out: { type: 'string' },
    heap: { type: 'string', default: '4g' },
    pagecache: { type: 'string', default: '4g' },
    'shard-size': { type: 'string', default: '25000' },
    'rowwise-sample': { type: 'string', default: '2000' },
    'skip-client': { type: 'boolean', default: false },
    scenarios: { type: 'string' },
  },
});

const smoke = values.smoke;
const sizes = (values.sizes ?? (smoke ? '300' : '10000,100000')).split(',').map(Number);
const duration = Number(values.duration ?? (smoke ? 1 : 5));
const rounds = Number(values.rounds ?? (smoke ? 1 : 3));
const connections = Number(values.connections);
const seed = Number(values.seed);
const shardSize = Number(values['shard-size']);
const rowwiseSample = smoke ? 30 : Number(values['rowwise-sample']);
const rowwiseSeconds = smoke ? 3 : 60;
const outDir = path.resolve(values.out ?? path.join(REPO_ROOT, 'bench', 'results'));
const onlyScenarios = values.scenarios ? new Set(values.scenarios.split(',')) : null;
if (sizes.some((n) => !Number.isSafeInteger(n) || n < 20) || !(duration > 0) || !(rounds >= 1)) {
  console.error(
    'usage: npm run bench -- [--smoke] [--sizes 10000,100000] [--duration s] [--rounds n] [--uri bolt://…]',
  );
  process.exit(64);
}

const log = (message: string) =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
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
async function rowAtATime(db: Database, entities: number): Promise<ImportStats> {
  const sample = Math.min(rowwiseSample, entities);
  const doc = parseJsonDocument(JSON.stringify(shard({ entities, seed }, 0, sample)), 'row-at-a-time');
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
    if (performance.now() - started > rowwiseSeconds * 1000) break;
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    method: 'row-at-a-time',
    entities: entityRows.length,
    relationships: written,
    seconds,
    relationshipsPerSecond: written / seconds,
    note: `first ${sample} entities, then relationships one MERGE transaction each for ≤ ${rowwiseSeconds} s`,
  };
}

/** The real importer, one file (transaction) per shard; parse + validation timed apart from writing. */
async function batchedImport(
  db: Database,
  entities: number,
): Promise<{ stats: ImportStats; relationships: number }> {
  let relationships = 0;
  let parseMs = 0;
  let importMs = 0;
  for (let start = 0; start < entities; start += shardSize) {
    const end = Math.min(entities, start + shardSize);
    const parseStarted = performance.now();
    const doc = parseJsonDocument(JSON.stringify(shard({ entities, seed }, start, end)), `shard-${start}`);
    parseMs += performance.now() - parseStarted;
    const summary = await importDocument(db, doc, {
      file: `shard-${start}`,
      actor: 'bench',
      timeoutMs: 60 * 60_000,
    });
    importMs += summary.ms;
    relationships += summary.relationships.created;
    log(`  imported ${end}/${entities} entities (${relationships} relationships, ${summary.ms} ms)`);
  }
  return {
    relationships,
    stats: {
      method: 'batched',
      entities,
      relationships,
      seconds: importMs / 1000,
      relationshipsPerSecond: relationships / (importMs / 1000),
      note: `real importer, ${Math.ceil(entities / shardSize)} file(s) of ≤ ${shardSize} entities; parse+validate ${(parseMs / 1000).toFixed(1)} s extra`,
    },
  };
}

interface RunningPeer {
  name: Peer;
  url: string;
  child: ChildProcess;
}

function startPeerProcess(name: Peer, uri: string): Promise<RunningPeer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'bench', 'serve.ts'), name, uri],
    {
      cwd: REPO_ROOT,
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

const stripLatencies = ({ latencies: _latencies, ...rest }: LoadResult): PeerStats => rest;

/** Warm-up, then `rounds` rounds with the peer order rotated each round; latencies pooled per peer. */
async function runScenario(
  id: ScenarioId,
  peers: Map<Peer, RunningPeer>,
  entities: number,
  options: { rate?: number; connections: number },
) {
  const names = SCENARIO_PEERS[id];
  for (const name of names) {
    await runLoad({
      url: peers.get(name)!.url,
      connections: options.connections,
      durationSeconds: Math.max(1, Math.round(duration / 2)),
      ...(options.rate ? { rate: options.rate } : {}),
      next: generatorFor(id, name, entities, seed, 999),
    });
  }
  const pooled = new Map<Peer, { latencies: number[]; errors: number; seconds: number }>();
  for (let round = 0; round < rounds; round += 1) {
    const order = names.map((_, i) => names[(i + round) % names.length]!);
    for (const name of order) {
      const result = await runLoad({
        url: peers.get(name)!.url,
        connections: options.connections,
        durationSeconds: duration,
        ...(options.rate ? { rate: options.rate } : {}),
        next: generatorFor(id, name, entities, seed, 1000 + round),
      });
      const acc = pooled.get(name) ?? { latencies: [], errors: 0, seconds: 0 };
      acc.latencies.push(...result.latencies);
      acc.errors += result.errors;
      acc.seconds += duration;
      pooled.set(name, acc);
    }
  }
  const stats: Partial<Record<Peer, PeerStats>> = {};
  for (const [name, acc] of pooled)
    stats[name] = stripLatencies(summarise(acc.latencies, acc.errors, acc.seconds));
  const line = Object.entries(stats)
    .map(
      ([name, s]) =>
        `${name} p50 ${s.p50.toFixed(1)} p99 ${s.p99.toFixed(1)} ${s.throughput.toFixed(1)}/s err ${s.errors}`,
    )
    .join(' | ');
  log(`  ${id}: ${line}`);
  return { ...(options.rate ? { rate: options.rate } : {}), connections: options.connections, peers: stats };
}

/** Offered load for the latency scenarios: half of what raw sustains, so no peer is measured saturated by design. */
async function openLoopRate(id: ScenarioId, raw: RunningPeer, entities: number): Promise<number> {
  if (smoke) return 10;
  const probe = await runLoad({
    url: raw.url,
    connections: 4,
    durationSeconds: Math.max(1, Math.round(duration / 2)),
    next: generatorFor(id, 'raw', entities, seed, 7),
  });
  return Math.max(5, Math.round(probe.throughput * 0.5));
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

async function measureSize(entities: number, uri: string | undefined): Promise<SizeResult> {
  let local: LocalNeo4j | undefined;
  let dataDir: string | undefined;
  let boltUri = uri;
  if (!boltUri) {
    await ensureNeo4jInstalled({ quiet: true });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `linkage-bench-${entities}-`));
    local = await startLocalNeo4j({
      dataDir,
      boltPort: await findFreePort(),
      heap: smoke ? '1g' : values.heap,
      pageCache: smoke ? '256m' : values.pagecache,
      txTimeout: '60m',
      txMemoryMax: smoke ? '512m' : '3g',
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
    log(`${entities} entities: row-at-a-time sample`);
    const rowwise = await rowAtATime(db, entities);
    await wipe(boltUri);
    await db.applySchema();
    log(`${entities} entities: batched import`);
    const { stats: batched, relationships } = await batchedImport(db, entities);
    const result: SizeResult = {
      entities,
      relationships,
      scenarios: {},
      import: [batched, rowwise],
      rssMb: {},
      client: { measured: false },
    };
    for (const name of ['linkage', 'linkage-cached', 'raw', 'neo4j-graphql'] as Peer[]) {
      peers.set(name, await startPeerProcess(name, boltUri));
    }
    const raw = peers.get('raw')!;
    const wanted = (id: ScenarioId) => !onlyScenarios || onlyScenarios.has(id);
    for (const id of ['S1', 'S2', 'S3', 'S4'] as ScenarioId[]) {
      if (!wanted(id)) continue;
      const rate = await openLoopRate(id, raw, entities);
      result.scenarios[id] = await runScenario(id, peers, entities, { rate, connections });
    }
    if (wanted('S3')) result.noPath = await noPathCheck(peers.get('linkage')!);
    if (wanted('S5')) result.scenarios.S5 = await runScenario('S5', peers, entities, { connections });
    if (wanted('S6')) result.scenarios.S6 = await runScenario('S6', peers, entities, { connections });
    for (const [name, peer] of peers) result.rssMb[name] = rssMb(peer.child.pid);
    result.client = values['skip-client']
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

const settings: Record<string, string | number | boolean> = {
  smoke,
  durationSecondsPerRound: duration,
  rounds,
  connections,
  seed,
  neo4jHeap: values.uri ? 'external' : smoke ? '1g' : values.heap,
  neo4jPageCache: values.uri ? 'external' : smoke ? '256m' : values.pagecache,
};
const readVersion = (pkg: string) =>
  String(
    (
      JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version,
  );
const results: BenchResults = {
  startedAt: new Date().toISOString(),
  command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
  machine: {
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    'neo4j-driver': readVersion('neo4j-driver'),
    '@neo4j/graphql': readVersion('@neo4j/graphql'),
    'graphql-yoga': readVersion('graphql-yoga'),
    autocannon: readVersion('autocannon'),
    loadAverageAtStart: os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' '),
  },
  settings,
  sizes: [],
  notMeasured: [],
};

for (const entities of sizes) {
  log(`size ${entities}`);
  results.sizes.push(await measureSize(entities, values.uri));
  results.machine[`loadAverageAfter${entities}`] = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const name = smoke ? 'smoke' : 'latest';
  writeResults(outDir, results, name);
}
if (!smoke && !sizes.includes(1_000_000))
  results.notMeasured.push({
    entities: 1_000_000,
    reason: 'not run in this invocation (add 1000000 to --sizes)',
  });
const name = smoke ? 'smoke' : 'latest';
const written = writeResults(outDir, results, name);
if (!smoke) writeResults(outDir, results, results.startedAt.slice(0, 16).replace(/[:T]/g, '-'));
log(`results: ${written.markdown}`);
process.exit(0);
