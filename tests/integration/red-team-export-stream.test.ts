// Issue 12, item 8: whole-graph GraphML/GEXF exports were cut at ~35 MB, because the interactive query
// timeout applied to the stream, and the cut file still came with HTTP 200 (networkx then failed on it).
// Exports now read in one transaction with their own timeout (LINKAGE_EXPORT_TIMEOUT_MS), and a failure
// mid-stream aborts the connection, so the client sees an error instead of a well-formed-looking file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { shard } from '../../bench/generator.ts';
import { loadConfig } from '../../server/config.ts';
import { importDocument } from '../../server/graph/import/importer.ts';
import { parseJsonDocument } from '../../server/graph/import/parse.ts';
import { startServer } from '../../server/main.ts';
import { ensurePythonEnv } from '../../scripts/python-env.ts';
import { neo4jEnv, quietLogger, testDatabase } from '../helpers/db.ts';
import { startProductForTests, type TestProduct } from '../helpers/product.ts';

const uri = inject('neo4jUri');
// 8,000 generated entities carry 40,236 relationships: above the size the red team saw cut.
const ENTITIES = 8000;
let relationships = 0;
let product: TestProduct;
let tmp: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-export-stream-'));
  // A 1 s interactive timeout: an export bound by it could not finish on this graph.
  product = await startProductForTests(uri, { seed: false, env: { LINKAGE_QUERY_TIMEOUT_MS: '1000' } });
  const doc = parseJsonDocument(
    JSON.stringify(shard({ entities: ENTITIES, seed: 1 }, 0, ENTITIES)),
    'big.json',
  );
  relationships = doc.relationships.length;
  const db = testDatabase(uri);
  try {
    await importDocument(db, doc, { file: 'big.json' });
  } finally {
    await db.close();
  }
});
afterAll(async () => {
  await product?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('item 8: a whole-graph export of 40k relationships', () => {
  it('streams completely past the interactive query timeout, and networkx reads it', async () => {
    expect(relationships).toBeGreaterThanOrEqual(40_000);
    const response = await fetch(`${product.url}/export/graphml`);
    expect(response.status).toBe(200);
    const file = path.join(tmp, 'graph.graphml');
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const python = ensurePythonEnv();
    const read = spawnSync(
      python,
      [
        '-c',
        'import sys, networkx as nx; g = nx.read_graphml(sys.argv[1]); print(g.number_of_nodes(), g.number_of_edges())',
        file,
      ],
      { encoding: 'utf8' },
    );
    expect(read.status, read.stderr.slice(-2000)).toBe(0);
    expect(read.stdout.trim()).toBe(`${ENTITIES} ${relationships}`);
  }, 900_000);

  it('a failure mid-stream (the export timeout, here short) aborts the connection instead of ending it', async () => {
    await product.close();
    const config = loadConfig({
      ...neo4jEnv(uri),
      PORT: '0',
      LINKAGE_TOKENS_FILE: product.tokensFile,
      LINKAGE_EXPORT_TIMEOUT_MS: '1500',
      LOG_LEVEL: 'silent',
    });
    const server = await startServer(config, { logger: quietLogger(), seed: false });
    try {
      await server.ready;
      const response = await fetch(`${server.url}/export/graphml`);
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      const first = await reader.read();
      expect(first.done).toBe(false);
      // A slow reader: the server waits for it, and the export's transaction times out meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 4000));
      const rest = (async () => {
        let bytes = 0;
        for (;;) {
          const chunk = await reader.read();
          if (chunk.done) return bytes;
          bytes += chunk.value.length;
        }
      })();
      await expect(rest).rejects.toThrow();
    } finally {
      await server.close();
    }
  });
});
