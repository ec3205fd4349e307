// The "raw" peer: the same Cypher files through neo4j-driver behind a minimal express route, in a managed
// transaction as a minimal route would write it: no GraphQL, no validation beyond JSON parsing, records
// serialised as they come. It shows Linkage's overhead over its own statements; the physical limit for
// the question is the floor peer (bench/peers/floor.ts).
import express from 'express';
import neo4j from 'neo4j-driver';
import { credentialsFromEnv } from '../../neo4j/credentials.ts';
import { loadConfig } from '../../server/config.ts';
import { loadCypherCatalog } from '../../server/db/cypher.ts';
import { toDriverParams } from '../../server/db/database.ts';
import { toPlain } from '../../server/db/values.ts';
import { UNFILTERED } from '../../server/graph/inputs.ts';
import { buildSearchQuery } from '../../server/graph/search.ts';
import { CANVAS_EVIDENCE } from '../scenarios.ts';
import { servePeer, type RunningHttpPeer } from './serve-http.ts';

const envAuth = () => {
  const auth = credentialsFromEnv();
  return auth ? neo4j.auth.basic(auth.user, auth.password) : undefined;
};

export async function startRawPeer(uri: string): Promise<RunningHttpPeer> {
  const catalog = loadCypherCatalog();
  // The same hub threshold Linkage runs with (its default; the bench sets no LINKAGE_HUB_DEGREE).
  const { hubDegree } = loadConfig({});
  const driver = neo4j.driver(uri, envAuth(), { maxConnectionPoolSize: 50 });
  const run = async (query: string, params: Record<string, unknown>) => {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => tx.run(query, toDriverParams(params)));
      return result.records.map((record) => {
        const row: Record<string, unknown> = {};
        for (const key of record.keys) row[String(key)] = toPlain(record.get(key));
        return row;
      });
    } finally {
      await session.close();
    }
  };
  const app = express();
  app.use(express.json());
  const route = (path: string, handler: (body: Record<string, unknown>) => Promise<unknown>) =>
    app.post(path, async (req, res) => {
      try {
        res.json({ data: await handler(req.body as Record<string, unknown>) });
      } catch (error) {
        res
          .status(500)
          .json({ errors: [{ message: error instanceof Error ? error.message : String(error) }] });
      }
    });
  route('/neighborhood', (b) =>
    run(catalog['find-neighborhood'], {
      ...UNFILTERED,
      ids: b.ids,
      depth: b.depth,
      limit: b.limit,
      hubDegree,
      hubLists: true,
      // As much evidence as the explorer's Neighborhood operation makes Linkage read: the same work.
      evidence: CANVAS_EVIDENCE,
    }),
  );
  route('/paths', (b) =>
    run(catalog['find-paths'], {
      ...UNFILTERED,
      fromId: b.fromId,
      toId: b.toId,
      maxLength: b.maxLength,
      first: b.first,
      evidence: CANVAS_EVIDENCE,
    }),
  );
  route('/search', async (b) => {
    const query = buildSearchQuery(String(b.text));
    if (!query) return [];
    const first = Number(b.first);
    return run(catalog.search, {
      lucene: query.lucene,
      forms: query.forms,
      kinds: null,
      first,
      candidates: Math.max(first * 5, 50),
    });
  });
  return servePeer(app, driver);
}
