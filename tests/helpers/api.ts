// Shared pieces of the API integration tests: selection sets, a typed query helper that fails loudly on
// unexpected errors, and a raw snapshot of the stored graph to compare before and after a mutation.
import neo4j from 'neo4j-driver';
import { testDriver } from './db.ts';
import { gql, type GraphQLResponse } from './product.ts';

export const ENTITY = /* GraphQL */ `
  id
  kind
  name
  nameKo
  aliases
  description
  occurredAt
  properties
  version
  deleted
  mergedInto
`;

export const RELATIONSHIP = /* GraphQL */ `
  id
  type
  fromId
  toId
  certainty
  occurredAt
  sourceCount
  disputed
  properties
  version
  deleted
  evidence {
    id
    quote
    translation
    attributedTo
    certainty
    stance
    occurredAt
    source {
      id
      title
      publishedAt
      reliability
    }
  }
`;

export interface EntityView {
  id: string;
  kind: string;
  name: string;
  nameKo: string | null;
  aliases: string[];
  description: string | null;
  occurredAt: string | null;
  properties: Record<string, unknown>;
  version: number;
  deleted: boolean;
  mergedInto: string | null;
}

export interface EvidenceView {
  id: string;
  quote: string;
  translation: string | null;
  attributedTo: string | null;
  certainty: string;
  stance: 'SUPPORTS' | 'DENIES';
  occurredAt: string | null;
  source: { id: string; title: string; publishedAt: string | null; reliability: string };
}

export interface RelationshipView {
  id: string;
  type: string;
  fromId: string;
  toId: string;
  certainty: 'CONFIRMED' | 'REPORTED' | 'SPECULATIVE';
  occurredAt: string | null;
  sourceCount: number;
  disputed: boolean;
  properties: Record<string, unknown>;
  version: number;
  deleted: boolean;
  evidence: EvidenceView[];
}

export interface SubgraphView {
  nodes: EntityView[];
  relationships: RelationshipView[];
  truncated: boolean;
  totalNodes: number;
  countedDepth?: number;
}

/** Runs a request that must succeed and returns its data; the message shows the errors when it did not. */
export async function ok<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const response: GraphQLResponse<T> = await gql<T>(url, query, variables, token);
  if (response.errors?.length || !response.data) {
    throw new Error(`expected success, got ${response.status}: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

export const CERTAINTY_ORDER = { CONFIRMED: 3, REPORTED: 2, SPECULATIVE: 1 } as const;

export interface GraphSnapshot {
  entities: Record<string, Record<string, unknown>>;
  relationships: Record<string, Record<string, unknown>>;
}

/** Bookkeeping that legitimately moves forward on every change (versions only ever increase). */
const BOOKKEEPING = new Set(['version', 'updatedAt']);

/**
 * Every live and deleted entity and relationship as stored, keyed by id, without version bookkeeping.
 * Evidence is part of each relationship's stored properties, so it is compared with them.
 */
export async function snapshotGraph(uri: string): Promise<GraphSnapshot> {
  const driver = testDriver(uri);
  try {
    const entities = await driver.executeQuery(
      'MATCH (n:Entity) RETURN n.id AS id, properties(n) AS props, labels(n) AS labels',
      {},
      { database: 'neo4j' },
    );
    const relationships = await driver.executeQuery(
      `MATCH (a:Entity)-[r]->(b:Entity)
       RETURN a.id + ':' + type(r) + ':' + b.id AS id, properties(r) AS props`,
      {},
      { database: 'neo4j' },
    );
    const clean = (props: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(props)
          .filter(([key]) => !BOOKKEEPING.has(key))
          .map(([key, value]) => [
            key,
            neo4j.isInt(value) ? (value as { toNumber(): number }).toNumber() : value,
          ])
          .sort(([a], [b]) => String(a).localeCompare(String(b))),
      );
    return {
      entities: Object.fromEntries(
        entities.records.map((r) => [
          r.get('id') as string,
          {
            ...clean(r.get('props') as Record<string, unknown>),
            labels: [...(r.get('labels') as string[])].sort(),
          },
        ]),
      ),
      relationships: Object.fromEntries(
        relationships.records.map((r) => [
          r.get('id') as string,
          clean(r.get('props') as Record<string, unknown>),
        ]),
      ),
    };
  } finally {
    await driver.close();
  }
}

/**
 * The first run of a large statement is planned cold; on a loaded CI machine that alone can pass the
 * product's 15 s default, which would fail a correctness test on timing. Behaviour tests get headroom.
 */
export const UNHURRIED = { LINKAGE_QUERY_TIMEOUT_MS: '120000' } as const;
