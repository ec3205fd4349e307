// The exploration state: what is on the canvas and how it is viewed. Plain, immutable data so that
// every step can be undone by keeping the previous value.
import {
  CERTAINTIES,
  SOURCE_RELIABILITIES,
  type Certainty,
  type Clock,
  type Entity,
  type Relationship,
  type SourceReliability,
} from '../api/shapes.ts';

export type LabelMode = 'ko' | 'en' | 'both';
export const LAYOUT_NAMES = ['fcose', 'concentric', 'breadthfirst', 'timeline'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

export const CERTAINTY_ORDER: readonly Certainty[] = CERTAINTIES;
/** Admiralty grades, most reliable first; F (cannot be judged) is every unrated source. */
export const RELIABILITY_ORDER: readonly SourceReliability[] = SOURCE_RELIABILITIES;

export interface TimeWindow {
  clock: Clock;
  /** Inclusive YYYY-MM-DD bounds; null means open. */
  from: string | null;
  to: string | null;
}

export interface Filter {
  hiddenKinds: string[];
  hiddenTypes: string[];
  /** Weakest certainty still shown: SPECULATIVE shows everything, CONFIRMED confirmed only. */
  minCertainty: Certainty;
  /** Least reliable source grade still shown (F shows every source). */
  minReliability: SourceReliability;
  time: TimeWindow;
  /** Evidence with no event date passes an event-time window. */
  includeUndated: boolean;
  /** "As of": only what had been reported by this day (YYYY-MM-DD), or null for everything. */
  asOf: string | null;
  /** Hide entities left without a shown relationship by the filters. */
  hideOrphans: boolean;
}

export interface Selection {
  type: 'node' | 'edge';
  id: string;
}

/** What a context menu is about: an entity, a relationship, or the empty canvas. */
export type CanvasTarget =
  { type: 'node'; id: string } | { type: 'edge'; id: string } | { type: 'background' };

export interface Highlight {
  nodeIds: string[];
  edgeIds: string[];
}

/** Node sizes follow this measure (each node's visible relationships, or the evidence on them). */
export const SIZE_MEASURES = ['none', 'degree', 'evidence'] as const;
export type SizeMeasure = (typeof SIZE_MEASURES)[number];

/** Style rules chosen in the style panel; kept in the URL like the layout. */
export interface StyleRules {
  sizeBy: SizeMeasure;
  /** null: colour by kind; otherwise the entity property whose values pick the colour. */
  colorBy: string | null;
}

export const DEFAULT_STYLE: StyleRules = { sizeBy: 'none', colorBy: null };

/** Why a node is on the canvas: 'user' (searched, restored, path) or 'expand:<id>'. */
export type Origin = string;
export const USER_ORIGIN: Origin = 'user';
export const expandOrigin = (id: string): Origin => `expand:${id}`;

export interface GraphView {
  entities: Readonly<Record<string, Entity>>;
  relationships: Readonly<Record<string, Relationship>>;
  origins: Readonly<Record<string, readonly Origin[]>>;
  expanded: readonly string[];
  hidden: readonly string[];
  pinned: readonly string[];
  selection: Selection | null;
  /**
   * Entities selected together (shift-click, box selection) for group actions: expand, hide, pin. Holds
   * the selected node too; empty when nothing or an edge is selected.
   */
  selectedIds: readonly string[];
  filter: Filter;
  labelMode: LabelMode;
  layout: LayoutName;
  highlight: Highlight | null;
  style: StyleRules;
  /** The table view is open beside the canvas. */
  tableOpen: boolean;
  /**
   * Where the canvas should put these entities when it adds them (an opened Linkage JSON file keeps its
   * arrangement). Hints only: the canvas owns positions afterwards, and entities without one are placed.
   */
  positions?: Readonly<Record<string, { x: number; y: number }>>;
}

export const DEFAULT_FILTER: Filter = {
  hiddenKinds: [],
  hiddenTypes: [],
  minCertainty: 'SPECULATIVE',
  minReliability: 'F',
  time: { clock: 'OCCURRED', from: null, to: null },
  includeUndated: true,
  asOf: null,
  hideOrphans: false,
};

export const EMPTY_VIEW: GraphView = {
  entities: {},
  relationships: {},
  origins: {},
  expanded: [],
  hidden: [],
  pinned: [],
  selection: null,
  selectedIds: [],
  filter: DEFAULT_FILTER,
  labelMode: 'both',
  layout: 'fcose',
  highlight: null,
  style: DEFAULT_STYLE,
  tableOpen: false,
};
