// Typed wrappers, one per operation: the state layer calls these and never builds GraphQL itself.
import { postGraphQL, type RequestOptions } from './graphql-client.ts';
import * as ops from './operations.ts';
import type {
  CreateEntityInput,
  CreateRelationshipInput,
  Entity,
  EntityPatch,
  ExpansionPreview,
  GraphFilter,
  Note,
  PathResult,
  Relationship,
  SearchHit,
  Subgraph,
} from './types.ts';

type Options = Pick<RequestOptions, 'signal' | 'token'>;

export interface NeighborhoodRequest {
  ids: string[];
  depth?: number;
  limit?: number;
  filter?: GraphFilter;
}

export interface LinkageApi {
  search(text: string, options?: Options): Promise<SearchHit[]>;
  neighborhood(request: NeighborhoodRequest, options?: Options): Promise<Subgraph>;
  expansionPreview(
    id: string,
    excludeIds: string[],
    filter: GraphFilter,
    options?: Options,
  ): Promise<ExpansionPreview>;
  paths(fromId: string, toId: string, filter: GraphFilter, options?: Options): Promise<PathResult[]>;
  entityDetails(id: string, options?: Options): Promise<(Entity & { notes: Note[] }) | null>;
  createEntity(input: CreateEntityInput, options?: Options): Promise<Entity>;
  updateEntity(id: string, version: number, patch: EntityPatch, options?: Options): Promise<Entity>;
  createRelationship(input: CreateRelationshipInput, options?: Options): Promise<Relationship>;
  mergeEntities(keepId: string, mergeId: string, options?: Options): Promise<{ entity: Entity }>;
}

export const linkageApi: LinkageApi = {
  async search(text, options) {
    const data = await postGraphQL<{ search: SearchHit[] }>(
      ops.SEARCH_ENTITIES,
      { text, first: 10 },
      options,
    );
    return data.search;
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
    const data = await postGraphQL<{ mergeEntities: { entity: Entity } }>(
      ops.MERGE_ENTITIES,
      { keepId, mergeId },
      options,
    );
    return data.mergeEntities;
  },
};
