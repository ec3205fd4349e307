// Property-based tests of the import parser (no database): any bytes give a document or an ImportError
// that names a file, a location and a fix — never another exception; valid documents survive parsing
// unchanged; CSV cells (formulas, quotes, commas, newlines, Korean) arrive literally.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../../server/graph/model.ts';
import {
  decodeUtf8,
  ImportError,
  parseCsvFolder,
  parseJsonDocument,
  readImportFile,
  validateDocument,
} from '../../server/graph/import/parse.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linkage-import-parse-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let total = 0;
afterAll(() => console.log(`import-parse property cases run: ${total}`));

function expectImportErrorOrDocument(run: () => unknown) {
  total += 1;
  try {
    const doc = run() as { format: string };
    expect(doc.format).toBe('linkage/v1');
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(ImportError);
    const problems = (error as ImportError).problems;
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.file.length).toBeGreaterThan(0);
      expect(p.location.length).toBeGreaterThan(0);
      expect(p.message.length).toBeGreaterThan(0);
    }
  }
}

const slug = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);
const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.constantFrom(
    "=cmd|' /C calc'!A0",
    '+SUM(1)',
    '@x',
    '"quoted, with comma"',
    'line\nbreak',
    '메타가',
    '조 윌리엄',
  ),
);
const nonBlank = text.filter((t) => t.trim().length > 0);
const day = fc
  .date({ min: new Date('1950-01-01'), max: new Date('2090-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const validDocument = fc.uniqueArray(slug, { minLength: 2, maxLength: 8 }).chain((ids) =>
  fc.record({
    format: fc.constant('linkage/v1' as const),
    source: fc.record({ id: fc.constant('prop-source'), title: nonBlank, publishedAt: day }),
    entities: fc.tuple(
      ...ids.map((id) =>
        fc.record({
          id: fc.constant(id),
          kind: fc.constantFrom(...ENTITY_KINDS),
          name: nonBlank,
          aliases: fc.uniqueArray(nonBlank, { maxLength: 3 }),
          description: fc.option(text, { nil: undefined }),
          occurredAt: fc.option(day, { nil: undefined }),
        }),
      ),
    ),
    relationships: fc
      .uniqueArray(
        fc
          .tuple(
            fc.constantFrom(...ids),
            fc.constantFrom('MET_WITH', 'SUPPLIES', 'CEO_OF'),
            fc.constantFrom(...ids),
          )
          .filter(([a, , b]) => a !== b),
        { maxLength: 6, selector: ([a, t, b]) => `${a}:${t}:${b}` },
      )
      .chain((triples) =>
        fc.tuple(
          ...triples.map(([from, type, to]) =>
            fc.record({
              type: fc.constant(type),
              from: fc.constant(from),
              to: fc.constant(to),
              evidence: fc.array(
                fc.record({
                  quote: nonBlank,
                  certainty: fc.constantFrom('CONFIRMED', 'REPORTED', 'SPECULATIVE'),
                }),
                { minLength: 1, maxLength: 2 },
              ),
            }),
          ),
        ),
      ),
  }),
);

describe('JSON documents', () => {
  it('any bytes: a document or an ImportError, never another exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expectImportErrorOrDocument(() => parseJsonDocument(decodeUtf8(bytes, 'bytes.json'), 'bytes.json'));
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('any JSON value: a document or an ImportError', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expectImportErrorOrDocument(() => validateDocument(value, 'value.json'));
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('a valid document with one field replaced by anything: a document or an ImportError naming where', () => {
    // Values are given as JSON text, so deep nesting never has to exist as an object in the test itself.
    const valueText = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.constant(`"${'x'.repeat(100_000)}"`),
      fc.integer({ min: 1000, max: 50_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
      fc.integer({ min: 1000, max: 50_000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
    );
    fc.assert(
      fc.property(
        validDocument,
        fc.constantFrom('format', 'source', 'entities', 'relationships'),
        valueText,
        (doc, key, value) => {
          const rest = JSON.stringify({ ...doc, [key]: undefined });
          const text = `${rest.slice(0, -1)}${rest.length > 2 ? ',' : ''}"${key}":${value}}`;
          expectImportErrorOrDocument(() => parseJsonDocument(text, 'broken.json'));
        },
      ),
      { numRuns: 500 },
    );
  }, 120_000);

  it('valid documents pass through unchanged (ids, names, aliases, evidence)', () => {
    fc.assert(
      fc.property(validDocument, (doc) => {
        total += 1;
        const parsed = parseJsonDocument(JSON.stringify(doc), 'valid.json');
        expect(parsed.entities.map((e) => [e.id, e.name, e.aliases])).toEqual(
          // Names, aliases and quotes are trimmed by the format's rules; nothing else changes.
          doc.entities.map((e) => [e.id, e.name.trim(), e.aliases.map((a) => a.trim())]),
        );
        expect(
          parsed.relationships.map((r) => [r.type, r.from, r.to, r.evidence.map((e) => e.quote)]),
        ).toEqual(
          doc.relationships.map((r) => [r.type, r.from, r.to, r.evidence.map((e) => e.quote.trim())]),
        );
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('hostile relationship types are rejected by the type rule before any Cypher sees them', () => {
    fc.assert(
      fc.property(
        validDocument.filter((d) => d.relationships.length > 0),
        fc.oneof(
          fc.constantFrom('KNOWS]->() DETACH DELETE n//', 'KNOWS`', 'knows', 'A-B', 'X Y', '', '`'),
          fc.string().filter((s) => !/^[A-Z][A-Z0-9_]*$/.test(s)),
        ),
        (doc, type) => {
          total += 1;
          const broken = { ...doc, relationships: [{ ...doc.relationships[0]!, type }] };
          expect(() => validateDocument(broken, 'types.json')).toThrow(ImportError);
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);
});

const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;

describe('CSV folders', () => {
  it('cells arrive literally: formulas, quotes, commas, newlines and Korean are data', () => {
    fc.assert(
      fc.property(validDocument, (doc) => {
        total += 1;
        const folder = fs.mkdtempSync(path.join(dir, 'csv-'));
        fs.writeFileSync(
          path.join(folder, 'sources.csv'),
          `id,title,publishedAt\n${doc.source.id},${csvCell(doc.source.title)},${doc.source.publishedAt}\n`,
        );
        fs.writeFileSync(
          path.join(folder, 'entities.csv'),
          'id,kind,name,aliases,description\n' +
            doc.entities
              .map((e) =>
                [
                  e.id,
                  e.kind,
                  csvCell(e.name),
                  csvCell(e.aliases.join('|')),
                  csvCell(e.description ?? ''),
                ].join(','),
              )
              .join('\n'),
        );
        fs.writeFileSync(
          path.join(folder, 'relationships.csv'),
          'type,from,to,quote,certainty\n' +
            doc.relationships
              .flatMap((r) =>
                r.evidence.map((ev) => [r.type, r.from, r.to, csvCell(ev.quote), ev.certainty].join(',')),
              )
              .join('\n'),
        );
        let parsed;
        try {
          parsed = parseCsvFolder(folder);
        } catch (error) {
          // Cells are trimmed and "|" splits aliases, so some generated values are legitimately refused.
          expect(error).toBeInstanceOf(ImportError);
          return;
        }
        for (const e of doc.entities) {
          const got = parsed.entities.find((p) => p.id === e.id)!;
          expect(got.name).toBe(e.name.trim());
        }
        expect(parsed.relationships.length).toBe(doc.relationships.length);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('any bytes in a CSV file: a document or an ImportError, never another exception', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.constantFrom('sources.csv', 'entities.csv', 'relationships.csv'),
        (bytes, name) => {
          const folder = fs.mkdtempSync(path.join(dir, 'bytes-'));
          fs.writeFileSync(path.join(folder, 'sources.csv'), 'id,title\ns,S\n');
          fs.writeFileSync(path.join(folder, 'entities.csv'), 'id,kind,name\na,Person,A\nb,Person,B\n');
          fs.writeFileSync(
            path.join(folder, 'relationships.csv'),
            'type,from,to,quote,certainty\nKNOWS,a,b,q,REPORTED\n',
          );
          fs.writeFileSync(path.join(folder, name), bytes);
          expectImportErrorOrDocument(() => readImportFile(folder));
        },
      ),
      { numRuns: 400 },
    );
  }, 120_000);

  it('a huge cell is refused with its line, not accepted half-way', () => {
    total += 1;
    const folder = fs.mkdtempSync(path.join(dir, 'huge-'));
    fs.writeFileSync(path.join(folder, 'sources.csv'), 'id,title\ns,S\n');
    fs.writeFileSync(path.join(folder, 'entities.csv'), `id,kind,name\na,Person,${'n'.repeat(600)}\n`);
    fs.writeFileSync(path.join(folder, 'relationships.csv'), 'type,from,to,quote,certainty\n');
    expect(() => readImportFile(folder)).toThrow(/entities\.csv line 2 column name/);
  }, 120_000);
});
