// Every query of the catalog, with its fragments expanded, is accepted by the real Neo4j planner. A
// syntax error in a shared fragment would otherwise surface only when some request (or the seed load at
// start) runs that query.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadCypherCatalog, QUERY_NAMES } from '../../server/db/cypher.ts';
import { testDatabase, testDriver, wipeDatabase } from '../helpers/db.ts';

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

/** The operator names of a plan, depth first. */
const operators = (plan: { operatorType: string; children: unknown[] }): string[] => [
  plan.operatorType.replace(/@.*$/, ''),
  ...plan.children.flatMap((child) => operators(child as typeof plan)),
];

describe('queries that join a relationship between two known ids', () => {
  // Plans depend on the schema and on the counts: on an empty database every scan is free. A hub with
  // 300 relationships makes walking one end's relationships the expensive plan it is on real data.
  beforeAll(async () => {
    await wipeDatabase(inject('neo4jUri'));
    const db = testDatabase(inject('neo4jUri'));
    try {
      await db.applySchema();
    } finally {
      await db.close();
    }
    await driver.executeQuery(
      `CREATE (hub:Entity {id: 'hub', deleted: false})
       WITH hub UNWIND range(1, 300) AS i
       CREATE (hub)-[:SUPPLIES {id: 'r' + i, deleted: false}]->(:Entity {id: 'leaf' + i, deleted: false})`,
    );
  });
  afterAll(() => wipeDatabase(inject('neo4jUri')));

  it.each(['search-claims', 'find-evidence'] as const)('%s seeks both ends and joins them', async (name) => {
    const text = catalog[name];
    const session = driver.session({ database: 'neo4j' });
    try {
      const { summary } = await session.run(`EXPLAIN ${text}`, nullParams(text));
      const plan = operators(summary.plan as unknown as { operatorType: string; children: unknown[] });
      expect(plan).toContain('Expand(Into)');
      expect(plan).not.toContain('Expand(All)');
    } finally {
      await session.close();
    }
  });
});
