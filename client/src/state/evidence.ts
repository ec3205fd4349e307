// The words of the evidence. The canvas holds each relationship's evidence as facts only (what the filters
// act on); the quotes, translations and sources are read when a relationship is opened or a view exported,
// and kept by relationship id (ui.evidence) so that reopening reads nothing.
import type { Entity, Evidence, Relationship, Source } from '../api/shapes.ts';
import type { EvidenceRead } from './app-state.ts';

/** A relationship with its evidence in full, for the details panel and the exports that quote it. */
export type QuotedRelationship = Omit<Relationship, 'evidence'> & { evidence: Evidence[] };

export interface QuotedGraph {
  nodes: Entity[];
  edges: QuotedRelationship[];
}

/**
 * Whether `stored` (the relationship as the canvas holds it) must be read again: never read, or read for an
 * earlier form of it that lacks some of its evidence now (an answer brought more). A read for this very
 * form is kept even when the server no longer has some of it, so nothing is asked twice.
 */
export function needsReading(read: EvidenceRead | undefined, stored: Relationship): boolean {
  if (!read) return true;
  if (read.of === stored) return false;
  const known = new Set(read.evidence.map((e) => e.id));
  return !stored.evidence.every((fact) => known.has(fact.id));
}

/** `shown` with the full evidence of each of its facts that was read (in the facts' order). */
export function quote(shown: Relationship, read: EvidenceRead | undefined): QuotedRelationship {
  const byId = new Map((read?.evidence ?? []).map((e) => [e.id, e]));
  return {
    ...shown,
    evidence: shown.evidence.map((fact) => byId.get(fact.id)).filter((e): e is Evidence => e !== undefined),
  };
}

/** Puts a source's new data (a new grade) on every piece of read evidence that cites it. */
export function withSource(
  reads: Readonly<Record<string, EvidenceRead>>,
  source: Source,
): Readonly<Record<string, EvidenceRead>> {
  let changed = false;
  const next: Record<string, EvidenceRead> = {};
  for (const [id, read] of Object.entries(reads)) {
    if (!read.evidence.some((e) => e.source.id === source.id)) {
      next[id] = read;
      continue;
    }
    changed = true;
    next[id] = {
      ...read,
      evidence: read.evidence.map((e) => (e.source.id === source.id ? { ...e, source } : e)),
    };
  }
  return changed ? next : reads;
}
