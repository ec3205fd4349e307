// Every query of the catalog, with its fragments expanded, is accepted by the real Neo4j planner. A
// syntax error in a shared fragment would otherwise surface only when some request (or the seed load at
// start) runs that query.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadCypherCatalog, QUERY_NAMES } from '../../server/db/cypher.ts';
import { testDriver } from '../helpers/db.ts';

const catalog = loadCypherCatalog();
const driver = testDriver(inject('neo4jUri'));
afterAll(() => driver.close());

/** Every parameter the text names, as null: EXPLAIN plans without running anything. */
const nullParams = (text: string) =>
  Object.fromEntries([...text.matchAll(/\$([A-Za-z][A-Za-z0-9]*)/g)].map((m) => [m[1]!, null]));

describe('the Cypher catalog', () => {
  it.each([...QUERY_NAMES])('%s plans on Neo4j', async (name) => {
    const text = catalog[name];
    const session = driver.session({ database: 'neo4j' });
    try {
      await expect(session.run(`EXPLAIN ${text}`, nullParams(text))).resolves.toBeDefined();
    } finally {
      await session.close();
    }
  });
});
