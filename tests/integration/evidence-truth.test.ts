// Evidence-level truth (issue 13), over HTTP on the seed: filters act on each piece of evidence, and a
// relationship's certainty, event time, source count and dispute flag are derived from the evidence that
// passes. The Zuckerberg–Lee Jae-yong MET_WITH is the case in point: the article REPORTS the 2024-02-28
// meeting ("…만나 … 논의한 것으로 전해졌다") and CONFIRMS the 2013/2014 ones ("이 부회장을 만나").
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ok, RELATIONSHIP, type RelationshipView, type SubgraphView } from '../helpers/api.ts';
import { gql, startProductForTests, type TestProduct } from '../helpers/product.ts';

let product: TestProduct;
beforeAll(async () => {
  product = await startProductForTests(inject('neo4jUri'));
});
afterAll(() => product?.close());

const MEETING = 'mark-zuckerberg:MET_WITH:lee-jae-yong';
const FEB_28 = { occurredFrom: '2024-02-28', occurredTo: '2024-02-28' };

type Filter = Record<string, unknown>;

const NEIGHBORHOOD = `query($ids: [ID!]!, $filter: GraphFilter) {
  neighborhood(ids: $ids, filter: $filter) { nodes { id } relationships { ${RELATIONSHIP} } } }`;
const PATHS = `query($filter: GraphFilter) {
  paths(fromId: "mark-zuckerberg", toId: "lee-jae-yong", maxLength: 1, filter: $filter) {
    relationships { ${RELATIONSHIP} } } }`;
const PREVIEW = `query($filter: GraphFilter) {
  expansionPreview(id: "mark-zuckerberg", filter: $filter) { total groups { type direction count } } }`;
const TIMELINE = `query($filter: GraphFilter) {
  timeline(from: "2000-01-01", to: "2030-12-31", filter: $filter, first: 300) {
    from to relationship { id certainty sourceCount disputed } } }`;
const ADD_EVIDENCE = `mutation($id: ID!, $evidence: EvidenceInput!) {
  addEvidence(relationshipId: $id, evidence: $evidence) { ${RELATIONSHIP} } }`;
const RATE = `mutation($id: ID!, $reliability: SourceReliability!, $reason: String) {
  rateSource(id: $id, reliability: $reliability, reason: $reason) { id reliability reliabilityReason } }`;

async function neighbourhoodOf(filter: Filter): Promise<SubgraphView> {
  const { neighborhood } = await ok<{ neighborhood: SubgraphView }>(product.url, NEIGHBORHOOD, {
    ids: ['mark-zuckerberg'],
    filter,
  });
  return neighborhood;
}

const meetingIn = async (filter: Filter) =>
  (await neighbourhoodOf(filter)).relationships.find((r) => r.id === MEETING);

async function meetingOnPath(filter: Filter): Promise<RelationshipView | undefined> {
  const { paths } = await ok<{ paths: { relationships: RelationshipView[] }[] }>(product.url, PATHS, {
    filter,
  });
  return paths.flatMap((p) => p.relationships).find((r) => r.id === MEETING);
}

async function metWithCount(filter: Filter): Promise<number> {
  const { expansionPreview } = await ok<{
    expansionPreview: { groups: { type: string; direction: string; count: number }[] };
  }>(product.url, PREVIEW, { filter });
  return expansionPreview.groups.find((g) => g.type === 'MET_WITH' && g.direction === 'OUT')?.count ?? 0;
}

/** The meeting as the JSON-lines export writes it under the same filter. */
async function meetingExported(filter: Filter) {
  const params = new URLSearchParams({ ids: 'mark-zuckerberg' });
  for (const [key, value] of Object.entries(filter)) params.set(key, String(value));
  const response = await fetch(`${product.url}/export/jsonl?${params}`);
  expect(response.status).toBe(200);
  const lines = (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return lines.find((l) => l.element === 'relationship' && l.id === MEETING) as
    { certainty: string; sourceCount: number; disputed: boolean; evidence: { quote: string }[] } | undefined;
}

/** Neighbourhood, paths, expansion preview and export agree on what passes and how it is graded. */
async function expectEverywhere(filter: Filter, expected: Partial<RelationshipView> | null) {
  const [graph, onPath, count, exported] = await Promise.all([
    neighbourhoodOf(filter),
    meetingOnPath(filter),
    metWithCount(filter),
    meetingExported(filter),
  ]);
  const inGraph = graph.relationships.find((r) => r.id === MEETING);
  // The preview counts what an expansion along MET_WITH would add under the same filter.
  expect(count).toBe(
    graph.relationships.filter((r) => r.type === 'MET_WITH' && r.fromId === 'mark-zuckerberg').length,
  );
  if (expected === null) {
    expect(inGraph).toBeUndefined();
    expect(onPath).toBeUndefined();
    expect(exported).toBeUndefined();
    return undefined;
  }
  expect(inGraph).toMatchObject(expected);
  expect(onPath).toEqual(inGraph);
  expect(exported).toMatchObject({
    certainty: inGraph!.certainty,
    sourceCount: inGraph!.sourceCount,
    disputed: inGraph!.disputed,
  });
  expect(exported!.evidence.map((e) => e.quote)).toEqual(inGraph!.evidence.map((e) => e.quote));
  return inGraph!;
}

const editor = () => product.editorToken;

describe('evidence-level filters on the seed', () => {
  it('without a filter the meeting carries both occasions, each quote with its own date', async () => {
    const meeting = await expectEverywhere({}, { certainty: 'CONFIRMED', sourceCount: 1, disputed: false });
    expect(meeting!.evidence.map((e) => [e.quote, e.occurredAt, e.certainty, e.stance])).toEqual([
      ['이재용 삼성전자 회장과 만나', '2024-02-28', 'REPORTED', 'SUPPORTS'],
      ['이 부회장을 만나', '2013/2014', 'CONFIRMED', 'SUPPORTS'],
    ]);
    expect(meeting!.occurredAt).toBe('2013-01-01/2024-02-28');
  });

  it('the Feb-28 window grades the meeting REPORTED, with only its 2024 evidence', async () => {
    const meeting = await expectEverywhere(FEB_28, {
      certainty: 'REPORTED',
      occurredAt: '2024-02-28',
      sourceCount: 1,
    });
    expect(meeting!.evidence.map((e) => e.quote)).toEqual(['이재용 삼성전자 회장과 만나']);
  });

  it('"confirmed only" with the Feb-28 window hides it', async () => {
    await expectEverywhere({ ...FEB_28, minCertainty: 'CONFIRMED' }, null);
  });

  it('a window ending in 2014 shows it CONFIRMED with only the earlier evidence', async () => {
    const meeting = await expectEverywhere(
      { occurredTo: '2014-12-31', includeUndated: false },
      { certainty: 'CONFIRMED', occurredAt: '2013/2014' },
    );
    expect(meeting!.evidence.map((e) => e.quote)).toEqual(['이 부회장을 만나']);
  });

  it('undated evidence passes an event window only with includeUndated', async () => {
    const ceo = async (includeUndated: boolean) => {
      const { neighborhood } = await ok<{ neighborhood: SubgraphView }>(product.url, NEIGHBORHOOD, {
        ids: ['mark-zuckerberg'],
        filter: { ...FEB_28, includeUndated },
      });
      return neighborhood.relationships.find((r) => r.id === 'mark-zuckerberg:CEO_OF:meta');
    };
    expect(await ceo(true)).toMatchObject({ occurredAt: null, certainty: 'CONFIRMED' });
    expect(await ceo(false)).toBeUndefined();
  });
});

describe('a second source, a denial and source reliability', () => {
  const yonhap = {
    id: 'yonhap-2024-03-02-zuckerberg-lee',
    title: '저커버그, 이재용 회장과 회동',
    publisher: '연합뉴스',
    publishedAt: '2024-03-02',
    language: 'ko',
    url: 'https://example.com/yonhap/zuckerberg-lee',
  };
  const denial = {
    id: 'samsung-statement-2024-03-05',
    title: 'Samsung statement',
    publisher: 'Samsung Electronics',
    publishedAt: '2024-03-05',
    language: 'en',
  };

  it('CONFIRMED evidence from a second source raises certainty and sourceCount, from its publication on', async () => {
    const { addEvidence } = await ok<{ addEvidence: RelationshipView }>(
      product.url,
      ADD_EVIDENCE,
      {
        id: MEETING,
        evidence: {
          quote: '저커버그 CEO는 28일 이재용 회장과 만났다',
          translation: 'CEO Zuckerberg met Chairman Lee on the 28th',
          attributedTo: '연합뉴스',
          certainty: 'CONFIRMED',
          occurredAt: '2024-02-28',
          source: yonhap,
        },
      },
      editor(),
    );
    // addEvidence recomputes the derived fields in the same statement.
    expect(addEvidence).toMatchObject({ certainty: 'CONFIRMED', sourceCount: 2, disputed: false });

    await expectEverywhere(FEB_28, { certainty: 'CONFIRMED', sourceCount: 2 });
    // "As of" 2024-03-01 the press had only reported it.
    const asOf = await expectEverywhere(
      { ...FEB_28, publishedTo: '2024-03-01' },
      { certainty: 'REPORTED', sourceCount: 1 },
    );
    expect(asOf!.evidence.map((e) => e.source.id)).toEqual(['apple-economy-2024-02-29-zuckerberg-seoul']);
    await expectEverywhere(
      { ...FEB_28, publishedFrom: '2024-03-02' },
      { certainty: 'CONFIRMED', sourceCount: 1 },
    );
  });

  it('a DENIES evidence makes the meeting disputed only from its publication date on', async () => {
    await ok(
      product.url,
      ADD_EVIDENCE,
      {
        id: MEETING,
        evidence: {
          quote: 'No meeting between the two took place on February 28.',
          attributedTo: 'Samsung Electronics',
          certainty: 'CONFIRMED',
          stance: 'DENIES',
          occurredAt: '2024-02-28',
          source: denial,
        },
      },
      editor(),
    );
    const before = await expectEverywhere(
      { ...FEB_28, publishedTo: '2024-03-04' },
      { disputed: false, sourceCount: 2 },
    );
    expect(before!.certainty).toBe('CONFIRMED');
    const after = await expectEverywhere(
      { ...FEB_28, publishedTo: '2024-03-06' },
      { disputed: true, sourceCount: 3 },
    );
    // A denial never raises certainty: it is still graded by the supporting evidence.
    expect(after!.certainty).toBe('CONFIRMED');
    expect(after!.evidence.find((e) => e.stance === 'DENIES')?.source.id).toBe(denial.id);
    // Before any supporting evidence was published, only the denial is in view: shown, and disputed.
    await expectEverywhere({ ...FEB_28, publishedFrom: '2024-03-03' }, { disputed: true, sourceCount: 1 });
  });

  it('minSourceReliability drops the evidence of unrated sources; a rating applies at once', async () => {
    const { rateSource } = await ok<{ rateSource: { reliability: string; reliabilityReason: string } }>(
      product.url,
      RATE,
      { id: yonhap.id, reliability: 'B', reason: 'national wire service, usually reliable' },
      editor(),
    );
    expect(rateSource).toEqual({
      id: yonhap.id,
      reliability: 'B',
      reliabilityReason: 'national wire service, usually reliable',
    });
    const trusted = await expectEverywhere(
      { ...FEB_28, minSourceReliability: 'C' },
      { certainty: 'CONFIRMED', sourceCount: 1, disputed: false },
    );
    expect(trusted!.evidence.map((e) => [e.source.id, e.source.reliability])).toEqual([[yonhap.id, 'B']]);
    // Unrated sources are F: "at least F" keeps everything; "at least A" keeps nothing of this meeting.
    await expectEverywhere({ ...FEB_28, minSourceReliability: 'F' }, { sourceCount: 3 });
    await expectEverywhere({ ...FEB_28, minSourceReliability: 'A' }, null);
    // Reliability and certainty are independent: rating a source changes no certainty.
    expect((await meetingIn({}))!.evidence.map((e) => e.certainty)).toEqual([
      'REPORTED',
      'CONFIRMED',
      'CONFIRMED',
      'CONFIRMED',
    ]);
  });

  it('sourceIds keeps only what the named sources said, the same everywhere', async () => {
    const wire = await expectEverywhere(
      { sourceIds: [yonhap.id] },
      { certainty: 'CONFIRMED', sourceCount: 1, disputed: false },
    );
    expect(wire!.evidence.map((e) => e.source.id)).toEqual([yonhap.id]);
    // The denial alone: shown, disputed, graded by the only evidence in view.
    const statement = await expectEverywhere({ sourceIds: [denial.id] }, { disputed: true, sourceCount: 1 });
    expect(statement!.evidence.map((e) => e.stance)).toEqual(['DENIES']);
    const both = await expectEverywhere({ sourceIds: [yonhap.id, denial.id] }, { sourceCount: 2 });
    expect(both!.evidence.map((e) => e.source.id).sort()).toEqual([denial.id, yonhap.id].sort());
    await expectEverywhere({ sourceIds: ['no-such-source'] }, null);

    const bad = await gql(product.url, NEIGHBORHOOD, {
      ids: ['mark-zuckerberg'],
      filter: { sourceIds: ['Not An Id'] },
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/sourceIds/);
    const badExport = await fetch(`${product.url}/export/jsonl?sourceIds=Not%20An%20Id`);
    expect(badExport.status).toBe(400);
  });

  it('the timeline places the meeting by the evidence in view', async () => {
    const { timeline } = await ok<{
      timeline: { from: string; to: string; relationship: { id: string; certainty: string } | null }[];
    }>(product.url, TIMELINE, { filter: { minCertainty: 'CONFIRMED', publishedTo: '2024-03-01' } });
    const items = timeline.filter((t) => t.relationship?.id === MEETING);
    // Only the confirmed 2013/2014 quote passes: the meeting sits in 2013–2014, not in 2024.
    expect(items.map((t) => [t.from, t.to, t.relationship!.certainty])).toEqual([
      ['2013-01-01', '2014-12-31', 'CONFIRMED'],
    ]);
  });

  it('rateSource needs an editor, names an unknown source and refuses a bad grade, writing nothing', async () => {
    const anonymous = await gql(product.url, RATE, { id: yonhap.id, reliability: 'A' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const reader = await gql(product.url, RATE, { id: yonhap.id, reliability: 'A' }, product.readerToken);
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await gql(product.url, RATE, { id: 'no-such-source', reliability: 'A' }, editor());
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(unknown.errors?.[0]?.message).toContain('no-such-source');
    const bad = await gql(product.url, RATE, { id: yonhap.id, reliability: 'G' }, editor());
    expect(bad.errors?.[0]?.message).toMatch(/SourceReliability/);
    const { sources } = await ok<{ sources: { id: string; reliability: string }[] }>(
      product.url,
      '{ sources { id reliability } }',
    );
    expect(sources.find((s) => s.id === yonhap.id)?.reliability).toBe('B');
    expect(sources.find((s) => s.id === denial.id)?.reliability).toBe('F');
  });

  it('evidence input is checked: a bad stance or event date is refused and nothing is added', async () => {
    const before = (await meetingIn({}))!;
    const badDate = await gql(
      product.url,
      ADD_EVIDENCE,
      {
        id: MEETING,
        evidence: { quote: 'x', certainty: 'REPORTED', occurredAt: 'last week', sourceId: yonhap.id },
      },
      editor(),
    );
    expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badDate.errors?.[0]?.message).toMatch(/occurredAt/);
    const badStance = await gql(
      product.url,
      ADD_EVIDENCE,
      { id: MEETING, evidence: { quote: 'x', certainty: 'REPORTED', stance: 'MAYBE', sourceId: yonhap.id } },
      editor(),
    );
    expect(badStance.errors?.[0]?.message).toMatch(/Stance/);
    expect((await meetingIn({}))!.version).toBe(before.version);
  });
});
