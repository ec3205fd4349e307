// Cypher lives in cypher/<name>.cypher, one query per file, loaded by this typed list of names.
// Loading fails at startup when a file is missing; a unit test fails when a file is not listed.
// A line `// @include <fragment>` is replaced by cypher/fragments/<fragment>.cypher (its own `//` header
// dropped), so a predicate or a write block that several queries share exists once. Fragments are static
// files of this repository, never input; `npm run cypher -- <name>` prints a query as Neo4j runs it.
import fs from 'node:fs';
import path from 'node:path';

export const CYPHER_DIR = path.resolve(import.meta.dirname, '../../cypher');

export const QUERY_NAMES = [
  'ping',
  'count-entities',
  'search',
  'search-choseong',
  'search-claims',
  'get-entity',
  'list-entities',
  'find-neighborhood',
  'expansion-preview',
  'find-paths',
  'get-relationship',
  'find-evidence',
  'list-sources',
  'timeline',
  'stats',
  'audit-trail',
  'import-sources',
  'import-entities',
  'import-relationships',
  'create-entity',
  'update-entity',
  'set-entity-deleted',
  'create-relationship',
  'update-relationship',
  'set-relationship-deleted',
  'add-evidence',
  'rate-source',
  'merge-entities',
  'unmerge-entities',
  'add-note',
  'write-audit-entries',
  'find-entity-ids',
  'export-entities',
  'export-relationships',
  'backup-graph',
  'restore-count-nodes',
  'restore-state',
  'restore-begin',
  'restore-finish',
  'restore-wipe-batch',
  'ingest-gazetteer',
  'save-proposal',
  'find-proposals',
  'update-proposal',
  'accept-proposal',
  'find-unmigrated-relationships',
  'find-evidence-without-occurred-at',
  'write-evidence-occurred-at',
  'migrate-evidence-lists',
  'finish-migration',
  'bump-generation',
  'read-generation',
  'acquire-job-lock',
  'list-tokens',
  'create-token',
  'revoke-token',
  'import-tokens',
  'list-saved-views',
  'save-view',
  'delete-saved-view',
  'find-relationships-without-evidence-text',
  'write-evidence-text',
  'write-imported-evidence-text',
  'rank-hubs',
  'rank-all-hubs',
] as const;

export type QueryName = (typeof QUERY_NAMES)[number];

export type CypherCatalog = Readonly<Record<QueryName, string>>;

const INCLUDE = /^[ \t]*\/\/ @include ([a-z0-9-]+)[ \t]*$/gm;
const INCLUDE_LINE = /^[ \t]*\/\/ @include [a-z0-9-]+[ \t]*$/;

/** Replaces every include line by its fragment, recursively; throws on a missing or circular fragment. */
export function expandIncludes(text: string, dir: string = CYPHER_DIR, seen: string[] = []): string {
  return text.replace(INCLUDE, (_line, name: string) => {
    if (seen.includes(name))
      throw new Error(`Cypher fragment "${name}" includes itself (${[...seen, name].join(' → ')})`);
    const file = path.join(dir, 'fragments', `${name}.cypher`);
    if (!fs.existsSync(file)) throw new Error(`Cypher fragment missing: ${file}`);
    const body = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('//') || INCLUDE_LINE.test(line))
      .join('\n')
      .trimEnd();
    return expandIncludes(body, dir, [...seen, name]);
  });
}

/** Reads every listed query with its fragments expanded; throws naming each missing file. */
export function loadCypherCatalog(dir: string = CYPHER_DIR): CypherCatalog {
  const missing: string[] = [];
  const entries = QUERY_NAMES.map((name) => {
    const file = path.join(dir, `${name}.cypher`);
    if (!fs.existsSync(file)) {
      missing.push(file);
      return [name, ''] as const;
    }
    return [name, expandIncludes(fs.readFileSync(file, 'utf8'), dir)] as const;
  });
  if (missing.length > 0) {
    throw new Error(
      `Cypher files missing (add them or remove the names from QUERY_NAMES): ${missing.join(', ')}`,
    );
  }
  return Object.freeze(Object.fromEntries(entries)) as CypherCatalog;
}

/** Splits a schema file into statements (semicolon-terminated; // comments dropped). */
export function loadSchemaStatements(dir: string = CYPHER_DIR, file = 'schema.cypher'): string[] {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}
