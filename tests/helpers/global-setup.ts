// Starts one throwaway Neo4j (temp data dir, free port, authentication on like every local Neo4j) for every
// database tier of the run, unless NEO4J_TEST_URI (with NEO4J_TEST_USER/NEO4J_TEST_PASSWORD) points at one. If Neo4j cannot start, the run fails with the reason: database tests are
// never skipped. Each test file starts the product itself on that database (tests/helpers/product.ts), so
// files cannot see each other's data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  ensureNeo4jInstalled,
  findFreePort,
  startLocalNeo4j,
  type LocalNeo4j,
} from '../../neo4j/local-neo4j.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    /** The credentials of neo4jUri (tests/helpers/db.ts hands them to every driver and child process). */
    neo4jAuth: { user: string; password: string } | null;
    /** The data directory of the throwaway Neo4j (null with NEO4J_TEST_URI). */
    neo4jDataDir: string | null;
  }
}

interface Shared {
  uri: Promise<{ uri: string; auth: { user: string; password: string } | null; dataDir: string | null }>;
  users: number;
  stop: () => Promise<void>;
}
const globalState = globalThis as typeof globalThis & { __linkageNeo4j?: Shared };

function shareNeo4j(): Shared {
  if (globalState.__linkageNeo4j) return globalState.__linkageNeo4j;
  let local: LocalNeo4j | undefined;
  let dataDir: string | undefined;
  const uri = (async () => {
    if (process.env.NEO4J_TEST_URI) {
      const { NEO4J_TEST_USER: user, NEO4J_TEST_PASSWORD: password } = process.env;
      return {
        uri: process.env.NEO4J_TEST_URI,
        auth: user && password ? { user, password } : null,
        dataDir: process.env.NEO4J_TEST_DATA_DIR ?? null,
      };
    }
    await ensureNeo4jInstalled({ quiet: true });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-test-neo4j-'));
    local = await startLocalNeo4j({ dataDir, boltPort: await findFreePort(), pageCache: '256m', heap: '1g' });
    return { uri: local.uri, auth: local.auth, dataDir };
  })();
  const shared: Shared = {
    uri,
    users: 0,
    async stop() {
      await local?.stop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  globalState.__linkageNeo4j = shared;
  return shared;
}

export default async function setup(project: TestProject) {
  const shared = shareNeo4j();
  shared.users += 1;
  let uri: string;
  let auth: { user: string; password: string } | null;
  let dataDir: string | null;
  try {
    ({ uri, auth, dataDir } = await shared.uri);
  } catch (error) {
    throw new Error(
      `The test Neo4j could not start, so the database tiers cannot run: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  project.provide('neo4jUri', uri);
  project.provide('neo4jAuth', auth);
  project.provide('neo4jDataDir', dataDir);
  return async () => {
    shared.users -= 1;
    if (shared.users === 0) {
      globalState.__linkageNeo4j = undefined;
      await shared.stop();
    }
  };
}
