// Keyboard navigation over the canvas: arrows move to the nearest node in that direction.
import type { Point } from './placement.ts';

export type Arrow = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

const DIRECTIONS: Record<Arrow, Point> = {
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
};

export const isArrow = (key: string): key is Arrow => key in DIRECTIONS;

/** The id of the closest candidate within 60° of the arrow's direction, or null. */
export function nearestInDirection(
  from: Point,
  arrow: Arrow,
  candidates: readonly { id: string; position: Point }[],
): string | null {
  const dir = DIRECTIONS[arrow];
  let best: { id: string; score: number } | null = null;
  for (const c of candidates) {
    const dx = c.position.x - from.x;
    const dy = c.position.y - from.y;
    const distance = Math.hypot(dx, dy);
    if (distance === 0) continue;
    const cos = (dx * dir.x + dy * dir.y) / distance;
    if (cos < 0.5) continue;
    // Prefer nodes straight ahead: off-axis distance counts double.
    const score = distance * (2 - cos);
    if (!best || score < best.score) best = { id: c.id, score };
  }
  return best?.id ?? null;
}
