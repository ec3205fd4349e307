// Test tiers as vitest projects. They run one after another (groupOrder) because the database tiers
// share one throwaway Neo4j, started once by tests/helpers/global-setup.ts.
// Servers started by the database tiers do not plan queries ahead (LINKAGE_PREPARE_PLANS): each file starts
// its own, and the warm-up's CPU would add minutes to a run on two cores; the soak, like npm start, does.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/contract/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        // The API tier: the real express + yoga app over a fake database (tests/helpers/fake-app.ts).
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          env: { LINKAGE_PREPARE_PLANS: 'false' },
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/helpers/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          env: { LINKAGE_PREPARE_PLANS: 'false' },
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/helpers/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
