// The product's own seed loading: every file in seeds/, through the same importer users run.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../db/database.ts';
import { importDocument, type ImportSummary } from './importer.ts';
import { readImportFile } from './parse.ts';

export const SEEDS_DIR = path.resolve(import.meta.dirname, '../../../seeds');

export function seedFiles(dir: string = SEEDS_DIR): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(dir, f));
}

export async function loadSeeds(db: Database, dir: string = SEEDS_DIR): Promise<ImportSummary[]> {
  const summaries: ImportSummary[] = [];
  for (const file of seedFiles(dir)) {
    summaries.push(
      await importDocument(db, readImportFile(file), {
        file: path.relative(process.cwd(), file),
        actor: 'seed',
      }),
    );
  }
  return summaries;
}
