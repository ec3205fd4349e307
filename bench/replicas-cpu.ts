// node --import tsx bench/replicas-cpu.ts [--requests 4000] [--connections 8]
// CPU per request on each replica, for 1 and for 2 replicas behind Debian's nginx over one throwaway Neo4j
// (this machine has 2 cores, so throughput would measure the machine, not the design). The same fixed mix
// of reads runs through the balancer; each replica's CPU time (utime + stime from /proc) is read before and
// after, and divided by the requests it served (round robin: an equal share). Runs with the response cache
// on (answers come from the cache after one generation check) and off (every request runs its query).
// Writes bench/results/replicas-cpu-<time>.{json,md}.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { credentialsEnv } from '../neo4j/credentials.ts';
import { ensureNeo4jInstalled, findFreePort, startLocalNeo4j } from '../neo4j/local-neo4j.ts';
import { REPO_ROOT } from '../server/config.ts';
import { startNginx, startReplica, waitReady, type Replica } from '../tests/helpers/replicas.ts';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '4000' }, connections: { type: 'string', default: '8' } },
});
const REQUESTS = Number(values.requests);
const CONNECTIONS = Number(values.connections);
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

function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

async function load(url: string, amount: number) {
  return autocannon({ url, connections: CONNECTIONS, amount, requests: MIX });
}

async function measure(env: Record<string, string>, replicas: number, dir: string) {
  const started: Replica[] = [];
  for (let i = 0; i < replicas; i += 1) started.push(await startReplica(env));
  await Promise.all(started.map((r) => waitReady(r.url)));
  const balancer = await startNginx(
    fs.mkdtempSync(path.join(dir, 'nginx-')),
    started.map((r) => r.url),
  );
  try {
    await load(balancer.url, 400 * replicas); // warm-up: JIT, plans, cache
    const before = started.map((r) => cpuMs(r.process.pid!));
    const result = await load(balancer.url, REQUESTS);
    const after = started.map((r) => cpuMs(r.process.pid!));
    const perReplica = after.map((ms, i) => ms - before[i]!);
    const share = result.requests.total / replicas;
    return {
      replicas,
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
      cpuMsPerReplica: perReplica,
      cpuMsPerRequestPerReplica: perReplica.map((ms) => Number((ms / share).toFixed(3))),
      cpuMsPerRequestTotal: Number(
        (perReplica.reduce((a, b) => a + b, 0) / result.requests.total).toFixed(3),
      ),
    };
  } finally {
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
const runs = [];
try {
  for (const cache of ['on', 'off'] as const) {
    const env = { ...base, LINKAGE_RESPONSE_CACHE_TTL_MS: cache === 'on' ? '600000' : '0' };
    for (const replicas of [1, 2]) {
      const run = { cache, ...(await measure(env, replicas, dir)) };
      console.error(JSON.stringify(run));
      runs.push(run);
    }
  }
} finally {
  await neo4j.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const out = path.join(REPO_ROOT, 'bench', 'results', `replicas-cpu-${stamp}`);
const rows = runs.map(
  (r) =>
    `| ${r.cache} | ${r.replicas} | ${r.requests} | ${r.non2xx} | ${r.cpuMsPerRequestPerReplica.join(' / ')} | ${r.cpuMsPerRequestTotal} |`,
);
fs.writeFileSync(
  `${out}.json`,
  `${JSON.stringify({ requests: REQUESTS, connections: CONNECTIONS, runs }, null, 2)}\n`,
);
fs.writeFileSync(
  `${out}.md`,
  [
    `# CPU per request, 1 vs 2 replicas behind nginx (${os.cpus().length} cores, ${CONNECTIONS} connections)`,
    '',
    '| cache | replicas | requests | non-2xx | CPU ms per request, each replica | CPU ms per request, all replicas |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n'),
);
console.log(`${out}.md`);
