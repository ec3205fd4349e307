// Turns an import file (JSON document or CSV folder) into a validated document, or an ImportError
// that names the file, the record (JSON path or CSV line) and the fix. Nothing here touches the database.
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse as parseCsv } from 'csv-parse/sync';
import parserStream from 'stream-json';
import Assembler from 'stream-json/assembler.js';
import type { z } from 'zod';
import { DocumentSchema, type ImportDocument, type ImportSource } from './format.ts';

export interface ImportProblem {
  file: string;
  location: string;
  message: string;
}

export class ImportError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    const shown = problems.slice(0, 20).map((p) => `  ${p.file} ${p.location}: ${p.message}`);
    const more = problems.length > 20 ? [`  … and ${problems.length - 20} more`] : [];
    super(
      `Import rejected, nothing was written (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${[...shown, ...more].join('\n')}`,
    );
    this.name = 'ImportError';
  }
}

const fileTooLarge = (file: string, maxBytes: number) =>
  new ImportError([
    {
      file,
      location: '(file)',
      message: `larger than ${Math.round(maxBytes / 1024 / 1024)} MiB; split it into several files and import each`,
    },
  ]);

/** A descriptor of a regular file of at most maxBytes (checked on the descriptor); the caller closes it. */
export function openRegularFile(file: string, maxBytes: number): number {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile())
      throw new ImportError([
        {
          file,
          location: '(file)',
          message: 'not a regular file (a device, pipe or socket); save the data to a file and import that',
        },
      ]);
    if (stat.size > maxBytes) throw fileTooLarge(file, maxBytes);
    return fd;
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}

const notUtf8 = (file: string, line: number) =>
  new ImportError([
    {
      file,
      location: `line ${line}`,
      message: 'the file is not valid UTF-8; save it as UTF-8 and import again',
    },
  ]);

/**
 * One file is decoded into one JavaScript string, and V8's strings stop at 2^29 − 24 characters (a 570 MB file
 * crashed the importer with ERR_STRING_TOO_LONG); below that bound every UTF-8 file fits. Larger graphs are
 * imported as several files (the generator and the bench write shards).
 */
export const MAX_FILE_BYTES = 500 * 1024 * 1024;

/**
 * The bytes of a regular file, at most MAX_FILE_BYTES of them. The size is checked on the open descriptor,
 * and the read stops one byte past the bound, so a device (/dev/zero), a pipe or a file that grows while it
 * is read never makes the importer read without end. Opened non-blocking: a FIFO with no writer is refused
 * at once instead of hanging.
 */
export function readRegularFile(file: string, maxBytes = MAX_FILE_BYTES): Buffer {
  const tooLarge = () => fileTooLarge(file, maxBytes);
  const fd = openRegularFile(file, maxBytes);
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(16 * 1024 * 1024, maxBytes + 1 - total));
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) throw tooLarge();
    }
    return Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}

function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    // Decode leniently only to say where the first bad byte sits.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const at = lenient.indexOf('\uFFFD');
    throw notUtf8(file, lenient.slice(0, Math.max(at, 0)).split('\n').length);
  }
}

function jsonPath(pathParts: readonly PropertyKey[]): string {
  return (
    pathParts.reduce<string>(
      (acc, part) =>
        typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
      '',
    ) || '(document)'
  );
}

function lineOfPosition(text: string, message: string): string {
  const match = /position (\d+)/.exec(message);
  if (!match) return 'JSON';
  const upTo = text.slice(0, Number(match[1]));
  return `line ${upTo.split('\n').length}`;
}

/** Validates shape and meaning; `locate` maps a JSON path to a human location (CSV lines). */
export function validateDocument(
  raw: unknown,
  file: string,
  locate: (pathParts: readonly PropertyKey[]) => string = jsonPath,
): ImportDocument {
  const parsed = DocumentSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ImportError(
      parsed.error.issues.map((issue: z.core.$ZodIssue) => ({
        file,
        location: locate(issue.path),
        message: issue.message,
      })),
    );
  }
  const doc = parsed.data;
  const problems: ImportProblem[] = [];
  const sources: ImportSource[] = doc.sources ?? (doc.source ? [doc.source] : []);
  const sourceIds = new Set<string>();
  sources.forEach((s, i) => {
    if (sourceIds.has(s.id))
      problems.push({
        file,
        location: locate(doc.sources ? ['sources', i, 'id'] : ['source', 'id']),
        message: `duplicate source id "${s.id}"; give each source its own id`,
      });
    sourceIds.add(s.id);
  });
  const entityIds = new Set<string>();
  doc.entities.forEach((e, i) => {
    if (entityIds.has(e.id))
      problems.push({
        file,
        location: locate(['entities', i, 'id']),
        message: `duplicate entity id "${e.id}"; merge the two records into one`,
      });
    entityIds.add(e.id);
  });
  const relationshipKeys = new Set<string>();
  doc.relationships.forEach((r, i) => {
    const key = `${r.from}:${r.type}:${r.to}`;
    if (relationshipKeys.has(key))
      problems.push({
        file,
        location: locate(['relationships', i]),
        message: `duplicate relationship ${r.type} from "${r.from}" to "${r.to}"; put all its evidence in one record`,
      });
    relationshipKeys.add(key);
    if (r.from === r.to)
      problems.push({
        file,
        location: locate(['relationships', i, 'to']),
        message: `relationship ${r.type} points from "${r.from}" to itself; check the ids`,
      });
    r.evidence.forEach((ev, j) => {
      if (ev.source === undefined && sources.length > 1) {
        problems.push({
          file,
          location: locate(['relationships', i, 'evidence', j, 'source']),
          message: `this document has ${sources.length} sources; say which one this evidence cites with "source"`,
        });
      } else if (ev.source !== undefined && !sourceIds.has(ev.source)) {
        problems.push({
          file,
          location: locate(['relationships', i, 'evidence', j, 'source']),
          message: `unknown source "${ev.source}"; add it to "sources" or fix the id (known: ${[...sourceIds].join(', ')})`,
        });
      }
    });
  });
  if (problems.length > 0) throw new ImportError(problems);
  return { ...doc, sources, source: undefined };
}

export function parseJsonDocument(text: string, file: string): ImportDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError([
      {
        file,
        location: lineOfPosition(text, message),
        message: `not valid JSON (${message}); fix the syntax and import again`,
      },
    ]);
  }
  return validateDocument(raw, file);
}

const LIST_SEPARATOR = '|';

interface CsvTable {
  file: string;
  rows: Record<string, string>[];
}

function readCsv(file: string, required: string[]): CsvTable {
  const text = decodeUtf8(readRegularFile(file), file);
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    }) as Record<string, string>[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError([{ file, location: 'CSV', message: `not valid CSV (${message})` }]);
  }
  const header = rows[0] ? Object.keys(rows[0]) : [];
  const missing = required.filter((c) => rows.length > 0 && !header.includes(c));
  if (missing.length > 0)
    throw new ImportError([
      {
        file,
        location: 'line 1',
        message: `missing column(s) ${missing.join(', ')}; see README "CSV import" for the columns`,
      },
    ]);
  return { file, rows };
}

const orNull = (value: string | undefined) => (value === undefined || value === '' ? null : value);

function parseJsonCell(value: string | undefined, file: string, line: number, column: string): unknown {
  if (value === undefined || value === '') return {};
  try {
    return JSON.parse(value);
  } catch {
    throw new ImportError([
      {
        file,
        location: `line ${line} column ${column}`,
        message: 'expected a JSON object such as {"title":"CEO"}',
      },
    ]);
  }
}

/**
 * CSV import: a folder (or the path of its entities.csv) holding sources.csv, entities.csv and
 * relationships.csv. One relationships.csv row per evidence; rows with the same type/from/to are one
 * relationship. List cells (aliases) are separated by "|".
 */
export function parseCsvFolder(input: string): ImportDocument {
  const dir = fs.statSync(input).isDirectory() ? input : path.dirname(input);
  const sourcesFile = path.join(dir, 'sources.csv');
  const entitiesFile = path.join(dir, 'entities.csv');
  const relationshipsFile = path.join(dir, 'relationships.csv');
  for (const f of [sourcesFile, entitiesFile, relationshipsFile]) {
    if (!fs.existsSync(f))
      throw new ImportError([
        {
          file: f,
          location: '(file)',
          message:
            'missing; a CSV import needs sources.csv, entities.csv and relationships.csv in one folder',
        },
      ]);
  }
  const sources = readCsv(sourcesFile, ['id', 'title']);
  const entities = readCsv(entitiesFile, ['id', 'kind', 'name']);
  const relationships = readCsv(relationshipsFile, ['type', 'from', 'to', 'quote', 'certainty']);

  const raw = {
    format: 'linkage/v1',
    sources: sources.rows.map((r) => ({
      id: r.id,
      title: r.title,
      titleEn: orNull(r.titleEn),
      publisher: orNull(r.publisher),
      author: orNull(r.author),
      publishedAt: orNull(r.publishedAt),
      language: orNull(r.language),
      url: orNull(r.url),
      reliability: orNull(r.reliability),
    })),
    entities: entities.rows.map((r, i) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      nameKo: orNull(r.nameKo),
      aliases: r.aliases
        ? r.aliases
            .split(LIST_SEPARATOR)
            .map((a) => a.trim())
            .filter(Boolean)
        : [],
      description: orNull(r.description),
      occurredAt: orNull(r.occurredAt),
      properties: parseJsonCell(r.properties, entitiesFile, i + 2, 'properties'),
    })),
    relationships: [] as Record<string, unknown>[],
  };
  // Group evidence rows into relationships, remembering each row's line for error messages.
  const groups = new Map<string, { record: Record<string, unknown>; lines: number[] }>();
  relationships.rows.forEach((r, i) => {
    const line = i + 2;
    const key = `${r.from}:${r.type}:${r.to}`;
    const evidence = {
      quote: r.quote,
      translation: orNull(r.translation),
      attributedTo: orNull(r.attributedTo),
      certainty: r.certainty,
      // Each row is one piece of evidence, so its event date is that evidence's own.
      occurredAt: orNull(r.occurredAt),
      stance: orNull(r.stance),
      ...(r.source ? { source: r.source } : {}),
    };
    const group = groups.get(key);
    if (group) {
      (group.record.evidence as unknown[]).push(evidence);
      group.lines.push(line);
    } else {
      groups.set(key, {
        record: {
          type: r.type,
          from: r.from,
          to: r.to,
          properties: parseJsonCell(r.properties, relationshipsFile, line, 'properties'),
          evidence: [evidence],
        },
        lines: [line],
      });
    }
  });
  const grouped = [...groups.values()];
  raw.relationships = grouped.map((g) => g.record);

  const locate = (p: readonly PropertyKey[]): string => {
    const [section, index, field, evIndex, evField] = p;
    if (section === 'sources' && typeof index === 'number')
      return `${path.basename(sourcesFile)} line ${index + 2}${field ? ` column ${String(field)}` : ''}`;
    if (section === 'entities' && typeof index === 'number')
      return `${path.basename(entitiesFile)} line ${index + 2}${field ? ` column ${String(field)}` : ''}`;
    if (section === 'relationships' && typeof index === 'number') {
      const lines = grouped[index]?.lines ?? [];
      const line = field === 'evidence' && typeof evIndex === 'number' ? lines[evIndex] : lines[0];
      const column =
        field === 'evidence'
          ? evField === undefined
            ? ''
            : String(evField)
          : field === undefined
            ? ''
            : String(field);
      return `${path.basename(relationshipsFile)} line ${line ?? '?'}${column ? ` column ${column}` : ''}`;
    }
    return jsonPath(p);
  };
  return validateDocument(raw, dir, locate);
}

/** Reads a .json document, or a CSV folder / entities.csv; the file is named in every error. */
/**
 * A JSON document parsed as it is read (stream-json): the file is never one string, so its size is not
 * bounded by V8's longest string (2^29 − 24 characters: a 570 MB file crashed JSON.parse with
 * ERR_STRING_TOO_LONG) but only by maxBytes, counted as the bytes arrive (a file that grows while it is
 * read is stopped too). Same checks and messages as readImportFile; CSV folders are read as there.
 * onBytes sees every byte of a JSON file as it is parsed (a restore hashes them: backup/digest.ts).
 */
export async function streamImportFile(
  file: string,
  maxBytes = MAX_FILE_BYTES,
  onBytes?: (chunk: Buffer) => void,
): Promise<ImportDocument> {
  if (!fs.existsSync(file))
    throw new ImportError([{ file, location: '(file)', message: 'no such file or folder; check the path' }]);
  if (fs.statSync(file).isDirectory() || file.endsWith('.csv')) return parseCsvFolder(file);
  const fd = openRegularFile(file, maxBytes);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  let line = 1;
  let start = true;
  const decode = new Transform({
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) return done(fileTooLarge(file, maxBytes));
      onBytes?.(chunk);
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        // Decode this block leniently only to say on which line the first bad byte sits.
        const lenient = new TextDecoder('utf-8').decode(chunk);
        const before = lenient.slice(0, Math.max(lenient.indexOf('\uFFFD'), 0));
        return done(notUtf8(file, line + before.split('\n').length - 1));
      }
      if (start && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        start = false;
      }
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) line += 1;
      done(null, text);
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(notUtf8(file, line));
      }
    },
  });
  // Packed tokens only (no piece-wise string chunks: the Assembler ignores them), consumed by a 'data'
  // listener rather than an async iterator, which costs a promise per token.
  const tokens = parserStream({ streamValues: false });
  const assembler = Assembler.connectTo(tokens);
  try {
    await pipeline(fs.createReadStream('', { fd, highWaterMark: 1024 * 1024 }), decode, tokens);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError([
      {
        file,
        // The decoder runs ahead of the parser by up to one read block: the error is by this line.
        location: `by line ${line}`,
        message: `not valid JSON (${message}); fix the syntax and import again`,
      },
    ]);
  }
  if (!assembler.done)
    throw new ImportError([
      {
        file,
        location: `line ${line}`,
        message: 'not valid JSON (the document ends early); fix it and import again',
      },
    ]);
  return validateDocument(assembler.current, file);
}

export function readImportFile(file: string): ImportDocument {
  if (!fs.existsSync(file))
    throw new ImportError([{ file, location: '(file)', message: 'no such file or folder; check the path' }]);
  const stat = fs.statSync(file);
  if (stat.isDirectory() || file.endsWith('.csv')) return parseCsvFolder(file);
  return parseJsonDocument(decodeUtf8(readRegularFile(file), file), file);
}

export { decodeUtf8 };
