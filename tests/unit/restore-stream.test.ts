// Issue 12 (the rest of item 5): a restore streams the backup. It read the whole file into one buffer,
// decoded it into one string and JSON.parse'd that, so a backup cost its size twice over in memory before
// any of it was used. Now the signed digest is checked on a first, hashing pass and the document is parsed
// as imports are (stream-json), hashing again. The bound is watched without timing: a child process with a
// 48 MB heap restores a 160 MB backup (a small graph padded with whitespace, as JSON allows), which one
// string of the file cannot fit.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shard } from '../../bench/generator.ts';
import {
  BackupNotVerified,
  ensureBackupKey,
  readVerifiedBackup,
  writeDigest,
} from '../../server/graph/backup/digest.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-restore-stream-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const keyFile = path.join(dir, 'keys', 'backup-key');
// readVerifiedBackup checks the signature, not the content hash (the restore compares that with the
// restored graph), so any well-formed one does here.
const CONTENT_HASH = 'c'.repeat(64);
const PADDING = 160 * 1024 * 1024;
const HEAP_MB = 48;

/** A signed backup of 200 entities behind `padding` bytes of whitespace. */
function paddedBackup(name: string, padding: number) {
  const file = path.join(dir, name);
  const doc = shard({ entities: 200, seed: 5 }, 0, 200);
  const bytes = Buffer.concat([Buffer.alloc(padding, ' '), Buffer.from(JSON.stringify(doc, null, 1))]);
  fs.writeFileSync(file, bytes);
  writeDigest(file, bytes, CONTENT_HASH, ensureBackupKey(keyFile));
  return { file, doc };
}

/** Runs readVerifiedBackup on file in a child whose V8 heap is capped at heapMb. */
function readInSmallHeap(file: string, heapMb: number) {
  const script = path.join(dir, 'read-backup.mts');
  fs.writeFileSync(
    script,
    `import { readBackupKey, readVerifiedBackup } from ${JSON.stringify(path.join(REPO, 'server/graph/backup/digest.ts'))};
const { doc } = await readVerifiedBackup(process.argv[2]!, readBackupKey(process.argv[3]!));
console.log(JSON.stringify({ entities: doc.entities.length }));`,
  );
  const result = spawnSync(
    process.execPath,
    [`--max-old-space-size=${heapMb}`, '--import', 'tsx', script, file, keyFile],
    { cwd: REPO, encoding: 'utf8', timeout: 300_000 },
  );
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

describe('a restore reads its backup as a stream', () => {
  it(`reads a ${PADDING / 1024 / 1024} MB backup in a ${HEAP_MB} MB heap (one string of it would not fit)`, () => {
    const { file, doc } = paddedBackup('large.json', PADDING);
    expect(fs.statSync(file).size).toBeGreaterThan(3 * HEAP_MB * 1024 * 1024);
    const result = readInSmallHeap(file, HEAP_MB);
    expect(result.status, `${result.signal ?? ''} ${result.stderr.slice(-2000)}`).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ entities: doc.entities.length });
  }, 300_000);

  it('still checks the signed digest first: a changed byte is refused, and nothing is parsed', async () => {
    const { file } = paddedBackup('tampered.json', 1024);
    const bytes = fs.readFileSync(file);
    bytes[10] = 0x7b; // '{' in the padding: the file no longer parses either, so a parse would say so
    fs.writeFileSync(file, bytes);
    const refused = await readVerifiedBackup(file, ensureBackupKey(keyFile)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BackupNotVerified);
    expect((refused as Error).message).toMatch(/changed after the backup was made/);
  });

  it('returns the document and the signed digest of an untouched backup', async () => {
    const { file, doc } = paddedBackup('small.json', 1024);
    const read = await readVerifiedBackup(file, ensureBackupKey(keyFile));
    expect(read.digest.contentHash).toBe(CONTENT_HASH);
    expect(read.doc.entities.map((e) => e.id)).toEqual(doc.entities.map((e) => e.id));
  });
});
