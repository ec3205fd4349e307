import { describe, expect, it } from 'vitest';
import { applyAction, applyRedo, applyUndo } from '../../../client/src/state/actions.ts';
import { initialAppState } from '../../../client/src/state/app-state.ts';
import { entity } from './builders.ts';

describe('undo/redo of exploration steps', () => {
  it('undoes and redoes each step in order', () => {
    let state = initialAppState();
    state = applyAction(state, 'addEntities', { nodes: [entity('a')] });
    state = applyAction(state, 'addEntities', { nodes: [entity('b')] });
    state = applyAction(state, 'setLayout', 'concentric');
    expect(state.history.past).toHaveLength(3);

    state = applyUndo(state);
    expect(state.history.present.layout).toBe('fcose');
    state = applyUndo(state);
    expect(Object.keys(state.history.present.entities)).toEqual(['a']);
    state = applyRedo(state);
    expect(Object.keys(state.history.present.entities)).toEqual(['a', 'b']);
    state = applyRedo(state);
    expect(state.history.present.layout).toBe('concentric');
    expect(applyRedo(state)).toBe(state);
  });

  it('a new step after undo drops the redo branch', () => {
    let state = applyAction(initialAppState(), 'addEntities', { nodes: [entity('a')] });
    state = applyUndo(state);
    state = applyAction(state, 'setLabelMode', 'ko');
    expect(state.history.future).toHaveLength(0);
    expect(applyRedo(state)).toBe(state);
  });

  it('selection is not an undo step, and no-op steps are not recorded', () => {
    let state = applyAction(initialAppState(), 'addEntities', { nodes: [entity('a')] });
    state = applyAction(state, 'select', { type: 'node', id: 'a' });
    state = applyAction(state, 'setLayout', 'fcose');
    expect(state.history.past).toHaveLength(1);
    expect(state.history.present.selection).toEqual({ type: 'node', id: 'a' });
  });
});
