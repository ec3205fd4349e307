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
  ExpansionPreviewQuery,
  FindPathsQuery,
  MergeEntitiesMutation,
  NeighborhoodQuery,
  RelationshipFieldsFragment,
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
export type Relationship = RelationshipFieldsFragment;
export type Evidence = Relationship['evidence'][number];
export type Source = Evidence['source'];
export type Subgraph = NeighborhoodQuery['neighborhood'];
export type PathResult = FindPathsQuery['paths'][number];
export type SearchHit = SearchEntitiesQuery['search'][number];
export type ExpansionPreview = ExpansionPreviewQuery['expansionPreview'];
export type EntityWithNotes = NonNullable<EntityDetailsQuery['entity']>;
export type Note = EntityWithNotes['notes'][number];
export type MergeResult = MergeEntitiesMutation['mergeEntities'];
