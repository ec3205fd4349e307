// Watches the free space of the disk that holds the database (issue 12, item 6): a Neo4j that runs out of
// disk mid-write can leave a store that will not recover, so writes are refused while less than the bound
// is free, long before the disk is full; reads go on. Checked every second (statfs is a cheap syscall).
import fs from 'node:fs';
import type { Logger } from './logger.ts';

export interface DiskWatch {
  /** Why writes are refused now (too little free space), or undefined. */
  lowReason(): string | undefined;
  /** Free space as last measured, for /ready; null when the directory cannot be measured. */
  freeBytes(): number | null;
  close(): void;
}

const mb = (bytes: number) => Math.floor(bytes / 1024 / 1024);

export function watchDisk(dir: string, minFreeBytes: number, logger: Logger, intervalMs = 1000): DiskWatch {
  let free: number | null = null;
  let low = false;
  const measure = () => {
    try {
      const stats = fs.statfsSync(dir);
      free = stats.bavail * stats.bsize;
    } catch {
      // Not there (yet) or not measurable: nothing to refuse on.
      free = null;
    }
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
