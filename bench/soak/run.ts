// The soak harness (scripts/soak.ts is its command line; tests/integration/soak.test.ts and replicas.test.ts
// run it short). It lives in bench/ beside the other load generators, not in tests/helpers: it is a tool
// users run against their own server, and its reports go to bench/results like the benchmark's.
// Concurrent readers (search, entity, neighbourhood, paths) and editors (create, versioned update, merge)
// against the server on loopback, bounded in time and per-request, with attackers beside them
// (attacker.ts: cache-busting large neighbourhoods, depth-3 floods, oversized bodies, bad tokens). Starts
// its own product (throwaway Neo4j + server child process, seeded) unless a URL is given. Reports
// throughput, latency percentiles per operation (the victim: the normal clients' entity(id) p99), errors by
// code and server RSS over time, then verifies: no 5xx for the normal clients, no lost or duplicated
// writes, no lost updates (stale versions get CONFLICT), RSS flat after warm-up and under a bound.
import { credentialsEnv } from '../../neo4j/credentials.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ensureNeo4jInstalled,
  findFreePort,
  startLocalNeo4j,
  type LocalNeo4j,
} from '../../neo4j/local-neo4j.ts';
import { issueToken } from '../../server/auth/tokens.ts';
import { REPO_ROOT } from '../../server/config.ts';
import { attacker, type AttackSample } from './attacker.ts';

const REQUEST_TIMEOUT_MS = 30_000;
const HOT_ENTITIES = 4;
const SEED_IDS = [
  'mark-zuckerberg',
  'meta',
  'lg-electronics',
  'samsung-electronics',
  'cho-joo-wan',
  'lee-jae-yong',
  'nvidia',
  'llama',
  'seoul',
  'openai',
];
const SEARCH_TERMS = [
  'meta',
  '메타',
  'zuck',
  '저커버그',
  'lg',
  'samsung',
  '삼성',
  'ai',
  'llama',
  'xr',
  'nvidia',
  'seoul',
];

export interface SoakOptions {
  seconds: number;
  readers: number;
  editors: number;
  /** Attacker clients beside the normal ones (attacker.ts); none by default. */
  attackers?: number;
  /** The server's RSS must stay under this (MiB) for the whole run, when it is sampled; unbounded by default. */
  maxRssMb?: number;
  url?: string;
  token?: string;
  pid?: number;
  outDir: string;
}

interface Sample {
  op: string;
  ms: number;
  code: string;
}

interface UpdateAck {
  id: string;
  sent: number;
  got: number;
  description: string;
}

type Obj = Record<string, unknown>;
type Gql = { status: number; data?: Obj | null; errors?: { extensions?: { code?: string } }[] };

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
/** Two different seed entities (a path from an entity to itself is refused as bad input). */
const pathEnds = () => {
  const a = pick(SEED_IDS);
  return { a, b: pick(SEED_IDS.filter((id) => id !== a)) };
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** A GraphQL call that always settles: network failures and timeouts become codes, never exceptions. */
async function call(
  url: string,
  query: string,
  variables: Obj,
  token?: string,
): Promise<Gql & { code: string }> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = (await response.json().catch(() => ({}))) as Gql;
    const code =
      response.status >= 500
        ? `HTTP_${response.status}`
        : (body.errors?.[0]?.extensions?.code ?? (body.errors ? 'UNCODED_ERROR' : 'OK'));
    return { ...body, status: response.status, code };
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    return { status: 0, code: name === 'TimeoutError' ? 'CLIENT_TIMEOUT' : 'NETWORK_ERROR' };
  }
}

/** A request whose answer never came back whole may still have committed: the server died after the
 * commit (nginx then answers 502), or the client gave up waiting. */
function mayHaveWritten(code: string): boolean {
  return code === 'NETWORK_ERROR' || code === 'CLIENT_TIMEOUT' || code.startsWith('HTTP_5');
}

function rssOfPid(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

interface OwnProduct {
  url: string;
  token: string;
  pid: number;
  stop: () => Promise<void>;
}

/** A throwaway Neo4j and the server as a child process (so its RSS is its own), seeded. */
async function startOwnProduct(log: (line: string) => void): Promise<OwnProduct> {
  await ensureNeo4jInstalled();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-soak-'));
  const neo4j: LocalNeo4j = await startLocalNeo4j({
    dataDir: path.join(dir, 'neo4j'),
    boltPort: await findFreePort(),
    heap: '1g',
    pageCache: '256m',
  });
  const tokensFile = path.join(dir, 'tokens.json');
  const token = issueToken(tokensFile, { name: 'soak-editor', role: 'editor' });
  const port = await findFreePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'server', 'main.ts')],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        NEO4J_URI: neo4j.uri,
        ...credentialsEnv(neo4j.auth),
        PORT: String(port),
        HOST: '127.0.0.1',
        LINKAGE_TOKENS_FILE: tokensFile,
        LOG_LEVEL: 'warn',
        // As npm start does (the test tiers turn it off for their own servers).
        LINKAGE_PREPARE_PLANS: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stderr?.on('data', (chunk: Buffer) => log(`server: ${chunk.toString().trim()}`));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Linkage is running at')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening: ${out}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    const ready = await fetch(`${url}/ready`).catch(() => null);
    if (ready?.status === 200) break;
    await sleep(200);
  }
  // Wait until the seed graph is in: the server seeds in the background after /ready.
  for (let i = 0; i < 600; i++) {
    const seeded = await call(url, '{ entity(id: "meta") { id } }', {});
    if ((seeded.data?.entity as Obj | null)?.id === 'meta') break;
    await sleep(200);
  }
  return {
    url,
    token,
    pid: child.pid!,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
      await neo4j.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function runSoak(options: SoakOptions, log: (line: string) => void = console.error) {
  const own = options.url ? undefined : await startOwnProduct(log);
  const url = options.url ?? own!.url;
  const token = options.token ?? own?.token;
  if (!token) throw new Error('--url needs --token <editor token> (or LINKAGE_SOAK_TOKEN)');
  const pid = options.pid ?? own?.pid;
  const runId = crypto.randomBytes(3).toString('hex');
  const samples: Sample[] = [];
  const attackSamples: AttackSample[] = [];
  const rss: { t: number; bytes: number }[] = [];
  const created: string[] = [];
  const uncertainCreates: string[] = [];
  const updates: UpdateAck[] = [];
  const merges: { keep: string; merged: string }[] = [];
  let staleSent = 0;
  let staleAccepted = 0;

  try {
    // Shared entities that every editor updates, so version conflicts really happen.
    const hot = Array.from({ length: HOT_ENTITIES }, (_, i) => `soak-${runId}-hot-${i}`);
    for (const id of hot) {
      const response = await call(
        url,
        `mutation($id: ID!, $name: String!) { createEntity(input: {id: $id, kind: "Concept", name: $name}) { id } }`,
        { id, name: id },
        token,
      );
      if (response.code !== 'OK') throw new Error(`could not create ${id}: ${response.code}`);
    }
    const started = performance.now();
    const deadline = started + options.seconds * 1000;
    const timed = async (op: string, query: string, variables: Obj, auth?: string) => {
      const t0 = performance.now();
      const response = await call(url, query, variables, auth);
      samples.push({ op, ms: performance.now() - t0, code: response.code });
      return response;
    };

    const reader = async () => {
      while (performance.now() < deadline) {
        const which = Math.random();
        if (which < 0.2)
          await timed('entity', `query($id: ID!) { entity(id: $id) { id name version } }`, {
            id: pick(SEED_IDS),
          });
        else if (which < 0.45)
          await timed(
            'search',
            `query($t: String!) { search(text: $t, first: 10) { score entity { id name } } }`,
            {
              t: pick(SEARCH_TERMS),
            },
          );
        else if (which < 0.8)
          await timed(
            'neighborhood',
            `query($ids: [ID!]!, $d: Int) { neighborhood(ids: $ids, depth: $d, limit: 200) { totalNodes nodes { id } relationships { id certainty } } }`,
            { ids: [pick(SEED_IDS)], d: 1 + Math.floor(Math.random() * 2) },
          );
        else
          await timed(
            'paths',
            `query($a: ID!, $b: ID!) { paths(fromId: $a, toId: $b, maxLength: 4, first: 3) { nodes { id } } }`,
            pathEnds(),
          );
      }
    };

    const editor = async (e: number) => {
      const mine: string[] = [];
      for (let n = 0; performance.now() < deadline; n++) {
        const which = Math.random();
        if (which < 0.4 || mine.length < 2) {
          const id = `soak-${runId}-e${e}-${n}`;
          const response = await timed(
            'createEntity',
            `mutation($id: ID!, $name: String!) { createEntity(input: {id: $id, kind: "Organization", name: $name, aliases: ["soak"]}) { id version } }`,
            { id, name: id },
            token,
          );
          if (response.code === 'OK' && (response.data?.createEntity as Obj)?.id === id) {
            created.push(id);
            mine.push(id);
          } else if (mayHaveWritten(response.code)) uncertainCreates.push(id);
        } else if (which < 0.85) {
          const id = pick(hot);
          const current = await timed('entity', `query($id: ID!) { entity(id: $id) { version } }`, { id });
          const version = Number((current.data?.entity as Obj | null)?.version ?? 0);
          if (!version) continue;
          // One update in five is sent with a version known to be stale: it must get CONFLICT.
          const stale = Math.random() < 0.2 && version > 1;
          const sent = stale ? version - 1 : version;
          const description = `e${e}-n${n}-v${sent}`;
          const response = await timed(
            'updateEntity',
            `mutation($id: ID!, $v: Int!, $d: String) { updateEntity(id: $id, version: $v, patch: {description: $d}) { version description } }`,
            { id, v: sent, d: description },
            token,
          );
          if (stale) {
            staleSent += 1;
            // Accepted means written: a stale update lost with a dying replica (a 502) wrote nothing, and
            // the 5xx count already reports it.
            if (response.code === 'OK') staleAccepted += 1;
          }
          if (response.code === 'OK') {
            const got = Number((response.data?.updateEntity as Obj).version);
            updates.push({ id, sent, got, description });
          }
        } else {
          const [keep, merged] = [mine.shift()!, mine.shift()!];
          const response = await timed(
            'mergeEntities',
            `mutation($k: ID!, $m: ID!) { mergeEntities(keepId: $k, mergeId: $m) { mergeId entity { id } } }`,
            { k: keep, m: merged },
            token,
          );
          if (response.code === 'OK') merges.push({ keep, merged });
          mine.push(keep);
        }
      }
    };

    const sampler = setInterval(() => {
      const bytes = pid ? rssOfPid(pid) : null;
      if (bytes !== null) rss.push({ t: Math.round((performance.now() - started) / 1000), bytes });
    }, 1000);
    let lastReport = started;
    const progress = setInterval(() => {
      const now = performance.now();
      if (now - lastReport < 10_000) return;
      lastReport = now;
      log(`soak: ${Math.round((now - started) / 1000)} s, ${samples.length} requests`);
    }, 1000);
    await Promise.all([
      ...Array.from({ length: options.readers }, () => reader()),
      ...Array.from({ length: options.editors }, (_, e) => editor(e)),
      ...Array.from({ length: options.attackers ?? 0 }, () =>
        attacker(url, deadline, (sample) => attackSamples.push(sample)),
      ),
    ]);
    clearInterval(sampler);
    clearInterval(progress);
    const elapsed = (performance.now() - started) / 1000;

    const verification = await verify(url, {
      token,
      runId,
      hot,
      created,
      uncertainCreates,
      updates,
      merges,
      staleSent,
      staleAccepted,
      samples,
      rss,
      seconds: options.seconds,
      maxRssMb: options.maxRssMb ?? Infinity,
    });
    const report = summarise({
      options,
      url,
      runId,
      elapsed,
      samples,
      attackSamples,
      rss,
      verification,
      ownServer: Boolean(own),
    });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    fs.mkdirSync(options.outDir, { recursive: true });
    const base = path.join(options.outDir, `soak-${stamp}`);
    fs.writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
    fs.writeFileSync(`${base}.md`, markdown(report));
    return { report, files: [`${base}.json`, `${base}.md`] };
  } finally {
    await own?.stop();
  }
}

interface VerifyInput {
  /** Deleted entities and the audit trail are shown to token holders only. */
  token: string;
  runId: string;
  hot: string[];
  created: string[];
  uncertainCreates: string[];
  updates: UpdateAck[];
  merges: { keep: string; merged: string }[];
  staleSent: number;
  staleAccepted: number;
  samples: Sample[];
  rss: { t: number; bytes: number }[];
  seconds: number;
  maxRssMb: number;
}

/** Reads every soak entity back through the API and checks the client-side log of acknowledgements. */
async function verify(url: string, input: VerifyInput) {
  const problems: string[] = [];
  const serverErrors = input.samples.filter(
    (s) => s.code.startsWith('HTTP_5') || s.code === 'INTERNAL_SERVER_ERROR',
  ).length;
  if (serverErrors > 0)
    problems.push(`${serverErrors} responses to the normal clients were 5xx / INTERNAL_SERVER_ERROR`);
  const maxRssMb = input.rss.length > 0 ? Math.max(...input.rss.map((s) => s.bytes)) / 2 ** 20 : null;
  if (maxRssMb !== null && maxRssMb > input.maxRssMb)
    problems.push(`server RSS reached ${maxRssMb.toFixed(0)} MiB, above the bound of ${input.maxRssMb} MiB`);

  // Every entity of this run, deleted (merged) ones included, paged through the API.
  const seen = new Map<string, Obj>();
  const duplicates: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await call(
      url,
      `query($after: String) { entities(includeDeleted: true, first: 500, after: $after) { edges { node { id version deleted mergedInto description } } pageInfo { hasNextPage endCursor } } }`,
      { after },
      input.token,
    );
    const connection = page.data?.entities as
      { edges: { node: Obj }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | undefined;
    if (!connection) {
      problems.push(`could not read the entities back (${page.code})`);
      break;
    }
    for (const { node } of connection.edges) {
      const id = String(node.id);
      if (!id.startsWith(`soak-${input.runId}-`)) continue;
      if (seen.has(id)) duplicates.push(id);
      seen.set(id, node);
    }
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  const lost = input.created.filter((id) => !seen.has(id));
  if (lost.length > 0)
    problems.push(`${lost.length} acknowledged creates are missing: ${lost.slice(0, 5).join(', ')}`);
  if (duplicates.length > 0)
    problems.push(`${duplicates.length} entities appear twice: ${duplicates.slice(0, 5).join(', ')}`);
  const expected = new Set([...input.hot, ...input.created, ...input.uncertainCreates]);
  const unexpected = [...seen.keys()].filter((id) => !expected.has(id));
  if (unexpected.length > 0)
    problems.push(
      `${unexpected.length} entities exist that nobody created: ${unexpected.slice(0, 5).join(', ')}`,
    );

  // No lost updates: per entity, acknowledged updates went sent → sent+1, no two claim the same version,
  // and the stored entity is at least at the last acknowledged version, holding that update's text.
  let chainsChecked = 0;
  for (const id of input.hot) {
    const acks = input.updates.filter((u) => u.id === id).sort((a, b) => a.got - b.got);
    const versions = new Set<number>();
    for (const ack of acks) {
      if (ack.got !== ack.sent + 1)
        problems.push(`${id}: update sent at version ${ack.sent} came back as ${ack.got}`);
      if (versions.has(ack.got))
        problems.push(`${id}: two acknowledged updates both produced version ${ack.got} (lost update)`);
      versions.add(ack.got);
    }
    const stored = seen.get(id);
    const last = acks.at(-1);
    if (stored && last) {
      if (Number(stored.version) < last.got)
        problems.push(`${id}: stored version ${String(stored.version)} is behind acknowledged ${last.got}`);
      if (Number(stored.version) === last.got && stored.description !== last.description)
        problems.push(`${id}: stored description is not the last acknowledged update's`);
    }
    const audit = await call(
      url,
      `query($id: String) { auditTrail(targetId: $id, first: 500) { action } }`,
      { id },
      input.token,
    );
    const entries = (audit.data?.auditTrail as Obj[] | undefined) ?? [];
    const logged = entries.filter((a) => a.action === 'updateEntity').length;
    // The API returns at most 500 entries per target; a full page cannot be counted against every update.
    if (entries.length < 500 && logged < acks.length)
      problems.push(`${id}: ${acks.length} acknowledged updates but ${logged} in the audit trail`);
    chainsChecked += 1;
  }
  if (input.staleAccepted > 0)
    problems.push(`${input.staleAccepted} updates with a stale version were not refused with CONFLICT`);

  for (const m of input.merges) {
    const merged = seen.get(m.merged);
    if (!merged || merged.deleted !== true || merged.mergedInto !== m.keep)
      problems.push(`merge of ${m.merged} into ${m.keep} acknowledged but not whole`);
  }

  // RSS: after a warm-up (the first quarter, at least 10 s), the last fifth of the samples may not sit
  // clearly above the first fifth. Runs under a minute are too short to judge.
  let rssVerdict: {
    judged: boolean;
    flat: boolean | null;
    earlyMb: number | null;
    lateMb: number | null;
    note: string;
  };
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const afterWarmup = input.rss.filter((s) => s.t >= Math.max(10, input.seconds / 4));
  if (input.rss.length === 0)
    rssVerdict = {
      judged: false,
      flat: null,
      earlyMb: null,
      lateMb: null,
      note: 'server RSS not sampled (give --pid with --url)',
    };
  else if (input.seconds < 60 || afterWarmup.length < 10)
    rssVerdict = {
      judged: false,
      flat: null,
      earlyMb: null,
      lateMb: null,
      note: 'run shorter than a minute: RSS reported, not judged',
    };
  else {
    const fifth = Math.max(2, Math.floor(afterWarmup.length / 5));
    const early = mean(afterWarmup.slice(0, fifth).map((s) => s.bytes));
    const late = mean(afterWarmup.slice(-fifth).map((s) => s.bytes));
    const flat = late <= early * 1.2 + 32 * 1024 * 1024;
    rssVerdict = {
      judged: true,
      flat,
      earlyMb: early / 2 ** 20,
      lateMb: late / 2 ** 20,
      note: 'late fifth vs early fifth after warm-up; flat = at most +20 % + 32 MiB',
    };
    if (!flat)
      problems.push(
        `server RSS grew from ${(early / 2 ** 20).toFixed(0)} MiB to ${(late / 2 ** 20).toFixed(0)} MiB after warm-up`,
      );
  }

  return {
    passed: problems.length === 0,
    problems,
    serverErrors,
    acknowledgedCreates: input.created.length,
    uncertainCreates: input.uncertainCreates.length,
    foundCreates: input.created.filter((id) => seen.has(id)).length,
    duplicates: duplicates.length,
    acknowledgedUpdates: input.updates.length,
    updateChainsChecked: chainsChecked,
    staleUpdatesSent: input.staleSent,
    staleUpdatesAccepted: input.staleAccepted,
    acknowledgedMerges: input.merges.length,
    rss: rssVerdict,
    maxRssMb: maxRssMb === null ? null : Number(maxRssMb.toFixed(1)),
    rssBoundMb: Number.isFinite(input.maxRssMb) ? input.maxRssMb : null,
  };
}

function summarise(input: {
  options: SoakOptions;
  url: string;
  runId: string;
  elapsed: number;
  samples: Sample[];
  attackSamples: AttackSample[];
  rss: { t: number; bytes: number }[];
  verification: Awaited<ReturnType<typeof verify>>;
  ownServer: boolean;
}) {
  const perOperation = statsByOperation(input.samples, input.elapsed);
  const attacks = statsByOperation(input.attackSamples, input.elapsed);
  const errorsByCode: Record<string, number> = {};
  for (const s of input.samples) if (s.code !== 'OK') errorsByCode[s.code] = (errorsByCode[s.code] ?? 0) + 1;
  return {
    kind: 'linkage-soak',
    at: new Date().toISOString(),
    runId: input.runId,
    target: input.ownServer ? 'own product (throwaway Neo4j + server child process)' : input.url,
    machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    readers: input.options.readers,
    editors: input.options.editors,
    attackers: input.options.attackers ?? 0,
    plannedSeconds: input.options.seconds,
    elapsedSeconds: Number(input.elapsed.toFixed(1)),
    requests: input.samples.length,
    throughputPerSecond: Number((input.samples.length / input.elapsed).toFixed(1)),
    perOperation,
    errorsByCode,
    /** What a victim meets: the normal clients' entity(id) reads, while the attackers run. */
    victimEntityP99Ms: perOperation.entity?.p99 ?? null,
    attackRequests: input.attackSamples.length,
    attacks,
    rssMb: input.rss.map((s) => ({ t: s.t, mb: Number((s.bytes / 2 ** 20).toFixed(1)) })),
    verification: input.verification,
  };
}

function statsByOperation(samples: Sample[], elapsed: number) {
  const ops = [...new Set(samples.map((s) => s.op))].sort();
  return Object.fromEntries(
    ops.map((op) => {
      const mine = samples.filter((s) => s.op === op);
      const ms = mine.map((s) => s.ms).sort((a, b) => a - b);
      const codes: Record<string, number> = {};
      for (const s of mine) codes[s.code] = (codes[s.code] ?? 0) + 1;
      return [
        op,
        {
          count: mine.length,
          perSecond: Number((mine.length / elapsed).toFixed(1)),
          p50: Number(percentile(ms, 50).toFixed(1)),
          p95: Number(percentile(ms, 95).toFixed(1)),
          p99: Number(percentile(ms, 99).toFixed(1)),
          max: Number((ms.at(-1) ?? 0).toFixed(1)),
          codes,
        },
      ];
    }),
  );
}

type Report = ReturnType<typeof summarise>;

export function markdown(report: Report): string {
  const table = (perOperation: Report['perOperation']) =>
    Object.entries(perOperation).map(
      ([op, s]) =>
        `| ${op} | ${s.count} | ${s.perSecond} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} | ${Object.entries(
          s.codes,
        )
          .map(([c, n]) => `${c} ${n}`)
          .join(', ')} |`,
    );
  const rss = report.rssMb;
  const rssLine =
    rss.length > 0
      ? `Server RSS: ${rss[0]!.mb} MiB at ${rss[0]!.t} s → ${rss.at(-1)!.mb} MiB at ${rss.at(-1)!.t} s (min ${Math.min(...rss.map((s) => s.mb))}, max ${Math.max(...rss.map((s) => s.mb))}). ${report.verification.rss.note}.`
      : `Server RSS: ${report.verification.rss.note}.`;
  const v = report.verification;
  return [
    `# Linkage soak ${report.at}`,
    '',
    `${report.readers} readers + ${report.editors} editors + ${report.attackers} attackers for ${report.elapsedSeconds} s against ${report.target}; ` +
      `${report.machine.cpus} CPUs, ${report.machine.memoryGb} GB, Node ${report.machine.node}.`,
    '',
    `**${report.requests} requests, ${report.throughputPerSecond}/s.** Non-OK answers by code: ${
      Object.entries(report.errorsByCode)
        .map(([c, n]) => `${c} ${n}`)
        .join(', ') || 'none'
    }.`,
    '',
    `**Victim: the normal clients' entity(id) p99 ${report.victimEntityP99Ms ?? '–'} ms** while the attackers ran.`,
    '',
    '| operation | count | per s | p50 ms | p95 ms | p99 ms | max ms | answers |',
    '|---|---|---|---|---|---|---|---|',
    ...table(report.perOperation),
    '',
    `Attackers: ${report.attackRequests} requests (their answers are refusals by design; not judged).`,
    '',
    '| attack | count | per s | p50 ms | p95 ms | p99 ms | max ms | answers |',
    '|---|---|---|---|---|---|---|---|',
    ...table(report.attacks),
    '',
    rssLine,
    '',
    `## Verification: ${v.passed ? 'passed' : 'FAILED'}`,
    '',
    `- 5xx answers to the normal clients: ${v.serverErrors}`,
    `- server RSS max: ${v.maxRssMb ?? '–'} MiB (bound ${v.rssBoundMb} MiB)`,
    `- creates acknowledged ${v.acknowledgedCreates}, found ${v.foundCreates}, duplicated ${v.duplicates} (uncertain: ${v.uncertainCreates})`,
    `- updates acknowledged ${v.acknowledgedUpdates} on ${v.updateChainsChecked} shared entities; version chains consistent: ${v.problems.some((p) => p.includes('version')) ? 'no' : 'yes'}`,
    `- stale-version updates sent ${v.staleUpdatesSent}, accepted ${v.staleUpdatesAccepted} (must be 0)`,
    `- merges acknowledged ${v.acknowledgedMerges}, all whole: ${v.problems.some((p) => p.startsWith('merge')) ? 'no' : 'yes'}`,
    `- RSS flat after warm-up: ${v.rss.judged ? (v.rss.flat ? `yes (${v.rss.earlyMb?.toFixed(0)} → ${v.rss.lateMb?.toFixed(0)} MiB)` : 'NO') : 'not judged'}`,
    ...v.problems.map((p) => `- problem: ${p}`),
    '',
  ].join('\n');
}
