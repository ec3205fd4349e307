// The read scenarios (S1–S6): for each, one request generator per peer, all drawing the same sequence of
// entities, pairs and prefixes from a seeded PRNG so the peers answer the same questions.
import { FIND_PATHS, NEIGHBORHOOD, SEARCH_ENTITIES } from '../client/src/api/operations.ts';
import { Kind, parse, type SelectionSetNode } from 'graphql';
import { isEvidenceFact } from '../server/graph/repository.ts';
import { buildSearchQuery } from '../server/graph/search.ts';
import { entityAt, mulberry32 } from './generator.ts';
import type { LoadRequest } from './load.ts';

export type ScenarioId = 'S1' | 'S2' | 'S3' | 'S4' | 'S5' | 'S6';
export type Peer = 'linkage' | 'linkage-cached' | 'linkage-baseline' | 'raw' | 'neo4j-graphql' | 'floor';

/** Peers that speak Linkage's own API (the baseline is an earlier commit of Linkage, see --baseline). */
const isLinkage = (peer: Peer) =>
  peer === 'linkage' || peer === 'linkage-cached' || peer === 'linkage-baseline';

/** Entities 0..HUB_COUNT-1 are the generator's named hubs. */
const HUB_COUNT = 16;
/** Share of requests that start at a hub: analysts open the big names often. */
const HUB_SHARE = 0.1;
export const NEIGHBOURHOOD_LIMIT = 300;
/** The hub threshold Linkage runs with by default (LINKAGE_HUB_DEGREE); the peers apply the same rule. */
const HUB_DEGREE = 1000;

const ENTITY_SELECTION = 'id kind name nameKo aliases description occurredAt properties version';
const LINK_SELECTION =
  'id type fromId toId certaintyRank occurredFrom occurredTo sourceIds disputed properties version evidence ' +
  'evidenceIds evidenceRanks evidenceStances evidenceOccurredAt evidenceSourceIds';
const SOURCE_SELECTION = 'id title titleEn publisher author publishedAt language url reliability';
/** The leaves (dotted paths) the canvas's own query selects below a relationship's `evidence`. */
function canvasEvidenceLeaves(): string[] {
  const document = parse(NEIGHBORHOOD);
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
  const leaves: string[] = [];
  const walk = (set: SelectionSetNode | undefined, prefix: string, inEvidence: boolean) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FRAGMENT_SPREAD)
        walk(fragments.get(s.name.value)?.selectionSet, prefix, inEvidence);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet, prefix, inEvidence);
      else if (inEvidence && !s.selectionSet) leaves.push(`${prefix}${s.name.value}`);
      else if (inEvidence) walk(s.selectionSet, `${prefix}${s.name.value}.`, true);
      else walk(s.selectionSet, '', s.name.value === 'evidence');
    }
  };
  for (const d of document.definitions)
    if (d.kind === Kind.OPERATION_DEFINITION) walk(d.selectionSet, '', false);
  return leaves;
}

/**
 * What of evidence the peers return: what the canvas's own query asks Linkage for, the same question —
 * nothing, the facts (id, certainty, stance, event date, source: the lists beside the stored JSON), or
 * the stored JSON.
 */
export const CANVAS_EVIDENCE: 'NONE' | 'FACTS' | 'TEXT' = (() => {
  const leaves = canvasEvidenceLeaves();
  if (leaves.length === 0) return 'NONE';
  return leaves.every((leaf) => isEvidenceFact(leaf) || leaf.endsWith('__typename')) ? 'FACTS' : 'TEXT';
})();

export interface Workload {
  entityId(): string;
  pair(): [string, string];
  prefix(): string;
}

export function workload(entities: number, graphSeed: number, requestSeed: number): Workload {
  const r = mulberry32(requestSeed);
  const index = () =>
    r() < HUB_SHARE ? Math.floor(r() * Math.min(HUB_COUNT, entities)) : Math.floor(r() * entities);
  return {
    entityId: () => entityAt(graphSeed, index()).id,
    pair: () => {
      const a = index();
      let b = index();
      if (b === a) b = (a + 1) % entities;
      return [entityAt(graphSeed, a).id, entityAt(graphSeed, b).id];
    },
    prefix: () => {
      const e = entityAt(graphSeed, Math.floor(r() * entities));
      // Half Korean (the first two syllables), half English (the first four letters): typeahead input.
      return r() < 0.5 && e.nameKo ? e.nameKo.slice(0, 2) : e.name.slice(0, 4);
    },
  };
}

/**
 * The baseline is asked the question its own explorer asked (its client's Neighborhood operation): an
 * earlier SDL may lack fields today's operation selects, and "the explorer's first hop, then and now" is
 * what a before/after compares.
 */
let baselineNeighborhood = NEIGHBORHOOD;
export function askBaselineWith(neighborhoodOperation: string): void {
  baselineNeighborhood = neighborhoodOperation;
}

const graphql = (query: string, variables: Record<string, unknown>): LoadRequest => ({
  path: '/graphql',
  body: { query, variables },
});

export function neighbourhoodRequest(peer: Peer, id: string, depth: 1 | 2): LoadRequest {
  if (peer === 'raw')
    return { path: '/neighborhood', body: { ids: [id], depth, limit: NEIGHBOURHOOD_LIMIT } };
  if (peer === 'floor') return { path: '/neighborhood', body: { id, depth, limit: NEIGHBOURHOOD_LIMIT } };
  if (peer === 'neo4j-graphql')
    return graphql(
      `query Neighbourhood($id: ID!, $depth: Int!, $limit: Int!, $hubDegree: Int!, $evidence: String!) {
        neighbourhood(id: $id, depth: $depth, limit: $limit, hubDegree: $hubDegree, evidence: $evidence) {
          total nodes { ${ENTITY_SELECTION} } links { ${LINK_SELECTION} } sources { ${SOURCE_SELECTION} }
        }
      }`,
      { id, depth, limit: NEIGHBOURHOOD_LIMIT, hubDegree: HUB_DEGREE, evidence: CANVAS_EVIDENCE },
    );
  const operation = peer === 'linkage-baseline' ? baselineNeighborhood : NEIGHBORHOOD;
  return graphql(operation, { ids: [id], depth, limit: NEIGHBOURHOOD_LIMIT });
}

export function pathsRequest(peer: Peer, fromId: string, toId: string): LoadRequest {
  if (peer === 'raw' || peer === 'floor')
    return { path: '/paths', body: { fromId, toId, maxLength: 4, first: 3 } };
  return graphql(FIND_PATHS, { fromId, toId, maxLength: 4, first: 3 });
}

export function searchRequest(peer: Peer, text: string): LoadRequest {
  if (peer === 'raw' || peer === 'floor') return { path: '/search', body: { text, first: 10 } };
  if (peer === 'neo4j-graphql') {
    const lucene = buildSearchQuery(text)?.lucene ?? 'name:x';
    return graphql(
      `query Search($lucene: String!) { searchEntities(lucene: $lucene, first: 10) { ${ENTITY_SELECTION} } }`,
      { lucene },
    );
  }
  return graphql(SEARCH_ENTITIES, { text, first: 10 });
}

/** Which peers run each scenario (S3: @neo4j/graphql has no shortest-path query; S6: cached vs uncached). */
export const SCENARIO_PEERS: Record<ScenarioId, Peer[]> = {
  S1: ['linkage', 'raw', 'neo4j-graphql', 'floor'],
  S2: ['linkage', 'raw', 'neo4j-graphql', 'floor'],
  S3: ['linkage', 'raw', 'floor'],
  S4: ['linkage', 'raw', 'neo4j-graphql', 'floor'],
  S5: ['linkage', 'raw', 'neo4j-graphql', 'floor'],
  S6: ['linkage-cached', 'linkage'],
};

/** The entity and relationship ids of a neighbourhood answer, whichever peer gave it (null: no answer). */
export function neighbourhoodIds(
  peer: Peer,
  body: unknown,
): { nodes: string[]; relationships: string[] } | null {
  const data = (body as { data?: Record<string, unknown> } | null)?.data;
  if (!data) return null;
  const ids = (list: unknown) => (Array.isArray(list) ? list.map((x: { id: string }) => x.id).sort() : []);
  if (peer === 'floor') {
    const d = data as { nodes: string[]; relationships: string[] };
    return { nodes: [...d.nodes].sort(), relationships: [...d.relationships].sort() };
  }
  if (peer === 'raw') {
    // find-neighborhood's rows as they come: (part, item), one entity or relationship per row.
    const rows = data as unknown as { part: string; item: unknown }[];
    const items = (part: string) => rows.filter((row) => row.part === part).map((row) => row.item);
    return { nodes: ids(items('node')), relationships: ids(items('relationship')) };
  }
  const n = (isLinkage(peer) ? data.neighborhood : data.neighbourhood) as {
    nodes: unknown;
    relationships?: unknown;
    links?: unknown;
  } | null;
  return n ? { nodes: ids(n.nodes), relationships: ids(n.relationships ?? n.links) } : null;
}

/** A request generator for one peer in one scenario; the same requestSeed gives every peer the same mix. */
export function generatorFor(
  scenario: ScenarioId,
  peer: Peer,
  entities: number,
  graphSeed: number,
  requestSeed: number,
): () => LoadRequest {
  const w = workload(entities, graphSeed, requestSeed);
  const r = mulberry32(requestSeed ^ 0x5bd1e995);
  switch (scenario) {
    case 'S1':
      return () => neighbourhoodRequest(peer, w.entityId(), 1);
    case 'S2':
      return () => neighbourhoodRequest(peer, w.entityId(), 2);
    case 'S3':
      return () => {
        const [a, b] = w.pair();
        return pathsRequest(peer, a, b);
      };
    case 'S4':
      return () => searchRequest(peer, w.prefix());
    case 'S5':
      // The mixed read workload of an analyst session: mostly 1-hop and typeahead, some 2-hop.
      return () => {
        const u = r();
        if (u < 0.5) return neighbourhoodRequest(peer, w.entityId(), 1);
        if (u < 0.7) return neighbourhoodRequest(peer, w.entityId(), 2);
        return searchRequest(peer, w.prefix());
      };
    case 'S6': {
      // Repeated questions: a small working set of neighbourhoods and searches asked again and again.
      const hot = Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0 ? neighbourhoodRequest(peer, w.entityId(), 1) : searchRequest(peer, w.prefix()),
      );
      return () => hot[Math.floor(r() * hot.length)]!;
    }
  }
}
