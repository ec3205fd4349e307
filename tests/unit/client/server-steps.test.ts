// Server changes as undo steps: the history keeps the effect with the snapshot it produced, and the local
// merge rewrite matches what the server does.
import { describe, expect, it } from 'vitest';
import {
  canUndo,
  record,
  redo,
  redoEffect,
  startHistory,
  undo,
  undoEffect,
} from '../../../client/src/state/history.ts';
import { EMPTY_VIEW } from '../../../client/src/state/model.ts';
import { mergeEntitiesLocally, mergeSubgraph } from '../../../client/src/state/transitions.ts';
import { pathSentence, pathSteps, weakestCertainty } from '../../../client/src/state/paths.ts';
import { entity, evidence, rel } from './builders.ts';

describe('history with server effects', () => {
  it('undo reports the effect to reverse, redo the one to repeat, and takes a replacement', () => {
    let h = startHistory<string, { id: string }>('a');
    h = record(h, 'b');
    h = record(h, 'c', { id: 'merge-1' });
    expect(undoEffect(h)).toEqual({ id: 'merge-1' });
    h = undo(h);
    expect(h.present).toBe('b');
    expect(undoEffect(h)).toBeNull();
    expect(redoEffect(h)).toEqual({ id: 'merge-1' });
    h = redo(h, { id: 'merge-2' });
    expect(h.present).toBe('c');
    expect(undoEffect(h)).toEqual({ id: 'merge-2' });
    h = undo(undo(h));
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
  });
});

describe('mergeEntitiesLocally', () => {
  it('moves relationships to the kept entity, joins duplicates, drops the ones between the two', () => {
    const view = mergeSubgraph(EMPTY_VIEW, {
      nodes: [entity('keep'), entity('dup'), entity('x'), entity('y')],
      relationships: [
        rel('keep', 'OWNS', 'x', { certainty: 'REPORTED', evidence: [evidence({ id: 'e1' })] }),
        rel('dup', 'OWNS', 'x', { certainty: 'CONFIRMED', evidence: [evidence({ id: 'e2' })] }),
        rel('y', 'MET_WITH', 'dup'),
        rel('dup', 'SAME_AS', 'keep'),
      ],
    });
    const next = mergeEntitiesLocally(
      { ...view, selection: { type: 'node', id: 'dup' } },
      entity('keep', { aliases: ['dup'], version: 2 }),
      'dup',
    );
    expect(Object.keys(next.entities).sort()).toEqual(['keep', 'x', 'y']);
    expect(Object.keys(next.relationships).sort()).toEqual(['keep:OWNS:x', 'y:MET_WITH:keep']);
    expect(next.relationships['keep:OWNS:x']?.certainty).toBe('CONFIRMED');
    expect(next.relationships['keep:OWNS:x']?.evidence.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(next.entities.keep?.version).toBe(2);
    expect(next.selection).toEqual({ type: 'node', id: 'keep' });
  });
});

describe('paths in words', () => {
  const path = {
    nodes: [entity('cho', { name: 'Cho' }), entity('zuck', { name: 'Zuck' }), entity('lee', { name: 'Lee' })],
    relationships: [
      rel('zuck', 'MET_WITH', 'cho', { certainty: 'CONFIRMED' }),
      rel('zuck', 'MET_WITH', 'lee', { certainty: 'REPORTED' }),
    ],
  };
  it('names each step with its direction and the weakest certainty', () => {
    expect(pathSteps(path).map((s) => s.forward)).toEqual([false, true]);
    expect(pathSentence(path)).toBe('Cho ←met with— Zuck —met with→ Lee');
    expect(weakestCertainty(path)).toBe('REPORTED');
  });
});
