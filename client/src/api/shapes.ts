// The API's data as the client receives it. Every shape is derived from the generated operation types
// (client/src/api/generated/, from the SDL and operations.ts), so a field the SDL or a query changes
// changes here too; nothing is written by hand.
import {
  Certainty as CertaintyValues,
  EntityKind as EntityKindValues,
  ErrorCode as ErrorCodeValues,
  SourceReliability as SourceReliabilityValues,
  Stance as StanceValues,
} from './generated/enums.ts';
import type {
  EntityDetailsQuery,
  EntityFieldsFragment,
  EvidenceFieldsFragment,
  ExpansionPreviewQuery,
  FindPathsQuery,
  MergeEntitiesMutation,
  NeighborhoodQuery,
  RelationshipEvidenceQuery,
  RelationshipFieldsFragment,
  SavedViewsQuery,
  SearchClaimsQuery,
  SearchEntitiesQuery,
} from './generated/operations.ts';

export type { Certainty, Clock, ErrorCode, SourceReliability } from './generated/enums.ts';
export type {
  CreateEntityInput,
  CreateRelationshipInput,
  EntityPatch,
  GraphFilter,
  SourceInput,
} from './generated/operations.ts';

/** Strongest first, as the SDL lists them. */
export const CERTAINTIES = Object.values(CertaintyValues);
/** Most reliable first (A … F, F = unrated). */
export const SOURCE_RELIABILITIES = Object.values(SourceReliabilityValues);
export const STANCES = Object.values(StanceValues);
export const ENTITY_KINDS = Object.values(EntityKindValues);
export const ERROR_CODES = Object.values(ErrorCodeValues);

export type Entity = EntityFieldsFragment;
/** A relationship as the canvas holds it: its evidence as facts only (what the filters act on). */
export type Relationship = RelationshipFieldsFragment;
/** One piece of a relationship's evidence on the canvas, without its words. */
export type EvidenceFact = Relationship['evidence'][number];
/** One piece of evidence in full (quote, translation, attribution, source), read on demand. */
export type Evidence = EvidenceFieldsFragment;
export type Source = Evidence['source'];
/** A relationship's evidence as Query.evidence answers it. */
export type RelationshipEvidence = RelationshipEvidenceQuery['evidence'][number];
export type Subgraph = NeighborhoodQuery['neighborhood'];
export type PathResult = FindPathsQuery['paths'][number];
export type SearchHit = SearchEntitiesQuery['search'][number];
/** A relationship found by the words of its evidence (quote or translation). */
export type ClaimHit = SearchClaimsQuery['searchClaims'][number];
export type ExpansionPreview = ExpansionPreviewQuery['expansionPreview'];
export type EntityWithNotes = NonNullable<EntityDetailsQuery['entity']>;
export type Note = EntityWithNotes['notes'][number];
export type MergeResult = MergeEntitiesMutation['mergeEntities'];

/** A named explorer view shared through the server (Query.savedViews). */
export type SavedView = SavedViewsQuery['savedViews'][number];
