// npm run db -- "MATCH (n:Entity) RETURN count(n) AS entities"   (or statements on stdin, one per line)
// The admin's way into the database: the same credentials the server uses (NEO4J_URI/NEO4J_USER/
// NEO4J_PASSWORD, or the local Neo4j's password file), never printed. Rows are printed as JSON lines.
// The local Neo4j must be running (npm start or npm run neo4j).
import readline from 'node:readline';
import neo4j from 'neo4j-driver';
import { neo4jAuthFor } from '../server/main.ts';
import { configOrExit } from './connect.ts';

const config = configOrExit();
const uri = config.neo4j.uri ?? `bolt://127.0.0.1:${config.neo4j.local.boltPort}`;
const auth = neo4jAuthFor(config, uri);
if (!auth) {
  console.error(
    `No credentials for ${uri}: set NEO4J_USER and NEO4J_PASSWORD, or start the local Neo4j once (npm start) so its password file exists.`,
  );
  process.exit(78);
}
const driver = neo4j.driver(uri, neo4j.auth.basic(auth.user, auth.password), {
  disableLosslessIntegers: true,
});

async function run(statement: string) {
  const session = driver.session({ database: config.neo4j.database });
  try {
    const result = await session.run(statement);
    for (const record of result.records) console.log(JSON.stringify(record.toObject()));
    const counters = result.summary.counters;
    if (counters.containsUpdates()) console.error(JSON.stringify(counters.updates()));
  } finally {
    await session.close();
  }
}

let failed = false;
try {
  const statements = process.argv.slice(2);
  if (statements.length > 0) {
    for (const statement of statements) await run(statement);
  } else {
    for await (const line of readline.createInterface({ input: process.stdin })) {
      if (!line.trim()) continue;
      try {
        await run(line);
      } catch (error) {
        failed = true;
        console.error(error instanceof Error ? error.message : String(error));
      }
    }
  }
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : String(error));
} finally {
  await driver.close();
}
process.exit(failed ? 1 : 0);
