// The one-round-trip rule: every query and mutation in the SDL runs exactly one Cypher statement per
// GraphQL request, however many nested fields it selects (no per-node resolvers). Requests go one at a
// time so the statement counter's difference belongs to that request alone.
import fs from 'node:fs';
import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { SCHEMA_FILE } from '../../server/graphql/yoga.ts';
import { gql, startProductForTests, type TestProduct } from '../helpers/product.ts';
import { ENTITY, RELATIONSHIP, UNHURRIED } from '../helpers/api.ts';

const schema = buildSchema(fs.readFileSync(SCHEMA_FILE, 'utf8'));
const SUBGRAPH = `truncated totalNodes nodes { ${ENTITY} notes { id text } } relationships { ${RELATIONSHIP} notes { id } }`;
const SOURCE_ID = 'apple-economy-2024-02-29-zuckerberg-seoul';

/** One request per Query field, each selecting deeply so a per-node resolver would show up. */
const QUERIES: Record<string, string> = {
  search: `{ search(text: "삼성은", first: 20) { score matchedField snippet entity { ${ENTITY} notes { id } } } }`,
  searchClaims: `{ searchClaims(text: "짐작", first: 10) { score from { ${ENTITY} } to { ${ENTITY} } evidence { quote sentence source { id } } relationship { ${RELATIONSHIP} notes { id } } } }`,
  entity: `{ entity(id: "mark-zuckerberg") { ${ENTITY} notes { id text author createdAt } } }`,
  entities: `{ entities(first: 30) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${ENTITY} } } } }`,
  relationship: `{ relationship(id: "samsung-electronics:MAY_SUPPLY:meta") { ${RELATIONSHIP} notes { id } } }`,
  neighborhood: `{ neighborhood(ids: ["mark-zuckerberg", "meta"], depth: 2, limit: 300) { ${SUBGRAPH} } }`,
  expansionPreview: `{ expansionPreview(id: "meta", excludeIds: ["nvidia"]) { id total groups { type direction count } kinds { kind count } } }`,
  paths: `{ paths(fromId: "cho-joo-wan", toId: "lee-jae-yong", first: 5) { nodes { ${ENTITY} } relationships { ${RELATIONSHIP} } } }`,
  timeline: `{ timeline(from: "2024-01-01", to: "2024-12-31") { from to entity { ${ENTITY} } relationship { ${RELATIONSHIP} } } }`,
  sources: '{ sources { id title titleEn publisher author publishedAt language url } }',
  stats: `{ stats { entities relationships evidence sources entitiesByKind { key count } relationshipsByType { key count }
    relationshipsByCertainty { key count } evidenceByCertainty { key count } topEntities(first: 5) { degree entity { ${ENTITY} } } } }`,
  auditTrail: '{ auditTrail(first: 20) { id at actor action targetId before after } }',
  viewer: '{ viewer { name role } }',
  proposal: `{ proposal(id: "proposal-none") { id claims { id from { key entity { ${ENTITY} } } to { key } } } }`,
  proposals: `{ proposals(first: 20) { id source { id } entities { key entity { ${ENTITY} } } claims { id from { key } } } }`,
  savedViews: '{ savedViews { name hash savedAt savedBy } }',
  evidence: `{ evidence(relationshipIds: ["samsung-electronics:MAY_SUPPLY:meta", "mark-zuckerberg:MET_WITH:lee-jae-yong"]) {
    relationshipId evidence { id quote sentence certainty stance occurredAt source { id title reliability } } } }`,
};

/** Reads that never touch the database: who the caller is comes from the token alone. */
const NO_DATABASE = new Set(['viewer']);

const EVIDENCE = `{ quote: "round trip quote", certainty: REPORTED, sourceId: "${SOURCE_ID}" }`;

/** Every mutation in the SDL, in an order where each succeeds; `{mergeId}` is filled in from the merge. */
const MUTATIONS: [string, string][] = [
  [
    'createEntity',
    `mutation { createEntity(input: { id: "round-trip", kind: "Concept", name: "Round trip" }) { ${ENTITY} } }`,
  ],
  [
    'updateEntity',
    `mutation { updateEntity(id: "round-trip", version: 1, patch: { description: "x" }) { ${ENTITY} } }`,
  ],
  ['deleteEntity', `mutation { deleteEntity(id: "round-trip", version: 2) { ${ENTITY} } }`],
  ['restoreEntity', `mutation { restoreEntity(id: "round-trip") { ${ENTITY} } }`],
  [
    'createRelationship',
    `mutation { createRelationship(input: { type: "RELATES_TO", fromId: "round-trip", toId: "meta", evidence: [${EVIDENCE}] }) { ${RELATIONSHIP} } }`,
  ],
  [
    'updateRelationship',
    `mutation { updateRelationship(id: "round-trip:RELATES_TO:meta", version: 1, patch: { properties: { note: "x" } }) { ${RELATIONSHIP} } }`,
  ],
  [
    'deleteRelationship',
    `mutation { deleteRelationship(id: "round-trip:RELATES_TO:meta", version: 2) { ${RELATIONSHIP} } }`,
  ],
  [
    'restoreRelationship',
    `mutation { restoreRelationship(id: "round-trip:RELATES_TO:meta") { ${RELATIONSHIP} } }`,
  ],
  [
    'addEvidence',
    `mutation { addEvidence(relationshipId: "round-trip:RELATES_TO:meta", evidence: { quote: "another quote", certainty: CONFIRMED, sourceId: "${SOURCE_ID}" }) { ${RELATIONSHIP} } }`,
  ],
  [
    'addNote',
    'mutation { addNote(targetId: "round-trip", text: "one statement") { id text author createdAt } }',
  ],
  [
    'rateSource',
    `mutation { rateSource(id: "${SOURCE_ID}", reliability: B, reason: "one statement") { id reliability reliabilityReason } }`,
  ],
  [
    'mergeEntities',
    `mutation { mergeEntities(keepId: "meta", mergeId: "round-trip") { mergeId movedRelationships entity { ${ENTITY} } } }`,
  ],
  ['unmergeEntities', `mutation { unmergeEntities(mergeId: "{mergeId}") { ${ENTITY} } }`],
  ['saveView', 'mutation { saveView(name: "round trip", hash: "#ids=meta") { name hash savedAt savedBy } }'],
  ['deleteSavedView', 'mutation { deleteSavedView(name: "round trip") }'],
];

/** Article ingest, in an order where each succeeds; {proposal}, {claim}, {entity} and {warm} are filled in. */
const ARTICLE = JSON.stringify(
  '삼성전자 이재용 회장은 28일 마크 저커버그 메타 CEO와 만나 AI칩 협력을 논의했다고 밝혔다.',
);
const PROPOSE = `mutation { proposeClaims(input: { text: ${ARTICLE}, source: { title: "t", publisher: "p", publishedAt: "2024-02-29" } }) {
  id entities { key entity { ${ENTITY} } } claims { id from { key } to { key } } } }`;
const INGEST_MUTATIONS: [string, string][] = [
  ['proposeClaims', PROPOSE],
  [
    'updateProposalClaim',
    'mutation { updateProposalClaim(id: "{proposal}", claimId: "{claim}", patch: { translation: "x" }) { id claims { id translation } } }',
  ],
  [
    'updateProposalEntity',
    'mutation { updateProposalEntity(id: "{proposal}", key: "{entity}", patch: { kind: "Organization" }) { id entities { key kind } } }',
  ],
  [
    'acceptProposal',
    `mutation { acceptProposal(id: "{proposal}") { createdEntities addedEvidence proposal { id status entities { entity { ${ENTITY} } } } } }`,
  ],
  ['rejectProposal', 'mutation { rejectProposal(id: "{warm}") { id status } }'],
];

let product: TestProduct;

beforeAll(async () => {
  // The response cache would answer repeated reads with no statement at all; this test counts statements.
  product = await startProductForTests(inject('neo4jUri'), {
    env: { ...UNHURRIED, LINKAGE_RESPONSE_CACHE_TTL_MS: '0' },
  });
});
afterAll(async () => {
  await product?.close();
});

async function statementsFor(query: string, token?: string) {
  const before = product.statementCount();
  const response = await gql(product.url, query, {}, token);
  const statements = product.statementCount() - before;
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return { statements, data: response.data };
}

describe('one Cypher statement per GraphQL request', () => {
  it('covers every query and mutation field of the SDL', () => {
    expect(Object.keys(schema.getQueryType()!.getFields()).sort()).toEqual(Object.keys(QUERIES).sort());
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(
      [...MUTATIONS, ...INGEST_MUTATIONS].map(([name]) => name).sort(),
    );
  });

  it.each(Object.entries(QUERIES))('query %s', async (name, query) => {
    // A reader token: the audit trail is not for anonymous callers (issue 12, item 19).
    const { statements } = await statementsFor(query, product.readerToken);
    expect(statements).toBe(NO_DATABASE.has(name) ? 0 : 1);
  });

  it('each mutation, in turn', async () => {
    let mergeId = '';
    for (const [name, template] of MUTATIONS) {
      const { statements, data } = await statementsFor(
        template.replace('{mergeId}', mergeId),
        product.editorToken,
      );
      expect(statements, name).toBe(1);
      if (name === 'mergeEntities')
        mergeId = (data as { mergeEntities: { mergeId: string } }).mergeEntities.mergeId;
    }
  });

  it('each ingest mutation, in turn (proposing links against a gazetteer read once, then cached)', async () => {
    // The gazetteer is read once and kept until the next write to the graph: warm it with a first proposal.
    const warm = await gql(product.url, PROPOSE, {}, product.editorToken);
    const values: Record<string, string> = { warm: warm.data!.proposeClaims.id };
    for (const [name, template] of INGEST_MUTATIONS) {
      const query = template.replace(/\{(\w+)\}/g, (_m, key: string) => values[key] ?? key);
      const { statements, data } = await statementsFor(query, product.editorToken);
      expect(statements, name).toBe(1);
      if (name === 'proposeClaims') {
        const proposal = (
          data as {
            proposeClaims: {
              id: string;
              claims: { id: string }[];
              entities: { key: string; entity: unknown }[];
            };
          }
        ).proposeClaims;
        values.proposal = proposal.id;
        values.claim = proposal.claims[0]!.id;
        values.entity = proposal.entities.find((e) => e.entity === null)?.key ?? proposal.entities[0]!.key;
      }
    }
  });

  it('a rejected request runs no statement at all', async () => {
    const before = product.statementCount();
    await gql(product.url, '{ neighborhood(ids: ["meta"], depth: 9) { totalNodes } }');
    await gql(product.url, 'mutation { addNote(targetId: "meta", text: "x") { id } }');
    expect(product.statementCount() - before).toBe(0);
  });
});
