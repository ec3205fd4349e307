// Paths read as sentences: each step names both ends, the relationship type and which way it points, and
// a path is only as certain as its weakest step.
import type { Certainty, Entity, PathResult, Relationship } from '../api/shapes.ts';
import { CERTAINTY_ORDER } from './model.ts';

export interface PathStep {
  from: Entity;
  to: Entity;
  relationship: Relationship;
  /** True when the relationship points from `from` to `to` (false: it points back). */
  forward: boolean;
}

export function pathSteps(path: PathResult): PathStep[] {
  const steps: PathStep[] = [];
  for (let i = 0; i < path.relationships.length; i++) {
    const from = path.nodes[i];
    const to = path.nodes[i + 1];
    const relationship = path.relationships[i];
    if (!from || !to || !relationship) break;
    steps.push({ from, to, relationship, forward: relationship.fromId === from.id });
  }
  return steps;
}

/** The least certain relationship on the path (CONFIRMED when the path is empty). */
export function weakestCertainty(path: PathResult): Certainty {
  let worst = 0;
  for (const r of path.relationships) worst = Math.max(worst, CERTAINTY_ORDER.indexOf(r.certainty));
  return CERTAINTY_ORDER[worst] ?? 'CONFIRMED';
}

export const relationshipWords = (type: string): string => type.toLowerCase().replace(/_/g, ' ');

/** "Mark Zuckerberg —participated in→ LG meeting ←hosted— LG Electronics". */
export function pathSentence(path: PathResult): string {
  const steps = pathSteps(path);
  if (steps.length === 0) return path.nodes.map((n) => n.name).join(' → ');
  let text = steps[0]!.from.name;
  for (const s of steps) {
    const words = relationshipWords(s.relationship.type);
    text += s.forward ? ` —${words}→ ${s.to.name}` : ` ←${words}— ${s.to.name}`;
  }
  return text;
}

/** The stricter of two minimum certainties. */
export function stricter(a: Certainty, b: Certainty): Certainty {
  return CERTAINTY_ORDER.indexOf(a) <= CERTAINTY_ORDER.indexOf(b) ? a : b;
}
