// Test-only database access: credentials for the test Neo4j, wiping the throwaway database between files.
// The product never does this.
import neo4j, { type Config as DriverConfig, type Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { credentialsEnv, type Neo4jCredentials } from '../../neo4j/credentials.ts';
import { createDatabase, type Database } from '../../server/db/database.ts';
import { createLogger } from '../../server/logger.ts';

export const quietLogger = () => createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');

/** Instances a test starts itself (startLocalNeo4j) register their credentials here. */
const known = new Map<string, Neo4jCredentials>();
export function rememberCredentials(instance: { uri: string; auth: Neo4jCredentials }): void {
  known.set(instance.uri, instance.auth);
}

/** The credentials of a test Neo4j: one a test started itself, or the shared one of global-setup. */
export function credentialsFor(uri: string): Neo4jCredentials | undefined {
  const own = known.get(uri);
  if (own) return own;
  if (uri === inject('neo4jUri')) return inject('neo4jAuth') ?? undefined;
  return undefined;
}

/** A driver for a test Neo4j, logged in (every local Neo4j refuses anonymous connections). */
export function testDriver(uri: string, config?: DriverConfig): Driver {
  const auth = credentialsFor(uri);
  return neo4j.driver(uri, auth ? neo4j.auth.basic(auth.user, auth.password) : undefined, config);
}

/** NEO4J_URI with its credentials, for loadConfig or a child process's environment. */
export function neo4jEnv(uri: string): Record<string, string> {
  return { NEO4J_URI: uri, ...credentialsEnv(credentialsFor(uri)) };
}

export function testDatabase(uri: string, logger = quietLogger()): Database {
  return createDatabase({
    uri,
    auth: credentialsFor(uri),
    database: 'neo4j',
    queryTimeoutMs: 60_000,
    logger,
  });
}

/** Deletes every node (in batches) so a test file starts from an empty graph; the schema stays. */
export async function wipeDatabase(uri: string): Promise<void> {
  const driver = testDriver(uri);
  // CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction: session.run, not executeQuery.
  const session = driver.session({ database: 'neo4j' });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
    await driver.close();
  }
}

/** Counts everything a test might compare before and after an operation. */
export async function graphCounts(
  uri: string,
): Promise<{ entities: number; relationships: number; evidence: number; sources: number; audit: number }> {
  const driver = testDriver(uri);
  try {
    const { records } = await driver.executeQuery(
      `CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
       CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS relationships, sum(size(r.evidence)) AS evidence }
       CALL () { MATCH (s:Source) RETURN count(s) AS sources }
       CALL () { MATCH (a:AuditEntry) RETURN count(a) AS audit }
       RETURN entities, relationships, coalesce(evidence, 0) AS evidence, sources, audit`,
      {},
      { database: 'neo4j' },
    );
    const record = records[0]!;
    const count = (key: string) => Number(record.get(key));
    return {
      entities: count('entities'),
      relationships: count('relationships'),
      evidence: count('evidence'),
      sources: count('sources'),
      audit: count('audit'),
    };
  } finally {
    await driver.close();
  }
}

/**
 * A hash of the graph's content (entities, relationships with evidence, sources), leaving out what differs
 * between two loads of the same data: timestamps and import ids.
 */
export async function graphHash(uri: string): Promise<string> {
  const { createHash } = await import('node:crypto');
  const driver = testDriver(uri);
  const volatile = new Set(['createdAt', 'updatedAt', 'createdIn', 'addedAt']);
  const clean = (props: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(props)
        .filter(([k]) => !volatile.has(k))
        .map(([k, v]) => [
          k,
          k === 'evidence' && Array.isArray(v)
            ? v.map((e) => {
                const { addedAt: _a, ...rest } = JSON.parse(String(e));
                return rest;
              })
            : v,
        ])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  try {
    const entities = await driver.executeQuery(
      'MATCH (n:Entity) RETURN n ORDER BY n.id',
      {},
      { database: 'neo4j' },
    );
    const relationships = await driver.executeQuery(
      'MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS a, type(r) AS t, b.id AS b, r ORDER BY a, t, b',
      {},
      { database: 'neo4j' },
    );
    const sources = await driver.executeQuery(
      'MATCH (s:Source) RETURN s ORDER BY s.id',
      {},
      { database: 'neo4j' },
    );
    const hash = createHash('sha256');
    for (const r of entities.records) hash.update(JSON.stringify(clean(r.get('n').properties)));
    for (const r of relationships.records)
      hash.update(JSON.stringify([r.get('a'), r.get('t'), r.get('b'), clean(r.get('r').properties)]));
    for (const r of sources.records) hash.update(JSON.stringify(clean(r.get('s').properties)));
    return hash.digest('hex');
  } finally {
    await driver.close();
  }
}
