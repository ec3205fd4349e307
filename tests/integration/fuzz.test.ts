// Hostile input, property-based (fast-check): every query's arguments through HTTP, Cypher injection
// through every string argument, and import files (JSON and CSV: broken UTF-8, huge fields, deep nesting,
// formula cells, wrong types). The answer is always a coded error or a correct result — never a 500, a
// hang, a partial write, or an effect beyond the intended data (counts and a content hash compared).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contentHash, exportGraph } from '../../server/graph/backup/export.ts';
import type { Database } from '../../server/db/database.ts';
import { ERROR_CODES } from '../../server/errors.ts';
import { importDocument } from '../../server/graph/import/importer.ts';
import { ImportError, readImportFile } from '../../server/graph/import/parse.ts';
import { graphCounts, testDatabase } from '../helpers/db.ts';
import { startProductForTests, type GraphQLResponse, type TestProduct } from '../helpers/product.ts';

let product: TestProduct;
let uri: string;
let db: Database;
let dir: string;
const cases: Record<string, number> = {};
const count = (what: string) => (cases[what] = (cases[what] ?? 0) + 1);

const SEED_IDS = ['mark-zuckerberg', 'meta', 'lg-electronics', 'samsung-electronics', 'seoul', 'llama'];
const INJECTIONS = [
  '"}) DETACH DELETE n //',
  "' OR 1=1 --",
  '`) MATCH (n) DETACH DELETE n //',
  '``',
  'meta` DETACH DELETE n //',
  '\\"}) RETURN 1 UNION MATCH (n) DETACH DELETE n //',
  'x}) WITH 1 AS x MATCH (n) SET n.name = "pwned" //',
  "$('Entity') DETACH DELETE n",
  '/* */ MATCH (n) DELETE n',
  'CALL dbms.killQueries([]) //',
  'KNOWS]->() DETACH DELETE n//',
  '\u0000',
  '\\u0027 OR \\u00271\\u0027=\\u00271',
  '*',
  '~',
  '"',
  "'",
  '\\',
  '<script>alert(1)</script>',
  "=cmd|' /C calc'!A0",
];
const ALLOWED_CODES = new Set<string>([...ERROR_CODES, 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 2, arbitrary: fc.constantFrom(...SEED_IDS, '메타', '저커버그', 'lg') },
  { weight: 1, arbitrary: fc.string({ minLength: 150, maxLength: 3000 }) },
);
const idLike = fc.oneof(
  fc.constantFrom(...SEED_IDS),
  hostileString,
  fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/),
);
const intLike = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -5, max: 2500 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31)) },
);
const dateLike = fc.oneof(
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2024-02-30', '2024-13-01', '0000-00-00', '9999-12-31', '2024', '2024-02-29', ''),
  hostileString,
);
const kindLike = fc.oneof(
  fc.constantFrom('Organization', 'Person', 'Product', 'Event', 'Place'),
  hostileString,
);
const typeLike = fc.oneof(fc.constantFrom('CEO_OF', 'MET_WITH', 'PARTICIPATED_IN'), hostileString);
const filterLike = fc.option(
  fc.record(
    {
      kinds: fc.array(kindLike, { maxLength: 4 }),
      relationshipTypes: fc.array(typeLike, { maxLength: 4 }),
      minCertainty: fc.constantFrom('CONFIRMED', 'REPORTED', 'SPECULATIVE'),
      occurredFrom: dateLike,
      occurredTo: dateLike,
      includeUndated: fc.boolean(),
      publishedFrom: dateLike,
      publishedTo: dateLike,
    },
    { requiredKeys: [] },
  ),
  { nil: null },
);

interface QueryCase {
  name: string;
  query: string;
  args: fc.Arbitrary<Record<string, unknown>>;
  /** What a successful answer must satisfy. */
  check: (data: Record<string, unknown>, args: Record<string, unknown>) => void;
}

type Obj = Record<string, unknown>;
const list = (value: unknown) => (Array.isArray(value) ? (value as Obj[]) : []);
const ENTITY = 'id kind name version deleted';
const REL = 'id type fromId toId certainty';

const QUERIES: QueryCase[] = [
  {
    name: 'search',
    query: `query($text: String!, $kinds: [String!], $first: Int) { search(text: $text, kinds: $kinds, first: $first) { score entity { ${ENTITY} } } }`,
    args: fc.record({
      text: hostileString,
      kinds: fc.option(fc.array(kindLike, { maxLength: 3 })),
      first: intLike,
    }),
    check: (data, args) => {
      const hits = list(data.search);
      expect(hits.length).toBeLessThanOrEqual(args.first as number);
      for (const hit of hits) expect((hit.entity as Obj).deleted).toBe(false);
    },
  },
  {
    name: 'entity',
    query: `query($id: ID!) { entity(id: $id) { ${ENTITY} } }`,
    args: fc.record({ id: idLike }),
    check: (data, args) => {
      if (data.entity !== null) expect((data.entity as Obj).id).toBe(args.id);
    },
  },
  {
    name: 'entities',
    query: `query($kinds: [String!], $first: Int, $after: String, $d: Boolean) { entities(kinds: $kinds, first: $first, after: $after, includeDeleted: $d) { totalCount edges { cursor node { ${ENTITY} } } } }`,
    args: fc.record({
      kinds: fc.option(fc.array(kindLike, { maxLength: 3 })),
      first: intLike,
      after: fc.option(
        fc.oneof(
          hostileString,
          fc.constantFrom(...SEED_IDS).map((id) => Buffer.from(id).toString('base64url')),
        ),
      ),
      d: fc.boolean(),
    }),
    check: (data, args) => {
      const page = data.entities as Obj;
      expect(list(page.edges).length).toBeLessThanOrEqual(args.first as number);
    },
  },
  {
    name: 'relationship',
    query: `query($id: ID!) { relationship(id: $id) { ${REL} } }`,
    args: fc.record({
      id: fc.oneof(
        hostileString,
        fc.tuple(idLike, typeLike, idLike).map(([a, t, b]) => `${a}:${t}:${b}`),
        fc.constant('mark-zuckerberg:CEO_OF:meta'),
      ),
    }),
    check: (data, args) => {
      if (data.relationship !== null) expect((data.relationship as Obj).id).toBe(args.id);
    },
  },
  {
    name: 'neighborhood',
    query: `query($ids: [ID!]!, $depth: Int, $limit: Int, $filter: GraphFilter) { neighborhood(ids: $ids, depth: $depth, limit: $limit, filter: $filter) { truncated totalNodes nodes { ${ENTITY} } relationships { ${REL} } } }`,
    args: fc.record({
      ids: fc.array(idLike, { minLength: 0, maxLength: 4 }),
      depth: fc.oneof(fc.integer({ min: -1, max: 4 }), intLike),
      limit: intLike,
      filter: filterLike,
    }),
    check: (data, args) => {
      const sub = data.neighborhood as Obj;
      const nodes = list(sub.nodes);
      expect(nodes.length).toBeLessThanOrEqual(args.limit as number);
      const ids = new Set(nodes.map((n) => n.id));
      for (const id of args.ids as string[]) expect(ids.has(id)).toBe(true);
      for (const r of list(sub.relationships)) {
        expect(ids.has(r.fromId)).toBe(true);
        expect(ids.has(r.toId)).toBe(true);
      }
    },
  },
  {
    name: 'expansionPreview',
    query: `query($id: ID!, $ex: [ID!], $filter: GraphFilter) { expansionPreview(id: $id, excludeIds: $ex, filter: $filter) { id total groups { type direction count } } }`,
    args: fc.record({ id: idLike, ex: fc.option(fc.array(idLike, { maxLength: 5 })), filter: filterLike }),
    check: (data, args) => {
      const preview = data.expansionPreview as Obj;
      expect(preview.id).toBe(args.id);
      for (const g of list(preview.groups)) expect(g.count as number).toBeGreaterThanOrEqual(0);
    },
  },
  {
    name: 'paths',
    query: `query($a: ID!, $b: ID!, $len: Int, $first: Int, $filter: GraphFilter) { paths(fromId: $a, toId: $b, maxLength: $len, first: $first, filter: $filter) { nodes { id } relationships { ${REL} } } }`,
    args: fc.record({
      a: idLike,
      b: idLike,
      len: fc.oneof(fc.integer({ min: 0, max: 7 }), intLike),
      first: fc.oneof(fc.integer({ min: 0, max: 11 }), intLike),
      filter: filterLike,
    }),
    check: (data, args) => {
      const paths = list(data.paths);
      expect(paths.length).toBeLessThanOrEqual(args.first as number);
      for (const p of paths) {
        const nodes = list(p.nodes);
        expect(nodes[0]!.id).toBe(args.a);
        expect(nodes.at(-1)!.id).toBe(args.b);
        expect(list(p.relationships).length).toBeLessThanOrEqual(args.len as number);
      }
    },
  },
  {
    name: 'timeline',
    query: `query($from: String, $to: String, $clock: Clock, $first: Int) { timeline(from: $from, to: $to, clock: $clock, first: $first) { from to entity { id } relationship { id } } }`,
    args: fc.record({
      from: fc.option(dateLike),
      to: fc.option(dateLike),
      clock: fc.constantFrom('OCCURRED', 'PUBLISHED', 'NOW', ''),
      first: intLike,
    }),
    check: (data, args) => {
      const items = list(data.timeline);
      expect(items.length).toBeLessThanOrEqual(args.first as number);
      for (const item of items) expect(String(item.from) <= String(item.to)).toBe(true);
    },
  },
  {
    name: 'auditTrail',
    query: `query($t: String, $first: Int) { auditTrail(targetId: $t, first: $first) { id action targetId } }`,
    args: fc.record({ t: fc.option(hostileString), first: intLike }),
    check: (data, args) => expect(list(data.auditTrail).length).toBeLessThanOrEqual(args.first as number),
  },
  {
    name: 'stats',
    query: `query($first: Int) { stats { entities relationships topEntities(first: $first) { degree entity { id } } } }`,
    args: fc.record({ first: intLike }),
    check: (data, args) => {
      const stats = data.stats as Obj;
      expect(list(stats.topEntities).length).toBeLessThanOrEqual(args.first as number);
    },
  },
];

/** One request with a hang guard; returns the response or fails the property. */
async function ask(
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<GraphQLResponse> {
  const response = await fetch(`${product.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json()) as GraphQLResponse;
  return { ...body, status: response.status };
}

function expectCodedOrData(response: GraphQLResponse) {
  expect(response.status, JSON.stringify(response.errors)).toBeLessThan(500);
  for (const error of response.errors ?? []) {
    const code = error.extensions?.code;
    expect(ALLOWED_CODES.has(String(code)), `${code}: ${error.message}`).toBe(true);
  }
}

async function snapshot() {
  return { counts: await graphCounts(uri), hash: contentHash(await exportGraph(db)) };
}

beforeAll(async () => {
  uri = inject('neo4jUri');
  // Responses are not cached here, so every case reaches the database.
  product = await startProductForTests(uri, {
    env: { LINKAGE_RESPONSE_CACHE_TTL_MS: '0', LINKAGE_AUTH_FAILURES_PER_MINUTE: '100000' },
  });
  db = testDatabase(uri);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-fuzz-'));
});

afterAll(async () => {
  await db?.close();
  await product?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const total = Object.values(cases).reduce((a, b) => a + b, 0);
  console.log(`fuzz cases run: ${total} ${JSON.stringify(cases)}`);
});

describe('every query argument through HTTP', () => {
  it('answers a coded error or a correct result, never a 500 or a hang, and writes nothing', async () => {
    const before = await snapshot();
    for (const q of QUERIES) {
      await fc.assert(
        fc.asyncProperty(q.args, async (args) => {
          count(`query:${q.name}`);
          // A reader token: the audit trail is not for anonymous callers (issue 12, item 19).
          const response = await ask(q.query, args, product.readerToken);
          expectCodedOrData(response);
          if (!response.errors && response.data) q.check(response.data as Record<string, unknown>, args);
        }),
        { numRuns: 120 },
      );
    }
    expect(await snapshot()).toEqual(before);
  }, 900_000);
});

describe('Cypher injection through every string argument of the mutations', () => {
  const MUTATION_FIELDS = ['name', 'nameKo', 'description', 'aliases', 'occurredAt', 'id'] as const;

  it('creates exactly the literal data asked for and touches nothing else', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...MUTATION_FIELDS),
        fc.oneof(fc.constantFrom(...INJECTIONS), hostileString),
        async (field, payload) => {
          count(`inject:createEntity.${field}`);
          n += 1;
          const id = `inj-${n}`;
          const input: Record<string, unknown> = { id, kind: 'Concept', name: `Injection ${n}` };
          input[field] = field === 'aliases' ? [payload] : payload;
          const before = await exportGraph(db);
          const response = await ask(
            `mutation($input: CreateEntityInput!) { createEntity(input: $input) { id name nameKo description aliases occurredAt } }`,
            { input },
            product.editorToken,
          );
          expectCodedOrData(response);
          const after = await exportGraph(db);
          const created = response.errors ? undefined : (response.data!.createEntity as Obj);
          const others = after.entities.filter((e) => e.id !== created?.id);
          // Nothing else changed: the other entities, every relationship and source are as before.
          expect(contentHash({ ...after, entities: others, audit: [] })).toBe(
            contentHash({ ...before, audit: [] }),
          );
          if (created) {
            const wanted =
              field === 'aliases' ? [payload.trim()] : field === 'name' ? payload.trim() : payload;
            expect(created[field === 'id' ? 'id' : field]).toEqual(wanted);
            expect(after.entities.length).toBe(before.entities.length + 1);
          } else expect(after.entities.length).toBe(before.entities.length);
        },
      ),
      { numRuns: 150 },
    );
  }, 900_000);

  it('relationship types, relationship ids, notes, evidence and merges take injections as data or refuse them', async () => {
    const before = await snapshot();
    const mutations: [string, (p: string) => Record<string, unknown>][] = [
      [
        `mutation($input: CreateRelationshipInput!) { createRelationship(input: $input) { id } }`,
        (p) => ({
          input: {
            type: p,
            fromId: 'meta',
            toId: 'seoul',
            evidence: [
              { quote: 'q', certainty: 'REPORTED', sourceId: 'apple-economy-2024-02-29-zuckerberg-seoul' },
            ],
          },
        }),
      ],
      [
        `mutation($id: ID!) { updateRelationship(id: $id, version: 1, patch: {properties: {note: "x"}}) { id } }`,
        (p) => ({ id: p }),
      ],
      [
        `mutation($id: ID!) { deleteRelationship(id: $id, version: 1) { id } }`,
        (p) => ({ id: `meta:${p}:seoul` }),
      ],
      [`mutation($id: ID!) { addNote(targetId: $id, text: "x") { id } }`, (p) => ({ id: p })],
      [`mutation($id: ID!) { unmergeEntities(mergeId: $id) { id } }`, (p) => ({ id: p })],
      [`mutation($id: ID!) { mergeEntities(keepId: "meta", mergeId: $id) { mergeId } }`, (p) => ({ id: p })],
      [`mutation($id: ID!) { deleteEntity(id: $id, version: 1) { id } }`, (p) => ({ id: p })],
      [
        `mutation($e: EvidenceInput!) { addEvidence(relationshipId: "mark-zuckerberg:CEO_OF:meta", evidence: $e) { id } }`,
        (p) => ({ e: { quote: 'q', certainty: 'REPORTED', sourceId: p } }),
      ],
    ];
    for (const [query, variables] of mutations) {
      for (const payload of INJECTIONS) {
        count('inject:mutation');
        const response = await ask(query, variables(payload), product.editorToken);
        expectCodedOrData(response);
        // Every hostile string is refused by the input rules: none of these is a valid slug or type.
        expect(response.errors?.[0]?.extensions?.code, `${query} ${payload}`).toMatch(
          /BAD_USER_INPUT|NOT_FOUND|GRAPHQL_VALIDATION_FAILED/,
        );
      }
    }
    expect(await snapshot()).toEqual(before);
  }, 900_000);
});

// Import files: generated cases go through the real parser and, when valid, the real importer.
const base = () => ({
  format: 'linkage/v1',
  source: { id: 'fuzz-source', title: 'Fuzz source', publishedAt: '2024-03-01' },
  entities: [
    { id: 'fuzz-a', kind: 'Organization', name: 'Fuzz A' },
    { id: 'fuzz-b', kind: 'Person', name: 'Fuzz B' },
  ],
  relationships: [
    {
      type: 'WORKS_FOR',
      from: 'fuzz-b',
      to: 'fuzz-a',
      evidence: [{ quote: 'B works for A', certainty: 'REPORTED' }],
    },
  ],
});

const FIELD_PATHS: (string | number)[][] = [
  ['format'],
  ['source'],
  ['source', 'id'],
  ['source', 'publishedAt'],
  ['entities'],
  ['entities', 0],
  ['entities', 0, 'id'],
  ['entities', 0, 'kind'],
  ['entities', 0, 'name'],
  ['entities', 1, 'aliases'],
  ['entities', 1, 'properties'],
  ['entities', 1, 'occurredAt'],
  ['relationships', 0, 'type'],
  ['relationships', 0, 'from'],
  ['relationships', 0, 'evidence'],
  ['relationships', 0, 'evidence', 0, 'quote'],
  ['relationships', 0, 'evidence', 0, 'certainty'],
  ['relationships', 0, 'properties'],
];

// Values as JSON text, so deeply nested ones never exist as objects in the test (fast-check prints them).
const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.constantFrom(...INJECTIONS).map((v) => JSON.stringify(v)),
  fc.constant(JSON.stringify('x'.repeat(200_000))),
  fc
    .integer({ min: 1000, max: 100_000 })
    .map((depth) => '{"nested":'.repeat(depth) + '1' + '}'.repeat(depth)),
  fc.integer({ min: 1000, max: 100_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.constantFrom('null', 'true', '0', '-1', '1e308', '[]', '{}', '""'),
);
const PLACEHOLDER = '__fuzz_value__';

function setPath(doc: Record<string, unknown>, pathParts: (string | number)[], value: unknown) {
  let node = doc as Record<string | number, unknown>;
  for (const part of pathParts.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
  node[pathParts.at(-1)!] = value;
}

let importRun = 0;

/** Parses and imports `file`; a rejection must leave the graph exactly as it was. */
async function importCase(file: string, what: string) {
  count(what);
  const before = await snapshot();
  let doc;
  try {
    doc = readImportFile(file);
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(ImportError);
    expect((error as ImportError).problems.length).toBeGreaterThan(0);
    return 'rejected';
  }
  try {
    importRun += 1;
    await importDocument(db, doc, { file, actor: `fuzz-${importRun}` });
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(ImportError);
    expect(await snapshot()).toEqual(before);
    return 'rejected';
  }
  // Accepted: what the file says is stored, literally.
  for (const e of doc.entities) {
    const stored = (await ask(`query($id: ID!) { entity(id: $id) { id name } }`, { id: e.id })).data
      ?.entity as Obj | null;
    expect(stored?.id).toBe(e.id);
  }
  return 'imported';
}

describe('import files', () => {
  it('JSON: wrong types, huge fields, deep nesting, injections — rejected whole or imported as data', async () => {
    const outcomes = { rejected: 0, imported: 0 };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIELD_PATHS), hostileValue, async (pathParts, value) => {
        const doc = base() as Record<string, unknown>;
        setPath(doc, pathParts, PLACEHOLDER);
        const file = path.join(dir, 'case.json');
        fs.writeFileSync(file, JSON.stringify(doc).replace(JSON.stringify(PLACEHOLDER), value));
        outcomes[await importCase(file, 'import:json')] += 1;
      }),
      { numRuns: 120 },
    );
    console.log(`JSON import cases: ${JSON.stringify(outcomes)}`);
    expect(outcomes.rejected).toBeGreaterThan(0);
  }, 900_000);

  it('JSON and CSV: broken UTF-8 bytes are rejected with the line, nothing written', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 4 }).filter((bytes) => {
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(bytes);
            return false;
          } catch {
            return true;
          }
        }),
        fc.boolean(),
        async (bad, csv) => {
          if (csv) {
            const folder = fs.mkdtempSync(path.join(dir, 'csv-'));
            fs.writeFileSync(path.join(folder, 'sources.csv'), 'id,title\nfuzz-source,Fuzz\n');
            fs.writeFileSync(
              path.join(folder, 'entities.csv'),
              Buffer.concat([
                Buffer.from('id,kind,name\nfuzz-u,Concept,Broken '),
                Buffer.from(bad),
                Buffer.from('\n'),
              ]),
            );
            fs.writeFileSync(path.join(folder, 'relationships.csv'), 'type,from,to,quote,certainty\n');
            expect(await importCase(folder, 'import:csv-utf8')).toBe('rejected');
          } else {
            const file = path.join(dir, 'utf8.json');
            const text = JSON.stringify(base()).replace('Fuzz A', 'Fuzz \u0001A');
            const [head, tail] = text.split('\u0001');
            fs.writeFileSync(file, Buffer.concat([Buffer.from(head!), Buffer.from(bad), Buffer.from(tail!)]));
            expect(await importCase(file, 'import:json-utf8')).toBe('rejected');
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 900_000);

  it('CSV: formula cells, quotes, huge cells, injected relationship types', async () => {
    const cell = fc.oneof(
      fc.constantFrom(
        ...INJECTIONS,
        "=cmd|' /C calc'!A0",
        '+1+1',
        '-2+3',
        '@SUM(A1:A2)',
        '=HYPERLINK("http://x")',
      ),
      fc.string({ maxLength: 30 }),
      fc.constant('y'.repeat(30_000)),
    );
    const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;
    const outcomes = { rejected: 0, imported: 0 };
    await fc.assert(
      fc.asyncProperty(
        cell,
        cell,
        fc.oneof(fc.constantFrom('WORKS_FOR', 'KNOWS]->() DETACH DELETE n//', 'knows'), cell),
        async (name, quote, type) => {
          const folder = fs.mkdtempSync(path.join(dir, 'csv-'));
          fs.writeFileSync(path.join(folder, 'sources.csv'), 'id,title\nfuzz-source,Fuzz source\n');
          fs.writeFileSync(
            path.join(folder, 'entities.csv'),
            `id,kind,name,aliases\nfuzz-c,Organization,${csvCell(name)},${csvCell(name)}\nfuzz-d,Person,Fuzz D,\n`,
          );
          fs.writeFileSync(
            path.join(folder, 'relationships.csv'),
            `type,from,to,quote,certainty\n${csvCell(type)},fuzz-d,fuzz-c,${csvCell(quote)},REPORTED\n`,
          );
          const outcome = await importCase(folder, 'import:csv');
          outcomes[outcome] += 1;
          if (outcome === 'imported') {
            const stored = (await ask(`{ entity(id: "fuzz-c") { name } }`, {})).data?.entity as Obj;
            expect(typeof stored.name).toBe('string');
          }
        },
      ),
      { numRuns: 80 },
    );
    console.log(`CSV import cases: ${JSON.stringify(outcomes)}`);
    // The hostile relationship type never becomes a type: only UPPER_SNAKE types exist.
    const types = (await ask('{ stats { relationshipsByType { key } } }', {})).data?.stats as Obj;
    for (const t of list(types.relationshipsByType)) expect(String(t.key)).toMatch(/^[A-Z][A-Z0-9_]*$/);
  }, 900_000);
});
