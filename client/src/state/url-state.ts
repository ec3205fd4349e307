// The view in the address bar (#ids=…&label=…): shareable, bookmarkable, restored on load. Only ids and
// view settings are stored; entity data is fetched again so a link never shows stale facts.
import type { Certainty, Clock, SourceReliability } from '../api/shapes.ts';
import {
  CERTAINTY_ORDER,
  DEFAULT_FILTER,
  LAYOUT_NAMES,
  RELIABILITY_ORDER,
  type Filter,
  type GraphView,
  type LabelMode,
  type LayoutName,
  type Selection,
} from './model.ts';

export interface ViewDescriptor {
  ids: string[];
  hidden: string[];
  pinned: string[];
  filter: Filter;
  selection: Selection | null;
  labelMode: LabelMode;
  layout: LayoutName;
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
  };
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
    hidden: d.hidden.filter(has),
    pinned: d.pinned.filter(has),
    filter: d.filter,
    selection,
    labelMode: d.labelMode,
    layout: d.layout,
  };
}
