// Registered user commands: a name, whether it is an undoable exploration step, and a pure transition.
// Buttons, keys and URL restore all go through `applyAction`, so undo/redo covers every step alike.
import type { Entity, Source } from '../api/shapes.ts';
import type { AppState } from './app-state.ts';
import type { GraphFile } from './graph-file.ts';
import { record, redo, replace, undo } from './history.ts';
import type {
  Filter,
  GraphView,
  Highlight,
  LabelMode,
  LayoutName,
  Selection,
  StyleRules,
  TimeWindow,
} from './model.ts';
import type { ServerEffect } from './server-effects.ts';
import * as t from './transitions.ts';

const ACTIONS = {
  addEntities: {
    undoable: true,
    perform: (v: GraphView, p: { nodes: Entity[] }) => t.addEntities(v, p.nodes),
  },
  mergeSubgraph: { undoable: true, perform: (v: GraphView, p: t.GraphPiece) => t.mergeSubgraph(v, p) },
  expand: {
    undoable: true,
    perform: (v: GraphView, p: { id: string; piece: t.GraphPiece }) => t.expand(v, p.id, p.piece),
  },
  expandMany: {
    undoable: true,
    perform: (v: GraphView, p: { ids: string[]; piece: t.GraphPiece }) => t.expandMany(v, p.ids, p.piece),
  },
  collapse: { undoable: true, perform: (v: GraphView, p: { id: string }) => t.collapse(v, p.id) },
  remove: { undoable: true, perform: (v: GraphView, p: { ids: string[] }) => t.remove(v, p.ids) },
  hide: { undoable: true, perform: (v: GraphView, p: { ids: string[] }) => t.hide(v, p.ids) },
  show: { undoable: true, perform: (v: GraphView, p: { ids: string[] | 'all' }) => t.show(v, p.ids) },
  pin: {
    undoable: true,
    perform: (v: GraphView, p: { id: string; pinned: boolean }) => t.pin(v, p.id, p.pinned),
  },
  pinAll: {
    undoable: true,
    perform: (v: GraphView, p: { ids: string[]; pinned: boolean }) => t.pinAll(v, p.ids, p.pinned),
  },
  // Selecting is navigation, not an exploration step: it does not fill the undo stack.
  select: { undoable: false, perform: (v: GraphView, p: Selection | null) => t.select(v, p) },
  toggleSelected: {
    undoable: false,
    perform: (v: GraphView, p: { id: string }) => t.toggleSelected(v, p.id),
  },
  selectMany: { undoable: false, perform: (v: GraphView, p: { ids: string[] }) => t.selectMany(v, p.ids) },
  setStyle: { undoable: true, perform: (v: GraphView, p: Partial<StyleRules>) => t.setStyle(v, p) },
  // Opening the table is a way of looking, like selecting: kept in the URL, not an undo step.
  setTableOpen: { undoable: false, perform: (v: GraphView, p: boolean) => t.setTableOpen(v, p) },
  setFilter: { undoable: true, perform: (v: GraphView, p: Partial<Filter>) => t.setFilter(v, p) },
  setTimeWindow: { undoable: true, perform: (v: GraphView, p: TimeWindow) => t.setTimeWindow(v, p) },
  setLabelMode: { undoable: true, perform: (v: GraphView, p: LabelMode) => t.setLabelMode(v, p) },
  setLayout: { undoable: true, perform: (v: GraphView, p: LayoutName) => t.setLayout(v, p) },
  setHighlight: { undoable: false, perform: (v: GraphView, p: Highlight | null) => t.setHighlight(v, p) },
  updateEntity: { undoable: false, perform: (v: GraphView, p: Entity) => t.updateEntity(v, p) },
  // Entity data refreshed from the server after undoing or redoing a server change (new versions).
  // A source's new grade, applied to every quote of it on the canvas (the rating itself is on the server).
  updateSource: { undoable: false, perform: (v: GraphView, p: Source) => t.updateSource(v, p) },
  refreshEntities: { undoable: false, perform: (v: GraphView, p: Entity[]) => t.refreshEntities(v, p) },
  replaceView: { undoable: true, perform: (_v: GraphView, p: GraphView) => p },
  openGraphFile: { undoable: true, perform: (_v: GraphView, p: GraphFile) => t.fromGraphFile(p) },
} as const;

export type ActionName = keyof typeof ACTIONS;
export type ActionPayload<K extends ActionName> = Parameters<(typeof ACTIONS)[K]['perform']>[1];

export function applyAction<K extends ActionName>(
  state: AppState,
  name: K,
  payload: ActionPayload<K>,
): AppState {
  const action = ACTIONS[name];
  const perform = action.perform as (v: GraphView, p: ActionPayload<K>) => GraphView;
  const next = perform(state.history.present, payload);
  const history = action.undoable ? record(state.history, next) : replace(state.history, next);
  return history === state.history ? state : { ...state, history };
}

/** Records a server change as one undo step: `next` is the view after it, `effect` says how to reverse it. */
export function applyServerStep(state: AppState, next: GraphView, effect: ServerEffect): AppState {
  return { ...state, history: record(state.history, next, effect) };
}

/** Steps back; `effect` (when given) is what redo will repeat on the server. */
export function applyUndo(state: AppState, effect?: ServerEffect | null): AppState {
  const history = undo(state.history, effect);
  return history === state.history ? state : { ...state, history };
}

export function applyRedo(state: AppState, effect?: ServerEffect | null): AppState {
  const history = redo(state.history, effect);
  return history === state.history ? state : { ...state, history };
}
