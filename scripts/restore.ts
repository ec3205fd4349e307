// npm run restore -- <backup.json>
// Refuses (DISK_LOW, exit 75) when the database's disk lacks room for it (server/disk-watch.ts). Checks the
// backup against its signed digest (`<backup>.sha256`, server/graph/backup/digest.ts) before anything else,
// streaming the file (hashed, then parsed as imports are), then loads it into an EMPTY database (server/graph/backup/restore.ts: batches under a
// marker, all or nothing), then exports the restored graph and compares its content hash with the signed one.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { bulkLoadRefusal, databaseDiskDir } from '../server/disk-watch.ts';
import { BackupNotVerified, readBackupKey, readVerifiedBackup } from '../server/graph/backup/digest.ts';
import { contentHash, describeBackup, exportGraph } from '../server/graph/backup/export.ts';
import { restoreDocument, RestoreRefused } from '../server/graph/backup/restore.ts';
import type { ImportDocument } from '../server/graph/import/format.ts';
import { ImportError } from '../server/graph/import/parse.ts';
import { configOrExit, connect } from './connect.ts';

const { positionals } = parseArgs({ allowPositionals: true });
if (positionals.length !== 1) {
  console.error(
    'usage: npm run restore -- <backup.json>   (into an empty database; <backup.json>.sha256 beside it)',
  );
  process.exit(64);
}
const file = positionals[0]!;
if (!fs.existsSync(file)) {
  console.error(`${file}: no such file; check the path (a backup is a .json file from npm run backup)`);
  process.exit(66);
}
const config = configOrExit();
const diskDir = databaseDiskDir(config);
const noRoom = diskDir && bulkLoadRefusal(diskDir, config.disk.minFreeBytes, fs.statSync(file).size);
if (noRoom) {
  console.error(noRoom);
  process.exit(75);
}
let doc: ImportDocument;
let expected: string;
try {
  // The digest first: nothing of an unverified file is even parsed.
  ({
    doc,
    digest: { contentHash: expected },
  } = await readVerifiedBackup(file, readBackupKey(config.backup.keyFile)));
} catch (error) {
  if (error instanceof BackupNotVerified || error instanceof ImportError) {
    console.error(`Not a restorable backup; nothing was written.\n${error.message}`);
    process.exit(65);
  }
  throw error;
}
const { db, close } = await connect(config);
let exitCode = 0;
try {
  await restoreDocument(db, doc, {
    file,
    onProgress: (phase, done, total) => {
      if (done === total) console.error(`restore: ${phase} ${done}/${total}`);
    },
  });
  const restored = await exportGraph(db);
  const actual = contentHash(restored);
  if (actual === expected) {
    console.log(
      `Restored ${file}: ${describeBackup(restored)}; content hash ${actual} matches the signed digest`,
    );
  } else {
    console.error(
      `Restored ${file}, but the content hash differs (signed ${expected}, database ${actual}); compare the two with npm run backup`,
    );
    exitCode = 2;
  }
} catch (error) {
  exitCode = error instanceof RestoreRefused ? 73 : 1;
  console.error(
    error instanceof RestoreRefused
      ? error.message
      : `Restore failed, nothing was written: ${error instanceof Error ? error.message : String(error)}`,
  );
} finally {
  await close();
}
process.exit(exitCode);
