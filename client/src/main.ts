// Wires the app: store + commands, the canvas, the panels, URL state and keyboard shortcuts.
import './styles.css';
import { linkageApi, savedViewsApi } from './api/linkage-api.ts';
import { createGraphView } from './graph-view/graph-view.ts';
import { LAYOUTS } from './graph-view/layouts.ts';
import { mountLegend } from './graph-view/legend.ts';
import { mountCurationForms, mountCurationMenu } from './panels/curation-forms.ts';
import { mountDetailsPanel } from './panels/details-panel.ts';
import { byId } from './panels/dom.ts';
import { mountContextMenu, type ContextMenu } from './panels/context-menu.ts';
import { mountExpansionDialog } from './panels/expansion-dialog.ts';
import { mountExportDialog } from './panels/export-dialog.ts';
import { mountFiltersPanel } from './panels/filters-panel.ts';
import { mountIngestPanel } from './panels/ingest-panel.ts';
import { mountPathsPanel } from './panels/paths-panel.ts';
import { mountSavedViewsPanel } from './panels/saved-views-panel.ts';
import { mountSearchBox } from './panels/search-box.ts';
import { mountSettingsPanel } from './panels/settings-panel.ts';
import { mountStatusBanner } from './panels/status-banner.ts';
import { mountStylePanel } from './panels/style-panel.ts';
import { mountTableView } from './panels/table-view.ts';
import { mountToolbar } from './panels/toolbar.ts';
import { initialAppState, type AppState } from './state/app-state.ts';
import { createCommands } from './state/commands.ts';
import { createIngest } from './state/ingest.ts';
import type { GraphView, LayoutName } from './state/model.ts';
import { createSavedViewsStore, loadToken } from './state/saved-views.ts';
import { createStore } from './state/store.ts';
import { serializeView } from './state/url-state.ts';
import { visibleGraph } from './state/visible.ts';

const storage = window.localStorage;
const store = createStore<AppState>(initialAppState(undefined, loadToken(storage)));
const commands = createCommands(store, linkageApi);

// Canvas
const canvasEl = byId('canvas');
// The menu is mounted below, once the panels it calls exist; the canvas asks for it through this hook.
let contextMenu: ContextMenu | null = null;
const graph = createGraphView(canvasEl, store, commands, {
  onContextMenu: (target, at) => contextMenu?.open(target, at),
});

// Panels
mountSearchBox(byId('search'), store, commands);
mountStatusBanner(byId('status'), store, commands);
mountFiltersPanel(byId('filters'), store, commands);
mountLegend(byId('legend'), store);
mountStylePanel(byId('style-panel'), store, commands);
const paths = mountPathsPanel(byId('paths'), store, commands);
const curation = mountCurationForms(byId<HTMLDialogElement>('curation-dialog'), store, commands);
mountCurationMenu(byId('curation'), store, curation);
mountSettingsPanel(byId('settings'), store, commands, storage);
mountDetailsPanel(byId('details'), store, commands, {
  editEntity: (entity) => curation.entityForm(entity),
  deleteEntity: (entity) => curation.deleteForm(entity),
  mergeWith: () => curation.mergeForm(),
  startPathFrom: (id) => paths.setFrom(id),
});
mountExpansionDialog(byId<HTMLDialogElement>('expand-dialog'), store, commands);
contextMenu = mountContextMenu(byId('context-menu'), store, commands, {
  fit: () => graph.fit(),
  startPathFrom: (id) => {
    byId<HTMLDetailsElement>('paths-section').open = true;
    paths.setFrom(id);
  },
  returnFocus: () => graph.focus(),
});
const exportDialog = mountExportDialog(byId<HTMLDialogElement>('export-dialog'), store, graph, commands);
const ingestPanel = mountIngestPanel(byId<HTMLDialogElement>('ingest-dialog'), createIngest(store, commands));
const tableRegion = byId('table-region');
mountTableView(tableRegion, store, commands);
const layoutLabels = Object.fromEntries(
  Object.entries(LAYOUTS).map(([name, entry]) => [name, entry.label]),
) as Record<LayoutName, string>;
mountToolbar(byId('toolbar'), store, commands, {
  layoutLabels,
  fit: () => graph.fit(),
  openExport: () => exportDialog.open(),
  openIngest: () => ingestPanel.open(),
  openActions: (button) => {
    const sel = store.getState().history.present.selection;
    const box = button.getBoundingClientRect();
    contextMenu?.open(
      sel ? { type: sel.type, id: sel.id } : { type: 'background' },
      { x: box.left, y: box.bottom + 2 },
      button,
    );
  },
});
// The table follows the view (a reload or a shared link opens it again).
function showTable(open: boolean): void {
  if (tableRegion.hidden === !open) return;
  tableRegion.hidden = !open;
  document.body.classList.toggle('with-table', open);
  graph.fit();
}
store.subscribe((state) => showTable(state.history.present.tableOpen));
const savedViews = createSavedViewsStore(savedViewsApi, storage, () => store.getState().ui.token);
mountSavedViewsPanel(byId('saved-views'), savedViews, {
  currentHash: () => serializeView(store.getState().history.present),
  open: (hash) => {
    window.location.hash = hash;
  },
});

// Empty state and screen-reader announcements follow the view.
const emptyState = byId('empty-state');
const announcer = byId('announcer');
function announce(view: GraphView, previous: GraphView | null): void {
  emptyState.hidden = Object.keys(view.entities).length > 0;
  const sel = view.selection;
  if (!sel || sel === previous?.selection) return;
  if (sel.type === 'node') {
    const e = view.entities[sel.id];
    const degree = visibleGraph(view).edges.filter((r) => r.fromId === sel.id || r.toId === sel.id).length;
    if (e)
      announcer.textContent = `${e.name}${e.nameKo ? ` (${e.nameKo})` : ''}, ${e.kind}, ${degree} relationships.`;
  } else {
    const r = view.relationships[sel.id];
    if (r)
      announcer.textContent = `${view.entities[r.fromId]?.name ?? r.fromId} ${r.type.replace(/_/g, ' ').toLowerCase()} ${view.entities[r.toId]?.name ?? r.toId}, ${r.certainty.toLowerCase()}.`;
  }
}

// URL state: the hash mirrors the view; a changed hash (pasted link, saved view, back) restores it.
// Writing the address bar costs Chromium ≈ 0.2 ms per id (130 ms for a 500-node expansion), so it happens
// once per frame, after the canvas has painted, and at the latest when the page is left.
let writtenHash = '';
let hashPending = false;
function writeHash(): void {
  if (!hashPending) return;
  hashPending = false;
  writtenHash = serializeView(store.getState().history.present);
  window.history.replaceState(null, '', `#${writtenHash}`);
}
store.subscribe((state, previous) => {
  const view = state.history.present;
  if (view === previous.history.present) return;
  announce(view, previous.history.present);
  if (hashPending) return;
  hashPending = true;
  requestAnimationFrame(() => setTimeout(writeHash, 0));
});
window.addEventListener('pagehide', writeHash);
// Only hashes that carry view state (key=value) are views; a bare "#canvas" anchor is not.
const isViewHash = (hash: string) => hash.includes('=');
window.addEventListener('hashchange', () => {
  const hash = window.location.hash.slice(1);
  hashPending = false; // the address the user went to wins over a write still waiting
  if (hash !== writtenHash && isViewHash(hash)) void commands.restore(hash);
});
// The skip link moves focus without touching the hash (which holds the view).
document.querySelector('.skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  graph.focus();
});
announce(store.getState().history.present, null);
if (isViewHash(window.location.hash)) void commands.restore(window.location.hash.slice(1));

// A handle for end-to-end tests and the console: what the canvas really draws.
(window as unknown as { linkage: unknown }).linkage = {
  renderedIds: () => graph.renderedIds(),
  classesOf: () => graph.classesOf(),
  zoom: () => graph.zoom(),
  geometry: () => graph.geometry(),
  layoutBusy: () => graph.layoutBusy(),
  store,
};
