import { describe, expect, it } from 'vitest';
import { EMPTY_VIEW, type GraphView } from '../../../client/src/state/model.ts';
import {
  addEntities,
  collapse,
  expand,
  hide,
  mergeSubgraph,
  pin,
  remove,
  select,
  setLabelMode,
  show,
} from '../../../client/src/state/transitions.ts';
import { entity, rel } from './builders.ts';

const ids = (view: GraphView) => Object.keys(view.entities).sort();
const relIds = (view: GraphView) => Object.keys(view.relationships).sort();

describe('mergeSubgraph', () => {
  it('deduplicates entities and relationships by id, keeping the newest data', () => {
    const first = mergeSubgraph(EMPTY_VIEW, {
      nodes: [entity('a'), entity('b')],
      relationships: [rel('a', 'X', 'b')],
    });
    const second = mergeSubgraph(first, {
      nodes: [entity('a', { name: 'A renamed' }), entity('b')],
      relationships: [rel('a', 'X', 'b')],
    });
    expect(ids(second)).toEqual(['a', 'b']);
    expect(relIds(second)).toEqual(['a:X:b']);
    expect(second.entities.a?.name).toBe('A renamed');
  });

  it('drops relationships whose ends are not on the canvas', () => {
    const view = mergeSubgraph(EMPTY_VIEW, { nodes: [entity('a')], relationships: [rel('a', 'X', 'zzz')] });
    expect(relIds(view)).toEqual([]);
  });

  it('is idempotent for repeated merges of the same piece', () => {
    const piece = { nodes: [entity('a')], relationships: [] };
    const once = mergeSubgraph(EMPTY_VIEW, piece);
    const twice = mergeSubgraph(once, piece);
    expect(twice.origins.a).toEqual(['user']);
  });
});

describe('expand and collapse', () => {
  const start = addEntities(EMPTY_VIEW, [entity('zuck')]);
  const piece = {
    nodes: [entity('zuck'), entity('lg'), entity('samsung')],
    relationships: [rel('zuck', 'MET_WITH', 'lg'), rel('zuck', 'MET_WITH', 'samsung')],
  };

  it('adds the neighbours and marks the node as expanded', () => {
    const view = expand(start, 'zuck', piece);
    expect(ids(view)).toEqual(['lg', 'samsung', 'zuck']);
    expect(view.expanded).toEqual(['zuck']);
    expect(view.origins.lg).toEqual(['expand:zuck']);
  });

  it('collapse removes exactly what the expansion added', () => {
    const view = collapse(expand(start, 'zuck', piece), 'zuck');
    expect(ids(view)).toEqual(['zuck']);
    expect(relIds(view)).toEqual([]);
    expect(view.expanded).toEqual([]);
  });

  it('collapse keeps nodes reached otherwise (searched, or by another expansion)', () => {
    const searched = addEntities(expand(start, 'zuck', piece), [entity('lg')]);
    const viaOther = expand(searched, 'lg', { nodes: [entity('lg'), entity('samsung')], relationships: [] });
    const view = collapse(viaOther, 'zuck');
    expect(ids(view)).toEqual(['lg', 'samsung', 'zuck']);
    expect(relIds(view)).toEqual(['zuck:MET_WITH:lg', 'zuck:MET_WITH:samsung']);
  });

  it('collapse cascades through expansions of removed nodes', () => {
    const first = expand(start, 'zuck', piece);
    const second = expand(first, 'lg', {
      nodes: [entity('lg'), entity('cho')],
      relationships: [rel('cho', 'CEO_OF', 'lg')],
    });
    const view = collapse(second, 'zuck');
    expect(ids(view)).toEqual(['zuck']);
    expect(view.expanded).toEqual([]);
  });

  it('collapse of a node that was not expanded changes nothing', () => {
    expect(collapse(start, 'zuck')).toBe(start);
  });

  it('collapse clears a selection that is gone', () => {
    const selected = select(expand(start, 'zuck', piece), { type: 'node', id: 'lg' });
    expect(collapse(selected, 'zuck').selection).toBeNull();
  });
});

describe('hide, show, pin, remove, select', () => {
  const view = mergeSubgraph(EMPTY_VIEW, {
    nodes: [entity('a'), entity('b')],
    relationships: [rel('a', 'X', 'b')],
  });

  it('hides and shows', () => {
    const hidden = hide(view, ['a']);
    expect(hidden.hidden).toEqual(['a']);
    expect(show(hidden, ['a']).hidden).toEqual([]);
    expect(show(hide(hidden, ['b']), 'all').hidden).toEqual([]);
  });

  it('pins only entities on the canvas', () => {
    expect(pin(view, 'a', true).pinned).toEqual(['a']);
    expect(pin(view, 'nope', true)).toBe(view);
  });

  it('remove takes the node and its relationships off', () => {
    const next = remove(view, ['a']);
    expect(ids(next)).toEqual(['b']);
    expect(relIds(next)).toEqual([]);
  });

  it('selects only what exists', () => {
    expect(select(view, { type: 'edge', id: 'a:X:b' }).selection).toEqual({ type: 'edge', id: 'a:X:b' });
    expect(select(view, { type: 'node', id: 'missing' })).toBe(view);
  });

  it('returns the same view for no-op changes so history skips them', () => {
    expect(setLabelMode(view, view.labelMode)).toBe(view);
  });
});
