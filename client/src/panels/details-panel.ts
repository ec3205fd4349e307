// Details of the selection: an entity with its relationships grouped by type, or a relationship with
// every piece of evidence (Korean quote, translation, attribution, source) and its certainty.
import type { Entity, Evidence, Relationship } from '../state/domain.ts';
import type { AppState } from '../state/app-state.ts';
import type { Commands } from '../state/commands.ts';
import type { GraphView } from '../state/model.ts';
import type { Store } from '../state/store.ts';
import { certaintyBadge } from './certainty-badge.ts';
import { h, replaceChildren } from './dom.ts';

export interface DetailsActions {
  editEntity(entity: Entity): void;
  deleteEntity(entity: Entity): void;
  mergeWith(entity: Entity): void;
  startPathFrom(id: string): void;
}

export function mountDetailsPanel(
  root: HTMLElement,
  store: Store<AppState>,
  commands: Commands,
  actions: DetailsActions,
): void {
  const nameOf = (view: GraphView, id: string) => {
    const e = view.entities[id];
    return e ? (e.nameKo && e.nameKo !== e.name ? `${e.name} (${e.nameKo})` : e.name) : id;
  };
  const entityLink = (view: GraphView, id: string) =>
    h(
      'button',
      { class: 'link', on: { click: () => commands.dispatch('select', { type: 'node', id }) } },
      nameOf(view, id),
    );

  function properties(props: Record<string, unknown>): HTMLElement | null {
    const entries = Object.entries(props);
    if (entries.length === 0) return null;
    return h(
      'dl',
      { class: 'props' },
      ...entries.flatMap(([k, v]) => [
        h('dt', {}, k),
        h('dd', {}, Array.isArray(v) ? v.join(', ') : String(v)),
      ]),
    );
  }

  function renderEntity(view: GraphView, entity: Entity, state: AppState): (HTMLElement | null)[] {
    const rels = Object.values(view.relationships).filter(
      (r) => r.fromId === entity.id || r.toId === entity.id,
    );
    const byType = new Map<string, Relationship[]>();
    for (const r of rels) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
    const expanded = view.expanded.includes(entity.id);
    const pinned = view.pinned.includes(entity.id);
    const notes = state.ui.details?.id === entity.id ? state.ui.details.notes : [];
    return [
      h(
        'header',
        { class: 'details-header' },
        h('span', { class: `kind-chip kind-${entity.kind.toLowerCase()}` }, entity.kind),
        h('h2', { attrs: { id: 'details-title' } }, entity.name),
        entity.nameKo ? h('p', { class: 'name-ko', attrs: { lang: 'ko' } }, entity.nameKo) : null,
      ),
      h(
        'div',
        { class: 'button-row' },
        h('button', { on: { click: () => void commands.openExpansion(entity.id) } }, 'Expand…'),
        expanded
          ? h('button', { on: { click: () => commands.dispatch('collapse', { id: entity.id }) } }, 'Collapse')
          : null,
        h(
          'button',
          {
            attrs: { 'aria-pressed': pinned },
            on: { click: () => commands.dispatch('pin', { id: entity.id, pinned: !pinned }) },
          },
          pinned ? 'Unpin' : 'Pin',
        ),
        h('button', { on: { click: () => commands.dispatch('hide', { ids: [entity.id] }) } }, 'Hide'),
        h('button', { on: { click: () => commands.dispatch('remove', { ids: [entity.id] }) } }, 'Remove'),
        h('button', { on: { click: () => actions.startPathFrom(entity.id) } }, 'Path from here'),
        h('button', { on: { click: () => actions.editEntity(entity) } }, 'Edit'),
        h('button', { on: { click: () => actions.mergeWith(entity) } }, 'Merge…'),
        h(
          'button',
          { attrs: { id: 'delete-entity' }, on: { click: () => actions.deleteEntity(entity) } },
          'Delete…',
        ),
      ),
      entity.description ? h('p', { class: 'description' }, entity.description) : null,
      entity.occurredAt ? h('p', {}, h('strong', {}, 'When: '), entity.occurredAt) : null,
      entity.aliases.length
        ? h('p', { class: 'aliases' }, h('strong', {}, 'Also known as: '), entity.aliases.join(' · '))
        : null,
      properties(entity.properties),
      h('h3', {}, `Relationships on canvas (${rels.length})`),
      rels.length === 0 ? h('p', { class: 'muted' }, 'None yet. Expand to bring in its neighbours.') : null,
      ...[...byType.entries()].map(([type, list]) =>
        h(
          'section',
          { class: 'rel-group', attrs: { 'aria-label': type } },
          h(
            'h4',
            {},
            type.replace(/_/g, ' ').toLowerCase(),
            h('span', { class: 'count' }, ` ${list.length}`),
          ),
          h(
            'ul',
            {},
            ...list.map((r) =>
              h(
                'li',
                {},
                certaintyBadge(r.certainty),
                h(
                  'button',
                  {
                    class: 'link',
                    on: { click: () => commands.dispatch('select', { type: 'edge', id: r.id }) },
                  },
                  r.fromId === entity.id ? `→ ${nameOf(view, r.toId)}` : `← ${nameOf(view, r.fromId)}`,
                ),
              ),
            ),
          ),
        ),
      ),
      notes.length
        ? h(
            'section',
            {},
            h('h3', {}, 'Notes'),
            ...notes.map((n) =>
              h('p', { class: 'note' }, n.text, h('span', { class: 'muted' }, ` — ${n.author}`)),
            ),
          )
        : null,
    ];
  }

  function evidenceItem(ev: Evidence): HTMLElement {
    const s = ev.source;
    return h(
      'li',
      { class: 'evidence' },
      h('blockquote', { class: 'quote', attrs: { lang: s.language ?? 'ko' } }, ev.quote),
      ev.translation ? h('p', { class: 'translation', attrs: { lang: 'en' } }, ev.translation) : null,
      h(
        'p',
        { class: 'evidence-meta' },
        certaintyBadge(ev.certainty),
        ev.attributedTo ? h('span', {}, ' Attributed to ', h('strong', {}, ev.attributedTo)) : null,
      ),
      h(
        'p',
        { class: 'source' },
        'Source: ',
        s.url
          ? h('a', { attrs: { href: s.url, target: '_blank', rel: 'noopener noreferrer' } }, s.title)
          : h('cite', {}, s.title),
        [s.publisher, s.author, s.publishedAt].filter(Boolean).length
          ? ` — ${[s.publisher, s.author, s.publishedAt].filter(Boolean).join(', ')}`
          : null,
      ),
    );
  }

  function renderEdge(view: GraphView, rel: Relationship): (HTMLElement | null)[] {
    return [
      h(
        'header',
        { class: 'details-header' },
        h('span', { class: 'kind-chip' }, 'Relationship'),
        h('h2', { attrs: { id: 'details-title' } }, rel.type.replace(/_/g, ' ').toLowerCase()),
        h('p', { class: 'edge-ends' }, entityLink(view, rel.fromId), ' → ', entityLink(view, rel.toId)),
      ),
      h('p', {}, h('strong', {}, 'Certainty: '), certaintyBadge(rel.certainty)),
      rel.occurredAt ? h('p', {}, h('strong', {}, 'When: '), rel.occurredAt) : null,
      properties(rel.properties),
      h('h3', {}, `Evidence (${rel.evidence.length})`),
      h('ol', { class: 'evidence-list' }, ...rel.evidence.map(evidenceItem)),
    ];
  }

  function render(state: AppState): void {
    const view = state.history.present;
    const sel = view.selection;
    const entity = sel?.type === 'node' ? view.entities[sel.id] : undefined;
    const rel = sel?.type === 'edge' ? view.relationships[sel.id] : undefined;
    if (entity) replaceChildren(root, ...renderEntity(view, entity, state));
    else if (rel) replaceChildren(root, ...renderEdge(view, rel));
    else
      replaceChildren(
        root,
        h('h2', { attrs: { id: 'details-title' } }, 'Details'),
        h(
          'p',
          { class: 'muted' },
          'Select an entity or a relationship on the canvas or in the table to see its evidence.',
        ),
      );
  }

  let lastSelectedNode: string | null = null;
  store.subscribe((state, previous) => {
    const view = state.history.present;
    if (
      view.selection !== previous.history.present.selection ||
      view.entities !== previous.history.present.entities ||
      view.relationships !== previous.history.present.relationships ||
      view.expanded !== previous.history.present.expanded ||
      view.pinned !== previous.history.present.pinned ||
      state.ui.details !== previous.ui.details
    ) {
      render(state);
    }
    const nodeId = view.selection?.type === 'node' ? view.selection.id : null;
    // Remember first: loadDetails updates the store, which calls this listener again.
    const changed = nodeId !== lastSelectedNode;
    lastSelectedNode = nodeId;
    if (nodeId && changed) void commands.loadDetails(nodeId);
  });
  render(store.getState());
}
