// Curation through HTTP with an editor token: every mutation, optimistic concurrency (stale → CONFLICT,
// nothing lost), soft delete and restore, merge then unmerge restoring the stored graph exactly, and the
// audit trail recording each change with its before/after state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { graphCounts } from '../helpers/db.ts';
import { errorCode, gql, startProductForTests, type TestProduct } from '../helpers/product.ts';
import {
  ENTITY,
  ok,
  RELATIONSHIP,
  snapshotGraph,
  UNHURRIED,
  type EntityView,
  type RelationshipView,
  type SubgraphView,
} from '../helpers/api.ts';

const CREATE_ENTITY = `mutation ($input: CreateEntityInput!) { createEntity(input: $input) { ${ENTITY} } }`;
const UPDATE_ENTITY = `mutation ($id: ID!, $version: Int!, $patch: EntityPatch!) {
  updateEntity(id: $id, version: $version, patch: $patch) { ${ENTITY} } }`;
const DELETE_ENTITY = `mutation ($id: ID!, $version: Int!) { deleteEntity(id: $id, version: $version) { ${ENTITY} } }`;
const RESTORE_ENTITY = `mutation ($id: ID!) { restoreEntity(id: $id) { ${ENTITY} } }`;
const CREATE_RELATIONSHIP = `mutation ($input: CreateRelationshipInput!) {
  createRelationship(input: $input) { ${RELATIONSHIP} } }`;
const UPDATE_RELATIONSHIP = `mutation ($id: ID!, $version: Int!, $patch: RelationshipPatch!) {
  updateRelationship(id: $id, version: $version, patch: $patch) { ${RELATIONSHIP} } }`;
const DELETE_RELATIONSHIP = `mutation ($id: ID!, $version: Int!) {
  deleteRelationship(id: $id, version: $version) { ${RELATIONSHIP} } }`;
const RESTORE_RELATIONSHIP = `mutation ($id: ID!) { restoreRelationship(id: $id) { ${RELATIONSHIP} } }`;
const ADD_EVIDENCE = `mutation ($id: ID!, $evidence: EvidenceInput!) {
  addEvidence(relationshipId: $id, evidence: $evidence) { ${RELATIONSHIP} } }`;
const MERGE = `mutation ($keepId: ID!, $mergeId: ID!) {
  mergeEntities(keepId: $keepId, mergeId: $mergeId) { mergeId movedRelationships entity { ${ENTITY} } } }`;
const UNMERGE = `mutation ($mergeId: ID!) { unmergeEntities(mergeId: $mergeId) { ${ENTITY} } }`;
const ADD_NOTE = `mutation ($targetId: ID!, $text: String!) { addNote(targetId: $targetId, text: $text) { id text author createdAt } }`;
const ENTITY_QUERY = `query ($id: ID!) { entity(id: $id) { ${ENTITY} notes { id text author } } }`;
const RELATIONSHIP_QUERY = `query ($id: ID!) { relationship(id: $id) { ${RELATIONSHIP} notes { id text } } }`;
const NEIGHBORHOOD = `query ($ids: [ID!]!) { neighborhood(ids: $ids, limit: 2000) {
  truncated totalNodes nodes { ${ENTITY} } relationships { ${RELATIONSHIP} } } }`;
const SEARCH = `query ($text: String!) { search(text: $text) { entity { id } } }`;
const AUDIT = `query ($targetId: String, $first: Int) {
  auditTrail(targetId: $targetId, first: $first) { id at actor action targetId before after } }`;

interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  targetId: string | null;
  before: string | null;
  after: string | null;
}

const SOURCE = {
  id: 'test-source-2024-03-05',
  title: 'A test report',
  publisher: 'Test Wire',
  publishedAt: '2024-03-05',
  language: 'en',
  url: 'https://example.com/report',
};

let product: TestProduct;
let uri: string;

beforeAll(async () => {
  uri = inject('neo4jUri');
  product = await startProductForTests(uri, { env: { ...UNHURRIED } });
});
afterAll(async () => {
  await product?.close();
});

const edit = <T>(query: string, variables: Record<string, unknown>) =>
  ok<T>(product.url, query, variables, product.editorToken);
const editRaw = (query: string, variables: Record<string, unknown>) =>
  gql(product.url, query, variables, product.editorToken);
const entity = async (id: string) =>
  (
    await ok<{ entity: (EntityView & { notes: { text: string }[] }) | null }>(
      product.url,
      ENTITY_QUERY,
      { id },
      product.readerToken,
    )
  ).entity;
const relationship = async (id: string) =>
  (
    await ok<{ relationship: (RelationshipView & { notes: { text: string }[] }) | null }>(
      product.url,
      RELATIONSHIP_QUERY,
      { id },
      product.readerToken,
    )
  ).relationship;
const searchIds = async (text: string) =>
  (await ok<{ search: { entity: { id: string } }[] }>(product.url, SEARCH, { text })).search.map(
    (h) => h.entity.id,
  );
const audit = async (targetId: string | null, first = 50) =>
  (await ok<{ auditTrail: AuditEntry[] }>(product.url, AUDIT, { targetId, first }, product.readerToken))
    .auditTrail;
const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as Record<string, unknown>));

describe('merge then unmerge', () => {
  it('merging moves relationships, evidence and names; unmerging restores the stored graph exactly', async () => {
    const before = await snapshotGraph(uri);
    const countsBefore = await graphCounts(uri);
    const zuckBefore = (
      await ok<{ neighborhood: SubgraphView }>(product.url, NEIGHBORHOOD, { ids: ['mark-zuckerberg'] })
    ).neighborhood;
    const leeBefore = (
      await ok<{ neighborhood: SubgraphView }>(product.url, NEIGHBORHOOD, { ids: ['lee-jae-yong'] })
    ).neighborhood;

    const { mergeEntities } = await edit<{
      mergeEntities: { mergeId: string; movedRelationships: number; entity: EntityView };
    }>(MERGE, { keepId: 'mark-zuckerberg', mergeId: 'lee-jae-yong' });
    expect(mergeEntities.entity.id).toBe('mark-zuckerberg');
    expect(mergeEntities.entity.aliases).toEqual(
      expect.arrayContaining(['이재용', 'Lee Jae-yong', 'Jay Y. Lee']),
    );
    expect(mergeEntities.movedRelationships).toBe(
      leeBefore.relationships.filter((r) => r.fromId === 'lee-jae-yong' || r.toId === 'lee-jae-yong').length,
    );

    const merged = await entity('lee-jae-yong');
    expect(merged).toMatchObject({ deleted: true, mergedInto: 'mark-zuckerberg' });
    expect(await searchIds('Jay Y. Lee')).toContain('mark-zuckerberg');
    expect(await searchIds('Jay Y. Lee')).not.toContain('lee-jae-yong');

    const after = (
      await ok<{ neighborhood: SubgraphView }>(product.url, NEIGHBORHOOD, { ids: ['mark-zuckerberg'] })
    ).neighborhood;
    const afterIds = after.relationships.map((r) => r.id);
    // Lee's own relationships now hang off Zuckerberg; the relationship between the two is gone.
    expect(afterIds).toContain('mark-zuckerberg:CHAIRMAN_OF:samsung-electronics');
    expect(afterIds).not.toContain('mark-zuckerberg:MET_WITH:lee-jae-yong');
    // Where both had the same relationship, evidence is combined, not duplicated.
    const shared = 'mark-zuckerberg:PARTICIPATED_IN:zuckerberg-seoul-visit-2013';
    const leeShared = leeBefore.relationships.find(
      (r) => r.id === 'lee-jae-yong:PARTICIPATED_IN:zuckerberg-seoul-visit-2013',
    )!;
    const zuckShared = zuckBefore.relationships.find((r) => r.id === shared)!;
    const combined = after.relationships.find((r) => r.id === shared)!;
    const union = new Set([...leeShared.evidence, ...zuckShared.evidence].map((e) => e.id));
    expect(combined.evidence.map((e) => e.id).sort()).toEqual([...union].sort());
    // Evidence overall: none lost (only the MET_WITH between the two is dropped with the merge).
    const countsMerged = await graphCounts(uri);
    expect(countsMerged.entities).toBe(countsBefore.entities);

    const { unmergeEntities } = await edit<{ unmergeEntities: EntityView[] }>(UNMERGE, {
      mergeId: mergeEntities.mergeId,
    });
    expect(unmergeEntities.map((e) => e.id).sort()).toEqual(['lee-jae-yong', 'mark-zuckerberg']);
    expect(unmergeEntities.every((e) => !e.deleted && e.mergedInto === null)).toBe(true);

    const restored = await snapshotGraph(uri);
    expect(Object.keys(restored.relationships).sort()).toEqual(Object.keys(before.relationships).sort());
    expect(restored.entities).toEqual(before.entities);
    expect(restored.relationships).toEqual(before.relationships);
    const countsAfter = await graphCounts(uri);
    expect({ ...countsAfter, audit: 0 }).toEqual({ ...countsBefore, audit: 0 });
    const found = await searchIds('Jay Y. Lee');
    expect(found[0]).toBe('lee-jae-yong');
    expect(found).not.toContain('mark-zuckerberg');
  });

  it('refuses to undo twice, unknown merges, merging an entity into itself or into nothing', async () => {
    const { mergeEntities } = await edit<{ mergeEntities: { mergeId: string } }>(MERGE, {
      keepId: 'bloomberg',
      mergeId: 'foreign-media',
    });
    await edit(UNMERGE, { mergeId: mergeEntities.mergeId });
    expect(errorCode(await editRaw(UNMERGE, { mergeId: mergeEntities.mergeId }))).toBe('CONFLICT');
    expect(errorCode(await editRaw(UNMERGE, { mergeId: 'merge-unknown' }))).toBe('NOT_FOUND');
    expect(errorCode(await editRaw(MERGE, { keepId: 'meta', mergeId: 'meta' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await editRaw(MERGE, { keepId: 'meta', mergeId: 'no-such-entity' }))).toBe('NOT_FOUND');
    expect(errorCode(await editRaw(MERGE, { keepId: 'no-such-entity', mergeId: 'meta' }))).toBe('NOT_FOUND');
    expect(errorCode(await editRaw(MERGE, { keepId: 'Not A Slug', mergeId: 'meta' }))).toBe('BAD_USER_INPUT');
  });

  it('refuses to undo a merge when the surviving entity changed since (nothing lost)', async () => {
    const { mergeEntities } = await edit<{ mergeEntities: { mergeId: string; entity: EntityView } }>(MERGE, {
      keepId: 'google',
      mergeId: 'apple',
    });
    await edit(UPDATE_ENTITY, {
      id: 'google',
      version: mergeEntities.entity.version,
      patch: { description: 'Changed after the merge' },
    });
    expect(errorCode(await editRaw(UNMERGE, { mergeId: mergeEntities.mergeId }))).toBe('CONFLICT');
    expect((await entity('google'))!.description).toBe('Changed after the merge');
    expect((await entity('apple'))!.mergedInto).toBe('google');
  });
});

describe('entities: create, update, delete, restore', () => {
  let version = 0;

  it('creates an entity, and CONFLICT when the id is taken', async () => {
    const { createEntity } = await edit<{ createEntity: EntityView }>(CREATE_ENTITY, {
      input: {
        id: 'test-corp',
        kind: 'Organization',
        name: 'Test Corp',
        nameKo: '테스트 코프',
        aliases: ['TC', 'Testing Corporation'],
        description: 'A company made up by the tests.',
        properties: { founded: 2020, listed: false, tickers: ['TST'] },
      },
    });
    expect(createEntity).toMatchObject({
      id: 'test-corp',
      kind: 'Organization',
      version: 1,
      deleted: false,
      aliases: ['TC', 'Testing Corporation'],
      properties: { founded: 2020, listed: false, tickers: ['TST'] },
    });
    version = createEntity.version;
    expect(await searchIds('Testing Corporation')).toContain('test-corp');
    expect(await searchIds('테스트')).toContain('test-corp');
    const again = await editRaw(CREATE_ENTITY, {
      input: { id: 'test-corp', kind: 'Organization', name: 'Other' },
    });
    expect(errorCode(again)).toBe('CONFLICT');
    expect((await entity('test-corp'))!.name).toBe('Test Corp');
  });

  it('makes a slug id from the name when none is given', async () => {
    const { createEntity } = await edit<{ createEntity: EntityView }>(CREATE_ENTITY, {
      input: { kind: 'Person', name: 'Ada Tester' },
    });
    expect(createEntity.id).toBe('ada-tester');
    expect(createEntity.aliases).toEqual([]);
  });

  it.each([
    [{ kind: 'Planet', name: 'X' }],
    [{ kind: 'Person', name: '   ' }],
    [{ id: 'Bad Id', kind: 'Person', name: 'X' }],
    [{ kind: 'Event', name: 'X', occurredAt: 'last week' }],
    [{ kind: 'Person', name: 'X', properties: { 'bad key': 1 } }],
    [{ kind: 'Person', name: 'X', properties: { nested: { a: 1 } } }],
    [{ kind: 'Person', name: 'X', aliases: [''] }],
  ])('createEntity %j is BAD_USER_INPUT', async (input) => {
    expect(errorCode(await editRaw(CREATE_ENTITY, { input }))).toBe('BAD_USER_INPUT');
  });

  it('updates with the current version; a stale version is CONFLICT and loses nothing', async () => {
    const { updateEntity } = await edit<{ updateEntity: EntityView }>(UPDATE_ENTITY, {
      id: 'test-corp',
      version,
      patch: { name: 'Test Corporation', aliases: ['TC'] },
    });
    expect(updateEntity).toMatchObject({ name: 'Test Corporation', aliases: ['TC'], version: version + 1 });
    expect(updateEntity.description).toBe('A company made up by the tests.');
    const stale = await editRaw(UPDATE_ENTITY, { id: 'test-corp', version, patch: { name: 'Lost Write' } });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0]?.extensions?.currentVersion).toBe(version + 1);
    const stored = await entity('test-corp');
    expect(stored).toMatchObject({ name: 'Test Corporation', version: version + 1 });
    version = stored!.version;
  });

  it('clears an optional field with null and changes the kind', async () => {
    const { updateEntity } = await edit<{ updateEntity: EntityView }>(UPDATE_ENTITY, {
      id: 'test-corp',
      version,
      patch: { nameKo: null, kind: 'Concept' },
    });
    expect(updateEntity).toMatchObject({ nameKo: null, kind: 'Concept' });
    version = updateEntity.version;
    const { updateEntity: back } = await edit<{ updateEntity: EntityView }>(UPDATE_ENTITY, {
      id: 'test-corp',
      version,
      patch: { kind: 'Organization' },
    });
    version = back.version;
  });

  it('rejects empty patches, unknown ids and bad versions', async () => {
    expect(errorCode(await editRaw(UPDATE_ENTITY, { id: 'test-corp', version, patch: {} }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      errorCode(await editRaw(UPDATE_ENTITY, { id: 'no-such-entity', version: 1, patch: { name: 'X' } })),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(await editRaw(UPDATE_ENTITY, { id: 'test-corp', version: 0, patch: { name: 'X' } })),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await editRaw(UPDATE_ENTITY, { id: 'test-corp', version, patch: { kind: 'Planet' } })),
    ).toBe('BAD_USER_INPUT');
  });

  it('soft-deletes (hidden from search, neighbourhoods and listings) and restores', async () => {
    const { deleteEntity } = await edit<{ deleteEntity: EntityView }>(DELETE_ENTITY, {
      id: 'test-corp',
      version,
    });
    expect(deleteEntity).toMatchObject({ deleted: true, version: version + 1 });
    expect((await entity('test-corp'))!.deleted).toBe(true);
    expect(await searchIds('Test Corporation')).not.toContain('test-corp');
    expect(errorCode(await gql(product.url, NEIGHBORHOOD, { ids: ['test-corp'] }))).toBe('NOT_FOUND');
    const listed = await ok<{ entities: { edges: { node: { id: string } }[] } }>(
      product.url,
      'query ($d: Boolean) { entities(kinds: ["Organization"], first: 500, includeDeleted: $d) { edges { node { id } } } }',
      { d: false },
    );
    expect(listed.entities.edges.map((e) => e.node.id)).not.toContain('test-corp');
    const withDeleted = await ok<{ entities: { edges: { node: { id: string } }[] } }>(
      product.url,
      'query ($d: Boolean) { entities(kinds: ["Organization"], first: 500, includeDeleted: $d) { edges { node { id } } } }',
      { d: true },
    );
    expect(withDeleted.entities.edges.map((e) => e.node.id)).toContain('test-corp');
    expect(errorCode(await editRaw(DELETE_ENTITY, { id: 'test-corp', version: version + 1 }))).toBe(
      'CONFLICT',
    );
    expect(
      errorCode(
        await editRaw(UPDATE_ENTITY, { id: 'test-corp', version: version + 1, patch: { name: 'X' } }),
      ),
    ).toBe('CONFLICT');

    const { restoreEntity } = await edit<{ restoreEntity: EntityView }>(RESTORE_ENTITY, { id: 'test-corp' });
    expect(restoreEntity).toMatchObject({ deleted: false, version: version + 2, name: 'Test Corporation' });
    expect(await searchIds('Test Corporation')).toContain('test-corp');
    expect(errorCode(await editRaw(RESTORE_ENTITY, { id: 'test-corp' }))).toBe('CONFLICT');
    expect(errorCode(await editRaw(RESTORE_ENTITY, { id: 'no-such-entity' }))).toBe('NOT_FOUND');
    expect(errorCode(await editRaw(DELETE_ENTITY, { id: 'test-corp', version }))).toBe('CONFLICT');
    version = restoreEntity.version;
  });
});

describe('relationships: create, update, delete, restore, evidence', () => {
  const id = 'test-corp:SUPPLIES:meta';
  let version = 0;

  it('creates a relationship with evidence from a new source', async () => {
    const { createRelationship } = await edit<{ createRelationship: RelationshipView }>(CREATE_RELATIONSHIP, {
      input: {
        type: 'SUPPLIES',
        fromId: 'test-corp',
        toId: 'meta',
        occurredAt: '2024-03',
        properties: { product: 'widgets' },
        evidence: [
          {
            quote: 'Test Corp may supply Meta',
            certainty: 'SPECULATIVE',
            attributedTo: 'Test Wire',
            source: SOURCE,
          },
        ],
      },
    });
    expect(createRelationship).toMatchObject({
      id,
      fromId: 'test-corp',
      toId: 'meta',
      type: 'SUPPLIES',
      certainty: 'SPECULATIVE',
      occurredAt: '2024-03',
      version: 1,
      properties: { product: 'widgets' },
    });
    expect(createRelationship.evidence).toHaveLength(1);
    expect(createRelationship.evidence[0]!.source).toMatchObject({
      id: SOURCE.id,
      publishedAt: '2024-03-05',
    });
    version = createRelationship.version;
    const sources = await ok<{ sources: { id: string }[] }>(product.url, '{ sources { id } }');
    expect(sources.sources.map((s) => s.id)).toContain(SOURCE.id);
    // The new source's date feeds the report-time filter.
    const inMarch = await ok<{ neighborhood: SubgraphView }>(
      product.url,
      `query { neighborhood(ids: ["test-corp"], filter: { publishedFrom: "2024-03-01" }) { truncated totalNodes nodes { id } relationships { id } } }`,
    );
    expect(inMarch.neighborhood.relationships.map((r) => r.id)).toEqual([id]);
  });

  it('refuses duplicates, missing evidence, unknown ends and sources, loops and bad types', async () => {
    const evidence = [{ quote: 'q', certainty: 'REPORTED', sourceId: SOURCE.id }];
    const cases: [Record<string, unknown>, string][] = [
      [{ type: 'SUPPLIES', fromId: 'test-corp', toId: 'meta', evidence }, 'CONFLICT'],
      [{ type: 'SUPPLIES', fromId: 'test-corp', toId: 'nvidia', evidence: [] }, 'BAD_USER_INPUT'],
      [{ type: 'SUPPLIES', fromId: 'no-such-entity', toId: 'meta', evidence }, 'NOT_FOUND'],
      [{ type: 'SUPPLIES', fromId: 'test-corp', toId: 'no-such-entity', evidence }, 'NOT_FOUND'],
      [
        {
          type: 'SUPPLIES',
          fromId: 'test-corp',
          toId: 'nvidia',
          evidence: [{ quote: 'q', certainty: 'REPORTED', sourceId: 'no-such-source' }],
        },
        'NOT_FOUND',
      ],
      [{ type: 'SUPPLIES', fromId: 'test-corp', toId: 'test-corp', evidence }, 'BAD_USER_INPUT'],
      [{ type: 'supplies', fromId: 'test-corp', toId: 'nvidia', evidence }, 'BAD_USER_INPUT'],
      [
        {
          type: 'SUPPLIES',
          fromId: 'test-corp',
          toId: 'nvidia',
          evidence: [{ quote: '  ', certainty: 'REPORTED', sourceId: SOURCE.id }],
        },
        'BAD_USER_INPUT',
      ],
      [
        {
          type: 'SUPPLIES',
          fromId: 'test-corp',
          toId: 'nvidia',
          evidence: [{ quote: 'q', certainty: 'REPORTED' }],
        },
        'BAD_USER_INPUT',
      ],
    ];
    for (const [input, code] of cases) {
      expect(errorCode(await editRaw(CREATE_RELATIONSHIP, { input })), JSON.stringify(input)).toBe(code);
    }
    expect(await relationship('test-corp:SUPPLIES:nvidia')).toBeNull();
  });

  it('adds evidence: certainty rises to the strongest, the same quote is not added twice', async () => {
    const evidence = { quote: 'Test Corp supplies Meta', certainty: 'CONFIRMED', sourceId: SOURCE.id };
    const { addEvidence } = await edit<{ addEvidence: RelationshipView }>(ADD_EVIDENCE, { id, evidence });
    expect(addEvidence.certainty).toBe('CONFIRMED');
    expect(addEvidence.evidence).toHaveLength(2);
    expect(addEvidence.version).toBe(version + 1);
    const again = await edit<{ addEvidence: RelationshipView }>(ADD_EVIDENCE, { id, evidence });
    expect(again.addEvidence.evidence).toHaveLength(2);
    version = again.addEvidence.version;
    expect(errorCode(await editRaw(ADD_EVIDENCE, { id: 'meta:NO_SUCH:nvidia', evidence }))).toBe('NOT_FOUND');
    expect(errorCode(await editRaw(ADD_EVIDENCE, { id: 'not-a-relationship', evidence }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      errorCode(await editRaw(ADD_EVIDENCE, { id, evidence: { ...evidence, sourceId: 'no-such-source' } })),
    ).toBe('NOT_FOUND');
  });

  it('updates with the current version; stale is CONFLICT and loses nothing', async () => {
    const { updateRelationship } = await edit<{ updateRelationship: RelationshipView }>(UPDATE_RELATIONSHIP, {
      id,
      version,
      patch: { properties: { product: 'gadgets' } },
    });
    // The event time stays what its evidence says: it is derived, never patched.
    expect(updateRelationship).toMatchObject({
      occurredAt: '2024-03',
      properties: { product: 'gadgets' },
    });
    const stale = await editRaw(UPDATE_RELATIONSHIP, {
      id,
      version,
      patch: { properties: { product: 'stale' } },
    });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect((await relationship(id))!.properties).toEqual({ product: 'gadgets' });
    version = updateRelationship.version;
    expect(errorCode(await editRaw(UPDATE_RELATIONSHIP, { id, version, patch: {} }))).toBe('BAD_USER_INPUT');
    const dated = await editRaw(UPDATE_RELATIONSHIP, { id, version, patch: { occurredAt: '2020' } });
    expect(dated.errors?.[0]?.message).toMatch(/occurredAt/);
    expect(
      errorCode(
        await editRaw(UPDATE_RELATIONSHIP, {
          id: 'meta:NO_SUCH:nvidia',
          version: 1,
          patch: { properties: {} },
        }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('soft-deletes and restores a relationship', async () => {
    const { deleteRelationship } = await edit<{ deleteRelationship: RelationshipView }>(DELETE_RELATIONSHIP, {
      id,
      version,
    });
    expect(deleteRelationship.deleted).toBe(true);
    const hidden = await ok<{ neighborhood: SubgraphView }>(product.url, NEIGHBORHOOD, {
      ids: ['test-corp'],
    });
    expect(hidden.neighborhood.relationships.map((r) => r.id)).not.toContain(id);
    expect(errorCode(await editRaw(DELETE_RELATIONSHIP, { id, version: deleteRelationship.version }))).toBe(
      'CONFLICT',
    );
    const { restoreRelationship } = await edit<{ restoreRelationship: RelationshipView }>(
      RESTORE_RELATIONSHIP,
      { id },
    );
    expect(restoreRelationship.deleted).toBe(false);
    expect(restoreRelationship.evidence).toHaveLength(2);
    const shown = await ok<{ neighborhood: SubgraphView }>(product.url, NEIGHBORHOOD, { ids: ['test-corp'] });
    expect(shown.neighborhood.relationships.map((r) => r.id)).toContain(id);
    expect(errorCode(await editRaw(RESTORE_RELATIONSHIP, { id }))).toBe('CONFLICT');
    expect(errorCode(await editRaw(RESTORE_RELATIONSHIP, { id: 'meta:NO_SUCH:nvidia' }))).toBe('NOT_FOUND');
    expect(errorCode(await editRaw(DELETE_RELATIONSHIP, { id, version: 1 }))).toBe('CONFLICT');
  });

  it('deleting an entity hides its relationships; restoring it shows them again', async () => {
    const current = (await entity('test-corp'))!;
    await edit(DELETE_ENTITY, { id: 'test-corp', version: current.version });
    const meta = await ok<{ neighborhood: SubgraphView }>(product.url, NEIGHBORHOOD, { ids: ['meta'] });
    expect(meta.neighborhood.nodes.map((n) => n.id)).not.toContain('test-corp');
    expect(meta.neighborhood.relationships.map((r) => r.id)).not.toContain(id);
    await edit(RESTORE_ENTITY, { id: 'test-corp' });
    const back = await ok<{ neighborhood: SubgraphView }>(product.url, NEIGHBORHOOD, { ids: ['meta'] });
    expect(back.neighborhood.relationships.map((r) => r.id)).toContain(id);
  });
});

describe('notes', () => {
  it('annotates an entity and a relationship', async () => {
    const { addNote } = await edit<{ addNote: { id: string; text: string; author: string } }>(ADD_NOTE, {
      targetId: 'test-corp',
      text: 'Check the 2024 filing.',
    });
    expect(addNote).toMatchObject({ text: 'Check the 2024 filing.', author: 'test-editor' });
    expect((await entity('test-corp'))!.notes.map((n) => n.text)).toContain('Check the 2024 filing.');
    await edit(ADD_NOTE, { targetId: 'test-corp:SUPPLIES:meta', text: 'Volume unclear.' });
    expect((await relationship('test-corp:SUPPLIES:meta'))!.notes.map((n) => n.text)).toEqual([
      'Volume unclear.',
    ]);
  });

  it('refuses empty notes and unknown targets', async () => {
    expect(errorCode(await editRaw(ADD_NOTE, { targetId: 'test-corp', text: '  ' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await editRaw(ADD_NOTE, { targetId: 'no-such-entity', text: 'x' }))).toBe('NOT_FOUND');
    expect(errorCode(await editRaw(ADD_NOTE, { targetId: 'meta:NO_SUCH:nvidia', text: 'x' }))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await editRaw(ADD_NOTE, { targetId: 'test-corp', text: 'x'.repeat(5001) }))).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('audit trail', () => {
  it('records every kind of change, newest first, with who and the before/after state', async () => {
    const entries = await audit(null, 500);
    const actions = new Set(entries.map((e) => e.action));
    for (const action of [
      'createEntity',
      'updateEntity',
      'deleteEntity',
      'restoreEntity',
      'createRelationship',
      'updateRelationship',
      'deleteRelationship',
      'restoreRelationship',
      'addEvidence',
      'mergeEntities',
      'unmergeEntities',
      'addNote',
    ]) {
      expect(actions, action).toContain(action);
    }
    const ats = entries.map((e) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    for (const entry of entries.filter((e) => e.action !== 'import')) {
      expect(entry.actor, entry.action).toBe('test-editor');
      expect(entry.after, entry.action).not.toBeNull();
      if (!['createEntity', 'createRelationship', 'addNote'].includes(entry.action))
        expect(entry.before, entry.action).not.toBeNull();
      expect(() => parse(entry.after)).not.toThrow();
    }
  });

  it('narrows to one entity, with the state before and after each change', async () => {
    const entries = await audit('test-corp', 500);
    expect(entries.every((e) => e.targetId === 'test-corp' || e.targetId?.includes('test-corp'))).toBe(true);
    const update = entries.find(
      (e) =>
        e.action === 'updateEntity' &&
        parse(e.after)?.name === 'Test Corporation' &&
        parse(e.before)?.name === 'Test Corp',
    );
    expect(update).toBeDefined();
    const create = entries.find((e) => e.action === 'createEntity')!;
    expect(create.before).toBeNull();
    expect(parse(create.after)).toMatchObject({ id: 'test-corp', name: 'Test Corp', version: 1 });
    const deletions = entries.filter((e) => e.action === 'deleteEntity');
    expect(deletions.length).toBe(2);
    for (const d of deletions) {
      expect(parse(d.before)?.deleted).toBe(false);
      expect(parse(d.after)?.deleted).toBe(true);
    }
    // A stale write left no trace: every update in the trail is one that happened.
    expect(entries.some((e) => parse(e.after)?.name === 'Lost Write')).toBe(false);
  });

  it('narrows to one relationship', async () => {
    const entries = await audit('test-corp:SUPPLIES:meta', 500);
    const actions = entries.map((e) => e.action).sort();
    expect(actions).toEqual(
      expect.arrayContaining([
        'addEvidence',
        'addNote',
        'createRelationship',
        'deleteRelationship',
        'restoreRelationship',
        'updateRelationship',
      ]),
    );
    const add = entries.find((e) => e.action === 'addEvidence')!;
    expect((parse(add.after)?.evidence as unknown[]).length).toBe(2);
    expect((parse(add.before)?.evidence as unknown[]).length).toBe(1);
  });

  it('finds a merge by either entity', async () => {
    const entries = await audit('lee-jae-yong', 500);
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['mergeEntities', 'unmergeEntities']),
    );
    expect(errorCode(await gql(product.url, AUDIT, { first: 0 }, product.readerToken))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await gql(product.url, AUDIT, { first: 501 }, product.readerToken))).toBe(
      'BAD_USER_INPUT',
    );
  });
});
