// Article ingest through HTTP on a real Neo4j: propose (Korean, English, a saved HTML page) stores a
// proposal and leaves the graph as it was; accept all / some / after edits writes it in one transaction
// with its audit entry; a second source corroborates a known relationship; re-proposing the same text adds
// no duplicate; reject writes nothing; every bad-input class is BAD_USER_INPUT and writes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { evidenceRecord } from '../../server/graph/records.ts';
import { graphCounts, graphHash, testDriver } from '../helpers/db.ts';
import { errorCode, gql, startProductForTests, type TestProduct } from '../helpers/product.ts';
import { ok, RELATIONSHIP, UNHURRIED, type RelationshipView } from '../helpers/api.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/ingest');
const article = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

const PROPOSAL = `id status text format language createdBy
  source { id title publisher publishedAt language }
  entities { key name nameKo kind confidence mentions { start end } entity { id name } }
  claims { id type quote span { start end } translation attributedTo certainty stance cue occurredAt confidence status
    from { key entity { id } name } to { key entity { id } name } }`;
const PROPOSE = `mutation ($input: ProposeClaimsInput!) { proposeClaims(input: $input) { ${PROPOSAL} } }`;
const ACCEPT = `mutation ($id: ID!, $claimIds: [ID!]) { acceptProposal(id: $id, claimIds: $claimIds) {
  createdEntities createdRelationships addedEvidence proposal { ${PROPOSAL} } } }`;
const REJECT = `mutation ($id: ID!) { rejectProposal(id: $id) { ${PROPOSAL} } }`;
const UPDATE_CLAIM = `mutation ($id: ID!, $claimId: ID!, $patch: ProposedClaimPatch!) {
  updateProposalClaim(id: $id, claimId: $claimId, patch: $patch) { ${PROPOSAL} } }`;
const UPDATE_ENTITY = `mutation ($id: ID!, $key: ID!, $patch: ProposedEntityPatch!) {
  updateProposalEntity(id: $id, key: $key, patch: $patch) { ${PROPOSAL} } }`;
const PROPOSALS = `query ($status: ProposalStatus) { proposals(status: $status, first: 200) { id status } }`;
const ONE = `query ($id: ID!) { proposal(id: $id) { ${PROPOSAL} } }`;
const RELATIONSHIP_QUERY = `query ($id: ID!) { relationship(id: $id) { ${RELATIONSHIP} } }`;
const AUDIT = `query ($targetId: String) { auditTrail(targetId: $targetId) { action actor targetId after } }`;
const SEARCH = `query ($text: String!) { search(text: $text) { entity { id name nameKo kind } } }`;

interface Entity {
  key: string;
  name: string;
  nameKo: string | null;
  kind: string;
  confidence: number;
  mentions: { start: number; end: number }[];
  entity: { id: string; name: string } | null;
}
interface Claim {
  id: string;
  type: string;
  quote: string;
  span: { start: number; end: number };
  translation: string | null;
  attributedTo: string;
  certainty: string;
  stance: string;
  cue: string | null;
  occurredAt: string | null;
  confidence: number;
  status: string;
  from: { key: string; entity: { id: string } | null; name: string };
  to: { key: string; entity: { id: string } | null; name: string };
}
interface Proposal {
  id: string;
  status: string;
  text: string;
  format: string;
  language: string;
  source: { id: string; title: string; publisher: string; publishedAt: string; language: string };
  entities: Entity[];
  claims: Claim[];
}
interface AcceptResult {
  createdEntities: number;
  createdRelationships: number;
  addedEvidence: number;
  proposal: Proposal;
}

const KO_SOURCE = {
  title: 'SK하이닉스, 엔비디아에 HBM3E 공급 시작',
  publisher: '테크브리프',
  author: '김하늘',
  publishedAt: '2024-03-19',
};
const EN_SOURCE = {
  title: "Meta's Zuckerberg meets LG and Samsung chiefs",
  publisher: 'Tech Wire',
  publishedAt: '2024-02-28',
};

let product: TestProduct;
let uri: string;

beforeAll(async () => {
  uri = inject('neo4jUri');
  product = await startProductForTests(uri, { env: { ...UNHURRIED, LINKAGE_RESPONSE_CACHE_TTL_MS: '0' } });
});
afterAll(async () => {
  await product?.close();
});

const propose = async (text: string, source: Record<string, unknown>) =>
  (
    await ok<{ proposeClaims: Proposal }>(
      product.url,
      PROPOSE,
      { input: { text, source } },
      product.editorToken,
    )
  ).proposeClaims;
const accept = async (id: string, claimIds: string[] | null = null) =>
  (await ok<{ acceptProposal: AcceptResult }>(product.url, ACCEPT, { id, claimIds }, product.editorToken))
    .acceptProposal;
const relationship = async (id: string) =>
  (await ok<{ relationship: RelationshipView | null }>(product.url, RELATIONSHIP_QUERY, { id })).relationship;
const generation = async () =>
  ((await (await fetch(`${product.url}/ready`)).json()) as { generation: number }).generation;
const proposalCount = async () =>
  (await ok<{ proposals: unknown[] }>(product.url, PROPOSALS, {})).proposals.length;

function expectExactSpans(p: Proposal) {
  expect(p.claims.length).toBeGreaterThan(0);
  for (const c of p.claims) expect(p.text.slice(c.span.start, c.span.end)).toBe(c.quote);
  for (const e of p.entities) for (const m of e.mentions) expect(m.end).toBeGreaterThan(m.start);
}

const claimOf = (p: Proposal, from: string, type: string, to: string) =>
  p.claims.find(
    (c) =>
      (c.from.entity?.id ?? c.from.name) === from && c.type === type && (c.to.entity?.id ?? c.to.name) === to,
  );

describe('proposeClaims stores a proposal and leaves the graph untouched', () => {
  it('Korean: links particles-attached names, proposes new entities, keeps HBM3E apart from HBM3', async () => {
    const before = await graphHash(uri);
    const p = await propose(article('ko-hbm3e-sk-hynix.txt'), KO_SOURCE);
    expect(await graphHash(uri)).toBe(before);
    expect(p).toMatchObject({ status: 'PENDING', format: 'TEXT', language: 'ko' });
    expect(p.text).toBe(article('ko-hbm3e-sk-hynix.txt'));
    expectExactSpans(p);
    const byName = new Map(p.entities.map((e) => [e.name, e]));
    expect(byName.get('Nvidia')?.entity?.id).toBe('nvidia');
    expect(byName.get('HBM3E')?.entity).toBeNull();
    expect(byName.get('HBM3')?.entity?.id).toBe('hbm3');
    expect(byName.get('H200')?.entity).toBeNull();
    expect(byName.get('Nvidia H100')?.entity?.id).toBe('nvidia-h100');
    for (const m of byName.get('HBM3E')!.mentions) expect(p.text.slice(m.start, m.end)).toBe('HBM3E');
    const speculative = claimOf(p, 'samsung-electronics', 'MAY_SUPPLY', 'nvidia');
    expect(speculative).toMatchObject({ certainty: 'SPECULATIVE', cue: '가능성' });
    const dated = p.claims.find((c) => c.type === 'PRODUCES' && c.from.name === 'SK하이닉스');
    expect(dated).toMatchObject({
      occurredAt: '2024-03-19',
      certainty: 'CONFIRMED',
      attributedTo: 'SK하이닉스',
    });
    const stored = (await ok<{ proposal: Proposal }>(product.url, ONE, { id: p.id })).proposal;
    expect(stored).toEqual(p);
  });

  it('English: attribution, certainty from the hedge, the event date from the publication date', async () => {
    const p = await propose(article('en-zuckerberg-seoul-meetings.txt'), EN_SOURCE);
    expect(p.language).toBe('en');
    expectExactSpans(p);
    expect(claimOf(p, 'mark-zuckerberg', 'MET_WITH', 'cho-joo-wan')).toMatchObject({
      certainty: 'CONFIRMED',
      occurredAt: '2024-02-28',
    });
    expect(claimOf(p, 'mark-zuckerberg', 'MET_WITH', 'lee-jae-yong')).toMatchObject({
      certainty: 'REPORTED',
      attributedTo: 'people familiar with the matter',
    });
    // The graph says a hedged supply as MAY_SUPPLY: the proposal uses the graph's own type.
    expect(claimOf(p, 'samsung-electronics', 'MAY_SUPPLY', 'meta')).toMatchObject({
      certainty: 'SPECULATIVE',
      cue: 'may',
    });
  });

  it('a saved HTML page: the article body is extracted, navigation and scripts are not', async () => {
    const body = article('en-samsung-hbm3e-nvidia.txt')
      .split('\n\n')
      .map((para, i) => (i === 0 ? `<h1>${para}</h1>` : `<p>${para}</p>`))
      .join('\n');
    const html = `<!doctype html><html><head><title>Chip Daily</title><script>var tracking = "Samsung buys Nvidia";</script></head>
      <body><nav><a href="/">Home</a> <a href="/chips">Chips</a> Subscribe to Chip Daily newsletter</nav>
      <article>${body}</article><footer>© Chip Daily. All rights reserved. Contact us.</footer></body></html>`;
    const p = await propose(html, {
      title: 'Samsung races SK Hynix',
      publisher: 'Chip Daily',
      publishedAt: '2024-03-27',
    });
    expect(p.format).toBe('HTML');
    expect(p.text).toContain('SK Hynix began mass production of HBM3E this month');
    expect(p.text).not.toContain('tracking');
    expect(p.text).not.toContain('All rights reserved');
    expectExactSpans(p);
    expect(p.entities.find((e) => e.name === 'HBM3E')?.entity).toBeNull();
  });
});

describe('acceptProposal writes the graph in one transaction with its audit entry', () => {
  it('accept all: new entities, relationships with their quotes, an audit entry; the proposal is closed', async () => {
    const before = await graphCounts(uri);
    const p = await propose(article('ko-hbm3e-sk-hynix.txt'), KO_SOURCE);
    const result = await accept(p.id);
    const newEntities = new Set(
      p.claims
        .flatMap((c) => [c.from, c.to])
        .filter((e) => !e.entity)
        .map((e) => e.key),
    );
    expect(result.createdEntities).toBe(newEntities.size);
    expect(result.createdRelationships).toBeGreaterThan(0);
    expect(result.proposal.status).toBe('ACCEPTED');
    expect(result.proposal.claims.every((c) => c.status === 'ACCEPTED')).toBe(true);
    const after = await graphCounts(uri);
    expect(after.entities - before.entities).toBe(newEntities.size);
    expect(after.relationships - before.relationships).toBe(result.createdRelationships);
    expect(after.evidence - before.evidence).toBe(result.addedEvidence);
    expect(after.sources - before.sources).toBe(1);

    const hbm3e = result.proposal.entities.find((e) => e.name === 'HBM3E')!;
    expect(hbm3e.entity?.id).toBe('hbm3e');
    const claim = claimOf(p, 'samsung-electronics', 'MAY_SUPPLY', 'nvidia')!;
    const stored = await relationship('samsung-electronics:MAY_SUPPLY:nvidia');
    expect(stored?.certainty).toBe('SPECULATIVE');
    expect(stored?.evidence).toEqual([
      expect.objectContaining({
        quote: claim.quote,
        attributedTo: claim.attributedTo,
        certainty: 'SPECULATIVE',
        source: expect.objectContaining({ id: p.source.id, publishedAt: '2024-03-19' }),
      }),
    ]);
    // A new entity is findable at once, by the name the article used.
    const hits = (
      await ok<{ search: { entity: { id: string } }[] }>(product.url, SEARCH, { text: 'SK하이닉스' })
    ).search;
    expect(hits.map((h) => h.entity.id)).toContain(
      result.proposal.entities.find((e) => e.name === 'SK하이닉스')!.entity!.id,
    );
    const audit = (
      await ok<{ auditTrail: { action: string; actor: string; after: string }[] }>(
        product.url,
        AUDIT,
        { targetId: p.id },
        product.readerToken, // the audit trail is shown to token holders only
      )
    ).auditTrail;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'acceptProposal', actor: 'test-editor' });
    expect(JSON.parse(audit[0]!.after)).toMatchObject({
      addedEvidence: result.addedEvidence,
      createdEntities: newEntities.size,
    });

    // Accepting twice is refused and writes nothing.
    const hash = await graphHash(uri);
    const again = await gql(product.url, ACCEPT, { id: p.id }, product.editorToken);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(await graphHash(uri)).toBe(hash);
  });

  it('a denial is proposed DENIES and accepted as denying evidence; the analyst can change a stance', async () => {
    const text =
      'Chip deals\n\nSamsung Electronics denied that it supplies chips to Apple.\n\nLG Electronics denied that it buys chips from Nvidia.';
    const p = await propose(text, {
      title: 'Chip deals denied',
      publisher: 'Denial Wire',
      publishedAt: '2024-04-02',
    });
    const supplies = claimOf(p, 'samsung-electronics', 'SUPPLIES', 'apple')!;
    const buys = claimOf(p, 'lg-electronics', 'BUYS', 'nvidia')!;
    expect([supplies.stance, buys.stance]).toEqual(['DENIES', 'DENIES']);
    const edited = (
      await ok<{ updateProposalClaim: Proposal }>(
        product.url,
        UPDATE_CLAIM,
        { id: p.id, claimId: buys.id, patch: { stance: 'SUPPORTS' } },
        product.editorToken,
      )
    ).updateProposalClaim;
    expect(edited.claims.find((c) => c.id === buys.id)!.stance).toBe('SUPPORTS');
    await accept(p.id);
    const denied = await relationship('samsung-electronics:SUPPLIES:apple');
    expect(denied!.evidence.map((e) => e.stance)).toEqual(['DENIES']);
    expect(denied!.disputed).toBe(true);
    const supported = await relationship('lg-electronics:BUYS:nvidia');
    expect(supported!.evidence.map((e) => e.stance)).toEqual(['SUPPORTS']);
    expect(supported!.disputed).toBe(false);
  });

  it('the same text proposed and accepted again links to what it created and adds no duplicate', async () => {
    const before = await graphCounts(uri);
    const hash = await graphHash(uri);
    const p = await propose(article('ko-hbm3e-sk-hynix.txt'), KO_SOURCE);
    expect(p.entities.find((e) => e.name === 'HBM3E')?.entity?.id).toBe('hbm3e');
    const result = await accept(p.id);
    expect(result).toMatchObject({ createdEntities: 0, createdRelationships: 0, addedEvidence: 0 });
    expect(await graphCounts(uri)).toEqual({ ...before, audit: before.audit + 1 });
    expect(await graphHash(uri)).toBe(hash);
  });

  it('accept some: a second source corroborates a known meeting (evidence added, nothing duplicated)', async () => {
    const before = await graphCounts(uri);
    const known = await relationship('mark-zuckerberg:MET_WITH:cho-joo-wan');
    const p = await propose(article('en-zuckerberg-seoul-meetings.txt'), EN_SOURCE);
    const met = claimOf(p, 'mark-zuckerberg', 'MET_WITH', 'cho-joo-wan')!;
    const result = await accept(p.id, [met.id]);
    expect(result).toMatchObject({ createdEntities: 0, createdRelationships: 0, addedEvidence: 1 });
    expect(result.proposal.claims.filter((c) => c.status === 'ACCEPTED').map((c) => c.id)).toEqual([met.id]);
    const corroborated = await relationship('mark-zuckerberg:MET_WITH:cho-joo-wan');
    expect(corroborated!.evidence).toHaveLength(known!.evidence.length + 1);
    expect(new Set(corroborated!.evidence.map((e) => e.source.id)).size).toBe(2);
    expect(corroborated!.version).toBe(known!.version + 1);
    const after = await graphCounts(uri);
    expect(after).toMatchObject({
      entities: before.entities,
      relationships: before.relationships,
      evidence: before.evidence + 1,
    });
  });

  it('edit then accept: the type, ends, certainty, translation, date and entity link the analyst chose', async () => {
    const p = await propose(article('en-samsung-hbm3e-nvidia.txt'), {
      title: 'Samsung races SK Hynix',
      publisher: 'Chip Daily',
      publishedAt: '2024-03-27',
    });
    const hynix = p.entities.find((e) => e.name === 'SK Hynix')!;
    const sk = p.entities.find((e) => e.name === 'SK하이닉스' || e.entity?.id === 'new-skhainikseu');
    expect(sk).toBeUndefined();
    // "SK Hynix" is the entity the Korean article created: the analyst links it instead of a duplicate.
    const created = (
      await ok<{ search: { entity: { id: string; name: string } }[] }>(product.url, SEARCH, {
        text: 'SK하이닉스',
      })
    ).search[0]!.entity;
    let edited = (
      await ok<{ updateProposalEntity: Proposal }>(
        product.url,
        UPDATE_ENTITY,
        { id: p.id, key: hynix.key, patch: { entityId: created.id } },
        product.editorToken,
      )
    ).updateProposalEntity;
    expect(edited.entities.find((e) => e.key === hynix.key)?.entity?.id).toBe(created.id);
    const micron = edited.entities.find((e) => e.name === 'Micron Technology')!;
    edited = (
      await ok<{ updateProposalEntity: Proposal }>(
        product.url,
        UPDATE_ENTITY,
        { id: p.id, key: micron.key, patch: { name: 'Micron', kind: 'Organization' } },
        product.editorToken,
      )
    ).updateProposalEntity;
    const claim = edited.claims.find((c) => c.type === 'SUPPLIES' && c.from.key === hynix.key)!;
    edited = (
      await ok<{ updateProposalClaim: Proposal }>(
        product.url,
        UPDATE_CLAIM,
        {
          id: p.id,
          claimId: claim.id,
          patch: {
            type: 'SUPPLIES_MEMORY_TO',
            certainty: 'REPORTED',
            translation: 'SK하이닉스 supplies Nvidia',
            occurredAt: '2024-03',
          },
        },
        product.editorToken,
      )
    ).updateProposalClaim;
    expect(edited.claims.find((c) => c.id === claim.id)).toMatchObject({
      type: 'SUPPLIES_MEMORY_TO',
      certainty: 'REPORTED',
      occurredAt: '2024-03',
    });
    const produces = edited.claims.find((c) => c.from.key === micron.key && c.type === 'PRODUCES')!;
    const result = await accept(p.id, [claim.id, produces.id]);
    expect(result.createdEntities).toBe(1);
    const stored = await relationship(`${created.id}:SUPPLIES_MEMORY_TO:nvidia`);
    expect(stored).toMatchObject({ certainty: 'REPORTED', occurredAt: '2024-03' });
    expect(stored!.evidence[0]).toMatchObject({
      quote: claim.quote,
      translation: 'SK하이닉스 supplies Nvidia',
    });
    expect(await relationship('micron:PRODUCES:hbm3e')).not.toBeNull();
    // The stored evidence is, to the character, what every other writer stores (records.ts builds the
    // shape once; the accept statement only joins the parts the proposer stored, edited above).
    const driver = testDriver(uri);
    try {
      const { records } = await driver.executeQuery(
        'MATCH ()-[r]->() WHERE r.id = $id RETURN r.evidence AS evidence, r.evRank AS ranks',
        { id: `${created.id}:SUPPLIES_MEMORY_TO:nvidia` },
      );
      const [raw] = records[0]!.get('evidence') as string[];
      const parsed = JSON.parse(raw!) as Parameters<typeof evidenceRecord>[0] & { sourceId: string };
      expect(parsed).toMatchObject({ certainty: 'REPORTED', occurredAt: '2024-03', addedBy: 'test-editor' });
      const expected = evidenceRecord(
        {
          quote: claim.quote,
          // A proposed claim quotes its whole sentence, so that sentence is stored with it.
          sentence: claim.quote,
          translation: 'SK하이닉스 supplies Nvidia',
          attributedTo: claim.attributedTo,
          certainty: 'REPORTED',
          occurredAt: '2024-03',
        },
        p.source.id,
        { at: parsed.addedAt!, by: 'test-editor' },
      );
      expect(raw).toBe(expected.json);
      expect(records[0]!.get('ranks').map(Number)).toEqual([expected.rank]);
    } finally {
      await driver.close();
    }
  });

  it('reject writes nothing to the graph and closes the proposal', async () => {
    const p = await propose(article('ko-lg-meta-xr.txt'), {
      title: 'LG전자, 메타와 XR',
      publisher: '테크브리프',
      publishedAt: '2024-03-05',
    });
    const hash = await graphHash(uri);
    const rejected = (
      await ok<{ rejectProposal: Proposal }>(product.url, REJECT, { id: p.id }, product.editorToken)
    ).rejectProposal;
    expect(rejected.status).toBe('REJECTED');
    expect(rejected.claims.every((c) => c.status === 'REJECTED')).toBe(true);
    expect(await graphHash(uri)).toBe(hash);
    expect(errorCode(await gql(product.url, ACCEPT, { id: p.id }, product.editorToken))).toBe('CONFLICT');
    const pending = (await ok<{ proposals: { id: string }[] }>(product.url, PROPOSALS, { status: 'PENDING' }))
      .proposals;
    expect(pending.map((x) => x.id)).not.toContain(p.id);
    expect(await graphHash(uri)).toBe(hash);
  });
});

describe('bad input is BAD_USER_INPUT with a message that says what to do, and writes nothing', () => {
  const cases: [string, string, Record<string, unknown>, RegExp][] = [
    ['empty text', '   \n ', KO_SOURCE, /empty/],
    ['more than 200,000 characters', 'Samsung said it met Nvidia. '.repeat(8000), EN_SOURCE, /200,000/],
    ['binary', `PK\u0003\u0004\u0000\u0000${'\u0001'.repeat(40)} Samsung`, EN_SOURCE, /binary/],
    [
      'HTML with no article body',
      '<html><body><nav>Home | About</nav><footer>©</footer></body></html>',
      EN_SOURCE,
      /no article body/,
    ],
    [
      'unknown language',
      'Le groupe a annoncé hier une nouvelle puce pour les centres de données, selon le journal.',
      EN_SOURCE,
      /neither Korean nor English/,
    ],
    [
      'unsupported language given',
      'Samsung said it met Nvidia.',
      { ...EN_SOURCE, language: 'fr' },
      /"ko" or "en"/,
    ],
    [
      'a bad publication date',
      'Samsung said it met Nvidia.',
      { ...EN_SOURCE, publishedAt: '2024-02-30' },
      /YYYY-MM-DD/,
    ],
    ['an empty publisher', 'Samsung said it met Nvidia.', { ...EN_SOURCE, publisher: ' ' }, /publisher/],
  ];
  it.each(cases)('%s', async (_name, text, source, message) => {
    const hash = await graphHash(uri);
    const count = await proposalCount();
    const response = await gql(product.url, PROPOSE, { input: { text, source } }, product.editorToken);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(message);
    expect(await proposalCount()).toBe(count);
    expect(await graphHash(uri)).toBe(hash);
  });

  it('without an editor token nothing is proposed', async () => {
    const count = await proposalCount();
    const response = await gql(product.url, PROPOSE, {
      input: { text: 'Samsung said it met Nvidia.', source: EN_SOURCE },
    });
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
    expect(await proposalCount()).toBe(count);
  });

  it('accept with an unknown claim, an empty list, or edits naming unknown entities write nothing', async () => {
    const p = await propose(article('en-zuckerberg-seoul-meetings.txt'), { ...EN_SOURCE, title: 'again' });
    const hash = await graphHash(uri);
    // A refused write must not move the graph generation either: that would empty every replica's cache.
    const generationBefore = await generation();
    expect(
      errorCode(await gql(product.url, ACCEPT, { id: p.id, claimIds: ['claim-nope'] }, product.editorToken)),
    ).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(product.url, ACCEPT, { id: p.id, claimIds: [] }, product.editorToken))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await gql(product.url, ACCEPT, { id: 'proposal-nope' }, product.editorToken))).toBe(
      'NOT_FOUND',
    );
    const claim = p.claims[0]!;
    const badEnds = await gql(
      product.url,
      UPDATE_CLAIM,
      { id: p.id, claimId: claim.id, patch: { toKey: 'nobody' } },
      product.editorToken,
    );
    expect(errorCode(badEnds)).toBe('BAD_USER_INPUT');
    const sameEnds = await gql(
      product.url,
      UPDATE_CLAIM,
      { id: p.id, claimId: claim.id, patch: { toKey: claim.from.key } },
      product.editorToken,
    );
    expect(errorCode(sameEnds)).toBe('BAD_USER_INPUT');
    const badType = await gql(
      product.url,
      UPDATE_CLAIM,
      { id: p.id, claimId: claim.id, patch: { type: 'met with; DROP' } },
      product.editorToken,
    );
    expect(errorCode(badType)).toBe('BAD_USER_INPUT');
    const badLink = await gql(
      product.url,
      UPDATE_ENTITY,
      { id: p.id, key: p.entities[0]!.key, patch: { entityId: 'no-such-entity' } },
      product.editorToken,
    );
    expect(errorCode(badLink)).toBe('NOT_FOUND');
    const unchanged = (await ok<{ proposal: Proposal }>(product.url, ONE, { id: p.id })).proposal;
    expect(unchanged).toEqual(p);
    expect(await graphHash(uri)).toBe(hash);
    expect(await generation()).toBe(generationBefore);
  });

  it('accepting or editing a closed proposal is a CONFLICT that leaves the generation where it was', async () => {
    const p = await propose(article('en-zuckerberg-seoul-meetings.txt'), { ...EN_SOURCE, title: 'closed' });
    await ok(product.url, REJECT, { id: p.id }, product.editorToken);
    const generationBefore = await generation();
    expect(errorCode(await gql(product.url, ACCEPT, { id: p.id }, product.editorToken))).toBe('CONFLICT');
    const edit = await gql(
      product.url,
      UPDATE_CLAIM,
      { id: p.id, claimId: p.claims[0]!.id, patch: { certainty: 'CONFIRMED' } },
      product.editorToken,
    );
    expect(errorCode(edit)).toBe('CONFLICT');
    expect(await generation()).toBe(generationBefore);
  });
});
