// The graph's vocabulary, shared by the repository, the importer and the API. Plain data only. The value
// lists come from the SDL's enums (generated into server/generated/), so the API and the model cannot drift.
import {
  Certainty as CertaintyValues,
  EntityKind as EntityKindValues,
  SourceReliability as SourceReliabilityValues,
  Stance as StanceValues,
} from '../generated/schema-types.ts';

/** A non-empty tuple, as zod's `z.enum` wants it. */
const valuesOf = <T extends Record<string, string>>(values: T) =>
  Object.values(values) as [T[keyof T], ...T[keyof T][]];

export const ENTITY_KINDS = valuesOf(EntityKindValues);

/** Strongest first. */
export const CERTAINTIES = valuesOf(CertaintyValues);
export type Certainty = (typeof CERTAINTIES)[number];

/** Higher is stronger; a relationship's certainty is the strongest of its evidence. */
export const CERTAINTY_RANK: Record<Certainty, number> = { CONFIRMED: 3, REPORTED: 2, SPECULATIVE: 1 };
export const certaintyFromRank = (rank: number): Certainty =>
  rank >= 3 ? 'CONFIRMED' : rank === 2 ? 'REPORTED' : 'SPECULATIVE';

/**
 * Whether a piece of evidence supports the claim or a source denies or disputes it. A non-answer ("확인해
 * 줄 수 없다", "declined to comment") is neither: it is not evidence for or against, so it is not recorded.
 */
export const STANCES = valuesOf(StanceValues);
export type Stance = (typeof STANCES)[number];

/**
 * How far the analyst trusts a source, on the Admiralty (NATO) scale: A completely reliable, B usually
 * reliable, C fairly reliable, D not usually reliable, E unreliable, F reliability cannot be judged
 * (every unrated source). Independent of certainty, which is how the source words one claim.
 */
export const SOURCE_RELIABILITIES = valuesOf(SourceReliabilityValues);
export type SourceReliability = (typeof SOURCE_RELIABILITIES)[number];
/** Higher is more trusted; F (unrated) is the floor, so "at least F" keeps everything. */
export const RELIABILITY_RANK: Record<SourceReliability, number> = { A: 6, B: 5, C: 4, D: 3, E: 2, F: 1 };

export type PropertyValue = string | number | boolean | string[];
export type Properties = Record<string, PropertyValue>;

export interface Note {
  id: string;
  text: string;
  author: string;
  createdAt: string;
}

export interface Entity {
  id: string;
  kind: string;
  name: string;
  nameKo: string | null;
  aliases: string[];
  description: string | null;
  occurredAt: string | null;
  properties: Properties;
  version: number;
  deleted: boolean;
  mergedInto: string | null;
  notes: Note[];
  createdAt: string | null;
  updatedAt: string | null;
}

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
  /** The analyst's reason for the grade. */
  reliabilityReason: string | null;
}

export interface Evidence {
  id: string;
  quote: string;
  translation: string | null;
  attributedTo: string | null;
  certainty: Certainty;
  stance: Stance;
  /** When the thing this quote is about happened (not when it was reported). */
  occurredAt: string | null;
  sourceId: string;
  addedAt: string | null;
  addedBy: string | null;
}

/**
 * A relationship as one request sees it: `evidence` holds only the evidence that passed the request's
 * filter, and certainty, occurredAt, sourceCount and disputed are derived from that evidence alone.
 */
export interface Relationship {
  id: string;
  type: string;
  fromId: string;
  toId: string;
  certainty: Certainty;
  occurredAt: string | null;
  sourceCount: number;
  disputed: boolean;
  properties: Properties;
  evidence: Evidence[];
  version: number;
  deleted: boolean;
  notes: Note[];
}

/** Relationship ids are their natural key: at most one relationship of a type between two entities. */
export const relationshipId = (fromId: string, type: string, toId: string) => `${fromId}:${type}:${toId}`;

export function parseRelationshipId(id: string): { fromId: string; type: string; toId: string } | null {
  const match = /^([a-z0-9]+(?:-[a-z0-9]+)*):([A-Z][A-Z0-9_]*):([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(id);
  return match ? { fromId: match[1]!, type: match[2]!, toId: match[3]! } : null;
}
