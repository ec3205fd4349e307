// Starts one throwaway Neo4j (temp data dir, free port) for every database tier of the run, unless
// NEO4J_TEST_URI points at one. If Neo4j cannot start, the run fails with the reason: database tests are
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
  }
}

interface Shared {
  uri: Promise<string>;
  users: number;
  stop: () => Promise<void>;
}
const globalState = globalThis as typeof globalThis & { __linkageNeo4j?: Shared };

function shareNeo4j(): Shared {
  if (globalState.__linkageNeo4j) return globalState.__linkageNeo4j;
  let local: LocalNeo4j | undefined;
  let dataDir: string | undefined;
  const uri = (async () => {
    if (process.env.NEO4J_TEST_URI) return process.env.NEO4J_TEST_URI;
    await ensureNeo4jInstalled({ quiet: true });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-test-neo4j-'));
    local = await startLocalNeo4j({ dataDir, boltPort: await findFreePort(), pageCache: '256m', heap: '1g' });
    return local.uri;
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
  try {
    uri = await shared.uri;
  } catch (error) {
    throw new Error(
      `The test Neo4j could not start, so the database tiers cannot run: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  project.provide('neo4jUri', uri);
  return async () => {
    shared.users -= 1;
    if (shared.users === 0) {
      globalState.__linkageNeo4j = undefined;
      await shared.stop();
    }
  };
}
