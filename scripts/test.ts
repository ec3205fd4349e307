// npm test: installs what the tiers need (Neo4j jars, system packages, the client build), then runs
// every vitest project: unit, integration (real Neo4j) and e2e (real Chromium). Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureNeo4jInstalled } from '../neo4j/local-neo4j.ts';
import { ensureClientBuilt } from './client-build.ts';
import { ensureSystemPackages } from './system-deps.ts';

const root = path.resolve(import.meta.dirname, '..');
const started = Date.now();
try {
  ensureSystemPackages();
  await ensureNeo4jInstalled();
  ensureClientBuilt();
} catch (error) {
  console.error(`linkage: test setup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
console.error(`linkage: npm test took ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(result.status ?? 1);
