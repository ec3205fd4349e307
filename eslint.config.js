// One lint config for the whole tree. Layer rules say what to do instead, so a violation explains itself.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'client/dist',
      'data',
      'neo4j/lib',
      'neo4j/classes',
      'neo4j/target',
      'notebooks',
      // The notebook widget's bundle, built from python/widget (git-ignored).
      'python/src/linkage/static',
      'bench/results',
      // GraphQL Code Generator's output (npm run codegen; checked to be current by codegen:check).
      'server/generated',
      'client/src/api/generated',
      // Personal scratch space (git-ignored).
      'tmp',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // shared/ is pure code both the server and the browser run: it may import neither, nor Node.
  layer(
    ['shared/**'],
    [
      {
        group: ['**/server/**', '**/client/**', 'node:*', 'neo4j-driver'],
        message: 'shared/ runs in the server and the browser: keep it free of their code and of Node APIs.',
      },
    ],
  ),
  // Server layers point one way: main → app → graphql → graph → db.
  layer(
    ['server/db/**'],
    [
      {
        group: ['**/graph/**', '**/graphql/**', '**/app', '**/app.ts'],
        message:
          'server/db is the bottom layer: pass data down as parameters instead of importing upper layers.',
      },
    ],
  ),
  layer(
    ['server/graph/**'],
    [
      {
        group: ['**/graphql/**', '**/app', '**/app.ts'],
        message:
          'server/graph must not know about GraphQL or HTTP: return plain values and let the resolvers map them.',
      },
      {
        group: ['neo4j-driver'],
        message: 'Only server/db touches the driver: use runner.read/runner.write from server/db.',
      },
    ],
  ),
  layer(
    ['server/graphql/**'],
    [
      {
        group: ['**/db/**', '!**/db/types', '!**/db/types.ts'],
        message: 'Resolvers call the graph repository (server/graph), never the database directly.',
      },
      { group: ['neo4j-driver'], message: 'Only server/db touches the driver: use the graph repository.' },
    ],
  ),
  layer(
    ['server/app.ts', 'server/http/**'],
    [{ group: ['neo4j-driver'], message: 'Only server/db touches the driver.' }],
  ),
  layer(
    ['server/http/**'],
    [
      { group: ['neo4j-driver'], message: 'Only server/db touches the driver.' },
      {
        group: ['**/db/**'],
        message:
          'HTTP routes read through the graph repository (server/graph/repository.ts, e.g. streamGraph), never server/db.',
      },
    ],
  ),
  // Client layers: main → panels, graph-view → state → api.
  layer(
    ['client/src/api/**'],
    [
      {
        group: ['**/state/**', '**/panels/**', '**/graph-view/**'],
        message: 'client/api is the bottom layer: it only talks HTTP and returns data.',
      },
      { group: ['cytoscape', 'cytoscape-*'], message: 'Only client/src/graph-view owns Cytoscape.' },
    ],
  ),
  layer(
    ['client/src/state/**'],
    [
      {
        group: ['**/panels/**', '**/graph-view/**'],
        message: 'State must not know the views: views subscribe to the store instead.',
      },
      { group: ['cytoscape', 'cytoscape-*'], message: 'Only client/src/graph-view owns Cytoscape.' },
    ],
  ),
  layer(
    ['client/src/panels/**'],
    [
      {
        group: ['cytoscape', 'cytoscape-*'],
        message: 'Only client/src/graph-view owns Cytoscape: dispatch a state command instead.',
      },
      { group: ['**/api/**'], message: 'Panels go through state commands, not the API directly.' },
    ],
  ),
  layer(
    ['client/src/graph-view/**'],
    [
      {
        group: ['**/api/**', '**/panels/**'],
        message:
          'graph-view draws what the store holds: take data types from state/domain.ts and dispatch state commands.',
      },
    ],
  ),
);
