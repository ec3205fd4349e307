// Writes a linkage/v1 document as the CSV folder the importer accepts (sources.csv, entities.csv,
// relationships.csv with one row per evidence), so tests can compare a CSV import with a JSON one.
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';

interface Doc {
  source?: Record<string, unknown>;
  sources?: Record<string, unknown>[];
  entities: {
    id: string;
    kind: string;
    name: string;
    nameKo?: string | null;
    aliases?: string[];
    description?: string | null;
    occurredAt?: string | null;
    properties?: Record<string, unknown>;
  }[];
  relationships: {
    type: string;
    from: string;
    to: string;
    occurredAt?: string | null;
    properties?: Record<string, unknown>;
    evidence: {
      quote: string;
      translation?: string | null;
      attributedTo?: string | null;
      certainty: string;
      source?: string;
    }[];
  }[];
}

export function writeCsvFolder(doc: Doc, dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const sources = doc.sources ?? (doc.source ? [doc.source] : []);
  const write = (file: string, rows: Record<string, unknown>[], columns: string[]) =>
    fs.writeFileSync(path.join(dir, file), stringify(rows, { header: true, columns }));
  write('sources.csv', sources, [
    'id',
    'title',
    'titleEn',
    'publisher',
    'author',
    'publishedAt',
    'language',
    'url',
  ]);
  write(
    'entities.csv',
    doc.entities.map((e) => ({
      ...e,
      aliases: (e.aliases ?? []).join('|'),
      properties: JSON.stringify(e.properties ?? {}),
    })),
    ['id', 'kind', 'name', 'nameKo', 'aliases', 'description', 'occurredAt', 'properties'],
  );
  write(
    'relationships.csv',
    doc.relationships.flatMap((r) =>
      r.evidence.map((ev) => ({
        type: r.type,
        from: r.from,
        to: r.to,
        occurredAt: r.occurredAt ?? '',
        properties: JSON.stringify(r.properties ?? {}),
        ...ev,
      })),
    ),
    [
      'type',
      'from',
      'to',
      'occurredAt',
      'properties',
      'quote',
      'translation',
      'attributedTo',
      'certainty',
      'source',
    ],
  );
}
