// Issue 12 (the rest of item 6): npm run import and npm run restore check the database's disk before
// writing (server/disk-watch.ts, bulkLoadRefusal): the LINKAGE_MIN_FREE_DISK_MB reserve plus an estimate
// of what the load writes (BULK_WRITE_FACTOR × the input). The CLIs themselves are in
// tests/integration/bulk-load-disk.test.ts; this is the estimate, which no real input here is large enough
// to reach.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BULK_WRITE_FACTOR, bulkLoadRefusal } from '../../server/disk-watch.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-bulk-disk-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const free = () => {
  const stats = fs.statfsSync(dir);
  return stats.bavail * stats.bsize;
};

describe('bulkLoadRefusal', () => {
  it('lets a load start when the reserve and the estimate fit', () => {
    expect(bulkLoadRefusal(dir, 0, 1024 * 1024)).toBeUndefined();
  });

  it('refuses an input whose estimated writes exceed the free space, though the reserve is 0', () => {
    const input = Math.ceil(free() / BULK_WRITE_FACTOR) * 2;
    expect(bulkLoadRefusal(dir, 0, input)).toMatch(
      /^DISK_LOW: the disk holding the database .* MB free; this load needs about \d+ MB \(3 × the input's \d+ MB\).*Nothing was written/,
    );
  });

  it('refuses when the reserve alone does not fit', () => {
    expect(bulkLoadRefusal(dir, free() * 2, 0)).toMatch(/^DISK_LOW: .*LINKAGE_MIN_FREE_DISK_MB/);
  });

  it('measures a data directory not created yet on its nearest existing parent', () => {
    const missing = path.join(dir, 'not', 'yet', 'there');
    expect(bulkLoadRefusal(missing, free() * 2, 0)).toMatch(/^DISK_LOW: /);
    expect(bulkLoadRefusal(missing, 0, 0)).toBeUndefined();
  });
});
