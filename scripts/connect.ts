// For command-line tools (import, backup, restore): the database from NEO4J_URI, or the local Neo4j,
// which is started for the duration of the command when it is not already running.
import { ensureNeo4jInstalled, startLocalNeo4j, type LocalNeo4j } from '../neo4j/local-neo4j.ts';
import { ConfigError, loadConfig, type Config } from '../server/config.ts';
import { createDatabase, type Database } from '../server/db/database.ts';
import { createLogger } from '../server/logger.ts';
import { neo4jAuthFor } from '../server/main.ts';

export function configOrExit(): Config {
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

export async function connect(config: Config): Promise<{ db: Database; close: () => Promise<void> }> {
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const open = (uri: string, auth = neo4jAuthFor(config, uri)) =>
    createDatabase({
      uri,
      auth,
      database: config.neo4j.database,
      queryTimeoutMs: config.queryTimeoutMs,
      logger,
    });
  if (config.neo4j.uri) {
    const db = open(config.neo4j.uri);
    return { db, close: () => db.close() };
  }
  const runningUri = `bolt://127.0.0.1:${config.neo4j.local.boltPort}`;
  const probe = open(runningUri);
  try {
    await probe.ping();
    return { db: probe, close: () => probe.close() };
  } catch {
    await probe.close();
  }
  await ensureNeo4jInstalled();
  const local: LocalNeo4j = await startLocalNeo4j({
    dataDir: config.neo4j.local.dataDir,
    boltPort: config.neo4j.local.boltPort,
    pageCache: config.neo4j.local.pageCache,
    heap: config.neo4j.local.heap,
  });
  const db = open(local.uri, local.auth);
  return {
    db,
    close: async () => {
      await db.close();
      await local.stop();
    },
  };
}
