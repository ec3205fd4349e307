// Style rules' data side: which property values the canvas holds, which properties an analyst can colour
// by. Pure, shared by the canvas (graph-view/elements.ts) and the style panel.
import type { Entity } from './domain.ts';

/** A property's value as one comparable text ("roles": ["CEO", "founder"] → "CEO, founder"). */
export function propertyValue(entity: Entity, key: string): string | null {
  const value = entity.properties[key];
  if (value === undefined || value === null || value === '') return null;
  if (Array.isArray(value)) return value.map(String).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The property values on the canvas, in the order their colours are given (most common first). */
export function propertyValues(entities: readonly Entity[], key: string): string[] {
  const counts = new Map<string, number>();
  for (const e of entities) {
    const value = propertyValue(e, key);
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
}

/** Properties the entities on the canvas carry, most common first (the "colour by" choices). */
export function propertyKeys(entities: readonly Entity[]): { key: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const e of entities)
    for (const key of Object.keys(e.properties))
      if (propertyValue(e, key) !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, count]) => ({ key, count }));
}
