// Backup and restore: a curated graph (edits, merges, deletions, notes, new sources, evidence) is backed
// up with the CLI, restored into an emptied database with the CLI, and compared by counts and content hash.
// Issue 12, item 5b: a restore checks the backup against its signed digest and the graph's invariants
// before writing anything; a tampered name, a forged audit entry, a merge cycle or a forged addedBy is
// refused with a clear message and the empty database stays empty.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readBackupKey, sidecarFile, writeDigest } from '../../server/graph/backup/digest.ts';
import { contentHash, exportGraph, type BackupDocument } from '../../server/graph/backup/export.ts';
import { restoreDocument, RestoreRefused } from '../../server/graph/backup/restore.ts';
import { readImportFile } from '../../server/graph/import/parse.ts';
import { runCli } from '../helpers/cli.ts';
import { graphCounts, neo4jEnv, testDatabase, wipeDatabase } from '../helpers/db.ts';
import { gql, startProductForTests, type TestProduct } from '../helpers/product.ts';

let product: TestProduct;
let uri: string;
let dir: string;
const keyFile = () => path.join(dir, 'keys', 'backup-key');

function cli(task: 'backup' | 'restore', args: string[]) {
  return runCli(task, args, { uri, env: { LINKAGE_BACKUP_KEY_FILE: keyFile() } });
}

async function ok(query: string, variables: Record<string, unknown>) {
  const response = await gql(product.url, query, variables, product.editorToken);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

async function curate() {
  await ok(`mutation($input: CreateEntityInput!) { createEntity(input: $input) { id version } }`, {
    input: {
      id: 'backup-test-corp',
      kind: 'Organization',
      name: 'Backup Test Corp',
      nameKo: '백업 테스트',
      // An alias equal to the name was dropped by the restore (issue 12, item 11).
      aliases: ['BTC Korea', 'Backup Test Corp', '백업 테스트'],
      description: 'Made "to be restored" <b>exactly</b>',
      properties: { founded: 2001, listed: true, tickers: ['BTC', 'BTK'] },
    },
  });
  await ok(
    `mutation { createEntity(input: {id: "backup-twin", kind: "Organization", name: "Backup Twin"}) { id } }`,
    {},
  );
  await ok(
    `mutation { updateEntity(id: "backup-test-corp", version: 1, patch: {description: "edited once", occurredAt: "2024-02"}) { version } }`,
    {},
  );
  await ok(`mutation($input: CreateRelationshipInput!) { createRelationship(input: $input) { id } }`, {
    input: {
      type: 'PARTNERS_WITH',
      fromId: 'backup-test-corp',
      toId: 'meta',
      occurredAt: '2024-02-28',
      properties: { amount: 'undisclosed' },
      evidence: [
        {
          quote: '백업 테스트가 메타와 협력한다고 밝혔다',
          translation: 'Backup Test said it partners with Meta',
          attributedTo: 'Backup Test Corp',
          certainty: 'CONFIRMED',
          source: { id: 'backup-test-wire', title: 'Backup wire', publishedAt: '2024-03-01', language: 'en' },
        },
      ],
    },
  });
  await ok(
    `mutation($e: EvidenceInput!) { addEvidence(relationshipId: "backup-test-corp:PARTNERS_WITH:meta", evidence: $e) { version } }`,
    {
      e: {
        quote: 'A second, hedged report',
        certainty: 'SPECULATIVE',
        sourceId: 'apple-economy-2024-02-29-zuckerberg-seoul',
      },
    },
  );
  await ok(`mutation($input: CreateRelationshipInput!) { createRelationship(input: $input) { id } }`, {
    input: {
      type: 'COMPETES_WITH',
      fromId: 'backup-twin',
      toId: 'lg-electronics',
      evidence: [{ quote: 'twin competes', certainty: 'REPORTED', sourceId: 'backup-test-wire' }],
    },
  });
  await ok(`mutation { addNote(targetId: "backup-test-corp", text: "check the filing") { id } }`, {});
  await ok(
    `mutation { addNote(targetId: "backup-test-corp:PARTNERS_WITH:meta", text: "second source?") { id } }`,
    {},
  );
  await ok(`mutation { mergeEntities(keepId: "backup-test-corp", mergeId: "backup-twin") { mergeId } }`, {});
  const rel = await ok(`{ relationship(id: "cho-joo-wan:CEO_OF:lg-electronics") { version } }`, {});
  await ok(
    `mutation($v: Int!) { deleteRelationship(id: "cho-joo-wan:CEO_OF:lg-electronics", version: $v) { deleted } }`,
    {
      v: (rel.relationship as { version: number }).version,
    },
  );
  const entity = await ok(`{ entity(id: "openai") { version } }`, {});
  await ok(`mutation($v: Int!) { deleteEntity(id: "openai", version: $v) { deleted } }`, {
    v: (entity.entity as { version: number }).version,
  });
}

beforeAll(async () => {
  uri = inject('neo4jUri');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-backup-'));
  product = await startProductForTests(uri);
  await curate();
});

afterAll(async () => {
  await product?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('round-trips the whole curated graph: same counts, same content hash, same API answers', async () => {
    const db = testDatabase(uri);
    try {
      const before = await exportGraph(db);
      const countsBefore = await graphCounts(uri);
      const apiBefore = await gql(
        product.url,
        `{ entity(id: "backup-test-corp") { name aliases version notes { text author } properties }
           relationship(id: "backup-test-corp:PARTNERS_WITH:meta") { certainty version evidence { quote addedBy addedAt source { id title } } notes { text } }
           twin: entity(id: "backup-twin") { deleted mergedInto version }
           stats { entities relationships evidence sources } }`,
      );
      const file = path.join(dir, 'graph.json');
      const backup = cli('backup', ['--out', file]);
      expect(backup.status, backup.stderr).toBe(0);
      expect(backup.stdout).toContain(contentHash(before));
      // The digest is signed beside the file with a key of its own, both readable only by their owner.
      expect(fs.statSync(sidecarFile(file)).mode & 0o077).toBe(0);
      expect(fs.statSync(keyFile()).mode & 0o777).toBe(0o600);

      const written = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupDocument;
      expect(written.format).toBe('linkage/v1');
      expect(written.exportedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(written.audit.length).toBeGreaterThan(10);
      expect(written.entities.find((e) => e.id === 'backup-twin')).toMatchObject({
        deleted: true,
        mergedInto: 'backup-test-corp',
      });
      // The file is a valid import document: the importer's own validation accepts it.
      expect(() => readImportFile(file)).not.toThrow();

      // Into a non-empty database: refused, nothing changes.
      const refused = cli('restore', [file]);
      expect(refused.status).toBe(73);
      expect(refused.stderr).toMatch(/empty database/);
      await expect(restoreDocument(db, readImportFile(file), { file })).rejects.toBeInstanceOf(
        RestoreRefused,
      );
      expect(await graphCounts(uri)).toEqual(countsBefore);

      await product.close();
      await wipeDatabase(uri);
      expect((await graphCounts(uri)).entities).toBe(0);

      const restore = cli('restore', [file]);
      expect(restore.status, restore.stderr).toBe(0);
      expect(restore.stdout).toMatch(/matches the signed digest/);

      const after = await exportGraph(db);
      const hashBefore = contentHash(before);
      const hashAfter = contentHash(after);
      console.log(
        `backup round trip: ${before.entities.length} entities, content hash before ${hashBefore}, after ${hashAfter}`,
      );
      expect(hashAfter).toBe(hashBefore);
      expect(await graphCounts(uri)).toEqual(countsBefore);

      product = await startProductForTestsKeepingData();
      const apiAfter = await gql(
        product.url,
        `{ entity(id: "backup-test-corp") { name aliases version notes { text author } properties }
           relationship(id: "backup-test-corp:PARTNERS_WITH:meta") { certainty version evidence { quote addedBy addedAt source { id title } } notes { text } }
           twin: entity(id: "backup-twin") { deleted mergedInto version }
           stats { entities relationships evidence sources } }`,
      );
      expect(apiAfter.data).toEqual(apiBefore.data);
    } finally {
      await db.close();
    }
  });

  it('the hash notices any change of content', async () => {
    const db = testDatabase(uri);
    try {
      const doc = await exportGraph(db);
      const changed = structuredClone(doc);
      changed.entities[0]!.name = `${String(changed.entities[0]!.name)} `;
      expect(contentHash(changed)).not.toBe(contentHash(doc));
      const reordered = { ...doc, entities: [...doc.entities].reverse() };
      expect(contentHash(reordered)).toBe(contentHash(doc));
    } finally {
      await db.close();
    }
  });

  it('rejects a file that is not a backup, writing nothing', () => {
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{"format":"linkage/v1","entities":[{"id":"X"}]}');
    const result = cli('restore', [bad]);
    expect(result.status).toBe(65);
    expect(result.stderr).toMatch(/nothing was written/);
  });
});

describe('a restore verifies before it writes (issue 12, item 5b)', () => {
  let original: string;
  let doc: BackupDocument;

  beforeAll(async () => {
    original = path.join(dir, 'verified.json');
    const backup = cli('backup', ['--out', original]);
    expect(backup.status, backup.stderr).toBe(0);
    doc = JSON.parse(fs.readFileSync(original, 'utf8')) as BackupDocument;
    // An empty database: anything a refused restore wrote would show.
    await product.close();
    await wipeDatabase(uri);
  });

  afterAll(async () => {
    product = await startProductForTestsKeepingData();
  });

  /** A copy of the backup, changed by edit, beside the original's sidecar (or one re-signed with the key). */
  function tampered(name: string, edit: (copy: BackupDocument) => void, options: { resign?: boolean } = {}) {
    const copy = structuredClone(doc);
    edit(copy);
    const file = path.join(dir, `${name}.json`);
    const bytes = Buffer.from(`${JSON.stringify(copy, null, 1)}\n`);
    fs.writeFileSync(file, bytes);
    if (options.resign) writeDigest(file, bytes, contentHash(copy), readBackupKey(keyFile()));
    else fs.copyFileSync(sidecarFile(original), sidecarFile(file));
    return file;
  }

  async function expectRefused(file: string, status: number, message: RegExp) {
    const result = cli('restore', [file]);
    expect(result.status, result.stdout + result.stderr).toBe(status);
    expect(result.stderr).toMatch(message);
    expect(await graphCounts(uri)).toMatchObject({ entities: 0, relationships: 0, sources: 0, audit: 0 });
  }

  const entity = (copy: BackupDocument, id: string) => copy.entities.find((e) => e.id === id)!;

  it('refuses a tampered name: the file is not the one the digest signed', async () => {
    const file = tampered('tampered-name', (copy) => {
      entity(copy, 'meta').name = 'Meta (renamed by an attacker)';
    });
    await expectRefused(file, 65, /nothing was written[\s\S]*changed after the backup was made/);
  });

  it('refuses a forged audit entry', async () => {
    const file = tampered('forged-audit', (copy) => {
      copy.audit.push({
        id: 'forged-audit-entry',
        at: '2024-01-01T00:00:00.000Z',
        actor: 'test-editor',
        action: 'deleteEntity',
        targetId: 'meta',
      });
    });
    await expectRefused(file, 65, /changed after the backup was made/);
  });

  it('refuses a digest signed with another key, and a backup without its digest', async () => {
    const file = tampered('forged-digest', (copy) => {
      entity(copy, 'meta').name = 'Forged';
    });
    const bytes = fs.readFileSync(file);
    writeDigest(
      file,
      bytes,
      contentHash(JSON.parse(bytes.toString()) as BackupDocument),
      Buffer.alloc(32, 7),
    );
    await expectRefused(file, 65, /not signed by this machine's backup key/);
    fs.rmSync(sidecarFile(file));
    await expectRefused(file, 65, /\.sha256 is missing/);
  });

  it('refuses a merge cycle, even under a valid signature', async () => {
    const edit = (copy: BackupDocument) => {
      Object.assign(entity(copy, 'meta'), { mergedInto: 'lg-electronics', deleted: true });
      Object.assign(entity(copy, 'lg-electronics'), { mergedInto: 'meta', deleted: true });
    };
    await expectRefused(tampered('merge-cycle', edit), 65, /changed after the backup was made/);
    await expectRefused(
      tampered('merge-cycle-signed', edit, { resign: true }),
      73,
      /merge cycle: "(meta|lg-electronics)"/,
    );
  });

  it('refuses a forged addedBy, even under a valid signature', async () => {
    const edit = (copy: BackupDocument) => {
      const evidence = copy.relationships[0]!.evidence as { addedBy?: string }[];
      evidence[0]!.addedBy = 'mallory';
    };
    await expectRefused(tampered('forged-added-by', edit), 65, /changed after the backup was made/);
    await expectRefused(
      tampered('forged-added-by-signed', edit, { resign: true }),
      73,
      /addedBy "mallory" never acted in the backup's audit trail/,
    );
  });

  it('restores the untouched backup into the same empty database', async () => {
    const result = cli('restore', [original]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/matches the signed digest/);
    expect((await graphCounts(uri)).entities).toBe(doc.entities.length);
  });
});

/** The restored database must not be wiped or re-seeded: start the server on it as it is. */
async function startProductForTestsKeepingData(): Promise<TestProduct> {
  const { startServer } = await import('../../server/main.ts');
  const { loadConfig } = await import('../../server/config.ts');
  const { quietLogger } = await import('../helpers/db.ts');
  const config = loadConfig({
    ...neo4jEnv(uri),
    PORT: '0',
    LINKAGE_TOKENS_FILE: product.tokensFile,
    LOG_LEVEL: 'silent',
  });
  const server = await startServer(config, { logger: quietLogger(), seed: false });
  await server.ready;
  return { ...product, url: server.url, close: () => server.close() };
}
