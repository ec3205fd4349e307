// The digest a restore checks, kept apart from the backup: `<backup>.sha256` beside the file holds the
// SHA-256 of the file's bytes and its content hash, signed with HMAC-SHA256 under a key that never leaves
// this machine (LINKAGE_BACKUP_KEY_FILE, default data/backup-key, 0600, generated on the first backup).
// Anyone who edits the backup (a name, an audit entry, an addedBy) must also forge the sidecar, which
// needs the key; a file without a valid sidecar is refused before anything is written.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ImportDocument } from '../import/format.ts';
import { MAX_FILE_BYTES, openRegularFile, streamImportFile } from '../import/parse.ts';

export const SIDECAR_SUFFIX = '.sha256';
const FORMAT = 'linkage-backup-digest/v1';

export interface BackupDigest {
  format: typeof FORMAT;
  /** SHA-256 of the backup file's bytes, hex. */
  fileSha256: string;
  /** contentHash() of the document (export.ts): what the restored graph must hash to. */
  contentHash: string;
  /** HMAC-SHA256 (hex) of `${format}\n${fileSha256}\n${contentHash}` under the backup key. */
  hmac: string;
}

/** A backup whose digest is missing, unsigned by this key, or does not match: nothing is written. */
export class BackupNotVerified extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupNotVerified';
  }
}

export const sidecarFile = (backupFile: string) => `${backupFile}${SIDECAR_SUFFIX}`;
export const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

/** The key, created (32 random bytes, hex, mode 0600 in a 0700 directory) when there is none yet. */
export function ensureBackupKey(keyFile: string): Buffer {
  if (!fs.existsSync(keyFile)) {
    fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(keyFile, `${crypto.randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another backup created it in the meantime: use that one.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readBackupKey(keyFile);
}

export function readBackupKey(keyFile: string): Buffer {
  let text: string;
  try {
    text = fs.readFileSync(keyFile, 'utf8').trim();
  } catch {
    throw new BackupNotVerified(
      `No backup key at ${keyFile}: a restore checks the backup's signed digest with the key of the machine ` +
        'that made it; copy that key file here (or point LINKAGE_BACKUP_KEY_FILE at it).',
    );
  }
  if (!/^[0-9a-f]{64}$/.test(text))
    throw new BackupNotVerified(
      `${keyFile} is not a backup key (64 hex characters); restore the original key file, or delete it to make a new one with the next backup (older backups then no longer verify).`,
    );
  if ((fs.statSync(keyFile).mode & 0o077) !== 0) fs.chmodSync(keyFile, 0o600);
  return Buffer.from(text, 'hex');
}

const mac = (key: Buffer, fileSha256: string, contentHash: string) =>
  crypto.createHmac('sha256', key).update(`${FORMAT}\n${fileSha256}\n${contentHash}`).digest('hex');

/** Writes `<backup>.sha256` for the bytes just written to backupFile. */
export function writeDigest(
  backupFile: string,
  bytes: Buffer,
  contentHash: string,
  key: Buffer,
): BackupDigest {
  const fileSha256 = sha256(bytes);
  const digest: BackupDigest = {
    format: FORMAT,
    fileSha256,
    contentHash,
    hmac: mac(key, fileSha256, contentHash),
  };
  const file = sidecarFile(backupFile);
  const tmp = `${file}.${process.pid}.partial`;
  fs.writeFileSync(tmp, `${JSON.stringify(digest, null, 1)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
  return digest;
}

/**
 * Checks the backup's bytes against its signed sidecar; returns the signed digest (its contentHash is what
 * the restored graph must hash to). Throws BackupNotVerified saying what is wrong and what to do.
 */
export function verifyDigest(backupFile: string, fileSha256: string, key: Buffer): BackupDigest {
  const file = sidecarFile(backupFile);
  let digest: Partial<BackupDigest>;
  try {
    digest = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<BackupDigest>;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new BackupNotVerified(
      missing
        ? `${file} is missing: a restore needs the signed digest npm run backup writes beside the backup; copy it along with the file.`
        : `${file} is not a backup digest (${(error as Error).message}); copy the original beside the backup.`,
    );
  }
  const hex64 = (value: unknown): value is string =>
    typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
  if (
    digest.format !== FORMAT ||
    !hex64(digest.fileSha256) ||
    !hex64(digest.contentHash) ||
    !hex64(digest.hmac)
  )
    throw new BackupNotVerified(`${file} is not a ${FORMAT} digest; copy the original beside the backup.`);
  const expected = Buffer.from(mac(key, digest.fileSha256, digest.contentHash), 'hex');
  if (!crypto.timingSafeEqual(expected, Buffer.from(digest.hmac, 'hex')))
    throw new BackupNotVerified(
      `${file} is not signed by this machine's backup key: the digest was forged, or the backup was made ` +
        'with another key (copy that key file here, or point LINKAGE_BACKUP_KEY_FILE at it).',
    );
  if (fileSha256 !== digest.fileSha256)
    throw new BackupNotVerified(
      `${backupFile} was changed after the backup was made (its SHA-256 is not the signed one); restore an untouched copy.`,
    );
  return digest as BackupDigest;
}

/** SHA-256 (hex) of a regular file of at most maxBytes, read as a stream (never one buffer). */
async function sha256OfFile(file: string, maxBytes: number): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(
    fs.createReadStream('', { fd: openRegularFile(file, maxBytes), highWaterMark: 1024 * 1024 }),
    hash,
  );
  return hash.digest('hex');
}

/**
 * A backup checked against its signed digest, then parsed, both as streams (a backup is never held as one
 * buffer or string: restoring a large one needed the file twice over in memory). The first pass only
 * hashes, so nothing of an unverified file is parsed; the second parses the same way imports do
 * (streamImportFile) and hashes again, so a file swapped between the passes is refused too. Throws
 * BackupNotVerified or ImportError; nothing is written either way (the caller writes only after this).
 */
export async function readVerifiedBackup(
  file: string,
  key: Buffer,
  maxBytes = MAX_FILE_BYTES,
): Promise<{ doc: ImportDocument; digest: BackupDigest }> {
  const digest = verifyDigest(file, await sha256OfFile(file, maxBytes), key);
  const parsed = crypto.createHash('sha256');
  const doc = await streamImportFile(file, maxBytes, (chunk) => parsed.update(chunk));
  if (parsed.digest('hex') !== digest.fileSha256)
    throw new BackupNotVerified(
      `${file} changed while it was being restored (its SHA-256 is no longer the signed one); restore an untouched copy.`,
    );
  return { doc, digest };
}
