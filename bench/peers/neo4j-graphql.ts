// The "@neo4j/graphql" peer: what a Neo4j user would reach for, on graphql-yoga, over the same database,
// asked the same question as Linkage. Linkage stores relationships of many dynamic types (MET_WITH,
// SUPPLIES, ...), while @relationship fields need one fixed type each; declaring a field per type (×2
// directions) would make a neighbourhood dozens of subqueries, so the peer uses what the library's
// documentation recommends for such traversals: @cypher fields, written as a competent user would.
// `neighbourhood` is one statement for the whole answer: the start, its neighbours out to `depth` hops
// ranked and capped globally like cypher/find-neighborhood.cypher (same liveness rule, same ranking, same
// cap, same hub rule at farther hops, so the ids are the same — the bench checks), every live relationship
// among them with its stored summary (certainty rank, dates, sources, disputed), and the sources those
// relationships cite, once each. Evidence is stored as JSON text per relationship, with its facts (id,
// certainty rank, stance, event date as worded, source) in lists beside it; the peer returns as much as it
// is asked (`evidence`: 'NONE', 'FACTS' the lists, 'TEXT' the JSON as stored), as Linkage reads only what
// its request selects (the bench asks what the canvas's own query makes Linkage read). The ranks go out as
// floats: a list of Neo4j integers does not serialise as [Int!] through the library. Search is a
// @cypher query field over the same full-text index with the Lucene text server/graph/search.ts builds.
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import neo4j from 'neo4j-driver';
import { credentialsFromEnv } from '../../neo4j/credentials.ts';
import { servePeer, type RunningHttpPeer } from './serve-http.ts';

export const NEO4J_GRAPHQL_TYPE_DEFS = /* GraphQL */ `
  type Entity @node(labels: ["Entity"]) {
    id: ID!
    kind: String!
    name: String!
    nameKo: String
    aliases: [String!]!
    description: String
    occurredAt: String
    properties: String
    version: Int
    deleted: Boolean
  }

  type EntityView {
    id: ID!
    kind: String!
    name: String!
    nameKo: String
    aliases: [String!]!
    description: String
    occurredAt: String
    properties: String
    version: Int
  }

  type Link {
    id: ID!
    type: String!
    fromId: ID!
    toId: ID!
    certaintyRank: Int
    occurredFrom: String
    occurredTo: String
    sourceIds: [String!]
    disputed: Boolean
    properties: String
    version: Int
    evidence: [String!]
    evidenceIds: [String!]
    evidenceRanks: [Float!]
    evidenceStances: [String!]
    evidenceOccurredAt: [String!]
    evidenceSourceIds: [String!]
  }

  type SourceView {
    id: ID!
    title: String!
    titleEn: String
    publisher: String
    author: String
    publishedAt: String
    language: String
    url: String
    reliability: String
  }

  type Neighbourhood {
    nodes: [EntityView!]!
    links: [Link!]!
    sources: [SourceView!]!
    total: Int!
  }

  type Query {
    neighbourhood(
      id: ID!
      depth: Int! = 1
      limit: Int! = 300
      hubDegree: Int! = 1000
      evidence: String! = "NONE"
    ): Neighbourhood
      @cypher(
        statement: """
        MATCH (s:Entity {id: $id}) WHERE s.deleted = false
        CALL (s) {
          MATCH (s)-[r]-(b:Entity) WHERE r.deleted = false AND b.deleted = false AND b <> s
          WITH b, max(r.certaintyRank) AS rank, max(coalesce(r.occurredTo, '')) AS recent
          ORDER BY rank DESC, recent DESC, b.id
          RETURN collect(b)[..$limit] AS hop1, count(b) AS hop1Count
        }
        CALL (s, hop1) {
          WITH s, hop1 WHERE $depth >= 2 AND 1 + size(hop1) < $limit
          UNWIND hop1 AS a
          WITH s, hop1, a WHERE COUNT { (a)--() } <= $hubDegree
          MATCH (a)-[r]-(b:Entity) WHERE r.deleted = false AND b.deleted = false AND b <> s AND NOT b IN hop1
          WITH b, max(r.certaintyRank) AS rank, max(coalesce(r.occurredTo, '')) AS recent
          ORDER BY rank DESC, recent DESC, b.id
          RETURN collect(b)[..$limit] AS hop2, count(b) AS hop2Count
        }
        WITH ([s] + hop1 + hop2)[..$limit] AS kept, 1 + hop1Count + hop2Count AS total
        CALL (kept) {
          UNWIND kept AS a
          MATCH (a)-[r]->(b:Entity) WHERE r.deleted = false AND b IN kept
          RETURN collect(r { .id, type: type(r), fromId: a.id, toId: b.id, .certaintyRank, .occurredFrom,
            .occurredTo, .sourceIds, .disputed, .properties, .version,
            evidence: CASE WHEN $evidence = 'TEXT' THEN r.evidence END,
            evidenceIds: CASE WHEN $evidence = 'FACTS' THEN r.evidenceIds END,
            evidenceRanks: CASE WHEN $evidence = 'FACTS' THEN [rank IN r.evRank | toFloat(rank)] END,
            evidenceStances: CASE WHEN $evidence = 'FACTS' THEN r.evStance END,
            evidenceOccurredAt: CASE WHEN $evidence = 'FACTS' THEN r.evOccurredAt END,
            evidenceSourceIds: CASE WHEN $evidence = 'FACTS' THEN r.evSourceIds END }) AS links
        }
        CALL (links) {
          UNWIND links AS l UNWIND l.sourceIds AS sourceId
          WITH DISTINCT sourceId
          MATCH (src:Source {id: sourceId})
          RETURN collect(src { .id, .title, .titleEn, .publisher, .author, .publishedAt, .language, .url,
            .reliability }) AS sources
        }
        RETURN {
          nodes: [n IN kept | n { .id, .kind, .name, .nameKo, .aliases, .description, .occurredAt,
            .properties, .version }],
          links: links, sources: sources, total: total
        } AS neighbourhood
        """
        columnName: "neighbourhood"
      )
    searchEntities(lucene: String!, first: Int!): [Entity!]!
      @cypher(
        statement: """
        CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: $first}) YIELD node
        WHERE node.deleted = false
        RETURN node
        """
        columnName: "node"
      )
  }
`;

const envAuth = () => {
  const auth = credentialsFromEnv();
  return auth ? neo4j.auth.basic(auth.user, auth.password) : undefined;
};

export async function startNeo4jGraphQLPeer(uri: string): Promise<RunningHttpPeer> {
  const driver = neo4j.driver(uri, envAuth(), { maxConnectionPoolSize: 50 });
  const neoSchema = new Neo4jGraphQL({ typeDefs: NEO4J_GRAPHQL_TYPE_DEFS, driver });
  const schema = await neoSchema.getSchema();
  const yoga = createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    logging: false,
  });
  return servePeer(yoga, driver);
}
