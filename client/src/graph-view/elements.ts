// Subgraph → Cytoscape elements. Pure (no cytoscape instance), so the mapping is unit-tested directly.
import type { ElementDefinition } from 'cytoscape';
import type { Entity, Relationship } from '../state/domain.ts';
import type { Highlight, LabelMode, StyleRules } from '../state/model.ts';
import { propertyValue, propertyValues } from '../state/style-rules.ts';
import type { VisibleGraph } from '../state/visible.ts';
import {
  CERTAINTY_STYLES,
  NO_VALUE_COLOR,
  OTHER_VALUES_COLOR,
  PROPERTY_COLORS,
  kindStyle,
} from './palette.ts';

export interface ElementOptions {
  labelMode: LabelMode;
  highlight: Highlight | null;
  pinned: readonly string[];
  expanded: readonly string[];
  style?: StyleRules;
  /** Per node: its size (style rules) and the colour its property value picks. */
  sizes?: ReadonlyMap<string, number>;
  colors?: ReadonlyMap<string, string>;
}

/** Smallest and largest node side when sizes follow a measure (the default node is 30). */
const MIN_SIZE = 22;
const MAX_SIZE = 64;

/**
 * Node sizes and colours from the style rules: size grows with the square root of the measure (so a
 * hub does not swallow the canvas), colour follows the chosen property's value.
 */
export function styleMaps(
  graph: VisibleGraph,
  style: StyleRules,
): { sizes: Map<string, number>; colors: Map<string, string> } {
  const sizes = new Map<string, number>();
  const colors = new Map<string, string>();
  if (style.sizeBy !== 'none') {
    const measure = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
    for (const e of graph.edges) {
      const weight = style.sizeBy === 'degree' ? 1 : e.evidence.length;
      for (const end of [e.fromId, e.toId]) measure.set(end, (measure.get(end) ?? 0) + weight);
    }
    const max = Math.max(1, ...measure.values());
    for (const [id, m] of measure)
      sizes.set(id, Math.round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(m / max)));
  }
  if (style.colorBy) {
    const key = style.colorBy;
    const byValue = new Map(
      colorKey(graph.nodes, key).flatMap((e) => e.values.map((v): [string, string] => [v, e.color])),
    );
    for (const n of graph.nodes) {
      const value = propertyValue(n, key);
      colors.set(n.id, value === null ? NO_VALUE_COLOR : (byValue.get(value) ?? OTHER_VALUES_COLOR));
    }
  }
  return { sizes, colors };
}

/** One colour of "colour by a property" and what it stands for. */
export interface ColorKeyEntry {
  color: string;
  /** The values drawn in this colour: one, or every value beyond the palette ("other values"). */
  values: string[];
  /** Entities drawn in this colour. */
  count: number;
  kind: 'value' | 'other' | 'none';
}

/**
 * What each colour means when entities are coloured by `key` (the legend, the style panel's key and the
 * report's legend read it; styleMaps colours from it, so they cannot disagree). The most common values
 * get a colour each; when there are more values than colours, the rest share one "other values" colour
 * rather than repeating a colour that already stands for a value. Entities without the property are grey.
 */
export function colorKey(nodes: readonly Entity[], key: string): ColorKeyEntry[] {
  const values = propertyValues(nodes, key);
  const own = values.length > PROPERTY_COLORS.length ? PROPERTY_COLORS.length - 1 : values.length;
  const counts = new Map<string, number>();
  let without = 0;
  for (const n of nodes) {
    const value = propertyValue(n, key);
    if (value === null) without += 1;
    else counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const entries: ColorKeyEntry[] = values.slice(0, own).map((value, i) => ({
    color: PROPERTY_COLORS[i] as string,
    values: [value],
    count: counts.get(value) ?? 0,
    kind: 'value',
  }));
  const rest = values.slice(own);
  if (rest.length)
    entries.push({
      color: OTHER_VALUES_COLOR,
      values: rest,
      count: rest.reduce((sum, v) => sum + (counts.get(v) ?? 0), 0),
      kind: 'other',
    });
  if (without) entries.push({ color: NO_VALUE_COLOR, values: [], count: without, kind: 'none' });
  return entries;
}

/** An entry in words: "KR (12)", "other values: JP, US (3)", "no country (40)". */
export function colorKeyLabel(entry: ColorKeyEntry, property: string): string {
  if (entry.kind === 'none') return `no ${property} (${entry.count})`;
  if (entry.kind === 'other') {
    const shown = entry.values.slice(0, 4).join(', ');
    const more = entry.values.length > 4 ? ` and ${entry.values.length - 4} more` : '';
    return `other values: ${shown}${more} (${entry.count})`;
  }
  return `${entry.values[0] ?? ''} (${entry.count})`;
}

export function nodeLabel(entity: Entity, mode: LabelMode): string {
  const ko = entity.nameKo?.trim() || null;
  if (mode === 'en' || ko === null) return entity.name;
  if (mode === 'ko') return ko;
  return ko === entity.name ? ko : `${entity.name}\n${ko}`;
}

/** A letter's width in ems of the label font, near enough to cut a line: Hangul and CJK 1, capitals 0.68. */
const emWidth = (ch: string): number =>
  /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch)
    ? 1
    : ch === ' '
      ? 0.3
      : /[A-Z]/.test(ch)
        ? 0.68
        : 0.55;

/** A line cut to about `ems` wide, with "…" (an em) where it was cut. */
export function cutLine(line: string, ems = 11): string {
  const chars = [...line];
  if (chars.reduce((w, ch) => w + emWidth(ch), 0) <= ems) return line;
  let width = 1;
  let i = 0;
  while (i < chars.length && width + emWidth(chars[i] as string) <= ems)
    width += emWidth(chars[i++] as string);
  return `${chars.slice(0, i).join('').trimEnd()}…`;
}

/**
 * The label the canvas draws: each line of nodeLabel cut to the label's width (the details panel and
 * the report keep the whole name). Names in both languages wrapped to four or five lines
 * and filled half the fitted view of a ~60-entity graph; cut, each is two lines at most.
 */
export const canvasLabel = (label: string): string =>
  label
    .split('\n')
    .map((line) => cutLine(line))
    .join('\n');

/** Humanises a relationship type: MET_WITH → "met with". */
export const edgeLabel = (rel: Relationship): string => rel.type.toLowerCase().replace(/_/g, ' ');

export function nodeElement(entity: Entity, options: ElementOptions): ElementDefinition {
  const style = kindStyle(entity.kind);
  const classes = [`kind-${entity.kind.toLowerCase()}`, `label-${options.labelMode}`];
  if (options.highlight)
    classes.push(options.highlight.nodeIds.includes(entity.id) ? 'highlighted' : 'faded');
  if (options.pinned.includes(entity.id)) classes.push('pinned');
  if (options.expanded.includes(entity.id)) classes.push('expanded');
  const size = options.sizes?.get(entity.id);
  if (size !== undefined) classes.push('sized');
  return {
    group: 'nodes',
    data: {
      id: entity.id,
      kind: entity.kind,
      label: nodeLabel(entity, options.labelMode),
      canvasLabel: canvasLabel(nodeLabel(entity, options.labelMode)),
      color: options.colors?.get(entity.id) ?? style.color,
      size: size ?? 30,
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
  if (options.style && !options.sizes && !options.colors)
    options = { ...options, ...styleMaps(graph, options.style) };
  return [
    ...graph.nodes.map((n) => nodeElement(n, options)),
    ...graph.edges.map((e) => edgeElement(e, options)),
  ];
}
