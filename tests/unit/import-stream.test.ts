// Issue 12, item 17 (the rest): a JSON import is parsed as it is read, so its size is bounded by the
// configured limit and never by V8's longest string (a 570 MB file crashed JSON.parse with
// ERR_STRING_TOO_LONG). The giant string is what the test watches for: no JSON.parse of a large text.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { shard } from '../../bench/generator.ts';
import {
  ImportError,
  parseJsonDocument,
  readImportFile,
  streamImportFile,
} from '../../server/graph/import/parse.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-import-stream-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** A generated graph of `entities` entities written as a file of several MB. */
function generated(name: string, entities: number) {
  const file = path.join(dir, name);
  const doc = shard({ entities, seed: 3 }, 0, entities);
  fs.writeFileSync(file, JSON.stringify(doc, null, 1));
  return { file, doc };
}

const refusal = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as Error).message;
  }
  throw new Error('expected an ImportError');
};

/** Watches JSON.parse: the longest text it was given while work ran. */
async function longestParsed(work: () => Promise<unknown>): Promise<number> {
  let longest = 0;
  const original = JSON.parse.bind(JSON);
  vi.spyOn(JSON, 'parse').mockImplementation((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
    longest = Math.max(longest, text.length);
    return original(text, reviver);
  });
  await work();
  return longest;
}

// Parsing token by token is slower than JSON.parse, and this machine is shared: generous timeouts.
describe('streamImportFile', { timeout: 120_000 }, () => {
  it('parses a multi-MB document without ever holding it as one string, same result as JSON.parse', async () => {
    const { file } = generated('big.json', 3000);
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(2 * 1024 * 1024);
    let streamed: Awaited<ReturnType<typeof streamImportFile>> | undefined;
    const longest = await longestParsed(async () => {
      streamed = await streamImportFile(file);
    });
    // No text near the file's size was ever parsed in one piece (the old path parses all `size` of it).
    expect(longest).toBeLessThan(64 * 1024);
    expect(streamed).toEqual(parseJsonDocument(fs.readFileSync(file, 'utf8'), file));
    expect(streamed!.entities).toHaveLength(3000);
  });

  it('is what the old whole-file read was not (the check above goes red on it)', async () => {
    const { file } = generated('old-path.json', 500);
    const longest = await longestParsed(async () => {
      readImportFile(file);
    });
    expect(longest).toBe(fs.readFileSync(file, 'utf8').length);
  });

  it('refuses a document above the configured bound, counting bytes as they arrive', async () => {
    const { file } = generated('bounded.json', 1000);
    const size = fs.statSync(file).size;
    expect(await refusal(streamImportFile(file, size - 1))).toMatch(
      /larger than .* MiB; split it into several files/,
    );
    expect((await streamImportFile(file, size)).entities).toHaveLength(1000);
  });

  it('refuses broken UTF-8, broken JSON, a truncated file and a device with a clear message', async () => {
    const latin1 = path.join(dir, 'latin1.json');
    fs.writeFileSync(
      latin1,
      Buffer.concat([Buffer.from('{"format":"linkage/v1",\n"x":"'), Buffer.from([0xe9]), Buffer.from('"}')]),
    );
    expect(await refusal(streamImportFile(latin1))).toMatch(
      /latin1\.json line 2: the file is not valid UTF-8/,
    );
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, '{"format":"linkage/v1",\n"entities": [1,,2]}');
    expect(await refusal(streamImportFile(broken))).toMatch(/not valid JSON .*fix the syntax/);
    const truncated = path.join(dir, 'truncated.json');
    fs.writeFileSync(truncated, '{"format":"linkage/v1","entities": [');
    expect(await refusal(streamImportFile(truncated))).toMatch(/not valid JSON/);
    expect(await refusal(streamImportFile('/dev/zero'))).toMatch(/not a regular file/);
    expect(await refusal(streamImportFile(path.join(dir, 'missing.json')))).toMatch(/no such file/);
  });

  it('validates what it parsed with the importer rules', async () => {
    const invalid = path.join(dir, 'invalid.json');
    fs.writeFileSync(
      invalid,
      JSON.stringify({ format: 'linkage/v1', source: { id: 's', title: 'S' }, entities: [{ id: 'X' }] }),
    );
    expect(await refusal(streamImportFile(invalid))).toMatch(/invalid\.json entities\[0\]/);
  });
});
