// node --import tsx bench/replicas-cpu.ts [--requests 2000] [--connections 8] [--total-connections]
//   [--cache on|off|both] [--rounds 1] [--control] [--burner spin|heap] [--rate R] [--replicas 1,2]
//   [--cpu-prof DIR]
// CPU per request on each replica, for 1 and for 2 replicas behind Debian's nginx over one throwaway Neo4j
// (this machine has 2 cores, so throughput would measure the machine, not the design). The same fixed mix
// of reads runs through the balancer; each replica's CPU time (utime + stime from /proc) is read before and
// after, and divided by the requests it served (round robin: an equal share). Runs with the response cache
// on (answers come from the cache after one generation check) and off (every request runs its query).
// --requests is per replica, after 1000 per replica of warm-up.
//
// Fair to both runs:
// - Each replica gets --connections concurrent clients (2 replicas get twice as many through nginx). The
//   cache's generation check is shared by the hits that arrive while one runs, so its cost per hit
//   depends on how many requests a replica has in flight: with 8 connections split over 2 replicas, each
//   had half the concurrency and read the generation about twice as often per hit. --total-connections
//   keeps the total fixed instead (the old measurement), to show that effect.
// - What a replica burns idle (token refresh, timers) is measured over 5 s and also shown subtracted
//   ("less idle"): a longer window would otherwise charge more of it to each request.
// - --rounds N alternates 1 and 2 replicas N times, so a change in the machine's load (other processes on
//   a shared machine make CPU time per request rise too) hits both alike.
// - --control adds, after each 1- and 2-replica pair, a control run: 1 replica again with a CPU burner
//   beside it that uses as many cores as the second replica did in the 2-replica run. If its CPU per
//   request rises as much as the 2-replica run's did, the rise comes from sharing 2 cores with another
//   busy process, not from anything one replica does to another. (The whole machine's busy time, from
//   /proc/stat, is in each row: one replica plus nginx, Neo4j and the load generator already fill it.)
//   --burner spin (the default) spins on the clock, which touches almost no memory; --burner heap keeps a
//   128 MB heap of small objects and walks, serialises and reallocates them as a server does, so it also
//   competes for the shared L3 cache, memory bandwidth and the kernel's page handling. If only the heap
//   burner raises the replica's CPU per request, the rise is the hardware's, not the design's.
// - Each row also counts the replicas' context switches per request (/proc/<pid>/status): a process
//   preempted more often resumes with colder caches and pays for it in CPU time.
// Each replica's /ready counters (cache hits, misses, stale entries, generation reads) are read before and
// after the measured window. --cpu-prof DIR writes each replica's V8 CPU profile (node --cpu-prof).
// Writes bench/results/replicas-cpu-<time>.{json,md}.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { credentialsEnv } from '../neo4j/credentials.ts';
import { ensureNeo4jInstalled, findFreePort, startLocalNeo4j } from '../neo4j/local-neo4j.ts';
import { REPO_ROOT } from '../server/config.ts';
import { startNginx, startReplica, waitReady, type Replica } from '../tests/helpers/replicas.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    connections: { type: 'string', default: '8' },
    'total-connections': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    cache: { type: 'string', default: 'both' },
    rounds: { type: 'string', default: '1' },
    control: { type: 'boolean', default: false },
    burner: { type: 'string', default: 'spin' },
    rate: { type: 'string' },
    replicas: { type: 'string', default: '1,2' },
  },
});
const REQUESTS = Number(values.requests);
const CONNECTIONS = Number(values.connections);
const PER_REPLICA = !values['total-connections'];
const CACHE_MODES = values.cache === 'both' ? (['on', 'off'] as const) : ([values.cache] as ['on' | 'off']);
if (!CACHE_MODES.every((mode) => mode === 'on' || mode === 'off')) {
  console.error('--cache: on, off or both');
  process.exit(64);
}
/** 1 and 2 replicas alternate this many times, so a change in the machine's load hits both alike. */
const ROUNDS = Number(values.rounds);
const CONTROL = values.control;
const BURNER = values.burner;
if (BURNER !== 'spin' && BURNER !== 'heap') {
  console.error('--burner: spin or heap');
  process.exit(64);
}
/** Requests per second through the balancer (all replicas together); unset: as fast as the connections go. */
const RATE = values.rate ? Number(values.rate) : undefined;
const REPLICA_COUNTS = values.replicas.split(',').map(Number);
const PROFILE_DIR = values['cpu-prof'] ? path.resolve(values['cpu-prof']) : undefined;
/** Requests each replica serves before the measured window: JIT, query plans, cache entries. */
const WARM_UP_PER_REPLICA = 1000;
const IDLE_MS = 5000;
const TICK_MS = 1000 / 100; // USER_HZ on Linux

const MIX = [
  '{ search(text: "meta") { entity { id name } score } }',
  '{ search(text: "삼성") { entity { id name } score } }',
  '{ entity(id: "lg-electronics") { id name description version } }',
  '{ neighborhood(ids: ["meta"]) { nodes { id name kind } relationships { id type certainty } } }',
].map((query) => ({
  method: 'POST' as const,
  path: '/graphql',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query }),
}));

/** Busy CPU time of the whole machine (every core, every process) in ms, from /proc/stat. */
function machineBusyMs(): number {
  const [, user, nice, system, , , irq, softirq, steal] = fs
    .readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) * TICK_MS;
}

/** Work for one burner process's busy slice, in milliseconds of every 10. */
const BURNER_LOOPS = {
  spin: (busyMs: string) =>
    `const busy = ${busyMs}; setInterval(() => { const t = performance.now(); while (performance.now() - t < busy); }, 10);`,
  // About 128 MB of small objects, walked in random order, serialised and partly replaced: the cache,
  // memory and garbage-collector load of a busy server, which a spin loop does not make.
  heap: (busyMs: string) =>
    `const busy = ${busyMs}; const heap = Array.from({ length: 400000 }, (_, i) => ({ id: 'e' + i, name: 'entity ' + i, rank: i % 7, tags: ['a' + (i % 13), 'b' + (i % 17)] }));
     let seed = 1; const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % heap.length;
     setInterval(() => { const t = performance.now(); let bytes = 0;
       while (performance.now() - t < busy) { for (let k = 0; k < 64; k += 1) { const i = next(); bytes += JSON.stringify(heap[i]).length; if (k % 8 === 0) heap[i] = { ...heap[i], rank: heap[i].rank + 1 }; } }
       if (bytes < 0) console.log(bytes); }, 10);`,
};

/**
 * Processes that keep `cores` cores busy (e.g. 0.7: one process busy 7 ms of every 10), standing in for
 * the load a second replica adds to the machine.
 */
function startBurner(cores: number): { stop: () => void } {
  const whole = Math.floor(cores);
  const shares = [...Array(whole).fill(1), cores - whole].filter((share) => share > 0.01);
  const children = shares.map((share) =>
    spawn(
      process.execPath,
      ['-e', BURNER_LOOPS[BURNER as 'spin' | 'heap']((Math.min(share, 0.999) * 10).toFixed(3))],
      {
        stdio: 'ignore',
      },
    ),
  );
  return { stop: () => children.forEach((child) => child.kill('SIGKILL')) };
}

/** Voluntary and involuntary context switches of a process so far. */
function contextSwitches(pid: number): { voluntary: number; involuntary: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { voluntary: field('voluntary_ctxt_switches'), involuntary: field('nonvoluntary_ctxt_switches') };
}

function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

async function load(url: string, amount: number, connections: number) {
  return autocannon({ url, connections, amount, requests: MIX, ...(RATE ? { overallRate: RATE } : {}) });
}

interface Counters {
  hits: number;
  misses: number;
  stale: number;
  generationReads: number;
}

/** A replica's cache and generation-read counters, from its /ready. */
async function counters(url: string): Promise<Counters> {
  const ready = (await waitReady(url)) as {
    responseCache: Omit<Counters, 'generationReads'> | null;
    generationReads: number;
  };
  const cache = ready.responseCache ?? { hits: 0, misses: 0, stale: 0 };
  return {
    hits: cache.hits,
    misses: cache.misses,
    stale: cache.stale,
    generationReads: ready.generationReads,
  };
}

const round = (value: number) => Number(value.toFixed(3));

async function measure(env: Record<string, string>, replicas: number, dir: string, burnCores = 0) {
  const started: Replica[] = [];
  const nodeArgs = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  for (let i = 0; i < replicas; i += 1) started.push(await startReplica(env, nodeArgs));
  await Promise.all(started.map((r) => waitReady(r.url)));
  const balancer = await startNginx(
    fs.mkdtempSync(path.join(dir, 'nginx-')),
    started.map((r) => r.url),
  );
  const connections = PER_REPLICA ? CONNECTIONS * replicas : CONNECTIONS;
  const burner = burnCores > 0 ? startBurner(burnCores) : undefined;
  try {
    await load(balancer.url, WARM_UP_PER_REPLICA * replicas, connections);
    // What a replica spends with no requests at all (token refresh, timers), per second.
    const idleStart = started.map((r) => cpuMs(r.process.pid!));
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idleMsPerSecond = started.map((r, i) =>
      round((cpuMs(r.process.pid!) - idleStart[i]!) / (IDLE_MS / 1000)),
    );
    const countedBefore = await Promise.all(started.map((r) => counters(r.url)));
    const before = started.map((r) => cpuMs(r.process.pid!));
    const switchesBefore = started.map((r) => contextSwitches(r.process.pid!));
    const machineBefore = machineBusyMs();
    const windowStart = performance.now();
    const result = await load(balancer.url, REQUESTS * replicas, connections);
    const windowSeconds = (performance.now() - windowStart) / 1000;
    const machineBusyCores = (machineBusyMs() - machineBefore) / 1000 / windowSeconds;
    const after = started.map((r) => cpuMs(r.process.pid!));
    const switchesAfter = started.map((r) => contextSwitches(r.process.pid!));
    const countedAfter = await Promise.all(started.map((r) => counters(r.url)));
    // /ready itself reads the generation once per call: the measured window holds one of those per replica.
    const counted = countedAfter.map((c, i) => {
      const b = countedBefore[i]!;
      return {
        hits: c.hits - b.hits,
        misses: c.misses - b.misses,
        stale: c.stale - b.stale,
        generationReads: c.generationReads - b.generationReads - 1,
      };
    });
    const perReplica = after.map((ms, i) => ms - before[i]!);
    const share = result.requests.total / replicas;
    return {
      replicas,
      burnCores: round(burnCores),
      burner: burnCores > 0 ? BURNER : null,
      /** Cores' worth of CPU the whole machine was busy with during the window (burner included). */
      machineBusyCores: round(machineBusyCores),
      connections,
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
      windowSeconds: round(windowSeconds),
      idleCpuMsPerSecondPerReplica: idleMsPerSecond,
      cpuMsPerReplica: perReplica,
      cpuMsPerRequestPerReplica: perReplica.map((ms) => round(ms / share)),
      cpuMsPerRequestTotal: round(perReplica.reduce((a, b) => a + b, 0) / result.requests.total),
      /** Less what the replica would have spent idle over the same window: the requests' own cost. */
      netCpuMsPerRequestPerReplica: perReplica.map((ms, i) =>
        round((ms - idleMsPerSecond[i]! * windowSeconds) / share),
      ),
      /** Context switches per request, each replica: involuntary ones are preemptions. */
      involuntarySwitchesPerRequestPerReplica: switchesAfter.map((c, i) =>
        round((c.involuntary - switchesBefore[i]!.involuntary) / share),
      ),
      voluntarySwitchesPerRequestPerReplica: switchesAfter.map((c, i) =>
        round((c.voluntary - switchesBefore[i]!.voluntary) / share),
      ),
      /** Cache lookups per replica (one per request while the cache is on; 0 when it is off). */
      lookupsPerReplica: counted.map((c) => c.hits + c.misses + c.stale),
      hitRatePerReplica: counted.map((c) => round(c.hits / Math.max(1, c.hits + c.misses + c.stale))),
      generationReadsPerHitPerReplica: counted.map((c) => round(c.generationReads / Math.max(1, c.hits))),
      counters: counted,
    };
  } finally {
    burner?.stop();
    await balancer.stop();
    await Promise.all(started.map((r) => r.stop()));
  }
}

await ensureNeo4jInstalled();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-replicas-cpu-'));
const neo4j = await startLocalNeo4j({
  dataDir: path.join(dir, 'neo4j'),
  boltPort: await findFreePort(),
  heap: '1g',
  pageCache: '256m',
});
const base = {
  NEO4J_URI: neo4j.uri,
  ...credentialsEnv(neo4j.auth),
  LINKAGE_TOKENS_FILE: path.join(dir, 'none.json'),
  LOG_LEVEL: 'warn',
};
type Run = { cache: 'on' | 'off' } & Awaited<ReturnType<typeof measure>>;
const runs: Run[] = [];
try {
  for (const cache of CACHE_MODES) {
    const env = { ...base, LINKAGE_RESPONSE_CACHE_TTL_MS: cache === 'on' ? '600000' : '0' };
    for (let round = 0; round < ROUNDS; round += 1) {
      const pair: Run[] = [];
      for (const replicas of REPLICA_COUNTS) {
        const run = { cache, ...(await measure(env, replicas, dir)) };
        console.error(JSON.stringify(run));
        pair.push(run);
      }
      runs.push(...pair);
      if (CONTROL && pair.length === 2) {
        const two = pair[1]!;
        const secondReplicaCores = two.cpuMsPerReplica[1]! / 1000 / two.windowSeconds;
        const run = { cache, ...(await measure(env, 1, dir, secondReplicaCores)) };
        console.error(JSON.stringify(run));
        runs.push(run);
      }
    }
  }
} finally {
  await neo4j.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const out = path.join(REPO_ROOT, 'bench', 'results', `replicas-cpu-${stamp}`);
const cacheColumns = (r: Run) =>
  r.cache === 'on'
    ? `${r.lookupsPerReplica.join(' / ')} | ${r.hitRatePerReplica.join(' / ')} | ${r.generationReadsPerHitPerReplica.join(' / ')}`
    : '– | – | –';
const rows = runs.map(
  (r) =>
    `| ${r.cache} | ${r.replicas}${r.burnCores > 0 ? ` + ${r.burner} burner (${r.burnCores} cores)` : ''} | ${r.machineBusyCores} | ${r.connections} | ${r.requests} | ${r.non2xx} | ${r.windowSeconds} | ${r.idleCpuMsPerSecondPerReplica.join(' / ')} | ${r.cpuMsPerRequestPerReplica.join(' / ')} | ${r.netCpuMsPerRequestPerReplica.join(' / ')} | ${r.involuntarySwitchesPerRequestPerReplica.join(' / ')} | ${r.voluntarySwitchesPerRequestPerReplica.join(' / ')} | ${cacheColumns(r)} |`,
);
fs.writeFileSync(
  `${out}.json`,
  `${JSON.stringify({ requestsPerReplica: REQUESTS, connections: CONNECTIONS, perReplica: PER_REPLICA, runs }, null, 2)}\n`,
);
const loadText = PER_REPLICA
  ? `${CONNECTIONS} connections and ${REQUESTS} requests per replica`
  : `${CONNECTIONS} connections in total, ${REQUESTS} requests per replica`;
fs.writeFileSync(
  `${out}.md`,
  [
    `# CPU per request, 1 vs 2 replicas behind nginx (${os.cpus().length} cores, ${loadText})`,
    '',
    '| cache | replicas | machine busy, cores | connections | requests | non-2xx | window s | idle CPU ms/s, each replica | CPU ms per request, each replica | less idle | preemptions per request | voluntary switches per request | cache lookups, each replica | hit rate | generation reads per hit |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n'),
);
console.log(`${out}.md`);
