// Evidence on demand (issue 15, item 3) over HTTP on the seed: a neighbourhood or paths answer that does not
// select evidence carries the same relationships with the same derived fields (certainty, dates, source
// count, disputed: still computed from the evidence that passes the filter), and Query.evidence gives, in
// one statement, exactly the evidence the full answer would have held, per relationship and filter.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { inject } from 'vitest';
import { NEIGHBORHOOD } from '../../client/src/api/operations.ts';
import { parseFilter } from '../../server/graph/inputs.ts';
import type { EvidenceWithSource } from '../../server/graph/mapping.ts';
import { createGraphRepository } from '../../server/graph/repository.ts';
import { ok, RELATIONSHIP, type RelationshipView } from '../helpers/api.ts';
import { testDatabase } from '../helpers/db.ts';
import { errorCode, gql, startProductForTests, type TestProduct } from '../helpers/product.ts';

const uri = inject('neo4jUri');

// occurredAt's wording comes from the evidence's own dates (kept in a list beside the evidence, so a
// compact answer words it the same).
const COMPACT = RELATIONSHIP.replace(/evidence \{[\s\S]*\}\s*$/, '');

const neighbourhood = (selection: string) => /* GraphQL */ `
  query ($ids: [ID!]!, $depth: Int, $filter: GraphFilter) {
    neighborhood(ids: $ids, depth: $depth, filter: $filter) { relationships { ${selection} } }
  }
`;
const PATHS = (selection: string) => /* GraphQL */ `
  query ($fromId: ID!, $toId: ID!, $filter: GraphFilter) {
    paths(fromId: $fromId, toId: $toId, filter: $filter) { relationships { ${selection} } }
  }
`;
const EVIDENCE = /* GraphQL */ `
  query ($ids: [ID!]!, $filter: GraphFilter) {
    evidence(relationshipIds: $ids, filter: $filter) {
      relationshipId
      evidence { ${RELATIONSHIP.slice(RELATIONSHIP.indexOf('evidence {') + 'evidence {'.length, RELATIONSHIP.lastIndexOf('}'))} }
    }
  }
`;

const FILTERS = [
  undefined,
  { minCertainty: 'CONFIRMED' },
  { occurredFrom: '2024-02-28', occurredTo: '2024-02-28' },
  { publishedTo: '2024-02-28' },
];

type Compact = Omit<RelationshipView, 'evidence'>;
const withoutEvidence = ({ evidence: _evidence, ...rest }: RelationshipView): Compact => rest;
/** What the canvas reads of a relationship (client/src/api/operations.ts RelationshipFields). */
const canvasFacts = (r: RelationshipView) => ({
  id: r.id,
  certainty: r.certainty,
  occurredAt: r.occurredAt,
  sourceCount: r.sourceCount,
  disputed: r.disputed,
  evidence: r.evidence.map((e) => ({
    id: e.id,
    certainty: e.certainty,
    stance: e.stance,
    occurredAt: e.occurredAt,
    source: { id: e.source.id, reliability: e.source.reliability, publishedAt: e.source.publishedAt },
  })),
});
const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

describe('evidence on demand', () => {
  let product: TestProduct;
  beforeAll(async () => {
    product = await startProductForTests(uri);
  });
  afterAll(async () => {
    await product.close();
  });

  it('a compact selection is the same neighbourhood with the same derived fields', async () => {
    expect(COMPACT).not.toContain('evidence');
    expect(COMPACT).toContain('sourceCount');
    let shown = 0;
    for (const filter of FILTERS) {
      const variables = { ids: ['mark-zuckerberg', 'samsung-electronics'], depth: 2, filter };
      type Answer = { neighborhood: { relationships: RelationshipView[] } };
      const full = await ok<Answer>(product.url, neighbourhood(RELATIONSHIP), variables);
      const compact = await ok<Answer>(product.url, neighbourhood(COMPACT), variables);
      shown += full.neighborhood.relationships.length;
      expect(byId(compact.neighborhood.relationships)).toEqual(
        byId(full.neighborhood.relationships.map(withoutEvidence)),
      );
    }
    expect(shown).toBeGreaterThan(20);
  });

  it("the canvas's own query (evidence facts only) answers what the full answer says of them", async () => {
    let evidence = 0;
    for (const filter of FILTERS) {
      const variables = { ids: ['mark-zuckerberg', 'samsung-electronics'], depth: 2, filter };
      type Answer = { neighborhood: { relationships: RelationshipView[] } };
      const full = await ok<Answer>(product.url, neighbourhood(RELATIONSHIP), variables);
      const canvas = await ok<Answer>(product.url, NEIGHBORHOOD, { ...variables, limit: 300 });
      evidence += full.neighborhood.relationships.flatMap((r) => r.evidence).length;
      expect(byId(canvas.neighborhood.relationships.map(canvasFacts))).toEqual(
        byId(full.neighborhood.relationships.map(canvasFacts)),
      );
    }
    expect(evidence).toBeGreaterThan(20);
  });

  it('the facts of evidence are read from the lists beside it: its JSON is not decoded', async () => {
    const db = testDatabase(uri);
    onTestFinished(() => db.close());
    const graph = createGraphRepository(db);
    const question = { ids: ['samsung-electronics'], depth: 1, limit: 300, filter: parseFilter(undefined) };
    const text = await graph.neighborhood({ ...question, evidence: 'text' });
    const facts = await graph.neighborhood({ ...question, evidence: 'facts' });
    const pick = ({ id, certainty, stance, occurredAt, sourceId, source }: EvidenceWithSource) => ({
      id,
      certainty,
      stance,
      occurredAt,
      sourceId,
      source,
    });
    expect(facts.relationships.map((r) => r.evidence)).toEqual(
      text.relationships.map((r) => r.evidence.map(pick)),
    );
    expect(facts.relationships.flatMap((r) => r.evidence).length).toBeGreaterThan(5);
    expect(facts.relationships.flatMap((r) => r.evidence).some((e) => 'quote' in e)).toBe(false);
  });

  it('paths without evidence keep the relationships and their derived fields', async () => {
    for (const filter of FILTERS) {
      const variables = { fromId: 'mark-zuckerberg', toId: 'seoul', filter };
      type Answer = { paths: { relationships: RelationshipView[] }[] };
      const full = await ok<Answer>(product.url, PATHS(RELATIONSHIP), variables);
      const compact = await ok<Answer>(product.url, PATHS(COMPACT), variables);
      const flat = (answer: Answer) =>
        byId(answer.paths.flatMap((p) => p.relationships.map(withoutEvidence)));
      expect(flat(compact)).toEqual(flat(full));
    }
  });

  it('Query.evidence gives what the full answer held, per relationship and filter, in one statement', async () => {
    let compared = 0;
    for (const filter of FILTERS) {
      const variables = { ids: ['mark-zuckerberg'], depth: 2, filter };
      type Answer = { neighborhood: { relationships: RelationshipView[] } };
      const full = await ok<Answer>(product.url, neighbourhood(RELATIONSHIP), variables);
      const ids = full.neighborhood.relationships.map((r) => r.id);
      if (ids.length === 0) continue;
      const before = product.statementCount();
      type Evidence = { evidence: { relationshipId: string; evidence: RelationshipView['evidence'] }[] };
      const answer = await ok<Evidence>(product.url, EVIDENCE, { ids, filter });
      expect(product.statementCount() - before).toBe(1);
      const got = new Map(answer.evidence.map((e) => [e.relationshipId, e.evidence]));
      expect([...got.keys()].sort()).toEqual([...ids].sort());
      for (const r of full.neighborhood.relationships) {
        expect(got.get(r.id), `${r.id} ${JSON.stringify(filter)}`).toEqual(r.evidence);
        compared += r.evidence.length;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('the filter drops evidence, not the relationship: a confirmed-only view lists fewer quotes', async () => {
    const id = 'mark-zuckerberg:MET_WITH:lee-jae-yong';
    type Evidence = { evidence: { relationshipId: string; evidence: { certainty: string }[] }[] };
    const all = (await ok<Evidence>(product.url, EVIDENCE, { ids: [id] })).evidence;
    const confirmed = (
      await ok<Evidence>(product.url, EVIDENCE, { ids: [id], filter: { minCertainty: 'CONFIRMED' } })
    ).evidence;
    expect(all).toHaveLength(1);
    expect(all[0]!.evidence.some((e) => e.certainty !== 'CONFIRMED')).toBe(true);
    expect(confirmed[0]?.evidence.every((e) => e.certainty === 'CONFIRMED') ?? true).toBe(true);
    expect(confirmed[0]?.evidence.length ?? 0).toBeLessThan(all[0]!.evidence.length);
  });

  it('unknown relationships are left out; malformed ids, an empty list and a bad filter are BAD_USER_INPUT', async () => {
    const unknown = await ok(product.url, EVIDENCE, { ids: ['mark-zuckerberg:NEVER_MET:seoul'] });
    expect(unknown).toEqual({ evidence: [] });
    for (const [variables, message] of [
      [{ ids: ['not an id'] }, /fromId:TYPE:toId/],
      [{ ids: [] }, /at least one relationship id/],
      [{ ids: ['mark-zuckerberg:MET_WITH:lee-jae-yong'], filter: { minCertainty: 'SURE' } }, /./],
    ] as const) {
      const response = await gql(product.url, EVIDENCE, variables);
      expect(errorCode(response), JSON.stringify(variables)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toMatch(message);
    }
  });
});
