// Watches the free space of the disk that holds the database (issue 12, item 6): a Neo4j that runs out of
// disk mid-write can leave a store that will not recover, so writes are refused while less than the bound
// is free, long before the disk is full; reads go on. Checked every second (statfs is a cheap syscall).
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import { isLocalNeo4jUri } from '../neo4j/credentials.ts';
import type { Logger } from './logger.ts';

export interface DiskWatch {
  /** Why writes are refused now (too little free space), or undefined. */
  lowReason(): string | undefined;
  /** Free space as last measured, for /ready; null when the directory cannot be measured. */
  freeBytes(): number | null;
  close(): void;
}

const mb = (bytes: number) => Math.floor(bytes / 1024 / 1024);

/** Free bytes for an unprivileged writer on the disk holding dir, or null when it cannot be measured. */
function measureFree(dir: string): number | null {
  try {
    const stats = fs.statfsSync(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/**
 * The directory whose disk holds the database: LINKAGE_DISK_WATCH_DIR, else the local Neo4j's data directory
 * when that is the database in use (no NEO4J_URI: the tools start it); undefined for a remote Neo4j (its
 * disk is not ours to see).
 */
export function databaseDiskDir(config: Config): string | undefined {
  const { uri, local } = config.neo4j;
  return config.disk.watchDir ?? (!uri || isLocalNeo4jUri(uri, local.boltPort) ? local.dataDir : undefined);
}

/**
 * What a bulk load of inputBytes costs Neo4j's disk, as a multiple of the input: the store files, the
 * transaction logs (kept until checkpoints prune them) and the indexes each take about the input's size.
 */
export const BULK_WRITE_FACTOR = 3;

/**
 * Why a bulk load (npm run import / restore) of inputBytes must not start on dir's disk, or undefined.
 * It needs the LINKAGE_MIN_FREE_DISK_MB reserve the server keeps (see watchDisk) plus BULK_WRITE_FACTOR ×
 * the input: a disk that fills mid-load can leave a store Neo4j will not recover. A directory not created
 * yet (a first import starts the local Neo4j) is measured on its nearest existing parent.
 */
export function bulkLoadRefusal(dir: string, minFreeBytes: number, inputBytes: number): string | undefined {
  let measured = path.resolve(dir);
  while (!fs.existsSync(measured) && path.dirname(measured) !== measured) measured = path.dirname(measured);
  const free = measureFree(measured);
  if (free === null) return undefined;
  const estimate = BULK_WRITE_FACTOR * inputBytes;
  if (free >= minFreeBytes + estimate) return undefined;
  return (
    `DISK_LOW: the disk holding the database (${dir}) has ${mb(free)} MB free; this load needs about ` +
    `${mb(estimate)} MB (${BULK_WRITE_FACTOR} × the input's ${mb(inputBytes)} MB) on top of the ` +
    `${mb(minFreeBytes)} MB reserve (LINKAGE_MIN_FREE_DISK_MB). Nothing was written: free space and run it again.`
  );
}

export function watchDisk(dir: string, minFreeBytes: number, logger: Logger, intervalMs = 1000): DiskWatch {
  let free: number | null = null;
  let low = false;
  const measure = () => {
    // Not there (yet) or not measurable (null): nothing to refuse on.
    free = measureFree(dir);
    const nowLow = free !== null && free < minFreeBytes;
    if (nowLow !== low)
      logger[nowLow ? 'warn' : 'info'](
        { dir, freeMb: free === null ? null : mb(free), minFreeMb: mb(minFreeBytes) },
        nowLow ? 'disk almost full: writes are refused' : 'disk space back: writes are accepted again',
      );
    low = nowLow;
  };
  measure();
  const timer = setInterval(measure, intervalMs);
  timer.unref();
  return {
    lowReason: () =>
      low && free !== null
        ? `The disk holding the database has ${mb(free)} MB free, below the ${mb(minFreeBytes)} MB Linkage keeps ` +
          'in reserve (LINKAGE_MIN_FREE_DISK_MB): writes are refused until space is freed; reads still work.'
        : undefined,
    freeBytes: () => free,
    close: () => clearInterval(timer),
  };
}
