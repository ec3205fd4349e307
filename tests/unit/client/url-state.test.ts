import { describe, expect, it } from 'vitest';
import { EMPTY_VIEW } from '../../../client/src/state/model.ts';
import { loadSavedViews, saveView, deleteSavedView } from '../../../client/src/state/saved-views.ts';
import {
  hide,
  mergeSubgraph,
  pin,
  select,
  setFilter,
  setLabelMode,
  setLayout,
} from '../../../client/src/state/transitions.ts';
import { applyDescriptor, parseView, serializeView } from '../../../client/src/state/url-state.ts';
import { entity, rel } from './builders.ts';

function sampleView() {
  let v = mergeSubgraph(EMPTY_VIEW, {
    nodes: [entity('mark-zuckerberg'), entity('lg-electronics'), entity('meta')],
    relationships: [rel('mark-zuckerberg', 'CEO_OF', 'meta')],
  });
  v = hide(v, ['lg-electronics']);
  v = pin(v, 'meta', true);
  v = setFilter(v, {
    hiddenKinds: ['Place'],
    hiddenTypes: ['SUPPLIES'],
    minCertainty: 'REPORTED',
    time: { clock: 'PUBLISHED', from: '2024-01-01', to: '2024-03-31' },
  });
  v = select(v, { type: 'edge', id: 'mark-zuckerberg:CEO_OF:meta' });
  v = setLabelMode(v, 'ko');
  return setLayout(v, 'timeline');
}

describe('URL state', () => {
  it('round-trips ids, filters, selection, label mode and layout', () => {
    const view = sampleView();
    const parsed = parseView(`#${serializeView(view)}`);
    expect(parsed.ids).toEqual(['mark-zuckerberg', 'lg-electronics', 'meta']);
    expect(parsed.hidden).toEqual(['lg-electronics']);
    expect(parsed.pinned).toEqual(['meta']);
    expect(parsed.filter).toEqual(view.filter);
    expect(parsed.selection).toEqual({ type: 'edge', id: 'mark-zuckerberg:CEO_OF:meta' });
    expect(parsed.labelMode).toBe('ko');
    expect(parsed.layout).toBe('timeline');

    const restored = applyDescriptor(
      mergeSubgraph(EMPTY_VIEW, {
        nodes: Object.values(view.entities),
        relationships: Object.values(view.relationships),
      }),
      parsed,
    );
    expect(serializeView(restored)).toBe(serializeView(view));
  });

  it('survives ids with URL-special characters and Korean text', () => {
    const view = mergeSubgraph(EMPTY_VIEW, { nodes: [entity('a&b=c'), entity('삼성')], relationships: [] });
    expect(parseView(serializeView(view)).ids).toEqual(['a&b=c', '삼성']);
  });

  it('falls back to defaults for garbage', () => {
    const parsed = parseView('#label=xx&layout=nope&certainty=MAYBE&sel=bogus');
    expect(parsed.labelMode).toBe('both');
    expect(parsed.layout).toBe('fcose');
    expect(parsed.filter.minCertainty).toBe('SPECULATIVE');
    expect(parsed.selection).toBeNull();
  });

  it('drops ids that no longer exist when applied', () => {
    const parsed = parseView('ids=a,b&hidden=b&pinned=gone&sel=node:gone');
    const base = mergeSubgraph(EMPTY_VIEW, { nodes: [entity('a'), entity('b')], relationships: [] });
    const v = applyDescriptor(base, parsed);
    expect(v.hidden).toEqual(['b']);
    expect(v.pinned).toEqual([]);
    expect(v.selection).toBeNull();
  });
});

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('saved views', () => {
  it('saves, replaces by name, lists sorted and deletes', () => {
    const storage = new MemoryStorage();
    saveView(storage, 'b', 'ids=x');
    saveView(storage, 'a', 'ids=y');
    saveView(storage, 'b', 'ids=z');
    expect(loadSavedViews(storage).map((v) => [v.name, v.hash])).toEqual([
      ['a', 'ids=y'],
      ['b', 'ids=z'],
    ]);
    expect(deleteSavedView(storage, 'a').map((v) => v.name)).toEqual(['b']);
  });

  it('ignores corrupt storage', () => {
    const storage = new MemoryStorage();
    storage.setItem('linkage.savedViews', '{not json');
    expect(loadSavedViews(storage)).toEqual([]);
  });
});
