// The "@neo4j/graphql" peer: what a Neo4j user would reach for, on graphql-yoga, over the same database.
// Modelling choice: Linkage stores relationships of many dynamic types (MET_WITH, SUPPLIES, ...), while
// @relationship fields need one fixed type each. Declaring a field per type (×2 directions) would make a
// neighbourhood query dozens of subqueries, so the peer uses what its documentation recommends for such
// traversals: @cypher fields. `neighbours` and `links` apply the same liveness filter, ranking and cap as
// cypher/find-neighborhood.cypher; a 2-hop expansion nests `neighbours`. Search is a @cypher query field
// over the same full-text index, taking the Lucene text that server/graph/search.ts builds.
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
    neighbours(limit: Int = 300): [Entity!]!
      @cypher(
        statement: """
        MATCH (this)-[r]-(b:Entity)
        WHERE r.deleted = false AND b.deleted = false
        WITH b, max(r.certaintyRank) AS rank, max(coalesce(r.occurredTo, '')) AS recent
        ORDER BY rank DESC, recent DESC, b.id
        LIMIT $limit
        RETURN b
        """
        columnName: "b"
      )
    links(limit: Int = 300): [Link!]!
      @cypher(
        statement: """
        MATCH (this)-[r]-(b:Entity)
        WHERE r.deleted = false AND b.deleted = false
        WITH r, startNode(r) AS s, endNode(r) AS e
        ORDER BY r.certaintyRank DESC, r.occurredTo DESC
        LIMIT $limit
        RETURN { id: r.id, type: type(r), fromId: s.id, toId: e.id, certaintyRank: r.certaintyRank,
                 occurredAt: r.occurredAt, properties: r.properties, version: r.version,
                 evidence: r.evidence, sourceIds: r.sourceIds } AS link
        """
        columnName: "link"
      )
  }

  type Link {
    id: ID!
    type: String!
    fromId: ID!
    toId: ID!
    certaintyRank: Int
    occurredAt: String
    properties: String
    version: Int
    evidence: [String!]
    sourceIds: [String!]
  }

  type Query {
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
