import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../client/src/api/errors.ts';
import type { LinkageApi } from '../../../client/src/api/linkage-api.ts';
import type { SearchHit, Subgraph } from '../../../client/src/api/shapes.ts';
import { initialAppState, type AppState } from '../../../client/src/state/app-state.ts';
import { MAX_EXPANSION_CAP, createCommands } from '../../../client/src/state/commands.ts';
import { createStore } from '../../../client/src/state/store.ts';
import { addEntities } from '../../../client/src/state/transitions.ts';
import { visibleGraph } from '../../../client/src/state/visible.ts';
import { entity, evidence, rel } from './builders.ts';

const zuck = entity('mark-zuckerberg', { name: 'Mark Zuckerberg', nameKo: '마크 저커버그' });
const piece: Subgraph = {
  nodes: [zuck, entity('lg'), entity('samsung')],
  relationships: [rel('mark-zuckerberg', 'MET_WITH', 'lg'), rel('mark-zuckerberg', 'MET_WITH', 'samsung')],
  truncated: true,
  totalNodes: 9,
};

function fakeApi(overrides: Partial<LinkageApi> = {}): LinkageApi {
  const fail = () => Promise.reject(new Error('not used in this test'));
  return {
    search: fail,
    searchClaims: async () => [],
    neighborhood: async () => piece,
    expansionPreview: fail,
    paths: async () => [],
    evidence: async () => [],
    entityDetails: async () => null,
    createEntity: fail,
    updateEntity: fail,
    createRelationship: fail,
    mergeEntities: fail,
    unmergeEntities: fail,
    deleteEntity: fail,
    restoreEntity: fail,
    sources: async () => [],
    rateSource: fail,
    exportView: fail,
    ...overrides,
  };
}

const setup = (api: LinkageApi) => {
  const store = createStore<AppState>(initialAppState());
  return { store, commands: createCommands(store, api) };
};

describe('async commands', () => {
  it('a newer search aborts the older one, whose late answer is ignored', async () => {
    const signals: AbortSignal[] = [];
    const api = fakeApi({
      search: (text, options) => {
        if (options?.signal) signals.push(options.signal);
        const hit: SearchHit = { entity: entity(text), score: 1, matchedField: 'name', snippet: null };
        return new Promise((resolve, reject) => {
          options?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          setTimeout(() => resolve([hit]), text === 'slow' ? 30 : 1);
        });
      },
    });
    const { store, commands } = setup(api);
    const slow = commands.search('slow');
    const fast = commands.search('fast');
    await Promise.all([slow, fast]);
    expect(signals[0]?.aborted).toBe(true);
    expect(store.getState().ui.search.hits.map((h) => h.entity.id)).toEqual(['fast']);
  });

  it('lists the entity hits as soon as they come, without waiting for the slower claim search', async () => {
    let answerClaims: (claims: []) => void = () => undefined;
    const api = fakeApi({
      search: async (text) => [{ entity: entity(text), score: 1, matchedField: 'name', snippet: null }],
      searchClaims: () => new Promise((resolve) => (answerClaims = resolve)),
    });
    const { store, commands } = setup(api);
    const done = commands.search('samsung');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().ui.search).toMatchObject({ loading: true, answered: false, claims: [] });
    expect(store.getState().ui.search.hits.map((h) => h.entity.id)).toEqual(['samsung']);
    answerClaims([]);
    await done;
    expect(store.getState().ui.search).toMatchObject({ loading: false, answered: true });
  });

  it('an entity chosen before the claims answer closes the list for good', async () => {
    const api = fakeApi({
      search: async (text) => [{ entity: entity(text), score: 1, matchedField: 'name', snippet: null }],
      searchClaims: (_text, options) =>
        new Promise((_resolve, reject) =>
          options?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    });
    const { store, commands } = setup(api);
    const done = commands.search('samsung');
    await new Promise((resolve) => setTimeout(resolve, 0));
    commands.place(store.getState().ui.search.hits[0]!.entity);
    await done;
    expect(store.getState().ui.search).toMatchObject({ hits: [], claims: [], loading: false });
  });

  it('expand merges the neighbourhood and says when it was truncated', async () => {
    const { store, commands } = setup(fakeApi());
    commands.place(zuck);
    await commands.expand('mark-zuckerberg', null, 2);
    const view = store.getState().history.present;
    expect(Object.keys(view.entities).sort()).toEqual(['lg', 'mark-zuckerberg', 'samsung']);
    expect(view.expanded).toEqual(['mark-zuckerberg']);
    expect(store.getState().ui.notice).toMatch(/3 of 9/);
  });

  it('expanding a selection is one request for every id, kept within the query budget, and one step', async () => {
    const asked: Parameters<LinkageApi['neighborhood']>[0][] = [];
    const { store, commands } = setup(
      fakeApi({
        neighborhood: async (args) => {
          asked.push(args);
          return piece;
        },
      }),
    );
    const many = Array.from({ length: 80 }, (_, i) => entity(`e${i}`));
    store.setState((s) => ({
      ...s,
      history: { ...s.history, present: addEntities(s.history.present, many) },
    }));
    await commands.expandSelection(many.map((e) => e.id));
    expect(asked).toHaveLength(1);
    expect(asked[0]?.ids).toHaveLength(80);
    // ids × limit / 10 stays within the server's default budget of 4000.
    expect((asked[0]?.ids.length ?? 0) * (asked[0]?.limit ?? 0)).toBeLessThanOrEqual(40_000);
    expect(store.getState().history.past).toHaveLength(1);
    // "Only this kind" from the expansion dialog goes to the server as the kinds filter.
    await commands.expand('e1', null, 5, ['Event']);
    expect(asked[1]?.filter?.kinds).toEqual(['Event']);
  });

  it('exportView asks the server for what is on screen: its entities, relationships and filter', async () => {
    const asked: Parameters<LinkageApi['exportView']>[] = [];
    const file = new Blob(['<graphml/>']);
    const { store, commands } = setup(
      fakeApi({
        exportView: async (...args) => {
          asked.push(args);
          return file;
        },
      }),
    );
    commands.place(zuck);
    await commands.expand('mark-zuckerberg', null, 2);
    store.setState((s) => ({
      ...s,
      history: {
        ...s.history,
        present: { ...s.history.present, filter: { ...s.history.present.filter, minCertainty: 'REPORTED' } },
      },
    }));
    expect(await commands.exportView('graphml')).toBe(file);
    expect(asked).toHaveLength(1);
    const [format, view] = asked[0]!;
    expect(format).toBe('graphml');
    expect([...view.ids].sort()).toEqual(['lg', 'mark-zuckerberg', 'samsung']);
    expect([...view.relationshipIds].sort()).toEqual([
      'mark-zuckerberg:MET_WITH:lg',
      'mark-zuckerberg:MET_WITH:samsung',
    ]);
    expect(view.filter.minCertainty).toBe('REPORTED');
  });

  it('shows a database outage as a DATABASE_UNAVAILABLE error and keeps the view', async () => {
    const api = fakeApi({
      neighborhood: () => Promise.reject(new ApiError('DATABASE_UNAVAILABLE', 'Neo4j is down')),
    });
    const { store, commands } = setup(api);
    commands.place(zuck);
    await commands.expand('mark-zuckerberg', null);
    expect(store.getState().ui.error?.code).toBe('DATABASE_UNAVAILABLE');
    expect(Object.keys(store.getState().history.present.entities)).toEqual(['mark-zuckerberg']);
    expect(store.getState().ui.loading).toBeNull();
  });

  it('restore keeps exactly the entities named in the hash, with their settings', async () => {
    const { store, commands } = setup(fakeApi());
    await commands.restore('ids=mark-zuckerberg,lg&label=ko&sel=node:lg');
    const view = store.getState().history.present;
    expect(Object.keys(view.entities).sort()).toEqual(['lg', 'mark-zuckerberg']);
    expect(Object.keys(view.relationships)).toEqual(['mark-zuckerberg:MET_WITH:lg']);
    expect(view.labelMode).toBe('ko');
    expect(view.selection).toEqual({ type: 'node', id: 'lg' });
  });

  it('expand asks for up to MAX_EXPANSION_CAP new neighbours on top of what is on the canvas', async () => {
    const limits: number[] = [];
    const { store, commands } = setup(
      fakeApi({
        neighborhood: async (args) => {
          limits.push(args.limit ?? -1);
          return piece;
        },
      }),
    );
    commands.place(zuck);
    await commands.expand('mark-zuckerberg', null, 500);
    const onCanvas = Object.keys(store.getState().history.present.entities).length;
    await commands.expand('mark-zuckerberg', null, 50_000);
    expect(limits).toEqual([500 + 1, MAX_EXPANSION_CAP + onCanvas]);
  });

  it('opening a relationship reads its evidence in one request, and reopening it reads nothing', async () => {
    const asked: string[][] = [];
    const met = piece.relationships[0]!;
    const { store, commands } = setup(
      fakeApi({
        evidence: async (ids) => {
          asked.push(ids);
          return ids.map((relationshipId) => ({
            relationshipId,
            evidence: [evidence({ quote: '만났다', source: { ...evidence().source, title: '기사 1' } })],
          }));
        },
      }),
    );
    commands.place(zuck);
    await commands.expand('mark-zuckerberg', null, 2);
    commands.dispatch('select', { type: 'edge', id: met.id });
    await Promise.all([commands.loadEvidence(met.id), commands.loadEvidence(met.id)]);
    commands.dispatch('select', null);
    commands.dispatch('select', { type: 'edge', id: met.id });
    await commands.loadEvidence(met.id);
    expect(asked).toEqual([[met.id]]);
    expect(store.getState().ui.evidence[met.id]?.evidence.map((e) => e.quote)).toEqual(['만났다']);

    // An export reads only what was not read yet, all of it in one request, and quotes every edge.
    const shown = visibleGraph(store.getState().history.present);
    const quoted = await commands.quoted(shown);
    expect(asked).toEqual([[met.id], [piece.relationships[1]!.id]]);
    expect(quoted.edges.map((e) => e.evidence.map((ev) => ev.source.title))).toEqual([
      ['기사 1'],
      ['기사 1'],
    ]);
    await commands.quoted(shown);
    expect(asked).toHaveLength(2);
  });

  it('an answer that brings more evidence of an opened relationship has it read again', async () => {
    const asked: string[][] = [];
    const first = rel('a', 'OWNS', 'b', { evidence: [evidence({ id: 'ev-1' })] });
    const more = rel('a', 'OWNS', 'b', { evidence: [evidence({ id: 'ev-2' })] });
    const { store, commands } = setup(
      fakeApi({
        evidence: async (ids) => {
          asked.push(ids);
          const known = store.getState().history.present.relationships[ids[0]!]!.evidence;
          return [{ relationshipId: ids[0]!, evidence: known.map((f) => evidence({ id: f.id })) }];
        },
      }),
    );
    commands.dispatch('mergeSubgraph', { nodes: [entity('a'), entity('b')], relationships: [first] });
    await commands.loadEvidence(first.id);
    commands.dispatch('mergeSubgraph', { nodes: [], relationships: [more] });
    await commands.loadEvidence(first.id);
    expect(asked).toHaveLength(2);
    expect(
      store
        .getState()
        .ui.evidence[first.id]?.evidence.map((e) => e.id)
        .sort(),
    ).toEqual(['ev-1', 'ev-2']);
    await commands.loadEvidence(first.id);
    expect(asked).toHaveLength(2);
  });
});
