// Commands that talk to the server: each sets a loading state, calls one API operation, then applies a
// registered action. Stale requests are aborted so a slow answer never overwrites a newer one.
import { ApiError, isAbortError } from '../api/errors.ts';
import type { LinkageApi, ViewExportFormat } from '../api/linkage-api.ts';
import type {
  Certainty,
  ClaimHit,
  CreateEntityInput,
  CreateRelationshipInput,
  Entity,
  EntityPatch,
  GraphFilter,
  Relationship,
  Source,
  SourceReliability,
} from '../api/shapes.ts';
import {
  applyAction,
  applyRedo,
  applyServerStep,
  applyUndo,
  type ActionName,
  type ActionPayload,
} from './actions.ts';
import { redoEffect, undoEffect } from './history.ts';
import { currentView, type AppState, type EvidenceRead, type UiState } from './app-state.ts';
import { needsReading, quote, withSource, type QuotedGraph } from './evidence.ts';
import { toGraphFilter } from './export-formats.ts';
import { parseGraphFile } from './graph-file.ts';
import type { GraphView } from './model.ts';
import type { Store } from './store.ts';
import { applyDescriptor, parseView } from './url-state.ts';
import { kindsOnCanvas, typesOnCanvas, visibleGraph, type VisibleGraph } from './visible.ts';
import { stricter } from './paths.ts';
import { mergeEntitiesLocally, mergeSubgraph, withoutEntity } from './transitions.ts';
import { EMPTY_VIEW } from './model.ts';

export const DEFAULT_EXPANSION_CAP = 25;
/** The server's search text limit (LIMITS.searchTextMax in server/graph/inputs.ts). */
export const SEARCH_TEXT_MAX = 200;
/** The most new neighbours one expansion may ask for (the canvas stays fluid well past this). */
export const MAX_EXPANSION_CAP = 1000;
/** The server's neighbourhood limit (LIMITS.neighborhoodLimitMax in server/graph/inputs.ts). */
const NEIGHBORHOOD_LIMIT_MAX = 2000;
/**
 * The server's default query budget (LINKAGE_MAX_QUERY_COST): a neighbourhood costs ids × limit / 10,
 * so expanding many entities at once asks for fewer nodes rather than being refused.
 */
const QUERY_COST_BUDGET = 4000;
/** The most relationship ids one Query.evidence request may name (the server refuses more). */
const EVIDENCE_IDS_MAX = 5000;

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
  /**
   * A hit was chosen: the list closes, and a claim search still under way is called off (its answer
   * would open the list again over the canvas).
   */
  const closeSearch = () => {
    controllers.get('search')?.abort();
    setUi({
      search: { ...store.getState().ui.search, hits: [], claims: [], loading: false, answered: false },
    });
  };
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

  /**
   * Reads the evidence in full of the relationships among `ids` that need it (needsReading), unfiltered so
   * that one read serves every filter, and keeps it in ui.evidence. One request (a view of more than 5,000
   * relationships takes one per 5,000).
   */
  async function readEvidence(ids: string[], signal?: AbortSignal): Promise<void> {
    const stored = view().relationships;
    const wanted = ids.filter((id) => {
      const rel = stored[id];
      return rel !== undefined && needsReading(store.getState().ui.evidence[id], rel);
    });
    const reads: Record<string, EvidenceRead> = {};
    for (let at = 0; at < wanted.length; at += EVIDENCE_IDS_MAX) {
      const batch = wanted.slice(at, at + EVIDENCE_IDS_MAX);
      const answer = await api.evidence(batch, null, options(signal));
      const byId = new Map(answer.map((r) => [r.relationshipId, r.evidence]));
      for (const id of batch) {
        const of = stored[id];
        if (of) reads[id] = { of, evidence: byId.get(id) ?? [] };
      }
    }
    if (Object.keys(reads).length) setUi({ evidence: { ...store.getState().ui.evidence, ...reads } });
  }

  /** Evidence reads under way, by relationship id (and the relationship they were started for). */
  const reading = new Map<string, { of: Relationship; done: Promise<void> }>();

  let serverBusy = false;

  /** Undo; a step that changed the server is reversed there first (or stays, with the reason shown). */
  async function undo(): Promise<void> {
    const effect = undoEffect(store.getState().history);
    if (!effect) return store.setState((s) => applyUndo(s));
    if (serverBusy) return;
    serverBusy = true;
    try {
      if (effect.kind === 'merge') {
        const entities = await run(`Undoing the ${effect.label}…`, () =>
          api.unmergeEntities(effect.mergeRecordId, options()),
        );
        if (!entities) return;
        store.setState((s) => applyUndo(s));
        dispatch('refreshEntities', entities);
        setUi({ notice: `Undid the ${effect.label}: both entities are back on the server.` });
      } else {
        const entity = await run(`Undoing the ${effect.label}…`, () =>
          api.restoreEntity(effect.id, options()),
        );
        if (!entity) return;
        store.setState((s) => applyUndo(s, { ...effect, version: entity.version }));
        dispatch('refreshEntities', [entity]);
        setUi({ notice: `Undid the ${effect.label}.` });
      }
    } finally {
      serverBusy = false;
    }
  }

  /** Redo; a step that changed the server is done there again first. */
  async function redo(): Promise<void> {
    const effect = redoEffect(store.getState().history);
    if (!effect) return store.setState((s) => applyRedo(s));
    if (serverBusy) return;
    serverBusy = true;
    try {
      if (effect.kind === 'merge') {
        const result = await run(`Redoing the ${effect.label}…`, () =>
          api.mergeEntities(effect.keepId, effect.mergedId, options()),
        );
        if (!result) return;
        store.setState((s) => applyRedo(s, { ...effect, mergeRecordId: result.mergeId }));
        dispatch('refreshEntities', [result.entity]);
      } else {
        const current = store.getState().history.present.entities[effect.id];
        const deleted = await run(`Redoing the ${effect.label}…`, () =>
          api.deleteEntity(effect.id, current?.version ?? effect.version, options()),
        );
        if (!deleted) return;
        store.setState((s) => applyRedo(s, { ...effect, version: deleted.version }));
      }
    } finally {
      serverBusy = false;
    }
  }

  /** Puts one listed path on the canvas (one undo step) and highlights it; the rest is dimmed. */
  function focusPath(index: number): void {
    const path = store.getState().ui.paths.results[index];
    if (!path) return;
    dispatch('mergeSubgraph', { nodes: path.nodes, relationships: path.relationships });
    dispatch('setHighlight', {
      nodeIds: path.nodes.map((n) => n.id),
      edgeIds: path.relationships.map((r) => r.id),
    });
    setUi({ paths: { ...store.getState().ui.paths, focused: index } });
  }

  return {
    dispatch,
    undo,
    redo,
    /** What is on screen as one of the server's export files (its GraphML, CSV and GEXF writers). */
    exportView(format: ViewExportFormat): Promise<Blob> {
      const graph = visibleGraph(view());
      return api.exportView(
        format,
        {
          ids: graph.nodes.map((n) => n.id),
          relationshipIds: graph.edges.map((e) => e.id),
          filter: serverFilter(),
        },
        options(),
      );
    },
    /**
     * Reads the evidence of a relationship opened in the details panel: one Query.evidence request the
     * first time, none when it is opened again.
     */
    loadEvidence(id: string): Promise<void> {
      const rel = view().relationships[id];
      if (!rel || !needsReading(store.getState().ui.evidence[id], rel)) return Promise.resolve();
      // The panel asks on every change while the relationship is open: one request is enough.
      const pending = reading.get(id);
      if (pending?.of === rel) return pending.done;
      const signal = begin('evidence');
      const done = run('Reading the evidence…', () => readEvidence([id], signal)).then(() => {
        if (reading.get(id)?.done === done) reading.delete(id);
      });
      reading.set(id, { of: rel, done });
      return done;
    },

    /** What is on screen with its evidence in full (read in one request when not read yet), for exports. */
    async quoted(graph: VisibleGraph): Promise<QuotedGraph> {
      await readEvidence(graph.edges.map((e) => e.id));
      const reads = store.getState().ui.evidence;
      return { nodes: graph.nodes, edges: graph.edges.map((e) => quote(e, reads[e.id])) };
    },
    dismissError: () => setUi({ error: null }),
    refuseGraphFile,
    dismissNotice: () => setUi({ notice: null }),
    setToken: (token: string | null) => setUi({ token }),

    async search(text: string): Promise<void> {
      const signal = begin('search');
      const trimmed = text.trim();
      if (trimmed.length === 0) {
        setUi({ search: { text, hits: [], claims: [], loading: false, answered: false } });
        return;
      }
      // Said once, in the search box (the server would refuse it too, and a banner would say it twice).
      if (trimmed.length > SEARCH_TEXT_MAX) {
        setUi({
          search: {
            text,
            hits: [],
            claims: [],
            loading: false,
            answered: true,
            problem: `Search text is limited to ${SEARCH_TEXT_MAX} characters (this has ${trimmed.length}).`,
          },
        });
        return;
      }
      setUi({ search: { ...store.getState().ui.search, text, loading: true, problem: null } });
      // Entities and claims are two requests in parallel (each one statement on the server). The entities
      // are listed as soon as they come: the claims, a full-text search over every quote, took ~1 s on a
      // 10k-entity graph, and the entity the analyst typed the name of waited for them (bench S8).
      const claimsRead = api.searchClaims(trimmed, options(signal));
      // Awaited below; until then a failure must not count as unhandled.
      claimsRead.catch(() => undefined);
      try {
        const hits = await api.search(trimmed, options(signal));
        if (signal.aborted) return;
        setUi({ search: { text, hits, claims: [], loading: true, answered: false }, error: null });
        const claims = await claimsRead;
        if (signal.aborted) return;
        setUi({ search: { text, hits, claims, loading: false, answered: true }, error: null });
      } catch (error) {
        if (isAbortError(error)) return;
        if (error instanceof ApiError && error.code === 'BAD_USER_INPUT')
          setUi({
            search: { text, hits: [], claims: [], loading: false, answered: true, problem: error.message },
          });
        else {
          setUi({ search: { text, hits: [], claims: [], loading: false, answered: true } });
          if (error instanceof ApiError) setUi({ error: { code: error.code, message: error.message } });
        }
      }
    },

    /** Puts a search hit on the canvas and selects it. */
    place(entity: Entity): void {
      dispatch('addEntities', { nodes: [entity] });
      dispatch('select', { type: 'node', id: entity.id });
      closeSearch();
    },

    /** Puts a claim found by its quote on the canvas (both ends and the relationship) and selects it. */
    placeClaim(hit: ClaimHit): void {
      dispatch('mergeSubgraph', { nodes: [hit.from, hit.to], relationships: [hit.relationship] });
      dispatch('select', { type: 'edge', id: hit.relationship.id });
      closeSearch();
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

    /**
     * Expands one entity along the chosen relationship types (null: all) to neighbours of the chosen
     * kinds (null: all the filters allow), at most `limit` new ones.
     */
    async expand(
      id: string,
      relationshipTypes: string[] | null,
      limit = DEFAULT_EXPANSION_CAP,
      kinds: string[] | null = null,
    ): Promise<void> {
      const signal = begin('expand');
      const filter = { ...serverFilter() };
      if (relationshipTypes) filter.relationshipTypes = relationshipTypes;
      if (kinds) filter.kinds = kinds.filter((k) => !view().filter.hiddenKinds.includes(k));
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

    /**
     * Expands every selected entity at once: one neighbourhood request, one undo step; each gets up to
     * the default cap of new neighbours.
     */
    async expandSelection(ids: string[]): Promise<void> {
      const seeds = ids.filter((id) => view().entities[id]);
      if (seeds.length === 0) return;
      const signal = begin('expand');
      const onCanvas = Object.keys(view().entities).length;
      const cap = Math.min(DEFAULT_EXPANSION_CAP * seeds.length, MAX_EXPANSION_CAP);
      const piece = await run(`Expanding ${seeds.length} entities…`, () =>
        api.neighborhood(
          {
            ids: seeds,
            depth: 1,
            limit: Math.min(
              cap + onCanvas,
              NEIGHBORHOOD_LIMIT_MAX,
              Math.floor((QUERY_COST_BUDGET * 10) / seeds.length),
            ),
            filter: serverFilter(),
          },
          options(signal),
        ),
      );
      if (!piece) return;
      dispatch('expandMany', { ids: seeds, piece });
      setUi({
        notice: piece.truncated
          ? `Showing ${piece.nodes.length} of ${piece.totalNodes} neighbours. Expand one entity with a higher cap to see more.`
          : null,
      });
    },

    /** Entities whose names match `text`, for pickers (no shared search state; `key` aborts stale ones). */
    async lookup(text: string, key = 'lookup'): Promise<Entity[]> {
      const signal = begin(key);
      const trimmed = text.trim();
      if (!trimmed) return [];
      try {
        return (await api.search(trimmed, options(signal))).map((hit) => hit.entity);
      } catch (error) {
        if (isAbortError(error)) return [];
        throw error;
      }
    },

    /**
     * Paths between any two entities (on the canvas or not), honouring the view's filters and at least
     * `minCertainty`. The first path is put on the canvas and highlighted.
     */
    async findPaths(fromId: string, toId: string, minCertainty: Certainty = 'SPECULATIVE'): Promise<void> {
      const signal = begin('paths');
      const base = serverFilter();
      const filter: GraphFilter = {
        ...base,
        minCertainty: stricter(base.minCertainty ?? 'SPECULATIVE', minCertainty),
      };
      // The ends are chosen by the user: kind filters must not hide them (the server keeps start entities).
      const results = await run('Finding paths…', () => api.paths(fromId, toId, filter, options(signal)));
      if (!results) return;
      setUi({ paths: { results, answered: true, focused: null } });
      if (results.length > 0) focusPath(0);
    },

    focusPath,

    clearPaths(): void {
      setUi({ paths: { results: [], answered: false, focused: null } });
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
      // The file quotes its evidence in full: what it holds needs no reading.
      const opened = view().relationships;
      const reads: Record<string, EvidenceRead> = {};
      for (const r of relationships) {
        const of = opened[r.id];
        if (of) reads[r.id] = { of, evidence: r.evidence };
      }
      setUi({
        evidence: { ...store.getState().ui.evidence, ...reads },
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

    /**
     * Merges `mergeId` into `keepId` on the server: one GraphQL operation, one undo step. The view is
     * rewritten locally the way the server rewrote the graph; Ctrl-Z calls unmergeEntities with the merge
     * record's id.
     */
    async mergeEntities(keepId: string, mergeId: string): Promise<boolean> {
      const before = view();
      const result = await run('Merging…', () => api.mergeEntities(keepId, mergeId, options()));
      if (!result) return false;
      const mergedName = before.entities[mergeId]?.name ?? mergeId;
      const next = mergeEntitiesLocally(view(), result.entity, mergeId);
      store.setState((s) =>
        applyServerStep(s, next, {
          kind: 'merge',
          keepId,
          mergedId: mergeId,
          mergeRecordId: result.mergeId,
          label: `merge of ${mergedName} into ${result.entity.name}`,
        }),
      );
      setUi({
        notice: `Merged ${mergedName} into ${result.entity.name} (${result.movedRelationships} relationships moved). Undo (Ctrl-Z) unmerges it.`,
      });
      return true;
    },

    /** Soft-deletes an entity on the server, as one undo step (undo restores it). */
    async deleteEntity(id: string): Promise<boolean> {
      const entity = view().entities[id];
      if (!entity) return false;
      const deleted = await run('Deleting…', () => api.deleteEntity(id, entity.version, options()));
      if (!deleted) return false;
      store.setState((s) =>
        applyServerStep(s, withoutEntity(currentView(s), id), {
          kind: 'deleteEntity',
          id,
          version: deleted.version,
          label: `delete of ${entity.name}`,
        }),
      );
      setUi({ notice: `Deleted ${entity.name}. Undo (Ctrl-Z) restores it.` });
      return true;
    },

    openSource: (source: Source) => setUi({ source }),
    closeSource: () => setUi({ source: null }),

    /** Grades a source (A–F) with a reason; every quote of it on the canvas shows the new grade. */
    async rateSource(id: string, reliability: SourceReliability, reason: string | null): Promise<boolean> {
      const source = await run('Saving the rating…', () =>
        api.rateSource(id, reliability, reason, options()),
      );
      if (!source) return false;
      dispatch('updateSource', source);
      setUi({
        source,
        evidence: withSource(store.getState().ui.evidence, source),
        notice: `Rated ${source.publisher ?? source.title}: ${source.reliability}.`,
      });
      return true;
    },

    /** Sources to cite, for the curation forms. */
    async sources(): Promise<Source[]> {
      return (await run('Loading sources…', () => api.sources(options()))) ?? [];
    },
  };
}
