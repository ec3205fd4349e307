// Issue 17 item 9 and the reload items, on the pure state: multi-selection, group actions as one undo
// step each, expanding several entities at once, style rules, and what the URL keeps (expanded
// entities, the table, the style) so a reload can collapse and show the table as before.
import { describe, expect, it } from 'vitest';
import { applyAction } from '../../../client/src/state/actions.ts';
import { initialAppState } from '../../../client/src/state/app-state.ts';
import { colorKey, colorKeyLabel, styleMaps } from '../../../client/src/graph-view/elements.ts';
import { axisTicks, axisWhere } from '../../../client/src/graph-view/timeline-axis.ts';
import { timelineColumns } from '../../../client/src/graph-view/layouts.ts';
import { EMPTY_VIEW, type GraphView } from '../../../client/src/state/model.ts';
import { propertyKeys } from '../../../client/src/state/style-rules.ts';
import {
  addEntities,
  collapse,
  expand,
  expandMany,
  hide,
  mergeSubgraph,
  pinAll,
  select,
  selectMany,
  setStyle,
  toggleSelected,
} from '../../../client/src/state/transitions.ts';
import { applyDescriptor, parseView, serializeView } from '../../../client/src/state/url-state.ts';
import { visibleGraph } from '../../../client/src/state/visible.ts';
import { entity, evidence, rel } from './builders.ts';

const ids = (view: GraphView) => Object.keys(view.entities).sort();
const three = mergeSubgraph(EMPTY_VIEW, {
  nodes: [entity('a'), entity('b'), entity('c')],
  relationships: [rel('a', 'X', 'b')],
});

describe('multi-selection', () => {
  it('shift-click adds and removes; the last added is the one shown', () => {
    let v = select(three, { type: 'node', id: 'a' });
    expect(v.selectedIds).toEqual(['a']);
    v = toggleSelected(v, 'b');
    expect(v.selectedIds).toEqual(['a', 'b']);
    expect(v.selection).toEqual({ type: 'node', id: 'b' });
    v = toggleSelected(v, 'b');
    expect(v.selectedIds).toEqual(['a']);
    expect(v.selection).toEqual({ type: 'node', id: 'a' });
    v = toggleSelected(v, 'a');
    expect(v.selectedIds).toEqual([]);
    expect(v.selection).toBeNull();
    expect(toggleSelected(three, 'missing')).toBe(three);
  });

  it('box selection joins the selection; a plain click or clearing resets it', () => {
    let v = select(three, { type: 'node', id: 'c' });
    v = selectMany(v, ['a', 'b', 'nope']);
    expect(v.selectedIds).toEqual(['c', 'a', 'b']);
    expect(v.selection).toEqual({ type: 'node', id: 'c' });
    expect(selectMany(v, ['a'])).toBe(v);
    expect(select(v, { type: 'node', id: 'a' }).selectedIds).toEqual(['a']);
    expect(select(v, null).selectedIds).toEqual([]);
    expect(select(v, { type: 'edge', id: 'a:X:b' }).selectedIds).toEqual([]);
  });

  it('hiding drops hidden entities from the selection', () => {
    const v = hide(selectMany(three, ['a', 'b']), ['a', 'b']);
    expect(v.selectedIds).toEqual([]);
    expect(v.hidden).toEqual(['a', 'b']);
  });

  it('selection is not an undo step; pinning or hiding a selection is exactly one', () => {
    let state = initialAppState(three);
    state = applyAction(state, 'select', { type: 'node', id: 'a' });
    state = applyAction(state, 'toggleSelected', { id: 'b' });
    state = applyAction(state, 'selectMany', { ids: ['c'] });
    expect(state.history.past).toHaveLength(0);
    state = applyAction(state, 'pinAll', { ids: ['a', 'b', 'c'], pinned: true });
    expect(state.history.past).toHaveLength(1);
    expect(state.history.present.pinned).toEqual(['a', 'b', 'c']);
    state = applyAction(state, 'hide', { ids: ['a', 'b', 'c'] });
    expect(state.history.past).toHaveLength(2);
    expect(state.history.past.at(-1)?.hidden).toEqual([]);
    expect(pinAll(three, ['a', 'nope'], false)).toBe(three);
  });
});

describe('expanding several entities at once', () => {
  const start = addEntities(EMPTY_VIEW, [entity('a'), entity('b')]);
  const piece = {
    nodes: [entity('a'), entity('b'), entity('n1'), entity('n2'), entity('shared')],
    relationships: [
      rel('a', 'X', 'n1'),
      rel('b', 'X', 'n2'),
      rel('a', 'X', 'shared'),
      rel('shared', 'X', 'b'),
      rel('n1', 'Y', 'n2'),
    ],
  };

  it('brings every neighbour and link, and each expanded entity can be collapsed on its own', () => {
    const v = expandMany(start, ['a', 'b'], piece);
    expect(ids(v)).toEqual(['a', 'b', 'n1', 'n2', 'shared']);
    expect(Object.keys(v.relationships)).toContain('n1:Y:n2');
    expect(v.expanded).toEqual(['a', 'b']);
    // Collapsing a keeps what b brought too (shared came with both).
    expect(ids(collapse(v, 'a'))).toEqual(['a', 'b', 'n2', 'shared']);
    expect(ids(collapse(collapse(v, 'a'), 'b'))).toEqual(['a', 'b']);
  });

  it('is one undo step', () => {
    let state = initialAppState(start);
    state = applyAction(state, 'expandMany', { ids: ['a', 'b'], piece });
    expect(state.history.past).toHaveLength(1);
    expect(ids(state.history.past[0] as GraphView)).toEqual(['a', 'b']);
  });
});

describe('style rules', () => {
  const graph = mergeSubgraph(EMPTY_VIEW, {
    nodes: [
      entity('hub', { properties: { country: 'US' } }),
      entity('x', { properties: { country: 'KR' } }),
      entity('y', { properties: { country: 'KR' } }),
      entity('z'),
    ],
    relationships: [
      rel('hub', 'X', 'x', {
        evidence: [evidence({ id: 'e1' }), evidence({ id: 'e2' }), evidence({ id: 'e3' })],
      }),
      rel('hub', 'X', 'y'),
      rel('hub', 'X', 'z'),
    ],
  });

  it('sizes by degree or by evidence, largest for the most', () => {
    const byDegree = styleMaps(visibleGraph(graph), { sizeBy: 'degree', colorBy: null }).sizes;
    expect(byDegree.get('hub')).toBeGreaterThan(byDegree.get('x') ?? Infinity);
    expect(byDegree.get('x')).toBe(byDegree.get('y'));
    const byEvidence = styleMaps(visibleGraph(graph), { sizeBy: 'evidence', colorBy: null }).sizes;
    expect(byEvidence.get('x')).toBeGreaterThan(byEvidence.get('y') ?? Infinity);
    expect(styleMaps(visibleGraph(graph), { sizeBy: 'none', colorBy: null }).sizes.size).toBe(0);
  });

  it('colours by a property: one colour per value, grey without it', () => {
    const colors = styleMaps(visibleGraph(graph), { sizeBy: 'none', colorBy: 'country' }).colors;
    expect(colors.get('x')).toBe(colors.get('y'));
    expect(colors.get('hub')).not.toBe(colors.get('x'));
    expect(colors.get('z')).toBe('#8c8c8c');
    expect(propertyKeys(Object.values(graph.entities))).toEqual([{ key: 'country', count: 3 }]);
  });

  it('the colour key says what each colour stands for, and the canvas is coloured from it', () => {
    const key = colorKey(visibleGraph(graph).nodes, 'country');
    expect(key.map((e) => [colorKeyLabel(e, 'country'), e.color])).toEqual([
      ['KR (2)', '#0072B2'],
      ['US (1)', '#E69F00'],
      ['no country (1)', '#8c8c8c'],
    ]);
    const colors = styleMaps(visibleGraph(graph), { sizeBy: 'none', colorBy: 'country' }).colors;
    for (const e of key.filter((k) => k.kind === 'value'))
      expect(colors.get(e.values[0] === 'KR' ? 'x' : 'hub')).toBe(e.color);
  });

  it('more values than colours: the rest share one "other values" colour, no colour means two values', () => {
    const many = mergeSubgraph(EMPTY_VIEW, {
      nodes: Array.from({ length: 11 }, (_, i) =>
        entity(`n${i}`, { properties: { code: `v${String(i).padStart(2, '0')}` } }),
      ),
      relationships: [],
    });
    const key = colorKey(visibleGraph(many).nodes, 'code');
    const colours = key.map((e) => e.color);
    expect(new Set(colours).size).toBe(colours.length);
    expect(key).toHaveLength(8);
    const other = key.at(-1);
    expect(other?.kind).toBe('other');
    expect(other?.values).toEqual(['v07', 'v08', 'v09', 'v10']);
    expect(colorKeyLabel(other!, 'code')).toBe('other values: v07, v08, v09, v10 (4)');
    const drawn = styleMaps(visibleGraph(many), { sizeBy: 'none', colorBy: 'code' }).colors;
    expect(drawn.get('n9')).toBe(other?.color);
    expect(drawn.get('n0')).not.toBe(other?.color);
  });

  it('a style change is one undo step and a no-op is none', () => {
    expect(setStyle(graph, { sizeBy: 'none' })).toBe(graph);
    let state = initialAppState(graph);
    state = applyAction(state, 'setStyle', { sizeBy: 'degree' });
    state = applyAction(state, 'setStyle', { colorBy: 'country' });
    expect(state.history.past).toHaveLength(2);
  });
});

describe('what a reload restores', () => {
  const searched = addEntities(EMPTY_VIEW, [entity('a'), entity('s')]);
  const expanded = expand(searched, 'a', {
    nodes: [entity('a'), entity('n1'), entity('n2'), entity('s')],
    relationships: [rel('a', 'X', 'n1'), rel('a', 'X', 'n2'), rel('a', 'X', 's')],
  });
  const styled = setStyle({ ...expanded, tableOpen: true }, { sizeBy: 'evidence', colorBy: 'country' });

  const reload = (view: GraphView) =>
    applyDescriptor(
      mergeSubgraph(EMPTY_VIEW, {
        nodes: Object.values(view.entities),
        relationships: Object.values(view.relationships),
      }),
      parseView(serializeView(view)),
    );

  it('keeps the expanded entities, the table and the style rules in the URL', () => {
    const hash = serializeView(styled);
    expect(hash).toContain('expanded=a');
    expect(hash).toContain('table=open');
    expect(hash).toContain('size=evidence');
    expect(hash).toContain('color=country');
    const back = reload(styled);
    expect(back.expanded).toEqual(['a']);
    expect(back.tableOpen).toBe(true);
    expect(back.style).toEqual({ sizeBy: 'evidence', colorBy: 'country' });
    expect(serializeView(back)).toBe(hash);
  });

  it('collapse after a reload removes what the expansion brought, and keeps what the user placed', () => {
    const back = reload(expanded);
    expect(ids(collapse(back, 'a'))).toEqual(['a', 's']);
    expect(ids(collapse(back, 'a'))).toEqual(ids(collapse(expanded, 'a')));
  });

  it('an old link without expanded entities restores as before', () => {
    const back = applyDescriptor(searched, parseView('ids=a,s&label=both&layout=fcose'));
    expect(back.expanded).toEqual([]);
    expect(back.tableOpen).toBe(false);
    expect(back.style).toEqual({ sizeBy: 'none', colorBy: null });
    expect(parseView('size=huge').style.sizeBy).toBe('none');
  });
});

describe('timeline axis', () => {
  const columns = [
    { day: '2013-01-01', x: 0 },
    { day: '2024-02-27', x: 150 },
    { day: '2024-02-28', x: 300 },
  ];

  it('has one tick per event day under its column, thinned out when zoomed out, only on screen', () => {
    expect(
      timelineColumns([
        { occurredAt: '2024-02-28' },
        { occurredAt: '2024-02-27/2024-02-29' },
        { occurredAt: '' },
        { occurredAt: '2013' },
      ]),
    ).toEqual(['2013-01-01', '2024-02-27', '2024-02-28']);
    const all = axisTicks(columns, { zoom: 1, panX: 10, width: 1000 });
    expect(all).toEqual([
      { day: '2013-01-01', x: 10 },
      { day: '2024-02-27', x: 160 },
      { day: '2024-02-28', x: 310 },
    ]);
    const thinned = axisTicks(columns, { zoom: 0.3, panX: 0, width: 1000 });
    expect(thinned.map((t) => t.day)).toEqual(['2013-01-01', '2024-02-28']);
    expect(axisTicks(columns, { zoom: 1, panX: -5000, width: 1000 })).toEqual([]);
  });

  it('says how many days lie off screen at either end', () => {
    expect(axisWhere(columns, { zoom: 1, panX: 10, width: 1000 })).toEqual({
      before: 0,
      after: 0,
      first: '2013-01-01',
      last: '2024-02-28',
    });
    expect(axisWhere(columns, { zoom: 1, panX: -100, width: 300 })).toEqual({
      before: 1,
      after: 0,
      first: '2024-02-27',
      last: '2024-02-28',
    });
    expect(axisWhere(columns, { zoom: 1, panX: 0, width: 100 }).after).toBe(2);
  });
});
