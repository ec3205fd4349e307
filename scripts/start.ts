// npm start: from a fresh clone to a running product. Starts the local Neo4j unless NEO4J_URI is set,
// issues the first editor token, builds the client, then serves; Ctrl-C / SIGTERM stops everything.
import { ensureNeo4jInstalled } from '../neo4j/local-neo4j.ts';
import { superviseLocalNeo4j, type SupervisedNeo4j } from '../neo4j/supervisor.ts';
import { createToken, listTokens } from '../server/auth/tokens.ts';
import { ConfigError, loadConfig, type Config } from '../server/config.ts';
import { createLogger } from '../server/logger.ts';
import { ListenError, startServer, type RunningServer } from '../server/main.ts';
import { ensureClientBuilt } from './client-build.ts';

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
}

const config = configOrExit();
const logger = createLogger(config.logLevel);
// Filled in as each part comes up, so a signal at any point stops what is running.
const running: { neo4j?: SupervisedNeo4j; server?: RunningServer } = {};
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  console.error('linkage: stopping …');
  await running.server?.close().catch(() => {});
  await running.neo4j?.stop().catch(() => {});
  process.exit(code);
}
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));

let uri = config.neo4j.uri;
if (!uri) {
  await ensureNeo4jInstalled();
  const local = config.neo4j.local;
  console.error(
    `linkage: starting the local Neo4j (data in ${local.dataDir}, Bolt on 127.0.0.1:${local.boltPort}) …`,
  );
  try {
    // Supervised: if the JVM dies (kill -9, out of memory), it is started again with back-off; /ready
    // says so meanwhile, and the server reconnects on its own (neo4j/supervisor.ts).
    const neo4jLog = logger.child({ component: 'local-neo4j' });
    running.neo4j = await superviseLocalNeo4j(
      {
        dataDir: local.dataDir,
        boltPort: local.boltPort,
        pageCache: local.pageCache,
        heap: local.heap,
      },
      {
        onEvent: ({ message, ...fields }) =>
          fields.event === 'restarted'
            ? neo4jLog.info(fields, message)
            : fields.event === 'unhealthy'
              ? neo4jLog.error(fields, message)
              : neo4jLog.warn(fields, message),
      },
    );
  } catch (error) {
    console.error(
      `linkage: the local Neo4j did not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
  uri = running.neo4j.uri;
}

ensureClientBuilt();
let server: RunningServer;
try {
  server = await startServer(
    {
      ...config,
      neo4j: { ...config.neo4j, uri, auth: running.neo4j?.auth ?? config.neo4j.auth },
    },
    {
      logger,
      databaseDown: running.neo4j ? () => running.neo4j?.downReason() : undefined,
      databaseUnhealthy: running.neo4j ? () => running.neo4j?.unhealthyReason() : undefined,
    },
  );
} catch (error) {
  if (!(error instanceof ListenError)) throw error;
  console.error(`linkage: ${error.message}`);
  await stop(1);
  throw error; // not reached: stop() exits
}
running.server = server;
await server.ready;
// The first start (no token in the database, none imported from a token file) makes the first editor token.
if ((await listTokens(server.db)).length === 0) {
  const token = await createToken(server.db, { name: 'editor', role: 'editor' });
  await server.tokens.refresh();
  console.log(
    `\n  Your editor token (shown once; only its hash is kept, in the database):\n\n    ${token}\n\n  Paste it into the explorer's settings, or send "Authorization: Bearer <token>".\n`,
  );
}
console.log(`\n  Linkage is running at ${server.url}\n  GraphQL (GraphiQL): ${server.url}/graphql\n`);
