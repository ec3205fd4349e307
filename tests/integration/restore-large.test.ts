// Issue 12, item 5a: a backup too big for one transaction under the per-transaction memory cap restores,
// in batches, all or nothing. This file's Neo4j runs with a lower cap (TX_MEMORY) than the default 1 GiB so
// that a generated graph of a few thousand entities overflows one transaction the way the issue's 55 MB
// backup overflowed the default cap, and the test stays short.
import { setTimeout as sleep } from 'node:timers/promises';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shard } from '../../bench/generator.ts';
import {
  ensureNeo4jInstalled,
  findFreePort,
  startLocalNeo4j,
  type LocalNeo4j,
} from '../../neo4j/local-neo4j.ts';
import { issueToken } from '../../server/auth/tokens.ts';
import { loadConfig } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import { contentHash, exportGraph, type BackupDocument } from '../../server/graph/backup/export.ts';
import { interruptedRestore, restoreDocument } from '../../server/graph/backup/restore.ts';
import type { ImportDocument } from '../../server/graph/import/format.ts';
import { importDocument } from '../../server/graph/import/importer.ts';
import { validateDocument } from '../../server/graph/import/parse.ts';
import { startServer } from '../../server/main.ts';
import {
  graphCounts,
  neo4jEnv,
  quietLogger,
  rememberCredentials,
  testDatabase,
  testDriver,
} from '../helpers/db.ts';

const TX_MEMORY = '100m';
const ENTITIES = 2000;
const SHARD = 400;
const SEED = 7;

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-restore-large-'));
const dataDir = path.join(root, 'neo4j');
let port: number;
let neo4j: LocalNeo4j;
let db: Database;
let backup: BackupDocument;
let doc: ImportDocument;

const start = async () => {
  neo4j = await startLocalNeo4j({
    dataDir,
    boltPort: port,
    heap: '1g',
    pageCache: '128m',
    txMemoryMax: TX_MEMORY,
    // Recovery after the kill below can be slow on a busy machine.
    startTimeoutMs: 600_000,
  });
  rememberCredentials(neo4j);
  db = testDatabase(neo4j.uri);
};
/**
 * Deletes the graph in small transactions: the helpers' one-statement wipe (CALL … IN TRANSACTIONS) trips
 * this file's lower memory cap.
 */
async function emptyDatabase() {
  const driver = testDriver(neo4j.uri);
  try {
    for (;;) {
      const { records } = await driver.executeQuery(
        'MATCH (n) WITH n LIMIT 1000 DETACH DELETE n RETURN count(*) AS deleted',
        {},
        { database: 'neo4j' },
      );
      if (Number(records[0]!.get('deleted')) === 0) return;
    }
  } finally {
    await driver.close();
  }
}
const empty = { entities: 0, relationships: 0, evidence: 0, sources: 0, audit: 0 };

beforeAll(async () => {
  await ensureNeo4jInstalled({ quiet: true });
  port = await findFreePort();
  await start();
  await db.applySchema();
  // Imported shard by shard (each import is one transaction, within the cap), then backed up.
  for (let from = 0; from < ENTITIES; from += SHARD) {
    const part = shard({ entities: ENTITIES, seed: SEED }, from, Math.min(ENTITIES, from + SHARD));
    await importDocument(db, validateDocument(part, `shard-${from}.json`), { file: `shard-${from}.json` });
  }
  backup = await exportGraph(db);
  doc = validateDocument(JSON.parse(JSON.stringify(backup)), 'large-backup.json');
  const bytes = Buffer.byteLength(JSON.stringify(backup, null, 1));
  console.log(
    `large backup: ${backup.entities.length} entities, ${backup.relationships.length} relationships, ` +
      `${(bytes / 1024 / 1024).toFixed(1)} MB; transaction memory cap ${TX_MEMORY}`,
  );
  await emptyDatabase();
}, 600_000);

afterAll(async () => {
  await db?.close();
  await neo4j?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('restoring a backup larger than one transaction may be', () => {
  it('does not fit one transaction at this cap (what the old one-transaction restore did)', async () => {
    await expect(importDocument(db, doc, { file: 'large-backup.json' })).rejects.toThrow(/more memory/);
    expect(await graphCounts(neo4j.uri)).toEqual(empty);
  }, 300_000);

  it('restores in batches: the whole graph, the same content hash, no marker left', async () => {
    await restoreDocument(db, doc, { file: 'large-backup.json' });
    expect(contentHash(await exportGraph(db))).toBe(contentHash(backup));
    expect(await interruptedRestore(db)).toBeUndefined();
    await emptyDatabase();
  }, 600_000);

  it('a restore that fails half-way leaves the empty database it found', async () => {
    const failure = restoreDocument(db, doc, {
      file: 'large-backup.json',
      onProgress: (phase, done, total) => {
        if (phase === 'relationships' && done >= total / 2) throw new Error('injected failure');
      },
    });
    await expect(failure).rejects.toThrow('injected failure');
    expect(await graphCounts(neo4j.uri)).toEqual(empty);
    expect(await interruptedRestore(db)).toBeUndefined();
  }, 600_000);

  it('an interrupted restore (Neo4j killed) is never served, and the next restore finishes it', async () => {
    const killed = restoreDocument(db, doc, {
      file: 'large-backup.json',
      onProgress: (phase, done, total) => {
        if (phase === 'relationships' && done >= total / 2) neo4j.kill('SIGKILL');
      },
    });
    await expect(killed).rejects.toThrow();
    await neo4j.exited;
    await db.close();
    await start();
    const partial = await graphCounts(neo4j.uri);
    expect(partial.entities).toBe(backup.entities.length);
    expect(partial.relationships).toBeLessThan(backup.relationships.length);

    const tokens = path.join(root, 'tokens.json');
    issueToken(tokens, { name: 'restore-editor', role: 'editor' });
    const server = await startServer(
      loadConfig({ ...neo4jEnv(neo4j.uri), PORT: '0', LINKAGE_TOKENS_FILE: tokens, LOG_LEVEL: 'silent' }),
      { logger: quietLogger(), seed: true },
    );
    try {
      let ready: { status: number; body: { status?: string; reason?: string } } = { status: 0, body: {} };
      for (let i = 0; i < 100 && !/has not finished/.test(ready.body.reason ?? ''); i += 1) {
        const response = await fetch(`${server.url}/ready`);
        ready = { status: response.status, body: (await response.json()) as typeof ready.body };
        await sleep(200);
      }
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'preparing' });
      expect(ready.body.reason).toMatch(/restore of large-backup\.json began .* has not finished/);
      const query = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ stats { entities } }' }),
      });
      expect(query.status).toBe(503);

      await restoreDocument(db, doc, { file: 'large-backup.json' });
      await server.ready;
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);
      // Served as restored: the seed was not loaded over it, and the hash is the backup's.
      expect(contentHash(await exportGraph(db))).toBe(contentHash(backup));
    } finally {
      await server.close();
    }
  }, 600_000);
});
