// Plans the explorer's first questions before an analyst asks them.
//
// Neo4j plans each statement on its first run, and for the big reads that costs seconds (server/db/
// first-run.ts): a fresh `npm start` answered its first neighbourhood in 16 s and then every later one in
// 50 ms. Right after the seed graph is in, the server asks each of these questions once about an entity
// that does not exist: the answers are empty and cheap, and the plans are cached with the parameter types
// real requests use (the plan cache is keyed by them), because they go through the same code.
import { AppError } from '../errors.ts';
import { UNFILTERED } from './inputs.ts';
import type { GraphRepository } from './repository.ts';

const NOBODY = 'linkage-plan-warm-up';

/** The reads behind the explorer's first screens, in the order an analyst meets them. */
const QUESTIONS: [string, (graph: GraphRepository) => Promise<unknown>][] = [
  ['search', (g) => g.search({ text: NOBODY, kinds: null, first: 10 })],
  ['search-choseong', (g) => g.search({ text: 'ㄹㅋ', kinds: null, first: 10 })],
  ['get-entity', (g) => g.entity(NOBODY)],
  [
    'find-neighborhood',
    (g) => g.neighborhood({ ids: [NOBODY], depth: 1, limit: 300, filter: UNFILTERED, evidence: 'facts' }),
  ],
  ['expansion-preview', (g) => g.expansionPreview({ id: NOBODY, excludeIds: [], filter: UNFILTERED })],
  [
    'find-paths',
    (g) =>
      g.paths({
        fromId: NOBODY,
        toId: `${NOBODY}-2`,
        maxLength: 4,
        first: 3,
        filter: UNFILTERED,
        evidence: 'facts',
      }),
  ],
  ['get-relationship', (g) => g.relationship(`${NOBODY}:PLAN:${NOBODY}-2`)],
  [
    'find-evidence',
    (g) => g.evidence({ relationshipIds: [`${NOBODY}:PLAN:${NOBODY}-2`], filter: UNFILTERED }),
  ],
  ['search-claims', (g) => g.searchClaims({ text: NOBODY, first: 10 })],
];

/**
 * Asks each question once, one after the other (planning in parallel would only share the same CPU). A
 * NOT_FOUND is the expected answer; anything else is logged by the caller and ends the warm-up, since a
 * database that fails here will fail the requests too and say so there.
 */
export async function preparePlans(graph: GraphRepository): Promise<{ planned: string[]; ms: number }> {
  const started = performance.now();
  const planned: string[] = [];
  for (const [name, ask] of QUESTIONS) {
    try {
      await ask(graph);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
    }
    planned.push(name);
  }
  return { planned, ms: Math.round(performance.now() - started) };
}
