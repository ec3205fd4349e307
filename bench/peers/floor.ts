// The "floor" peer: the least Cypher that returns the same ids for the same question, streamed as one small
// record per id from an auto-commit transaction (one round trip), behind a bare node:http route. No
// properties, no GraphQL, no evidence: what is left is the database's traversal and ranking and the wire,
// the physical limit that the other peers' ratios are read against. Its neighbourhood keeps Linkage's
// ranking, cap and hub rule (cypher/find-neighborhood.cypher without the filter clauses) so the ids match;
// the bench checks that they do before it measures.
import type http from 'node:http';
import neo4j from 'neo4j-driver';
import { credentialsFromEnv } from '../../neo4j/credentials.ts';
import { loadConfig } from '../../server/config.ts';
import { buildSearchQuery } from '../../server/graph/search.ts';
import { servePeer, type RunningHttpPeer } from './serve-http.ts';

const NEIGHBOURHOOD = /* cypher */ `
MATCH (s:Entity {id: $id}) WHERE s.deleted = false
CALL (s) {
  MATCH (s)-[r]-(b:Entity) WHERE r.deleted = false AND b.deleted = false AND b <> s
  WITH b, max(r.certaintyRank) AS rank, max(coalesce(r.occurredTo, '')) AS recent
  ORDER BY rank DESC, recent DESC, b.id LIMIT $limit
  RETURN collect(b) AS hop1
}
CALL (s, hop1) {
  WITH s, hop1 WHERE $depth >= 2 AND 1 + size(hop1) < $limit
  UNWIND hop1 AS a
  WITH s, hop1, a WHERE COUNT { (a)--() } <= $hubDegree
  MATCH (a)-[r]-(b:Entity) WHERE r.deleted = false AND b.deleted = false AND b <> s AND NOT b IN hop1
  WITH b, max(r.certaintyRank) AS rank, max(coalesce(r.occurredTo, '')) AS recent
  ORDER BY rank DESC, recent DESC, b.id LIMIT $limit
  RETURN collect(b) AS hop2
}
WITH ([s] + hop1 + hop2)[..$limit] AS kept
UNWIND kept AS a
CALL (a, kept) {
  RETURN a.id AS node, null AS relationship
  UNION ALL
  MATCH (a)-[r]->(b:Entity) WHERE r.deleted = false AND b IN kept
  RETURN null AS node, r.id AS relationship
}
RETURN node, relationship`;

const SEARCH = /* cypher */ `
CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: $candidates}) YIELD node, score
WHERE node.deleted = false
WITH node, score, [node.name, coalesce(node.nameKo, '')] + node.aliases AS names
RETURN node.id AS id
ORDER BY CASE WHEN any(n IN names WHERE toLower(n) IN $forms) THEN 1 ELSE 0 END DESC,
  CASE WHEN any(n IN names WHERE any(f IN $forms WHERE toLower(n) STARTS WITH f)) THEN 1 ELSE 0 END DESC,
  score DESC, node.id
LIMIT $first`;

const PATHS = /* cypher */ `
MATCH (a:Entity {id: $fromId}) WHERE a.deleted = false
MATCH (b:Entity {id: $toId}) WHERE b.deleted = false AND a <> b
MATCH p = SHORTEST 10 (a) (()-[r]-(x:Entity) WHERE x.deleted = false AND r.deleted = false){1,6} (b)
WHERE length(p) <= $maxLength
WITH p ORDER BY length(p) LIMIT $first
RETURN [n IN nodes(p) | n.id] AS nodes, [r IN relationships(p) | r.id] AS relationships`;

const envAuth = () => {
  const auth = credentialsFromEnv();
  return auth ? neo4j.auth.basic(auth.user, auth.password) : undefined;
};

const readBody = (req: http.IncomingMessage) =>
  new Promise<Record<string, unknown>>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    req.on('error', reject);
  });

export async function startFloorPeer(uri: string): Promise<RunningHttpPeer> {
  const { hubDegree } = loadConfig({});
  const driver = neo4j.driver(uri, envAuth(), { maxConnectionPoolSize: 50 });
  const run = async (query: string, params: Record<string, unknown>) => {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      return (await session.run(query, params)).records;
    } finally {
      await session.close();
    }
  };
  const answer = async (path: string | undefined, b: Record<string, unknown>): Promise<unknown> => {
    const int = (name: string) => neo4j.int(Number(b[name]));
    if (path === '/neighborhood') {
      const records = await run(NEIGHBOURHOOD, {
        id: String(b.id),
        depth: int('depth'),
        limit: int('limit'),
        hubDegree: neo4j.int(hubDegree),
      });
      const nodes: string[] = [];
      const relationships: string[] = [];
      for (const record of records) {
        const node = record.get('node') as string | null;
        if (node !== null) nodes.push(node);
        else relationships.push(record.get('relationship') as string);
      }
      return { nodes, relationships };
    }
    if (path === '/search') {
      const query = buildSearchQuery(String(b.text));
      if (!query) return [];
      const first = Number(b.first);
      const records = await run(SEARCH, {
        lucene: query.lucene,
        forms: query.forms,
        first: neo4j.int(first),
        candidates: neo4j.int(Math.max(first * 5, 50)),
      });
      return records.map((r) => r.get('id') as string);
    }
    if (path === '/paths') {
      const records = await run(PATHS, {
        fromId: String(b.fromId),
        toId: String(b.toId),
        maxLength: int('maxLength'),
        first: int('first'),
      });
      return records.map((r) => ({
        nodes: r.get('nodes') as string[],
        relationships: r.get('relationships'),
      }));
    }
    throw new Error(`no route ${path ?? ''}`);
  };
  const handler: http.RequestListener = (req, res) => {
    void readBody(req)
      .then((body) => answer(req.url, body))
      .then(
        (data) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ data }));
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] }),
          );
        },
      );
  };
  return servePeer(handler, driver);
}
