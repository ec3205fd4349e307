// Commands that talk to the server: each sets a loading state, calls one API operation, then applies a
// registered action. Stale requests are aborted so a slow answer never overwrites a newer one.
import { ApiError, isAbortError } from '../api/errors.ts';
import type { LinkageApi } from '../api/linkage-api.ts';
import type {
  CreateEntityInput,
  CreateRelationshipInput,
  Entity,
  EntityPatch,
  GraphFilter,
} from '../api/types.ts';
import { applyAction, applyRedo, applyUndo, type ActionName, type ActionPayload } from './actions.ts';
import { currentView, type AppState, type UiState } from './app-state.ts';
import { toGraphFilter } from './export-formats.ts';
import { parseGraphFile } from './graph-file.ts';
import type { GraphView } from './model.ts';
import type { Store } from './store.ts';
import { applyDescriptor, parseView } from './url-state.ts';
import { kindsOnCanvas, typesOnCanvas } from './visible.ts';
import { mergeSubgraph } from './transitions.ts';
import { EMPTY_VIEW } from './model.ts';

export const DEFAULT_EXPANSION_CAP = 25;
/** The most new neighbours one expansion may ask for (the canvas stays fluid well past this). */
export const MAX_EXPANSION_CAP = 1000;
/** The server's neighbourhood limit (LIMITS.neighborhoodLimitMax in server/graph/inputs.ts). */
const NEIGHBORHOOD_LIMIT_MAX = 2000;

export type Commands = ReturnType<typeof createCommands>;

export function createCommands(store: Store<AppState>, api: LinkageApi) {
  const controllers = new Map<string, AbortController>();

  /** Starts a request under `key`, aborting the previous one with the same key. */
  const begin = (key: string): AbortSignal => {
    controllers.get(key)?.abort();
    const controller = new AbortController();
    controllers.set(key, controller);
    return controller.signal;
  };

  const setUi = (patch: Partial<UiState>) => store.setState((s) => ({ ...s, ui: { ...s.ui, ...patch } }));
  const options = (signal?: AbortSignal) => ({ signal, token: store.getState().ui.token });
  const view = () => currentView(store.getState());
  const serverFilter = (): GraphFilter => {
    const v = view();
    return toGraphFilter(v, kindsOnCanvas(v), typesOnCanvas(v));
  };

  /** Runs a request with a loading label; errors become the banner, aborts are ignored. */
  async function run<T>(label: string, work: () => Promise<T>): Promise<T | undefined> {
    setUi({ loading: label, error: null });
    try {
      const result = await work();
      setUi({ loading: null });
      return result;
    } catch (error) {
      if (isAbortError(error)) return undefined;
      const uiError =
        error instanceof ApiError
          ? { code: error.code, message: error.message }
          : { code: 'INTERNAL_SERVER_ERROR' as const, message: String(error) };
      setUi({ loading: null, error: uiError });
      return undefined;
    }
  }

  function refuseGraphFile(name: string, reason: string): false {
    setUi({ error: { code: 'BAD_USER_INPUT', message: `${name} was not opened: ${reason}` }, notice: null });
    return false;
  }

  function dispatch<K extends ActionName>(name: K, payload: ActionPayload<K>): void {
    store.setState((s) => applyAction(s, name, payload));
  }

  return {
    dispatch,
    undo: () => store.setState(applyUndo),
    redo: () => store.setState(applyRedo),
    dismissError: () => setUi({ error: null }),
    refuseGraphFile,
    dismissNotice: () => setUi({ notice: null }),
    setToken: (token: string | null) => setUi({ token }),

    async search(text: string): Promise<void> {
      const signal = begin('search');
      const trimmed = text.trim();
      if (trimmed.length === 0) {
        setUi({ search: { text, hits: [], loading: false, answered: false } });
        return;
      }
      setUi({ search: { ...store.getState().ui.search, text, loading: true } });
      try {
        const hits = await api.search(trimmed, options(signal));
        setUi({ search: { text, hits, loading: false, answered: true }, error: null });
      } catch (error) {
        if (isAbortError(error)) return;
        setUi({ search: { text, hits: [], loading: false, answered: true } });
        if (error instanceof ApiError) setUi({ error: { code: error.code, message: error.message } });
      }
    },

    /** Puts a search hit on the canvas and selects it. */
    place(entity: Entity): void {
      dispatch('addEntities', { nodes: [entity] });
      dispatch('select', { type: 'node', id: entity.id });
      setUi({ search: { ...store.getState().ui.search, hits: [], answered: false } });
    },

    async openExpansion(id: string): Promise<void> {
      const signal = begin('preview');
      setUi({ preview: { id, preview: null, loading: true } });
      const excludeIds = Object.keys(view().entities);
      const preview = await run('Counting neighbours…', () =>
        api.expansionPreview(id, excludeIds, serverFilter(), options(signal)),
      );
      if (preview) setUi({ preview: { id, preview, loading: false } });
      else setUi({ preview: null });
    },

    closeExpansion: () => setUi({ preview: null }),

    async expand(
      id: string,
      relationshipTypes: string[] | null,
      limit = DEFAULT_EXPANSION_CAP,
    ): Promise<void> {
      const signal = begin('expand');
      const filter = { ...serverFilter() };
      if (relationshipTypes) filter.relationshipTypes = relationshipTypes;
      // The cap counts new neighbours; what is already on the canvas comes back too and must not eat it.
      const onCanvas = Object.keys(view().entities).length;
      const cap = Math.min(Math.max(1, Math.round(limit)), MAX_EXPANSION_CAP);
      const piece = await run('Expanding…', () =>
        api.neighborhood(
          { ids: [id], depth: 1, limit: Math.min(cap + onCanvas, NEIGHBORHOOD_LIMIT_MAX), filter },
          options(signal),
        ),
      );
      if (!piece) return;
      dispatch('expand', { id, piece });
      setUi({
        preview: null,
        notice: piece.truncated
          ? `Showing ${piece.nodes.length} of ${piece.totalNodes} neighbours. Expand again with a higher cap to see more.`
          : null,
      });
    },

    async findPaths(fromId: string, toId: string, confirmedOnly: boolean): Promise<void> {
      const signal = begin('paths');
      const filter: GraphFilter = confirmedOnly ? { minCertainty: 'CONFIRMED' } : {};
      const results = await run('Finding paths…', () => api.paths(fromId, toId, filter, options(signal)));
      if (!results) return;
      setUi({ paths: { results, answered: true } });
      if (results.length === 0) return;
      const nodes = results.flatMap((p) => p.nodes);
      const relationships = results.flatMap((p) => p.relationships);
      dispatch('mergeSubgraph', { nodes, relationships });
      dispatch('setHighlight', { nodeIds: nodes.map((n) => n.id), edgeIds: relationships.map((r) => r.id) });
    },

    clearPaths(): void {
      setUi({ paths: { results: [], answered: false } });
      dispatch('setHighlight', null);
    },

    async loadDetails(id: string): Promise<void> {
      const signal = begin('details');
      // Notes are extra: the entity itself is already on the canvas, so a failure here stays quiet.
      try {
        setUi({ details: await api.entityDetails(id, options(signal)) });
      } catch {
        /* keep what is shown */
      }
    },

    /**
     * Opens a Linkage JSON file (Export → Linkage JSON) in place of the current view, as one undoable
     * step. A bad file changes nothing and explains itself in the error banner.
     */
    openGraphFile(content: string, name = 'the file'): boolean {
      const result = parseGraphFile(content);
      if (!result.ok) return refuseGraphFile(name, result.error);
      controllers.get('restore')?.abort();
      const { entities, relationships } = result.file;
      dispatch('openGraphFile', result.file);
      setUi({
        error: null,
        notice: `Opened ${name}: ${entities.length} entities and ${relationships.length} relationships.`,
      });
      return true;
    },

    /** Restores a view from a URL hash (or saved view): fetches the entities, then re-applies settings. */
    async restore(hash: string): Promise<void> {
      const descriptor = parseView(hash);
      if (descriptor.ids.length === 0) {
        dispatch('replaceView', applyDescriptor(EMPTY_VIEW, descriptor));
        return;
      }
      const signal = begin('restore');
      const piece = await run('Restoring view…', () =>
        api.neighborhood(
          { ids: descriptor.ids, depth: 1, limit: descriptor.ids.length + 300 },
          options(signal),
        ),
      );
      if (!piece) return;
      // The neighbourhood brings neighbours too; keep exactly the entities the link named.
      const wanted = new Set(descriptor.ids);
      const restored: GraphView = mergeSubgraph(EMPTY_VIEW, {
        nodes: piece.nodes.filter((n) => wanted.has(n.id)),
        relationships: piece.relationships,
      });
      dispatch('replaceView', applyDescriptor(restored, descriptor));
    },

    async createEntity(input: CreateEntityInput): Promise<boolean> {
      const entity = await run('Saving entity…', () => api.createEntity(input, options()));
      if (!entity) return false;
      dispatch('addEntities', { nodes: [entity] });
      dispatch('select', { type: 'node', id: entity.id });
      return true;
    },

    async updateEntity(id: string, version: number, patch: EntityPatch): Promise<boolean> {
      const entity = await run('Saving entity…', () => api.updateEntity(id, version, patch, options()));
      if (!entity) return false;
      dispatch('updateEntity', entity);
      return true;
    },

    async createRelationship(input: CreateRelationshipInput): Promise<boolean> {
      const rel = await run('Saving relationship…', () => api.createRelationship(input, options()));
      if (!rel) return false;
      dispatch('mergeSubgraph', { nodes: [], relationships: [rel] });
      return true;
    },

    async mergeEntities(keepId: string, mergeId: string): Promise<boolean> {
      const result = await run('Merging…', () => api.mergeEntities(keepId, mergeId, options()));
      if (!result) return false;
      dispatch('remove', { ids: [mergeId] });
      const refreshed = await run('Reloading…', () =>
        api.neighborhood({ ids: [keepId], depth: 1, limit: 300 }, options()),
      );
      if (refreshed) {
        const onCanvas = new Set(Object.keys(view().entities));
        dispatch('mergeSubgraph', {
          nodes: refreshed.nodes.filter((n) => n.id === keepId),
          relationships: refreshed.relationships.filter(
            (r) => onCanvas.has(r.fromId) && onCanvas.has(r.toId),
          ),
        });
      }
      return true;
    },
  };
}
