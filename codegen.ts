// GraphQL Code Generator: the SDL (server/graphql/schema.graphql) is the one description of the API. From it
// come the enum values the server's model and the client list (kinds, certainty, stance, reliability,
// error codes) and the result type of every operation the client sends. `npm run codegen` writes them;
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
