// Issue 12: input the red team got past validation. Item 9: an imported version of 3,000,000,000 broke
// every query touching the entity (GraphQL Int is 32-bit). Item 16: `javascript:` and `data:` source URLs
// were accepted (zod's z.url() allows any scheme).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ImportError,
  MAX_FILE_BYTES,
  parseJsonDocument,
  readImportFile,
  readRegularFile,
} from '../../server/graph/import/parse.ts';
import { check, SourceInputSchema } from '../../server/graph/inputs.ts';

const doc = (patch: { entity?: object; relationship?: object; source?: object }) =>
  JSON.stringify({
    format: 'linkage/v1',
    source: { id: 's', title: 'S', ...patch.source },
    entities: [
      { id: 'a', kind: 'Organization', name: 'A', ...patch.entity },
      { id: 'b', kind: 'Organization', name: 'B' },
    ],
    relationships: [
      {
        type: 'KNOWS',
        from: 'a',
        to: 'b',
        evidence: [{ quote: 'q', certainty: 'REPORTED' }],
        ...patch.relationship,
      },
    ],
  });

const problems = (text: string) => {
  try {
    parseJsonDocument(text, 'x.json');
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).problems.map((p) => p.message);
  }
};

describe('item 9: integers on import are bounded', () => {
  it('refuses an entity or relationship version beyond what GraphQL can answer', () => {
    expect(problems(doc({ entity: { version: 3_000_000_000 } })).join()).toMatch(/version must be at most/);
    expect(problems(doc({ relationship: { version: 3_000_000_000 } })).join()).toMatch(
      /version must be at most/,
    );
    expect(problems(doc({ entity: { version: 7 } }))).toEqual([]);
  });
});

describe('item 16: source URLs are http(s) only', () => {
  it.each([
    'javascript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vbscript:x',
  ])('refuses %s on import and through the API', (url) => {
    expect(problems(doc({ source: { url } })).join()).toMatch(/http\(s\) URL/);
    expect(() => check(SourceInputSchema, { id: 's', title: 'S', url })).toThrow(/http\(s\) URL/);
  });

  it('accepts http and https URLs', () => {
    for (const url of ['https://www.example.com/a?b=c', 'http://example.org/'])
      expect(problems(doc({ source: { url } }))).toEqual([]);
  });
});

describe('item 17: an import reads only regular files, and never more than it can hold', () => {
  const problem = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      return (error as ImportError).problems[0]!.message;
    }
    throw new Error('expected an ImportError');
  };

  it('refuses /dev/zero at once instead of reading without end', () => {
    expect(problem(() => readImportFile('/dev/zero'))).toMatch(/not a regular file/);
  });

  it('refuses a named pipe without waiting for a writer', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-fifo-'));
    try {
      const fifo = path.join(dir, 'graph.json');
      execFileSync('mkfifo', [fifo]);
      expect(problem(() => readImportFile(fifo))).toMatch(/not a regular file/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file larger than one string can hold, before reading it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-big-'));
    try {
      const big = path.join(dir, 'big.json');
      fs.writeFileSync(big, '');
      fs.truncateSync(big, MAX_FILE_BYTES + 1); // sparse: no disk is used
      expect(problem(() => readImportFile(big))).toMatch(/split it into several files/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops reading one byte past the bound even when the size said less (a growing file)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-grow-'));
    try {
      const file = path.join(dir, 'small.json');
      fs.writeFileSync(file, 'x'.repeat(100));
      expect(readRegularFile(file, 100)).toHaveLength(100);
      expect(problem(() => readRegularFile(file, 99))).toMatch(/split it/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
