// npm run ingest -- <article.txt|article.html> --publisher … --published-at YYYY-MM-DD [--title …]
//   [--author …] [--language ko|en] [--url …] [--accept] [--json]
// Proposes the article's entities and claims against the graph (the same path as the API's proposeClaims),
// prints the proposal, and with --accept writes all its claims in one transaction.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../server/errors.ts';
import { createProposalStore, type ProposalView } from '../server/graph/ingest/store.ts';
import { extractArticle, looksLikeHtml } from '../server/graph/ingest/text.ts';
import { configOrExit, connect } from './connect.ts';

const USAGE =
  'usage: npm run ingest -- <article.txt|.html> --publisher NAME --published-at YYYY-MM-DD [--title T] [--author A] [--language ko|en] [--url U] [--accept] [--json]';
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    publisher: { type: 'string' },
    'published-at': { type: 'string' },
    title: { type: 'string' },
    author: { type: 'string' },
    language: { type: 'string' },
    url: { type: 'string' },
    accept: { type: 'boolean' },
    json: { type: 'boolean' },
  },
});
if (positionals.length !== 1 || !values.publisher || !values['published-at']) {
  console.error(USAGE);
  process.exit(64);
}
const file = positionals[0]!;
if (!fs.existsSync(file)) {
  console.error(`${file}: no such file`);
  process.exit(66);
}
const text = fs.readFileSync(file, 'utf8');

function defaultTitle(): string {
  if (looksLikeHtml(text)) {
    try {
      return extractArticle(text).title ?? file;
    } catch {
      return file;
    }
  }
  return (
    text
      .split('\n')
      .find((line) => line.trim())
      ?.trim()
      .slice(0, 300) ?? file
  );
}

function print(p: ProposalView) {
  const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  console.log(`proposal ${p.id} (${p.status}) · ${p.language} · source ${p.source.id}`);
  console.log(`\nentities (${p.entities.length}):`);
  for (const e of p.entities)
    console.log(
      `  ${e.entity ? `→ ${e.entity.id}` : '+ new'}  ${e.name}${e.nameKo && e.nameKo !== e.name ? ` · ${e.nameKo}` : ''} [${e.kind}] ×${e.mentions.length} (${e.confidence})`,
    );
  console.log(`\nclaims (${p.claims.length}):`);
  for (const c of p.claims)
    console.log(
      `  ${c.from.name} ${c.type} ${c.to.name} · ${c.certainty}${c.cue ? ` ("${c.cue}")` : ''}` +
        `${c.occurredAt ? ` · ${c.occurredAt}` : ''} · by ${c.attributedTo} (${c.confidence})\n      “${clip(c.quote, 110)}” [${c.span.start}–${c.span.end}]`,
    );
}

const config = configOrExit();
const { db, close } = await connect(config);
let exitCode = 0;
try {
  await db.applySchema();
  const store = createProposalStore(db);
  const actor = { name: 'ingest-cli' };
  const proposal = await store.proposeClaims(
    {
      text,
      source: {
        title: values.title ?? defaultTitle(),
        publisher: values.publisher,
        author: values.author ?? null,
        publishedAt: values['published-at'],
        language: values.language ?? null,
        url: values.url ?? null,
      },
    },
    actor,
  );
  if (values.json) console.log(JSON.stringify(proposal, null, 2));
  else print(proposal);
  if (values.accept) {
    const result = proposal.claims.length > 0 ? await store.acceptProposal(proposal.id, null, actor) : null;
    console.log(
      result
        ? `\naccepted: ${result.createdEntities} entities and ${result.createdRelationships} relationships created, ${result.addedEvidence} evidence added`
        : '\nnothing to accept: the proposal has no claims',
    );
  }
} catch (error) {
  if (error instanceof AppError) {
    console.error(`${error.code}: ${error.message}`);
    exitCode = 65;
  } else {
    console.error(
      `Ingest failed, nothing was written: ${error instanceof Error ? error.message : String(error)}`,
    );
    exitCode = 1;
  }
} finally {
  await close();
}
process.exit(exitCode);
