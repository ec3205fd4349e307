// Undo/redo as a past/present/future triple of immutable snapshots. A step may also carry the server
// change that made it (a merge, a delete): undoing it must call its inverse on the server first, so each
// snapshot keeps the effect that led to it.
export interface History<T, E = unknown> {
  past: readonly T[];
  present: T;
  future: readonly T[];
  /** pastEffects[i]: the server change that led to past[i] (null: a view-only step). */
  pastEffects: readonly (E | null)[];
  /** The server change that led to `present`. */
  presentEffect: E | null;
  /** futureEffects[i]: the server change that leads to future[i]. */
  futureEffects: readonly (E | null)[];
}

const MAX_UNDO = 100;

export function startHistory<T, E = unknown>(present: T): History<T, E> {
  return { past: [], present, future: [], pastEffects: [], presentEffect: null, futureEffects: [] };
}

/** Records a new present (with the server change behind it, if any); the redo branch is dropped. */
export function record<T, E>(history: History<T, E>, next: T, effect: E | null = null): History<T, E> {
  if (next === history.present && effect === null) return history;
  return {
    past: [...history.past, history.present].slice(-MAX_UNDO),
    pastEffects: [...history.pastEffects, history.presentEffect].slice(-MAX_UNDO),
    present: next,
    presentEffect: effect,
    future: [],
    futureEffects: [],
  };
}

/** Replaces the present without an undo step (selection and other non-exploration changes). */
export function replace<T, E>(history: History<T, E>, next: T): History<T, E> {
  return next === history.present ? history : { ...history, present: next };
}

/** Undoes the last step; `effect` replaces the server change kept for redoing it (e.g. a new version). */
export function undo<T, E>(history: History<T, E>, effect?: E | null): History<T, E> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return {
    past: history.past.slice(0, -1),
    pastEffects: history.pastEffects.slice(0, -1),
    present: previous,
    presentEffect: history.pastEffects.at(-1) ?? null,
    future: [history.present, ...history.future],
    futureEffects: [effect === undefined ? history.presentEffect : effect, ...history.futureEffects],
  };
}

/** Redoes the next step; `effect` replaces its recorded server change (a redone merge has a new id). */
export function redo<T, E>(history: History<T, E>, effect?: E | null): History<T, E> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return {
    past: [...history.past, history.present].slice(-MAX_UNDO),
    pastEffects: [...history.pastEffects, history.presentEffect].slice(-MAX_UNDO),
    present: next,
    presentEffect: effect === undefined ? (history.futureEffects[0] ?? null) : effect,
    future: rest,
    futureEffects: history.futureEffects.slice(1),
  };
}

export const canUndo = (history: History<unknown, unknown>): boolean => history.past.length > 0;
export const canRedo = (history: History<unknown, unknown>): boolean => history.future.length > 0;
/** The server change undo would have to reverse, or null. */
export const undoEffect = <E>(history: History<unknown, E>): E | null =>
  history.past.length > 0 ? history.presentEffect : null;
/** The server change redo would have to repeat, or null. */
export const redoEffect = <E>(history: History<unknown, E>): E | null => history.futureEffects[0] ?? null;
