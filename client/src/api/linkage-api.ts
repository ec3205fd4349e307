// Typed wrappers, one per operation: the state layer calls these and never builds GraphQL itself.
import { postExport, postGraphQL, type RequestOptions } from './graphql-client.ts';
import * as ops from './operations.ts';
import type {
  CreateEntityInput,
  CreateRelationshipInput,
  Entity,
  EntityPatch,
  ExpansionPreview,
  GraphFilter,
  MergeResult,
  Note,
  PathResult,
  Relationship,
  RelationshipEvidence,
  SavedView,
  SearchHit,
  ClaimHit,
  Source,
  SourceReliability,
  Subgraph,
} from './shapes.ts';

type Options = Pick<RequestOptions, 'signal' | 'token'>;

export interface NeighborhoodRequest {
  ids: string[];
  depth?: number;
  limit?: number;
  filter?: GraphFilter;
}

/** Saved views, shared by everyone through the server (kept apart from the graph's operations). */
export interface SavedViewsApi {
  savedViews(options?: Options): Promise<SavedView[]>;
  saveView(name: string, hash: string, options?: Options): Promise<SavedView>;
  deleteSavedView(name: string, options?: Options): Promise<boolean>;
}

/** The server's export formats an explorer view can be saved as (server/http/export.ts). */
export type ViewExportFormat = 'graphml' | 'gexf' | 'nodes.csv' | 'edges.csv' | 'evidence.csv';

/** What is on screen: its entities, its relationships and the filter its evidence is shown under. */
export interface ViewSelection {
  ids: string[];
  relationshipIds: string[];
  filter: GraphFilter;
}

export interface LinkageApi {
  search(text: string, options?: Options): Promise<SearchHit[]>;
  searchClaims(text: string, options?: Options): Promise<ClaimHit[]>;
  neighborhood(request: NeighborhoodRequest, options?: Options): Promise<Subgraph>;
  expansionPreview(
    id: string,
    excludeIds: string[],
    filter: GraphFilter,
    options?: Options,
  ): Promise<ExpansionPreview>;
  paths(fromId: string, toId: string, filter: GraphFilter, options?: Options): Promise<PathResult[]>;
  /** The evidence in full of these relationships (at most 5,000 ids), as `filter` sees it. */
  evidence(
    relationshipIds: string[],
    filter: GraphFilter | null,
    options?: Options,
  ): Promise<RelationshipEvidence[]>;
  entityDetails(id: string, options?: Options): Promise<(Entity & { notes: Note[] }) | null>;
  createEntity(input: CreateEntityInput, options?: Options): Promise<Entity>;
  updateEntity(id: string, version: number, patch: EntityPatch, options?: Options): Promise<Entity>;
  createRelationship(input: CreateRelationshipInput, options?: Options): Promise<Relationship>;
  mergeEntities(keepId: string, mergeId: string, options?: Options): Promise<MergeResult>;
  unmergeEntities(mergeRecordId: string, options?: Options): Promise<Entity[]>;
  deleteEntity(id: string, version: number, options?: Options): Promise<Entity>;
  restoreEntity(id: string, options?: Options): Promise<Entity>;
  sources(options?: Options): Promise<Source[]>;
  rateSource(
    id: string,
    reliability: SourceReliability,
    reason: string | null,
    options?: Options,
  ): Promise<Source>;
  exportView(format: ViewExportFormat, view: ViewSelection, options?: Options): Promise<Blob>;
}

export const savedViewsApi: SavedViewsApi = {
  async savedViews(options) {
    return (await postGraphQL<{ savedViews: SavedView[] }>(ops.SAVED_VIEWS, {}, options)).savedViews;
  },
  async saveView(name, hash, options) {
    return (await postGraphQL<{ saveView: SavedView }>(ops.SAVE_VIEW, { name, hash }, options)).saveView;
  },
  async deleteSavedView(name, options) {
    const data = await postGraphQL<{ deleteSavedView: boolean }>(ops.DELETE_SAVED_VIEW, { name }, options);
    return data.deleteSavedView;
  },
};

export const linkageApi: LinkageApi = {
  exportView(format, view, options) {
    return postExport(format, view, options);
  },
  async search(text, options) {
    const data = await postGraphQL<{ search: SearchHit[] }>(
      ops.SEARCH_ENTITIES,
      { text, first: 10 },
      options,
    );
    return data.search;
  },
  async searchClaims(text, options) {
    const data = await postGraphQL<{ searchClaims: ClaimHit[] }>(
      ops.SEARCH_CLAIMS,
      { text, first: 6 },
      options,
    );
    return data.searchClaims;
  },
  async neighborhood(request, options) {
    const data = await postGraphQL<{ neighborhood: Subgraph }>(ops.NEIGHBORHOOD, { ...request }, options);
    return data.neighborhood;
  },
  async expansionPreview(id, excludeIds, filter, options) {
    const data = await postGraphQL<{ expansionPreview: ExpansionPreview }>(
      ops.EXPANSION_PREVIEW,
      { id, excludeIds, filter },
      options,
    );
    return data.expansionPreview;
  },
  async paths(fromId, toId, filter, options) {
    const variables = { fromId, toId, maxLength: 4, first: 3, filter };
    const data = await postGraphQL<{ paths: PathResult[] }>(ops.FIND_PATHS, variables, options);
    return data.paths;
  },
  async evidence(relationshipIds, filter, options) {
    const data = await postGraphQL<{ evidence: RelationshipEvidence[] }>(
      ops.RELATIONSHIP_EVIDENCE,
      { relationshipIds, filter },
      options,
    );
    return data.evidence;
  },
  async entityDetails(id, options) {
    const data = await postGraphQL<{ entity: (Entity & { notes: Note[] }) | null }>(
      ops.ENTITY_DETAILS,
      { id },
      options,
    );
    return data.entity;
  },
  async createEntity(input, options) {
    const data = await postGraphQL<{ createEntity: Entity }>(ops.CREATE_ENTITY, { input }, options);
    return data.createEntity;
  },
  async updateEntity(id, version, patch, options) {
    const data = await postGraphQL<{ updateEntity: Entity }>(
      ops.UPDATE_ENTITY,
      { id, version, patch },
      options,
    );
    return data.updateEntity;
  },
  async createRelationship(input, options) {
    const data = await postGraphQL<{ createRelationship: Relationship }>(
      ops.CREATE_RELATIONSHIP,
      { input },
      options,
    );
    return data.createRelationship;
  },
  async mergeEntities(keepId, mergeId, options) {
    const data = await postGraphQL<{ mergeEntities: MergeResult }>(
      ops.MERGE_ENTITIES,
      { keepId, mergeId },
      options,
    );
    return data.mergeEntities;
  },
  async unmergeEntities(mergeRecordId, options) {
    const data = await postGraphQL<{ unmergeEntities: Entity[] }>(
      ops.UNMERGE_ENTITIES,
      { mergeId: mergeRecordId },
      options,
    );
    return data.unmergeEntities;
  },
  async deleteEntity(id, version, options) {
    const data = await postGraphQL<{ deleteEntity: Entity }>(ops.DELETE_ENTITY, { id, version }, options);
    return data.deleteEntity;
  },
  async restoreEntity(id, options) {
    const data = await postGraphQL<{ restoreEntity: Entity }>(ops.RESTORE_ENTITY, { id }, options);
    return data.restoreEntity;
  },
  async rateSource(id, reliability, reason, options) {
    const data = await postGraphQL<{ rateSource: Source }>(
      ops.RATE_SOURCE,
      { id, reliability, reason },
      options,
    );
    return data.rateSource;
  },
  async sources(options) {
    const data = await postGraphQL<{ sources: Source[] }>(ops.LIST_SOURCES, {}, options);
    return data.sources;
  },
};
