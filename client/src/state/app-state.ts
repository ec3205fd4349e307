// The whole client state: the undoable exploration plus transient UI state (requests, dialogs, errors).
import type { ApiErrorCode } from '../api/errors.ts';
import type {
  ClaimHit,
  Entity,
  Evidence,
  ExpansionPreview,
  Note,
  PathResult,
  Relationship,
  SearchHit,
  Source,
} from '../api/shapes.ts';
import { startHistory, type History } from './history.ts';
import { EMPTY_VIEW, type GraphView } from './model.ts';
import type { ServerEffect } from './server-effects.ts';

export interface UiError {
  code: ApiErrorCode;
  message: string;
}

export interface SearchState {
  text: string;
  hits: SearchHit[];
  /** Relationships whose evidence matches (the second result group), from the server. */
  claims: ClaimHit[];
  loading: boolean;
  /** True once a search for `text` has answered (so "no results" can be told from "not asked"). */
  answered: boolean;
  /** Why the text cannot be searched (too long …), said once, in the search box. */
  problem?: string | null;
}

export interface PreviewState {
  id: string;
  preview: ExpansionPreview | null;
  loading: boolean;
}

export interface PathsState {
  results: PathResult[];
  answered: boolean;
  /** Which listed path is on the canvas and highlighted, or null. */
  focused: number | null;
}

/**
 * A relationship's evidence read in full (Query.evidence, unfiltered: the filters pick from it by evidence
 * id, so one read serves every filter), and the relationship as the canvas held it then.
 */
export interface EvidenceRead {
  of: Relationship;
  evidence: Evidence[];
}

export interface UiState {
  /** What is loading right now, in words, or null. */
  loading: string | null;
  error: UiError | null;
  notice: string | null;
  search: SearchState;
  preview: PreviewState | null;
  details: (Entity & { notes: Note[] }) | null;
  paths: PathsState;
  token: string | null;
  /** The source shown in the details panel (to read or rate), or null. */
  source: Source | null;
  /** Evidence in full by relationship id, read when a relationship is opened or exported. */
  evidence: Readonly<Record<string, EvidenceRead>>;
}

export interface AppState {
  history: History<GraphView, ServerEffect>;
  ui: UiState;
}

export const INITIAL_UI: UiState = {
  loading: null,
  error: null,
  notice: null,
  search: { text: '', hits: [], claims: [], loading: false, answered: false },
  preview: null,
  details: null,
  paths: { results: [], answered: false, focused: null },
  token: null,
  source: null,
  evidence: {},
};

export function initialAppState(view: GraphView = EMPTY_VIEW, token: string | null = null): AppState {
  return { history: startHistory<GraphView, ServerEffect>(view), ui: { ...INITIAL_UI, token } };
}

export const currentView = (state: AppState): GraphView => state.history.present;
