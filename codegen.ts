// GraphQL Code Generator: the SDL (server/graphql/schema.graphql) is the one description of the API. From it
// come the enum values the server's model and the client list (kinds, certainty, stance, reliability,
// error codes), the signature of every server resolver (over the model's own types, through mappers) and
// the result type of every operation the client sends. `npm run codegen` writes them;
// `npm run check` and CI fail when they are stale (`npm run codegen -- --check`).
import type { CodegenConfig } from '@graphql-codegen/cli';

const header = (from: string) => ({
  add: { content: `// Generated from ${from} by \`npm run codegen\`. Do not edit.` },
});

/** Scalars as the wire carries them; enums as `const` objects so code can list their values. */
const wire = {
  scalars: { Date: 'string', JSONObject: 'Record<string, unknown>' },
  enumsAsConst: true,
  useTypeImports: true,
  maybeValue: 'T | null',
};

const config: CodegenConfig = {
  schema: 'server/graphql/schema.graphql',
  // The SDL's order is meaningful (certainty strongest first, kinds as the explorer lists them).
  config: { sort: false },
  overwrite: true,
  generates: {
    'server/generated/schema-types.ts': {
      plugins: [header('server/graphql/schema.graphql'), 'typescript'],
      config: { ...wire, onlyEnums: true },
    },
    // Apart from the enums above, so server/graph (which reads the enums) never imports GraphQL's types.
    'server/generated/resolver-types.ts': {
      plugins: [header('server/graphql/schema.graphql'), 'typescript', 'typescript-resolvers'],
      config: {
        ...wire,
        enumsAsConst: false,
        enumsAsTypes: true,
        contextType: '../graphql/context.ts#GraphQLContext',
        makeResolverTypeCallable: true,
        mapperTypeSuffix: 'Model',
        // Resolvers return what the repository returns; the mapped types say so, and the generated
        // signatures check every other field against the SDL.
        mappers: {
          Entity: '../graph/model.ts#Entity',
          Relationship: '../graph/model.ts#Relationship',
          Evidence: '../graph/model.ts#Evidence',
          Source: '../graph/model.ts#Source',
          Note: '../graph/model.ts#Note',
          SavedView: '../graph/model.ts#SavedView',
          SearchHit: '../graph/repository.ts#SearchHit',
          ClaimHit: '../graph/repository.ts#ClaimHit',
          Subgraph: '../graph/repository.ts#SubgraphResult',
          Path: '../graph/repository.ts#PathResult',
          AuditEntry: '../graph/repository.ts#AuditEntryResult',
          Proposal: '../graph/ingest/store.ts#ProposalView',
          ProposedEntity: '../graph/ingest/store.ts#ProposedEntityView',
          ProposedClaim: '../graph/ingest/store.ts#ProposedClaimView',
          Viewer: '../auth/tokens.ts#Viewer',
        },
      },
    },
    'client/src/api/generated/enums.ts': {
      plugins: [header('server/graphql/schema.graphql'), 'typescript'],
      config: { ...wire, onlyEnums: true },
    },
    'client/src/api/generated/operations.ts': {
      documents: ['client/src/api/operations.ts'],
      plugins: [
        header('server/graphql/schema.graphql and client/src/api/operations.ts'),
        'typescript-operations',
      ],
      config: {
        ...wire,
        skipTypename: true,
        preResolveTypes: true,
        avoidOptionals: { field: true, object: true },
      },
    },
  },
};

export default config;
