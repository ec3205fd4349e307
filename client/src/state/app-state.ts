// The whole client state: the undoable exploration plus transient UI state (requests, dialogs, errors).
import type { ApiErrorCode } from '../api/errors.ts';
import type { Entity, ExpansionPreview, Note, PathResult, SearchHit } from '../api/types.ts';
import { startHistory, type History } from './history.ts';
import { EMPTY_VIEW, type GraphView } from './model.ts';

export interface UiError {
  code: ApiErrorCode;
  message: string;
}

export interface SearchState {
  text: string;
  hits: SearchHit[];
  loading: boolean;
  /** True once a search for `text` has answered (so "no results" can be told from "not asked"). */
  answered: boolean;
}

export interface PreviewState {
  id: string;
  preview: ExpansionPreview | null;
  loading: boolean;
}

export interface UiState {
  /** What is loading right now, in words, or null. */
  loading: string | null;
  error: UiError | null;
  notice: string | null;
  search: SearchState;
  preview: PreviewState | null;
  details: (Entity & { notes: Note[] }) | null;
  paths: { results: PathResult[]; answered: boolean };
  token: string | null;
}

export interface AppState {
  history: History<GraphView>;
  ui: UiState;
}

export const INITIAL_UI: UiState = {
  loading: null,
  error: null,
  notice: null,
  search: { text: '', hits: [], loading: false, answered: false },
  preview: null,
  details: null,
  paths: { results: [], answered: false },
  token: null,
};

export function initialAppState(view: GraphView = EMPTY_VIEW, token: string | null = null): AppState {
  return { history: startHistory(view), ui: { ...INITIAL_UI, token } };
}

export const currentView = (state: AppState): GraphView => state.history.present;
