/**
 * `tsx neo4j/cli.ts [--data-dir d] [--bolt-port p] [--pagecache s] [--heap s] [--tx-timeout d] [--tx-memory-max s]`
 * Installs (if needed) and starts the local embedded Neo4j, prints the ready line, and stops it cleanly
 * on SIGINT/SIGTERM. Wired to `npm run neo4j`.
 */
import { parseArgs } from 'node:util';
import {
  ensureNeo4jInstalled,
  LocalNeo4jStartError,
  startLocalNeo4j,
  type LocalNeo4j,
} from './local-neo4j.js';

const USAGE = `usage: tsx neo4j/cli.ts [--data-dir ./data/neo4j] [--bolt-port 7687] [--pagecache 512m] [--heap 1g]
                         [--tx-timeout 30s] [--tx-memory-max 1g] [--quiet]`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        'data-dir': { type: 'string', default: 'data/neo4j' },
        'bolt-port': { type: 'string', default: '7687' },
        pagecache: { type: 'string' },
        heap: { type: 'string' },
        'tx-timeout': { type: 'string' },
        'tx-memory-max': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 64;
  }
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const boltPort = Number(values['bolt-port']);
  if (!Number.isInteger(boltPort) || boltPort < 1 || boltPort > 65535) {
    process.stderr.write(`--bolt-port must be an integer in 1..65535\n${USAGE}\n`);
    return 64;
  }

  await ensureNeo4jInstalled({ quiet: values.quiet });

  const state: { neo?: LocalNeo4j; stopping: boolean } = { stopping: false };
  const shutdown = (signal: NodeJS.Signals) => {
    if (state.stopping) return;
    state.stopping = true;
    process.stderr.write(`neo4j: ${signal} received, stopping Neo4j...\n`);
    if (state.neo) void state.neo.stop();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  const t0 = Date.now();
  const neo = await startLocalNeo4j({
    dataDir: values['data-dir'] as string,
    boltPort,
    pageCache: values.pagecache,
    heap: values.heap,
    txTimeout: values['tx-timeout'],
    txMemoryMax: values['tx-memory-max'],
    log: (line) => {
      // The launcher's own ready line is re-printed below; everything else goes to stderr.
      if (line.startsWith('LINKAGE_NEO4J_READY')) return;
      if (line.startsWith('LINKAGE_NEO4J_ERROR')) errorShown = true;
      process.stderr.write(line + '\n');
    },
  });
  process.stdout.write(`LINKAGE_NEO4J_READY ${neo.uri}\n`);
  process.stderr.write(
    `neo4j: ready in ${((Date.now() - t0) / 1000).toFixed(1)}s (pid ${neo.pid}); Ctrl-C to stop\n`,
  );
  state.neo = neo;
  if (state.stopping) void neo.stop();

  const code = await neo.exited;
  if (!state.stopping) {
    process.stderr.write(`neo4j: Neo4j exited unexpectedly (code ${code})\n`);
    return code === 0 || code === null ? 1 : code;
  }
  process.stderr.write('neo4j: stopped\n');
  return 0;
}

/** Set once the launcher's own LINKAGE_NEO4J_ERROR line went to stderr, so it isn't repeated. */
let errorShown = false;

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (!(errorShown && e instanceof LocalNeo4jStartError)) {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    }
    // Mirror the launcher's exit code (2 store in use, 3 not writable, 4 port in use, 64 usage).
    const code = e instanceof LocalNeo4jStartError && e.exitCode ? e.exitCode : 1;
    process.exit(code);
  },
);
