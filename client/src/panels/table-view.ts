// The canvas as tables: the same visible nodes and edges (from visibleGraph), so a keyboard or screen
// reader user can reach everything the canvas shows.
import type { AppState } from '../state/app-state.ts';
import type { Commands } from '../state/commands.ts';
import type { GraphView } from '../state/model.ts';
import type { Store } from '../state/store.ts';
import { visibleGraph } from '../state/visible.ts';
import { certaintyBadge } from './certainty-badge.ts';
import { h, replaceChildren } from './dom.ts';

export function mountTableView(root: HTMLElement, store: Store<AppState>, commands: Commands): void {
  function render(view: GraphView): void {
    const { nodes, edges } = visibleGraph(view);
    const sel = view.selection;
    const name = (id: string) => view.entities[id]?.name ?? id;
    const nodeTable = h(
      'table',
      { attrs: { id: 'nodes-table', 'aria-label': `Entities on canvas (${nodes.length})` } },
      h('caption', {}, `Entities (${nodes.length})`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Name', '한국어', 'Kind', 'When', 'Actions'].map((c) =>
            h('th', { attrs: { scope: 'col' } }, c),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...nodes.map((n) =>
          h(
            'tr',
            {
              class: sel?.type === 'node' && sel.id === n.id ? 'selected' : '',
              attrs: {
                'data-id': n.id,
                'aria-current': sel?.type === 'node' && sel.id === n.id ? 'true' : null,
              },
            },
            h(
              'th',
              { attrs: { scope: 'row' } },
              h(
                'button',
                {
                  class: 'link',
                  on: { click: () => commands.dispatch('select', { type: 'node', id: n.id }) },
                },
                n.name,
              ),
            ),
            h('td', { attrs: { lang: 'ko' } }, n.nameKo ?? ''),
            h('td', {}, n.kind),
            h('td', {}, n.occurredAt ?? ''),
            h(
              'td',
              {},
              h(
                'button',
                {
                  attrs: { 'aria-label': `Expand ${n.name}` },
                  on: { click: () => void commands.openExpansion(n.id) },
                },
                'Expand',
              ),
            ),
          ),
        ),
      ),
    );
    const edgeTable = h(
      'table',
      { attrs: { id: 'edges-table', 'aria-label': `Relationships on canvas (${edges.length})` } },
      h('caption', {}, `Relationships (${edges.length})`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['From', 'Relationship', 'To', 'Certainty', 'Evidence'].map((c) =>
            h('th', { attrs: { scope: 'col' } }, c),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...edges.map((e) =>
          h(
            'tr',
            {
              class: sel?.type === 'edge' && sel.id === e.id ? 'selected' : '',
              attrs: {
                'data-id': e.id,
                'aria-current': sel?.type === 'edge' && sel.id === e.id ? 'true' : null,
              },
            },
            h('td', {}, name(e.fromId)),
            h(
              'th',
              { attrs: { scope: 'row' } },
              h(
                'button',
                {
                  class: 'link',
                  on: { click: () => commands.dispatch('select', { type: 'edge', id: e.id }) },
                },
                e.type.replace(/_/g, ' ').toLowerCase(),
              ),
            ),
            h('td', {}, name(e.toId)),
            h('td', {}, certaintyBadge(e.certainty)),
            h('td', {}, String(e.evidence.length)),
          ),
        ),
      ),
    );
    replaceChildren(root, nodeTable, edgeTable);
  }
  // A hidden table is not kept up to date (thousands of rows cost more than the canvas itself): it is
  // rendered when it is shown, and on every change while it is visible.
  let dirty = true;
  const refresh = () => {
    if (root.hidden) return;
    dirty = false;
    render(store.getState().history.present);
  };
  store.subscribe((state, previous) => {
    if (state.history.present === previous.history.present) return;
    dirty = true;
    refresh();
  });
  new MutationObserver(() => {
    if (dirty) refresh();
  }).observe(root, { attributes: true, attributeFilter: ['hidden'] });
  refresh();
}
