// Pure exploration steps: (view, payload) → view. Each returns the same object when nothing changes, so
// history does not record no-op steps.
import type { Entity, Relationship, Source } from '../api/shapes.ts';
import type { GraphFile } from './graph-file.ts';
import {
  CERTAINTY_ORDER,
  EMPTY_VIEW,
  USER_ORIGIN,
  expandOrigin,
  type Filter,
  type GraphView,
  type Highlight,
  type LabelMode,
  type LayoutName,
  type Origin,
  type Selection,
  type StyleRules,
  type TimeWindow,
} from './model.ts';

export interface GraphPiece {
  nodes: readonly Entity[];
  relationships: readonly Relationship[];
}

const without = <T>(list: readonly T[], items: readonly T[]): T[] => list.filter((x) => !items.includes(x));
const union = <T>(list: readonly T[], items: readonly T[]): T[] => [
  ...list,
  ...items.filter((x) => !list.includes(x)),
];

/** Adds a piece of graph, deduplicating by id; every added or re-reached node gets `origin`. */
export function mergeSubgraph(view: GraphView, piece: GraphPiece, origin: Origin = USER_ORIGIN): GraphView {
  const entities = { ...view.entities };
  const origins = { ...view.origins };
  for (const node of piece.nodes) {
    entities[node.id] = node;
    const current = origins[node.id] ?? [];
    if (!current.includes(origin)) origins[node.id] = [...current, origin];
  }
  const relationships = { ...view.relationships };
  for (const rel of piece.relationships) {
    // A relationship is only drawable when both of its ends are on the canvas.
    if (!entities[rel.fromId] || !entities[rel.toId]) continue;
    // A filtered answer lists only the evidence that passed: keep what an earlier answer brought too, so
    // loosening a filter later (done on the client) finds it.
    const known = relationships[rel.id];
    if (known && known.evidence.length) {
      const fresh = new Set(rel.evidence.map((e) => e.id));
      const kept = known.evidence.filter((e) => !fresh.has(e.id));
      relationships[rel.id] = kept.length ? { ...rel, evidence: [...rel.evidence, ...kept] } : rel;
    } else relationships[rel.id] = rel;
  }
  const hidden = without(
    view.hidden,
    piece.nodes.map((n) => n.id),
  );
  return { ...view, entities, relationships, origins, hidden };
}

/** A fresh view holding exactly what a Linkage JSON file holds, arranged as it was saved. */
export function fromGraphFile(file: GraphFile): GraphView {
  const view = mergeSubgraph(EMPTY_VIEW, { nodes: file.entities, relationships: file.relationships });
  return {
    ...view,
    labelMode: file.labelMode ?? view.labelMode,
    layout: file.layout ?? view.layout,
    ...(file.positions ? { positions: file.positions } : {}),
  };
}

export function addEntities(view: GraphView, nodes: readonly Entity[]): GraphView {
  return mergeSubgraph(view, { nodes, relationships: [] }, USER_ORIGIN);
}

/** Merges what expanding `id` returned; the expanded node itself keeps its own origins. */
export function expand(view: GraphView, id: string, piece: GraphPiece): GraphView {
  const others = piece.nodes.filter((n) => n.id !== id);
  const self = piece.nodes.filter((n) => n.id === id);
  let next = mergeSubgraph(view, { nodes: self, relationships: [] }, USER_ORIGIN);
  if (view.entities[id])
    next = { ...next, origins: { ...next.origins, [id]: view.origins[id] ?? [USER_ORIGIN] } };
  next = mergeSubgraph(next, { nodes: others, relationships: piece.relationships }, expandOrigin(id));
  return { ...next, expanded: union(view.expanded, [id]) };
}

/**
 * Merges what expanding several entities at once returned (one request, one step). Each neighbour gets
 * the origin of every expanded entity it is linked to, so collapsing one of them later works as if it
 * had been expanded alone.
 */
export function expandMany(view: GraphView, ids: readonly string[], piece: GraphPiece): GraphView {
  const seeds = new Set(ids);
  const byId = new Map(piece.nodes.map((n) => [n.id, n]));
  let next = view;
  const claimed = new Set<string>();
  for (const id of ids) {
    const touching = piece.relationships.filter((r) => r.fromId === id || r.toId === id);
    const neighbourIds = new Set(touching.map((r) => (r.fromId === id ? r.toId : r.fromId)));
    neighbourIds.delete(id);
    const nodes = [id, ...neighbourIds].flatMap((n) => {
      const node = byId.get(n) ?? (n === id ? undefined : view.entities[n]);
      return node ? [node] : [];
    });
    for (const n of neighbourIds) claimed.add(n);
    next = expand(next, id, { nodes, relationships: touching });
  }
  // Whatever came back without touching an expanded entity directly, and the links between neighbours.
  const rest = piece.nodes.filter((n) => !seeds.has(n.id) && !claimed.has(n.id));
  next = mergeSubgraph(next, { nodes: rest, relationships: [] }, expandOrigin(ids[0] ?? ''));
  return mergeSubgraph(next, { nodes: [], relationships: piece.relationships });
}

/** Removes nodes with no origin left, cascading through the expansions they carried. */
function dropOrphans(view: GraphView, origins: Record<string, readonly Origin[]>): GraphView {
  const entities = { ...view.entities };
  let expanded = [...view.expanded];
  const queue = Object.keys(origins).filter((id) => (origins[id] ?? []).length === 0);
  while (queue.length > 0) {
    const gone = queue.pop() as string;
    if (!entities[gone]) continue;
    delete entities[gone];
    delete origins[gone];
    if (expanded.includes(gone)) {
      expanded = without(expanded, [gone]);
      const tag = expandOrigin(gone);
      for (const [id, list] of Object.entries(origins)) {
        if (!list.includes(tag)) continue;
        origins[id] = list.filter((o) => o !== tag);
        if (origins[id].length === 0) queue.push(id);
      }
    }
  }
  const relationships = Object.fromEntries(
    Object.entries(view.relationships).filter(([, r]) => entities[r.fromId] && entities[r.toId]),
  );
  const kept = (ids: readonly string[]) => ids.filter((x) => entities[x]);
  const selection =
    view.selection && isOnCanvas(entities, relationships, view.selection) ? view.selection : null;
  return {
    ...view,
    entities,
    relationships,
    origins,
    expanded,
    hidden: kept(view.hidden),
    pinned: kept(view.pinned),
    selection,
    selectedIds: kept(view.selectedIds),
    highlight: null,
  };
}

function isOnCanvas(
  entities: Record<string, Entity>,
  relationships: Record<string, Relationship>,
  selection: Selection,
): boolean {
  return selection.type === 'node' ? Boolean(entities[selection.id]) : Boolean(relationships[selection.id]);
}

/** Undoes an expansion: removes what it added unless the node is reached otherwise (search, another expansion). */
export function collapse(view: GraphView, id: string): GraphView {
  if (!view.expanded.includes(id)) return view;
  const tag = expandOrigin(id);
  const origins: Record<string, readonly Origin[]> = {};
  for (const [nodeId, list] of Object.entries(view.origins)) origins[nodeId] = list.filter((o) => o !== tag);
  return dropOrphans({ ...view, expanded: without(view.expanded, [id]) }, origins);
}

/** Takes entities off the canvas entirely (along with what only their expansions brought). */
export function remove(view: GraphView, ids: readonly string[]): GraphView {
  const present = ids.filter((id) => view.entities[id]);
  if (present.length === 0) return view;
  const origins: Record<string, readonly Origin[]> = { ...view.origins };
  for (const id of present) origins[id] = [];
  return dropOrphans(view, origins);
}

export function hide(view: GraphView, ids: readonly string[]): GraphView {
  const add = ids.filter((id) => view.entities[id] && !view.hidden.includes(id));
  if (add.length === 0) return view;
  const selection =
    view.selection?.type === 'node' && add.includes(view.selection.id) ? null : view.selection;
  const selectedIds = without(view.selectedIds, add);
  return { ...view, hidden: [...view.hidden, ...add], selection, selectedIds };
}

export function show(view: GraphView, ids: readonly string[] | 'all'): GraphView {
  const next = ids === 'all' ? [] : without(view.hidden, ids);
  return next.length === view.hidden.length ? view : { ...view, hidden: next };
}

export function pin(view: GraphView, id: string, pinned: boolean): GraphView {
  return pinAll(view, [id], pinned);
}

/** Pins (or unpins) several entities at once: one step for a whole selection. */
export function pinAll(view: GraphView, ids: readonly string[], pinned: boolean): GraphView {
  const change = ids.filter((id) => view.entities[id] && view.pinned.includes(id) !== pinned);
  if (change.length === 0) return view;
  return { ...view, pinned: pinned ? [...view.pinned, ...change] : without(view.pinned, change) };
}

/** Selects one element (or nothing): the multi-selection becomes just that node. */
export function select(view: GraphView, selection: Selection | null): GraphView {
  if (selection === null)
    return view.selection === null && view.selectedIds.length === 0
      ? view
      : { ...view, selection: null, selectedIds: [] };
  const selectedIds = selection.type === 'node' ? [selection.id] : [];
  if (
    view.selection?.type === selection.type &&
    view.selection.id === selection.id &&
    view.selectedIds.length === selectedIds.length
  )
    return view;
  const exists = selection.type === 'node' ? view.entities[selection.id] : view.relationships[selection.id];
  return exists ? { ...view, selection, selectedIds } : view;
}

/**
 * Shift-click: adds an entity to the multi-selection, or takes it out. The entity added becomes the one
 * the details panel shows; taking one out shows the last one still selected.
 */
export function toggleSelected(view: GraphView, id: string): GraphView {
  if (!view.entities[id]) return view;
  const base =
    view.selection?.type === 'node' ? union(view.selectedIds, [view.selection.id]) : view.selectedIds;
  if (base.includes(id)) {
    const selectedIds = without(base, [id]);
    const last = selectedIds.at(-1);
    return { ...view, selectedIds, selection: last ? { type: 'node', id: last } : null };
  }
  return { ...view, selectedIds: [...base, id], selection: { type: 'node', id } };
}

/** Box selection: the boxed entities join the multi-selection (the modifier key means "add"). */
export function selectMany(view: GraphView, ids: readonly string[]): GraphView {
  const present = ids.filter((id) => view.entities[id]);
  if (present.length === 0) return view;
  const base =
    view.selection?.type === 'node' ? union(view.selectedIds, [view.selection.id]) : view.selectedIds;
  const selectedIds = union(base, present);
  if (selectedIds.length === view.selectedIds.length && view.selection?.type === 'node') return view;
  const focus =
    view.selection?.type === 'node' ? view.selection : { type: 'node' as const, id: present[0] as string };
  return { ...view, selectedIds, selection: focus };
}

export function setStyle(view: GraphView, patch: Partial<StyleRules>): GraphView {
  const style = { ...view.style, ...patch };
  return style.sizeBy === view.style.sizeBy && style.colorBy === view.style.colorBy
    ? view
    : { ...view, style };
}

export function setTableOpen(view: GraphView, tableOpen: boolean): GraphView {
  return view.tableOpen === tableOpen ? view : { ...view, tableOpen };
}

export function setFilter(view: GraphView, patch: Partial<Filter>): GraphView {
  return { ...view, filter: { ...view.filter, ...patch } };
}

export function setTimeWindow(view: GraphView, time: TimeWindow): GraphView {
  return setFilter(view, { time });
}

export function setLabelMode(view: GraphView, labelMode: LabelMode): GraphView {
  return view.labelMode === labelMode ? view : { ...view, labelMode };
}

export function setLayout(view: GraphView, layout: LayoutName): GraphView {
  return view.layout === layout ? view : { ...view, layout };
}

export function setHighlight(view: GraphView, highlight: Highlight | null): GraphView {
  return { ...view, highlight };
}

/** Replaces an entity's data after an edit, keeping where it sits on the canvas. */
export function updateEntity(view: GraphView, entity: Entity): GraphView {
  if (!view.entities[entity.id]) return view;
  return { ...view, entities: { ...view.entities, [entity.id]: entity } };
}

/** Replaces the data of entities already in the view (fresh versions after a server change). */
export function refreshEntities(view: GraphView, fresh: readonly Entity[]): GraphView {
  const known = fresh.filter((e) => view.entities[e.id]);
  if (known.length === 0) return view;
  const entities = { ...view.entities };
  for (const e of known) entities[e.id] = e;
  return { ...view, entities };
}

/**
 * What a server merge of `mergedId` into `kept` does to the view, without asking the server again: the
 * merged entity leaves, its relationships move to the kept one (joining one of the same type and
 * direction: evidence combined, the strongest certainty kept), relationships between the two are
 * dropped. Mirrors cypher/merge-entities.cypher.
 */
export function mergeEntitiesLocally(view: GraphView, kept: Entity, mergedId: string): GraphView {
  const keepId = kept.id;
  const entities = { ...view.entities, [keepId]: kept };
  delete entities[mergedId];
  const relationships: Record<string, Relationship> = {};
  const moved: Relationship[] = [];
  for (const [id, r] of Object.entries(view.relationships)) {
    const touches = r.fromId === mergedId || r.toId === mergedId;
    if (!touches) relationships[id] = r;
    else if (r.fromId !== keepId && r.toId !== keepId) moved.push(r);
  }
  const rank = (c: Relationship['certainty']) => CERTAINTY_ORDER.indexOf(c);
  for (const r of moved) {
    const fromId = r.fromId === mergedId ? keepId : r.fromId;
    const toId = r.toId === mergedId ? keepId : r.toId;
    const id = `${fromId}:${r.type}:${toId}`;
    const existing = relationships[id];
    if (!existing) {
      relationships[id] = { ...r, id, fromId, toId };
      continue;
    }
    const seen = new Set(existing.evidence.map((e) => e.id));
    relationships[id] = {
      ...existing,
      evidence: [...existing.evidence, ...r.evidence.filter((e) => !seen.has(e.id))],
      certainty: rank(r.certainty) < rank(existing.certainty) ? r.certainty : existing.certainty,
    };
  }
  const origins = { ...view.origins };
  origins[keepId] = [...new Set([...(origins[keepId] ?? []), ...(origins[mergedId] ?? [])])];
  delete origins[mergedId];
  const drop = (ids: readonly string[]) => ids.filter((x) => x !== mergedId);
  const selection =
    view.selection?.type === 'node' && view.selection.id === mergedId
      ? { type: 'node' as const, id: keepId }
      : view.selection?.type === 'edge' && !relationships[view.selection.id]
        ? null
        : view.selection;
  return {
    ...view,
    entities,
    relationships,
    origins,
    expanded: drop(view.expanded),
    hidden: drop(view.hidden),
    pinned: drop(view.pinned),
    selection,
    selectedIds: drop(view.selectedIds),
    highlight: null,
  };
}

/** The view after an entity was deleted on the server: it leaves the canvas with its relationships. */
export function withoutEntity(view: GraphView, id: string): GraphView {
  if (!view.entities[id]) return view;
  const entities = { ...view.entities };
  delete entities[id];
  const relationships = Object.fromEntries(
    Object.entries(view.relationships).filter(([, r]) => r.fromId !== id && r.toId !== id),
  );
  const origins = { ...view.origins };
  delete origins[id];
  const drop = (ids: readonly string[]) => ids.filter((x) => x !== id);
  const selection =
    (view.selection?.type === 'node' && view.selection.id === id) ||
    (view.selection?.type === 'edge' && !relationships[view.selection.id])
      ? null
      : view.selection;
  return {
    ...view,
    entities,
    relationships,
    origins,
    expanded: drop(view.expanded),
    hidden: drop(view.hidden),
    pinned: drop(view.pinned),
    selection,
    selectedIds: drop(view.selectedIds),
    highlight: null,
  };
}

/** Puts a source's new grade on every piece of evidence on the canvas that cites it. */
export function updateSource(view: GraphView, source: Source): GraphView {
  let changed = false;
  const relationships: Record<string, Relationship> = {};
  for (const [id, r] of Object.entries(view.relationships)) {
    if (!r.evidence.some((e) => e.source.id === source.id)) {
      relationships[id] = r;
      continue;
    }
    changed = true;
    relationships[id] = {
      ...r,
      evidence: r.evidence.map((e) =>
        e.source.id === source.id ? { ...e, source: { ...e.source, reliability: source.reliability } } : e,
      ),
    };
  }
  return changed ? { ...view, relationships } : view;
}
