// Issue 12 (the rest of item 6): npm run import and npm run restore refused nothing on a full disk and
// wrote until Neo4j failed mid-load (a store that may not recover). Now each checks the database's disk
// first (server/disk-watch.ts): below LINKAGE_MIN_FREE_DISK_MB plus an estimate from the input it exits
// 75 with a DISK_LOW message and the database stays empty. The disk is "full" here by a reserve larger
// than any disk; the estimate alone is tests/unit/bulk-load-disk.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { shard } from '../../bench/generator.ts';
import { ensureBackupKey, writeDigest } from '../../server/graph/backup/digest.ts';
import { runCli } from '../helpers/cli.ts';
import { graphCounts, wipeDatabase } from '../helpers/db.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-bulk-load-disk-'));
const keyFile = path.join(dir, 'keys', 'backup-key');
const EVERY_DISK_IS_SMALLER_MB = String(1024 * 1024 * 1024); // a petabyte
let uri: string;
let file: string;

function cli(task: 'import' | 'restore', args: string[], minFreeMb: string) {
  return runCli(task, args, {
    uri,
    env: {
      LINKAGE_BACKUP_KEY_FILE: keyFile,
      LINKAGE_DISK_WATCH_DIR: dir,
      LINKAGE_MIN_FREE_DISK_MB: minFreeMb,
    },
  });
}

const empty = { entities: 0, relationships: 0, sources: 0, audit: 0 };

beforeAll(() => {
  uri = inject('neo4jUri');
  file = path.join(dir, 'graph.json');
  const bytes = Buffer.from(JSON.stringify(shard({ entities: 50, seed: 9 }, 0, 50)));
  fs.writeFileSync(file, bytes);
  // Signed, so a restore that got past the disk check would go on to write.
  writeDigest(file, bytes, 'c'.repeat(64), ensureBackupKey(keyFile));
});
beforeEach(() => wipeDatabase(uri));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('bulk loads check free disk before writing', () => {
  it('npm run import refuses with DISK_LOW and writes nothing', async () => {
    const refused = cli('import', [file], EVERY_DISK_IS_SMALLER_MB);
    expect(refused.status, refused.stdout + refused.stderr).toBe(75);
    expect(refused.stderr).toMatch(
      /^DISK_LOW: the disk holding the database .* MB free.*Nothing was written/m,
    );
    expect(await graphCounts(uri)).toMatchObject(empty);

    // The same import with the default-sized reserve lands: the refusal was the disk's.
    const imported = cli('import', [file], '1');
    expect(imported.status, imported.stderr).toBe(0);
    expect((await graphCounts(uri)).entities).toBe(50);
  }, 240_000);

  it('npm run restore refuses with DISK_LOW and writes nothing', async () => {
    const refused = cli('restore', [file], EVERY_DISK_IS_SMALLER_MB);
    expect(refused.status, refused.stdout + refused.stderr).toBe(75);
    expect(refused.stderr).toMatch(/^DISK_LOW: .*LINKAGE_MIN_FREE_DISK_MB.*Nothing was written/m);
    expect(await graphCounts(uri)).toMatchObject(empty);
  }, 240_000);
});
