// The product's own seed loading: every file in seeds/, through the same importer users run.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../db/database.ts';
import { importDocument, type ImportSummary } from './importer.ts';
import { readImportFile } from './parse.ts';
import { readSourceSentences, withSentences } from './sentences.ts';

export const SEEDS_DIR = path.resolve(import.meta.dirname, '../../../seeds');

export function seedFiles(dir: string = SEEDS_DIR): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Loads every seed file; `sourceTextsDir` holds licensed source texts to read each quote's sentence from. */
export async function loadSeeds(
  db: Database,
  options: { dir?: string; sourceTextsDir?: string | null } = {},
): Promise<ImportSummary[]> {
  const summaries: ImportSummary[] = [];
  const sentences = options.sourceTextsDir ? readSourceSentences(options.sourceTextsDir) : [];
  for (const file of seedFiles(options.dir)) {
    summaries.push(
      await importDocument(db, withSentences(readImportFile(file), sentences), {
        file: path.relative(process.cwd(), file),
        actor: 'seed',
      }),
    );
  }
  return summaries;
}
