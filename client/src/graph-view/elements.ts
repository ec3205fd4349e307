// Subgraph → Cytoscape elements. Pure (no cytoscape instance), so the mapping is unit-tested directly.
import type { ElementDefinition } from 'cytoscape';
import type { Entity, Relationship } from '../state/domain.ts';
import type { Highlight, LabelMode } from '../state/model.ts';
import type { VisibleGraph } from '../state/visible.ts';
import { CERTAINTY_STYLES, kindStyle } from './palette.ts';

export interface ElementOptions {
  labelMode: LabelMode;
  highlight: Highlight | null;
  pinned: readonly string[];
  expanded: readonly string[];
}

export function nodeLabel(entity: Entity, mode: LabelMode): string {
  const ko = entity.nameKo?.trim() || null;
  if (mode === 'en' || ko === null) return entity.name;
  if (mode === 'ko') return ko;
  return ko === entity.name ? ko : `${entity.name}\n${ko}`;
}

/** Humanises a relationship type: MET_WITH → "met with". */
export const edgeLabel = (rel: Relationship): string => rel.type.toLowerCase().replace(/_/g, ' ');

export function nodeElement(entity: Entity, options: ElementOptions): ElementDefinition {
  const style = kindStyle(entity.kind);
  const classes = [`kind-${entity.kind.toLowerCase()}`, `label-${options.labelMode}`];
  if (options.highlight)
    classes.push(options.highlight.nodeIds.includes(entity.id) ? 'highlighted' : 'faded');
  if (options.pinned.includes(entity.id)) classes.push('pinned');
  if (options.expanded.includes(entity.id)) classes.push('expanded');
  return {
    group: 'nodes',
    data: {
      id: entity.id,
      kind: entity.kind,
      label: nodeLabel(entity, options.labelMode),
      color: style.color,
      shape: style.shape,
      textColor: style.text,
      occurredAt: entity.occurredAt ?? '',
    },
    classes: classes.join(' '),
  };
}

export function edgeElement(rel: Relationship, options: ElementOptions): ElementDefinition {
  const style = CERTAINTY_STYLES[rel.certainty];
  const classes = [`certainty-${rel.certainty.toLowerCase()}`];
  if (rel.disputed) classes.push('disputed');
  if (options.highlight) classes.push(options.highlight.edgeIds.includes(rel.id) ? 'highlighted' : 'faded');
  return {
    group: 'edges',
    data: {
      id: rel.id,
      source: rel.fromId,
      target: rel.toId,
      type: rel.type,
      // Disputed is said in words on the edge too, not only by its colour.
      label: rel.disputed ? `${edgeLabel(rel)} (disputed)` : edgeLabel(rel),
      disputed: rel.disputed,
      certainty: rel.certainty,
      lineStyle: style.lineStyle,
      width: style.width,
      evidenceCount: rel.evidence.length,
    },
    classes: classes.join(' '),
  };
}

export function toElements(graph: VisibleGraph, options: ElementOptions): ElementDefinition[] {
  return [
    ...graph.nodes.map((n) => nodeElement(n, options)),
    ...graph.edges.map((e) => edgeElement(e, options)),
  ];
}
