// Neo4j PROFILE of one catalogue query, printed as an operator tree with rows and db hits.
//   npx tsx bench/profile.ts --uri bolt://127.0.0.1:7811 --query find-neighborhood \
//     --params '{"ids":["samsung-electronics"],"depth":2,"limit":300}'
//   npx tsx bench/profile.ts --uri … --import-sample 5000   (WIPES the database, loads 5000 synthetic
//     entities, then profiles import-relationships on 2000 of their relationships inside a rolled-back tx)
// Filter parameters default to "no filter", as the API sends them.
import { parseArgs } from 'node:util';
import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { credentialsFromEnv } from '../neo4j/credentials.ts';
import { loadCypherCatalog, QUERY_NAMES, type QueryName } from '../server/db/cypher.ts';
import { createDatabase, toDriverParams } from '../server/db/database.ts';
import { importDocument, toImportRows } from '../server/graph/import/importer.ts';
import { parseJsonDocument } from '../server/graph/import/parse.ts';
import { createLogger } from '../server/logger.ts';
import { shard } from './generator.ts';
import { loadConfig } from '../server/config.ts';
import { UNFILTERED } from '../server/graph/inputs.ts';

const { values } = parseArgs({
  options: {
    uri: { type: 'string' },
    query: { type: 'string' },
    params: { type: 'string', default: '{}' },
    'import-sample': { type: 'string' },
  },
});
if (!values.uri || (!values.query && !values['import-sample'])) {
  console.error(
    'usage: bench/profile.ts --uri bolt://… (--query <name> [--params JSON] | --import-sample N)',
  );
  process.exit(64);
}
const uri = values.uri;
const auth = credentialsFromEnv();
const driver = neo4j.driver(uri, auth ? neo4j.auth.basic(auth.user, auth.password) : undefined);
const catalog = loadCypherCatalog();

function print(plan: ProfiledPlan, depth = 0) {
  const details = String(plan.arguments.Details ?? '')
    .replace(/\s+/g, ' ')
    .slice(0, 140);
  console.log(`${' '.repeat(depth)}${plan.operatorType} rows=${plan.rows} dbHits=${plan.dbHits} ${details}`);
  for (const child of plan.children) print(child, depth + 2);
}

async function profile(name: QueryName, params: Record<string, unknown>) {
  const session = driver.session();
  const tx = session.beginTransaction();
  try {
    const started = performance.now();
    const result = await tx.run(`PROFILE ${catalog[name]}`, toDriverParams(params));
    console.log(`${name}: ${Math.round(performance.now() - started)} ms, ${result.records.length} row(s)`);
    if (result.summary.profile) print(result.summary.profile);
  } finally {
    await tx.rollback();
    await session.close();
  }
}

if (values['import-sample']) {
  const entities = Number(values['import-sample']);
  const wipe = driver.session();
  await wipe.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  await wipe.close();
  const db = createDatabase({
    uri,
    auth,
    database: 'neo4j',
    queryTimeoutMs: 600_000,
    logger: createLogger('silent'),
  });
  await db.applySchema();
  const doc = parseJsonDocument(JSON.stringify(shard({ entities, seed: 42 }, 0, entities)), 'sample');
  await importDocument(db, { ...doc, relationships: [] }, { file: 'sample entities' });
  await db.close();
  const { relationshipRows } = toImportRows(doc, 'profile', new Date().toISOString());
  await profile('import-relationships', {
    rows: relationshipRows.slice(0, 2000),
    importId: 'profile',
    now: 'now',
  });
} else {
  const name = values.query as QueryName;
  if (!QUERY_NAMES.includes(name)) {
    console.error(`unknown query "${name}"; one of ${QUERY_NAMES.join(', ')}`);
    process.exit(64);
  }
  const defaults = { ...UNFILTERED, hubDegree: loadConfig({}).hubDegree, hubLists: true };
  await profile(name, { ...defaults, ...(JSON.parse(values.params) as Record<string, unknown>) });
}
await driver.close();
