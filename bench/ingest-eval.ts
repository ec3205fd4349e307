// The ingest evaluation behind `npm run eval:ingest` (scripts/eval-ingest.ts): the proposer against
// hand-made gold annotations: entity linking P/R, mislinks, claim P/R, certainty accuracy and time per
// article. Links against the curated seed graph (seeds/*.json), the graph `npm start` loads.
// Two sets of written articles: tests/fixtures/ingest/*.gold.json, the development set the rules were
// tuned on (it includes two earlier held-out sets, tuned on since), and tests/fixtures/ingest/held-out/,
// a blind set written by someone who did not write the rules and measured without looking at its
// misses, so its numbers are the honest ones (the folder may be absent until that set is written). Leave-one-out: each entity an article links is taken out of the
// gazetteer in turn, and the article proposed again: is it proposed as new, linked to something else
// (a mislink), or missed?
import fs from 'node:fs';
import path from 'node:path';
import { buildGazetteer, type Gazetteer } from '../server/graph/ingest/mentions.ts';
import { propose, type ProposalDraft } from '../server/graph/ingest/propose.ts';
import { splitSentences } from '../server/graph/ingest/text.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
export const FIXTURES = path.join(ROOT, 'tests/fixtures/ingest');
export const HELD_OUT = path.join(FIXTURES, 'held-out');
/** The licensed seed article, beside the repository as for the seed loader; skipped (and said so) when absent. */
export const SEED_ARTICLE = path.resolve(ROOT, '../shared/seed/000_7f3208e37ee62be8.txt');

interface GoldEntity {
  key: string;
  kind?: string;
  surfaces: string[];
}
interface GoldClaim {
  from: string;
  to: string;
  type?: string;
  sentence: string;
  certainty: string;
}
export interface Gold {
  file: string;
  source: { title: string; publisher: string; author?: string; publishedAt: string; language?: string };
  entities: GoldEntity[] | null;
  claims: GoldClaim[];
}

interface Span {
  start: number;
  end: number;
}

export type ArticleSet = 'development' | 'held-out' | 'seed';

export interface ArticleMetrics {
  article: string;
  set: ArticleSet;
  language: string;
  chars: number;
  entities: { gold: number; predicted: number; correct: number; precision: number; recall: number } | null;
  mislinks: { surface: string; linked: string; gold: string; nearName: boolean }[];
  claims: { gold: number; predicted: number; correct: number; precision: number; recall: number };
  certainty: { compared: number; correct: number; accuracy: number };
  spansExact: number;
  ms: { p50: number; p95: number };
}

export type LeaveOneOutOutcome = 'new' | 'mislinked' | 'missed';

export interface LeftOut {
  article: string;
  set: ArticleSet;
  entity: string;
  kind: string;
  mentions: number;
  outcome: LeaveOneOutOutcome;
  /** The existing entity its mentions were linked to instead (outcome "mislinked"). */
  linkedTo: string | null;
}

export type SetTotals = Omit<ArticleMetrics, 'article' | 'set' | 'language' | 'chars' | 'ms' | 'entities'> & {
  articles: number;
  entities: NonNullable<ArticleMetrics['entities']>;
};

export interface LeaveOneOutTotals {
  leftOut: number;
  proposedAsNew: number;
  mislinked: number;
  missed: number;
  newRate: number;
}

export interface EvalMetrics {
  format: 'linkage-ingest-eval/v1';
  at: string;
  runs: number;
  articles: ArticleMetrics[];
  skipped: { article: string; reason: string }[];
  leaveOneOut: { entities: LeftOut[]; totals: Record<ArticleSet, LeaveOneOutTotals> };
  totals: {
    development: SetTotals;
    heldOut: SetTotals;
    speed: { chars: number; p50: number; p95: number };
  };
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
};

/** Every whole-word occurrence of each surface, longer surfaces first (a word inside a longer one is not counted). */
function goldMentions(text: string, entities: GoldEntity[]): { key: string; span: Span; surface: string }[] {
  const all = entities
    .flatMap((e) => e.surfaces.map((surface) => ({ key: e.key, surface })))
    .sort((a, b) => b.surface.length - a.surface.length);
  const out: { key: string; span: Span; surface: string }[] = [];
  for (const { key, surface } of all) {
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      const span = { start: at, end: at + surface.length };
      const latinEdge = /[A-Za-z0-9]/;
      if (latinEdge.test(text[at - 1] ?? '') || latinEdge.test(text[span.end] ?? '')) continue;
      if (out.some((m) => overlaps(m.span, span))) continue;
      out.push({ key, span, surface });
    }
  }
  return out;
}

const NEAR = (a: string, b: string) => {
  const x = a.toLowerCase().replace(/[^a-z0-9]/g, '');
  const y = b.toLowerCase().replace(/[^a-z0-9]/g, '');
  // Names with no Latin letters or digits (Korean) normalise to "", which is no near name of anything.
  return (
    x !== '' &&
    y !== '' &&
    x !== y &&
    (x.startsWith(y) ||
      y.startsWith(x) ||
      (x.length === y.length && [...x].filter((c, i) => c !== y[i]).length === 1))
  );
};

export function scoreArticle(
  text: string,
  gold: Gold,
  draft: ProposalDraft,
  times: number[],
  set: ArticleSet,
): ArticleMetrics {
  const predicted = draft.entities.flatMap((e) =>
    e.mentions.map((span) => ({ key: e.key, linked: e.entityId, span })),
  );
  // A proposed new entity is the gold new entity its mentions overlap most.
  const keyMap = new Map<string, string>();
  const golds = gold.entities ? goldMentions(text, gold.entities) : [];
  for (const e of draft.entities) {
    if (e.entityId) {
      keyMap.set(e.key, e.entityId);
      continue;
    }
    const votes = new Map<string, number>();
    for (const span of e.mentions)
      for (const g of golds) if (overlaps(g.span, span)) votes.set(g.key, (votes.get(g.key) ?? 0) + 1);
    const best = [...votes].sort((a, b) => b[1] - a[1])[0];
    keyMap.set(e.key, best && best[0].startsWith('new:') ? best[0] : `unmatched:${e.key}`);
  }
  let entities: ArticleMetrics['entities'] = null;
  const mislinks: ArticleMetrics['mislinks'] = [];
  if (gold.entities) {
    const correctGold = golds.filter((g) =>
      predicted.some((p) => overlaps(p.span, g.span) && keyMap.get(p.key) === g.key),
    );
    const correctPredicted = predicted.filter((p) =>
      golds.some((g) => overlaps(p.span, g.span) && keyMap.get(p.key) === g.key),
    );
    entities = {
      gold: golds.length,
      predicted: predicted.length,
      correct: correctGold.length,
      precision: ratio(correctPredicted.length, predicted.length),
      recall: ratio(correctGold.length, golds.length),
    };
    for (const p of predicted) {
      if (!p.linked) continue;
      const hits = golds.filter((g) => overlaps(p.span, g.span));
      if (hits.length === 0 || hits.some((g) => g.key === p.linked)) continue;
      const g = hits[0]!;
      const goldName = g.key.startsWith('new:') ? g.key.slice(4) : g.key;
      mislinks.push({
        surface: text.slice(p.span.start, p.span.end),
        linked: p.linked,
        gold: g.key,
        nearName: NEAR(g.surface, text.slice(p.span.start, p.span.end)) || NEAR(goldName, p.linked),
      });
    }
  }
  const sentences = splitSentences(text, draft.language);
  const goldClaims = gold.claims.map((c) => {
    const at = text.indexOf(c.sentence);
    if (at < 0)
      throw new Error(
        `${gold.file}: the gold claim's sentence "${c.sentence}" is not in the text; copy it verbatim`,
      );
    const sentence = sentences.find((s) => s.start <= at && at < s.end);
    return { ...c, span: sentence ?? { start: at, end: at + c.sentence.length } };
  });
  const sameEnds = (p: ProposalDraft['claims'][number], g: (typeof goldClaims)[number]) => {
    const ends = [keyMap.get(p.fromKey), keyMap.get(p.toKey)].sort().join('|');
    return (
      ends === [g.from, g.to].sort().join('|') && p.span.start >= g.span.start && p.span.end <= g.span.end
    );
  };
  const matchedGold = goldClaims.filter((g) => draft.claims.some((p) => sameEnds(p, g)));
  const matchedPredicted = draft.claims.filter((p) => goldClaims.some((g) => sameEnds(p, g)));
  const pairs = matchedGold.map((g) => ({ g, p: draft.claims.find((p) => sameEnds(p, g))! }));
  const exact = draft.claims.filter((c) => draft.text.slice(c.span.start, c.span.end) === c.quote).length;
  return {
    article: gold.file,
    set,
    language: draft.language,
    chars: text.length,
    entities,
    mislinks,
    claims: {
      gold: goldClaims.length,
      predicted: draft.claims.length,
      correct: matchedGold.length,
      precision: ratio(matchedPredicted.length, draft.claims.length),
      recall: ratio(matchedGold.length, goldClaims.length),
    },
    certainty: {
      compared: pairs.length,
      correct: pairs.filter(({ g, p }) => g.certainty === p.certainty).length,
      accuracy: ratio(pairs.filter(({ g, p }) => g.certainty === p.certainty).length, pairs.length),
    },
    spansExact: ratio(exact, draft.claims.length),
    ms: { p50: quantile(times, 0.5), p95: quantile(times, 0.95) },
  };
}

interface SeedDoc {
  entities: { id: string; kind: string; name: string; nameKo?: string | null; aliases?: string[] }[];
  relationships: { type: string }[];
}
let seedDocs: SeedDoc[] | null = null;

/** The seed graph's gazetteer, optionally without some entities (for leave-one-out). */
export function seedGazetteer(without: ReadonlySet<string> = new Set()): Gazetteer {
  const entities = [];
  const types = [];
  // Read once: leave-one-out builds a gazetteer per linked entity.
  seedDocs ??= fs
    .readdirSync(path.join(ROOT, 'seeds'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds', file), 'utf8')) as SeedDoc);
  for (const doc of seedDocs) {
    for (const e of doc.entities.filter((x) => !without.has(x.id)))
      entities.push({
        id: e.id,
        kind: e.kind,
        name: e.name,
        nameKo: e.nameKo ?? null,
        aliases: e.aliases ?? [],
      });
    for (const r of doc.relationships) types.push(r.type);
  }
  return buildGazetteer(entities, [...new Set(types)]);
}

/** The seed article's gold: every seed relationship whose quote is in the article, with its certainty. */
function seedGold(text: string): Gold {
  const doc = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'seeds/apple-economy-2024-02-29-zuckerberg-seoul.json'), 'utf8'),
  );
  const claims: GoldClaim[] = [];
  for (const r of doc.relationships)
    for (const ev of r.evidence)
      if (text.includes(ev.quote))
        claims.push({ from: r.from, to: r.to, type: r.type, sentence: ev.quote, certainty: ev.certainty });
  return {
    file: 'seed article (애플경제 2024-02-29, graph with its own entities)',
    source: { title: doc.source.title, publisher: 'Apple Economy', publishedAt: doc.source.publishedAt },
    entities: null,
    claims,
  };
}

/**
 * Each entity the article links is left out of the gazetteer in turn and the article proposed again:
 * where it was mentioned, is a new entity proposed ("new"), another existing entity linked ("mislinked"),
 * or nothing ("missed")?
 */
export function leaveOneOut(text: string, gold: Gold, draft: ProposalDraft, set: ArticleSet): LeftOut[] {
  const out: LeftOut[] = [];
  for (const linked of draft.entities.filter((e) => e.entityId !== null)) {
    const again = propose({ text, source: gold.source }, seedGazetteer(new Set([linked.entityId!])));
    const there = again.entities.filter((e) =>
      e.mentions.some((m) => linked.mentions.some((l) => overlaps(m, l))),
    );
    const other = there.find((e) => e.entityId !== null);
    out.push({
      article: gold.file,
      set,
      entity: linked.entityId!,
      kind: linked.kind,
      mentions: linked.mentions.length,
      outcome: other ? 'mislinked' : there.length > 0 ? 'new' : 'missed',
      linkedTo: other?.entityId ?? null,
    });
  }
  return out;
}

function leaveOneOutTotals(left: LeftOut[]): LeaveOneOutTotals {
  const count = (o: LeaveOneOutOutcome) => left.filter((x) => x.outcome === o).length;
  return {
    leftOut: left.length,
    proposedAsNew: count('new'),
    mislinked: count('mislinked'),
    missed: count('missed'),
    newRate: ratio(count('new'), left.length),
  };
}

function setTotals(articles: ArticleMetrics[]): SetTotals {
  const sum = (f: (a: ArticleMetrics) => number) => articles.reduce((n, a) => n + f(a), 0);
  const entityPredicted = sum((a) => a.entities!.predicted);
  const claimsPredicted = sum((a) => a.claims.predicted);
  return {
    articles: articles.length,
    entities: {
      gold: sum((a) => a.entities!.gold),
      predicted: entityPredicted,
      correct: sum((a) => a.entities!.correct),
      precision: ratio(
        Math.round(sum((a) => a.entities!.precision * a.entities!.predicted)),
        entityPredicted,
      ),
      recall: ratio(
        sum((a) => a.entities!.correct),
        sum((a) => a.entities!.gold),
      ),
    },
    mislinks: articles.flatMap((a) => a.mislinks),
    claims: {
      gold: sum((a) => a.claims.gold),
      predicted: claimsPredicted,
      correct: sum((a) => a.claims.correct),
      precision: ratio(Math.round(sum((a) => a.claims.precision * a.claims.predicted)), claimsPredicted),
      recall: ratio(
        sum((a) => a.claims.correct),
        sum((a) => a.claims.gold),
      ),
    },
    certainty: {
      compared: sum((a) => a.certainty.compared),
      correct: sum((a) => a.certainty.correct),
      accuracy: ratio(
        sum((a) => a.certainty.correct),
        sum((a) => a.certainty.compared),
      ),
    },
    spansExact: ratio(Math.round(sum((a) => a.spansExact * a.claims.predicted)), claimsPredicted),
  };
}

function timed(text: string, gold: Gold, gazetteer: Gazetteer, runs: number) {
  const times: number[] = [];
  let draft: ProposalDraft | null = null;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    draft = propose({ text, source: gold.source }, gazetteer);
    times.push(performance.now() - started);
  }
  return { draft: draft!, times };
}

export function evaluate(options: {
  runs: number;
  fixtures?: string;
  heldOut?: string;
  seedArticle?: string | null;
}): EvalMetrics {
  const gazetteer = seedGazetteer();
  const articles: ArticleMetrics[] = [];
  const left: LeftOut[] = [];
  const skipped: EvalMetrics['skipped'] = [];
  const allTimes: number[] = [];
  let chars = 0;
  // Warm up the JIT once so the first article's time is not the compiler's.
  propose(
    {
      text: 'Samsung Electronics said it met Nvidia.',
      source: { title: 'w', publisher: 'w', publishedAt: '2024-01-01' },
    },
    gazetteer,
  );
  const sets: [ArticleSet, string][] = [
    ['development', options.fixtures ?? FIXTURES],
    ['held-out', options.heldOut ?? HELD_OUT],
  ];
  for (const [set, dir] of sets) {
    if (!fs.existsSync(dir)) continue;
    for (const file of fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.gold.json'))
      .sort()) {
      const gold = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Gold;
      const text = fs.readFileSync(path.join(dir, gold.file), 'utf8');
      const { draft, times } = timed(text, gold, gazetteer, options.runs);
      articles.push(scoreArticle(text, gold, draft, times, set));
      left.push(...leaveOneOut(text, gold, draft, set));
      allTimes.push(...times);
      chars += text.length;
    }
  }
  const seedPath = options.seedArticle === undefined ? SEED_ARTICLE : options.seedArticle;
  if (seedPath && fs.existsSync(seedPath)) {
    const text = fs.readFileSync(seedPath, 'utf8');
    const gold = seedGold(text);
    const { draft, times } = timed(text, gold, gazetteer, options.runs);
    articles.push(scoreArticle(text, gold, draft, times, 'seed'));
    left.push(...leaveOneOut(text, gold, draft, 'seed'));
    allTimes.push(...times);
  } else {
    skipped.push({
      article: 'seed article',
      reason: `${seedPath ?? 'no path'} is not on this machine (it is copyrighted and never committed)`,
    });
  }
  const written = articles.filter((a) => a.set !== 'seed');
  const bySet = (set: ArticleSet) => left.filter((x) => x.set === set);
  return {
    format: 'linkage-ingest-eval/v1',
    at: new Date().toISOString(),
    runs: options.runs,
    articles,
    skipped,
    leaveOneOut: {
      entities: left,
      totals: {
        development: leaveOneOutTotals(bySet('development')),
        'held-out': leaveOneOutTotals(bySet('held-out')),
        seed: leaveOneOutTotals(bySet('seed')),
      },
    },
    totals: {
      development: setTotals(written.filter((a) => a.set === 'development')),
      heldOut: setTotals(written.filter((a) => a.set === 'held-out')),
      speed: {
        chars: Math.round(chars / Math.max(1, written.length)),
        p50: quantile(allTimes, 0.5),
        p95: quantile(allTimes, 0.95),
      },
    },
  };
}

/** The metrics as the report `npm run eval:ingest` prints. */
export function printMetrics(m: EvalMetrics) {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  for (const a of m.articles) {
    console.log(
      `\n${a.article} [${a.set}] (${a.language}, ${a.chars} chars) p50 ${a.ms.p50} ms, p95 ${a.ms.p95} ms`,
    );
    if (a.entities)
      console.log(
        `  entities  P ${pct(a.entities.precision)}  R ${pct(a.entities.recall)}  (${a.entities.correct}/${a.entities.gold} gold, ${a.entities.predicted} proposed)`,
      );
    console.log(
      `  claims    P ${pct(a.claims.precision)}  R ${pct(a.claims.recall)}  (${a.claims.correct}/${a.claims.gold} gold, ${a.claims.predicted} proposed)`,
    );
    console.log(
      `  certainty ${pct(a.certainty.accuracy)} of ${a.certainty.compared} matched claims; spans exact ${pct(a.spansExact)}`,
    );
    for (const x of a.mislinks)
      console.log(
        `  mislink   "${x.surface}" → ${x.linked} (gold ${x.gold})${x.nearName ? ' NEAR NAME' : ''}`,
      );
  }
  for (const s of m.skipped) console.log(`\nskipped ${s.article}: ${s.reason}`);
  const summary = (name: string, t: SetTotals) => {
    console.log(`\n${name} (${t.articles} articles)${t.articles === 0 ? ': none yet' : ':'}`);
    if (t.articles === 0) return;
    console.log(
      `  entity linking P ${pct(t.entities.precision)} R ${pct(t.entities.recall)}; mislinks ${t.mislinks.length} (near names ${t.mislinks.filter((x) => x.nearName).length})`,
    );
    console.log(
      `  claims P ${pct(t.claims.precision)} R ${pct(t.claims.recall)}; certainty accuracy ${pct(t.certainty.accuracy)}; spans exact ${pct(t.spansExact)}`,
    );
  };
  summary('Held-out articles, measured without tuning on them', m.totals.heldOut);
  summary('Development articles, the rules were tuned on them', m.totals.development);
  console.log('\nLeave-one-out (each linked entity taken out of the gazetteer in turn):');
  for (const [set, t] of Object.entries(m.leaveOneOut.totals)) {
    if (t.leftOut === 0) continue;
    const mislinked = m.leaveOneOut.entities
      .filter((x) => x.set === set && x.outcome === 'mislinked')
      .map((x) => `${x.entity} → ${x.linkedTo}`);
    console.log(
      `  ${set}: ${t.proposedAsNew}/${t.leftOut} proposed as new (${pct(t.newRate)}), ${t.mislinked} mislinked, ${t.missed} missed${mislinked.length ? `; mislinked: ${mislinked.join(', ')}` : ''}`,
    );
  }
  console.log(
    `\n  time per article p50 ${m.totals.speed.p50} ms, p95 ${m.totals.speed.p95} ms over ${m.runs} runs each`,
  );
}
