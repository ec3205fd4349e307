// Plain data shapes returned by the GraphQL API (see server/graphql/schema.graphql).
export type Certainty = 'CONFIRMED' | 'REPORTED' | 'SPECULATIVE';
export type Clock = 'OCCURRED' | 'PUBLISHED';
export type Direction = 'OUT' | 'IN';
export type Stance = 'SUPPORTS' | 'DENIES';
/** Admiralty grade of a source, A (completely reliable) … E (unreliable), F (cannot be judged; unrated). */
export type SourceReliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

export interface Source {
  id: string;
  title: string;
  titleEn: string | null;
  publisher: string | null;
  author: string | null;
  publishedAt: string | null;
  language: string | null;
  url: string | null;
  reliability: SourceReliability;
  reliabilityReason: string | null;
}

export interface Evidence {
  id: string;
  quote: string;
  translation: string | null;
  /** The whole sentence the quote comes from (contains the quote), when recorded. */
  sentence: string | null;
  attributedTo: string | null;
  certainty: Certainty;
  stance: Stance;
  /** When the thing this quote is about happened (not the publication date). */
  occurredAt: string | null;
  source: Source;
}

export interface Entity {
  id: string;
  kind: string;
  name: string;
  nameKo: string | null;
  aliases: string[];
  description: string | null;
  occurredAt: string | null;
  properties: Record<string, unknown>;
  version: number;
}

export interface Relationship {
  id: string;
  type: string;
  fromId: string;
  toId: string;
  certainty: Certainty;
  occurredAt: string | null;
  /** Distinct sources among the evidence (as the server filtered it). */
  sourceCount: number;
  /** Some evidence denies the claim. */
  disputed: boolean;
  properties: Record<string, unknown>;
  evidence: Evidence[];
  version: number;
}

export interface Subgraph {
  nodes: Entity[];
  relationships: Relationship[];
  truncated: boolean;
  totalNodes: number;
}

export interface PathResult {
  nodes: Entity[];
  relationships: Relationship[];
}

export interface SearchHit {
  entity: Entity;
  score: number;
  matchedField: string | null;
  snippet: string | null;
}

/** A relationship found by the words of its evidence (quote or translation). */
export interface ClaimHit {
  score: number;
  evidence: { id: string; quote: string; translation: string | null };
  from: Entity;
  to: Entity;
  relationship: Relationship;
}

export interface ExpansionGroup {
  type: string;
  direction: Direction;
  count: number;
}

export interface ExpansionPreview {
  id: string;
  total: number;
  groups: ExpansionGroup[];
}

export interface Note {
  id: string;
  text: string;
  author: string;
  createdAt: string;
}

export interface GraphFilter {
  kinds?: string[];
  relationshipTypes?: string[];
  minCertainty?: Certainty;
  minSourceReliability?: SourceReliability;
  occurredFrom?: string;
  occurredTo?: string;
  includeUndated?: boolean;
  publishedFrom?: string;
  publishedTo?: string;
}

export interface CreateEntityInput {
  id?: string;
  kind: string;
  name: string;
  nameKo?: string;
  aliases?: string[];
  description?: string;
  occurredAt?: string;
}

export type EntityPatch = Partial<Omit<CreateEntityInput, 'id'>>;

export interface SourceInput {
  id: string;
  title: string;
  titleEn?: string;
  publisher?: string;
  author?: string;
  publishedAt?: string;
  language?: string;
  url?: string;
  reliability?: SourceReliability;
}

export interface EvidenceInput {
  quote: string;
  translation?: string;
  attributedTo?: string;
  certainty: Certainty;
  stance?: Stance;
  occurredAt?: string;
  sourceId?: string;
  source?: SourceInput;
}

export interface MergeResult {
  /** The merge record's id: pass it to unmergeEntities. */
  mergeId: string;
  entity: Entity;
  movedRelationships: number;
}

export interface CreateRelationshipInput {
  type: string;
  fromId: string;
  toId: string;
  occurredAt?: string;
  evidence: EvidenceInput[];
}
