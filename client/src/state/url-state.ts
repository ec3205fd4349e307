// The view in the address bar (#ids=…&label=…): shareable, bookmarkable, restored on load. Only ids and
// view settings are stored; entity data is fetched again so a link never shows stale facts.
import type { Certainty, Clock, SourceReliability } from '../api/shapes.ts';
import {
  CERTAINTY_ORDER,
  DEFAULT_FILTER,
  LAYOUT_NAMES,
  RELIABILITY_ORDER,
  SIZE_MEASURES,
  USER_ORIGIN,
  expandOrigin,
  type Filter,
  type GraphView,
  type LabelMode,
  type LayoutName,
  type Origin,
  type Selection,
  type SizeMeasure,
  type StyleRules,
} from './model.ts';

export interface ViewDescriptor {
  ids: string[];
  hidden: string[];
  pinned: string[];
  filter: Filter;
  selection: Selection | null;
  labelMode: LabelMode;
  layout: LayoutName;
  /** Entities that were expanded (so Collapse works after a reload). */
  expanded: string[];
  /** Entities put on the canvas by the user (search, path, file) that are not expanded themselves. */
  placed: string[];
  style: StyleRules;
  tableOpen: boolean;
}

const list = (value: string | null): string[] => (value ? value.split(',').filter(Boolean) : []);
const oneOf = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

export function describeView(view: GraphView): ViewDescriptor {
  return {
    ids: Object.keys(view.entities),
    hidden: [...view.hidden],
    pinned: [...view.pinned],
    filter: view.filter,
    selection: view.selection,
    labelMode: view.labelMode,
    layout: view.layout,
    expanded: [...view.expanded],
    // Only what an origin rebuilt from adjacency would get wrong: placed by the user yet next to an
    // expanded entity (the rest is told apart by whether it touches an expanded entity).
    placed: Object.keys(view.entities).filter(
      (id) => !view.expanded.includes(id) && (view.origins[id] ?? []).includes(USER_ORIGIN),
    ),
    style: view.style,
    tableOpen: view.tableOpen,
  };
}

export function serializeView(view: GraphView): string {
  const d = describeView(view);
  const params = new URLSearchParams();
  if (d.ids.length) params.set('ids', d.ids.join(','));
  if (d.hidden.length) params.set('hidden', d.hidden.join(','));
  if (d.pinned.length) params.set('pinned', d.pinned.join(','));
  if (d.filter.hiddenKinds.length) params.set('noKinds', d.filter.hiddenKinds.join(','));
  if (d.filter.hiddenTypes.length) params.set('noTypes', d.filter.hiddenTypes.join(','));
  if (d.filter.minCertainty !== DEFAULT_FILTER.minCertainty) params.set('certainty', d.filter.minCertainty);
  if (d.filter.time.clock !== 'OCCURRED') params.set('clock', d.filter.time.clock);
  if (d.filter.time.from) params.set('from', d.filter.time.from);
  if (d.filter.time.to) params.set('to', d.filter.time.to);
  if (d.filter.minReliability !== DEFAULT_FILTER.minReliability)
    params.set('reliability', d.filter.minReliability);
  if (!d.filter.includeUndated) params.set('undated', 'no');
  if (d.filter.asOf) params.set('asOf', d.filter.asOf);
  if (d.filter.hideOrphans) params.set('orphans', 'hide');
  if (d.expanded.length) {
    params.set('expanded', d.expanded.join(','));
    if (d.placed.length) params.set('placed', d.placed.join(','));
  }
  if (d.style.sizeBy !== 'none') params.set('size', d.style.sizeBy);
  if (d.style.colorBy) params.set('color', d.style.colorBy);
  if (d.tableOpen) params.set('table', 'open');
  if (d.selection) params.set('sel', `${d.selection.type}:${d.selection.id}`);
  params.set('label', d.labelMode);
  params.set('layout', d.layout);
  return params.toString();
}

export function parseView(text: string): ViewDescriptor {
  const params = new URLSearchParams(text.replace(/^[#?]/, ''));
  const sel = params.get('sel');
  const colon = sel ? sel.indexOf(':') : -1;
  const selType = sel && colon > 0 ? sel.slice(0, colon) : null;
  const selection: Selection | null =
    sel && (selType === 'node' || selType === 'edge') ? { type: selType, id: sel.slice(colon + 1) } : null;
  return {
    ids: list(params.get('ids')),
    hidden: list(params.get('hidden')),
    pinned: list(params.get('pinned')),
    filter: {
      hiddenKinds: list(params.get('noKinds')),
      hiddenTypes: list(params.get('noTypes')),
      minCertainty: oneOf<Certainty>(params.get('certainty'), CERTAINTY_ORDER, DEFAULT_FILTER.minCertainty),
      time: {
        clock: oneOf<Clock>(params.get('clock'), ['OCCURRED', 'PUBLISHED'], 'OCCURRED'),
        from: params.get('from'),
        to: params.get('to'),
      },
      minReliability: oneOf<SourceReliability>(
        params.get('reliability'),
        RELIABILITY_ORDER,
        DEFAULT_FILTER.minReliability,
      ),
      includeUndated: params.get('undated') !== 'no',
      asOf: /^\d{4}-\d{2}-\d{2}$/.test(params.get('asOf') ?? '') ? params.get('asOf') : null,
      hideOrphans: params.get('orphans') === 'hide',
    },
    selection,
    labelMode: oneOf<LabelMode>(params.get('label'), ['ko', 'en', 'both'], 'both'),
    layout: oneOf<LayoutName>(params.get('layout'), LAYOUT_NAMES, 'fcose'),
    expanded: list(params.get('expanded')),
    placed: list(params.get('placed')),
    style: {
      sizeBy: oneOf<SizeMeasure>(params.get('size'), SIZE_MEASURES, 'none'),
      colorBy: params.get('color')?.trim() || null,
    },
    tableOpen: params.get('table') === 'open',
  };
}

/**
 * Why each restored entity is on the canvas, rebuilt from what the link says: an expanded entity's
 * neighbours came with its expansion; entities the user placed (or that touch no expanded entity) are
 * the user's. So Collapse after a reload removes what that expansion brought, as before it.
 */
function rebuildOrigins(view: GraphView, d: ViewDescriptor): Record<string, readonly Origin[]> {
  const expanded = new Set(d.expanded.filter((id) => view.entities[id]));
  const placed = new Set(d.placed);
  const origins: Record<string, Origin[]> = {};
  for (const id of Object.keys(view.entities))
    origins[id] = expanded.has(id) || placed.has(id) ? [USER_ORIGIN] : [];
  for (const r of Object.values(view.relationships)) {
    if (expanded.has(r.fromId) && !expanded.has(r.toId)) origins[r.toId]?.push(expandOrigin(r.fromId));
    if (expanded.has(r.toId) && !expanded.has(r.fromId)) origins[r.fromId]?.push(expandOrigin(r.toId));
  }
  for (const [id, list] of Object.entries(origins)) {
    const unique = [...new Set(list)];
    origins[id] = unique.length ? unique : [USER_ORIGIN];
  }
  return origins;
}

/** Applies a descriptor to a view whose entities were just fetched; ids that no longer exist drop out. */
export function applyDescriptor(view: GraphView, d: ViewDescriptor): GraphView {
  const has = (id: string) => Boolean(view.entities[id]);
  const selection =
    d.selection &&
    (d.selection.type === 'node' ? has(d.selection.id) : Boolean(view.relationships[d.selection.id]))
      ? d.selection
      : null;
  return {
    ...view,
    origins: d.expanded.length ? rebuildOrigins(view, d) : view.origins,
    expanded: d.expanded.filter(has),
    hidden: d.hidden.filter(has),
    pinned: d.pinned.filter(has),
    filter: d.filter,
    selection,
    selectedIds: selection?.type === 'node' ? [selection.id] : [],
    labelMode: d.labelMode,
    layout: d.layout,
    style: d.style,
    tableOpen: d.tableOpen,
  };
}
