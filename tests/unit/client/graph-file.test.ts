import { describe, expect, it } from 'vitest';
import type { LinkageApi } from '../../../client/src/api/linkage-api.ts';
import { initialAppState, type AppState } from '../../../client/src/state/app-state.ts';
import { createCommands } from '../../../client/src/state/commands.ts';
import { GRAPH_FILE_FORMAT, parseGraphFile, toGraphFile } from '../../../client/src/state/graph-file.ts';
import { createStore } from '../../../client/src/state/store.ts';
import { fromGraphFile } from '../../../client/src/state/transitions.ts';
import { entity, quotedRel } from './builders.ts';

const graph = {
  nodes: [entity('meta', { nameKo: '메타' }), entity('lg'), entity('samsung')],
  edges: [quotedRel('meta', 'MET_WITH', 'lg'), quotedRel('meta', 'MET_WITH', 'samsung')],
};
const positions = {
  meta: { x: 0, y: 0 },
  lg: { x: 100, y: 50 },
  samsung: { x: -80, y: 40 },
  gone: { x: 1, y: 1 },
};
const valid = () =>
  JSON.stringify(toGraphFile(graph, { labelMode: 'en', layout: 'fcose' }, positions, '2026-01-01T00:00:00Z'));

const errorOf = (text: string) => {
  const result = parseGraphFile(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
};

describe('Linkage JSON files', () => {
  it('round-trips what is on screen, with positions of the shown entities only', () => {
    const result = parseGraphFile(valid());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.format).toBe(GRAPH_FILE_FORMAT);
    expect(result.file.entities).toEqual(graph.nodes);
    expect(result.file.relationships).toEqual(graph.edges);
    expect(Object.keys(result.file.positions ?? {}).sort()).toEqual(['lg', 'meta', 'samsung']);
    expect(result.file.labelMode).toBe('en');
  });

  it('fills optional fields with their defaults', () => {
    const minimal = {
      format: GRAPH_FILE_FORMAT,
      entities: [{ id: 'a', kind: 'Person', name: 'A' }],
      relationships: [],
    };
    const result = parseGraphFile(JSON.stringify(minimal));
    expect(result.ok && result.file.entities[0]).toEqual(entity('a', { kind: 'Person', name: 'A' }));
  });

  it('refuses bad files with a message that says where and what', () => {
    expect(errorOf('{ not json')).toMatch(/not valid JSON/);
    expect(errorOf('[1, 2]')).toMatch(/not a Linkage JSON export/);
    expect(errorOf(JSON.stringify({ format: 'linkage/v1', entities: [], relationships: [] }))).toMatch(
      /^format: it is not a Linkage JSON export/,
    );
    const file = JSON.parse(valid());
    expect(
      errorOf(JSON.stringify({ ...file, entities: [...file.entities, { id: 'x', kind: 'Person' }] })),
    ).toMatch(/^entities\.3\.name: /);
    expect(errorOf(JSON.stringify({ ...file, entities: [...file.entities, file.entities[0]] }))).toMatch(
      /entities\.3: the id "meta" appears twice/,
    );
    const dangling = { ...file.relationships[0], id: 'meta:OWNS:nobody', toId: 'nobody' };
    expect(errorOf(JSON.stringify({ ...file, relationships: [...file.relationships, dangling] }))).toMatch(
      /relationships\.2: "nobody" is not one of the file's entities/,
    );
    expect(
      errorOf(JSON.stringify({ ...file, relationships: [{ ...file.relationships[0], certainty: 'SURE' }] })),
    ).toMatch(/^relationships\.0\.certainty/);
    expect(errorOf(JSON.stringify({ ...file, positions: { meta: { x: 'left', y: 0 } } }))).toMatch(
      /^positions\.meta\.x/,
    );
    expect(errorOf(JSON.stringify({ format: GRAPH_FILE_FORMAT, entities: [], relationships: [] }))).toMatch(
      /no entities/,
    );
  });

  it('becomes a fresh view with the saved arrangement as placement hints', () => {
    const result = parseGraphFile(valid());
    if (!result.ok) throw new Error(result.error);
    const view = fromGraphFile(result.file);
    expect(Object.keys(view.entities).sort()).toEqual(['lg', 'meta', 'samsung']);
    expect(Object.keys(view.relationships)).toHaveLength(2);
    expect(view.labelMode).toBe('en');
    expect(view.positions?.lg).toEqual({ x: 100, y: 50 });
    expect(view.origins.meta).toEqual(['user']);
  });
});

describe('openGraphFile command', () => {
  const api = {} as LinkageApi;
  const setup = () => {
    const store = createStore<AppState>(initialAppState());
    const commands = createCommands(store, api);
    commands.dispatch('addEntities', { nodes: [entity('before')] });
    return { store, commands };
  };

  it('replaces the view in one undoable step', () => {
    const { store, commands } = setup();
    expect(commands.openGraphFile(valid(), 'saved.json')).toBe(true);
    expect(Object.keys(store.getState().history.present.entities).sort()).toEqual(['lg', 'meta', 'samsung']);
    expect(store.getState().ui.notice).toMatch(/Opened saved\.json: 3 entities and 2 relationships/);
    commands.undo();
    expect(Object.keys(store.getState().history.present.entities)).toEqual(['before']);
  });

  it('changes nothing for a bad file and explains why', () => {
    const { store, commands } = setup();
    const before = store.getState().history;
    expect(commands.openGraphFile('{"format":"nope"}', 'bad.json')).toBe(false);
    expect(store.getState().history).toBe(before);
    expect(store.getState().ui.error?.message).toMatch(/^bad\.json was not opened: format: /);
  });
});
