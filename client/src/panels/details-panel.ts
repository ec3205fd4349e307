// Details of the selection: an entity with its relationships grouped by type, or a relationship with
// every piece of evidence (Korean quote, translation, attribution, source) and its certainty.
import type { Entity, Evidence, Relationship, Source, SourceReliability } from '../state/domain.ts';
import type { AppState } from '../state/app-state.ts';
import type { Commands } from '../state/commands.ts';
import { RELIABILITY_ORDER, type GraphView } from '../state/model.ts';
import { needsReading, quote } from '../state/evidence.ts';
import { visibleGraph } from '../state/visible.ts';
import type { Store } from '../state/store.ts';
import { certaintyBadge } from './certainty-badge.ts';
import { h, replaceChildren } from './dom.ts';

export const RELIABILITY_WORDS: Record<SourceReliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Cannot be judged',
};

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
    // Only what passes the filters, as the canvas shows it; the rest is counted.
    const touches = (r: Relationship) => r.fromId === entity.id || r.toId === entity.id;
    const rels = visibleGraph(view).edges.filter(touches);
    const hidden = Object.values(view.relationships).filter(touches).length - rels.length;
    const byType = new Map<string, Relationship[]>();
    for (const r of rels) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
    const expanded = view.expanded.includes(entity.id);
    const pinned = view.pinned.includes(entity.id);
    const notes = state.ui.details?.id === entity.id ? state.ui.details.notes : [];
    const group = view.selectedIds.length > 1 ? [...view.selectedIds] : [];
    const allPinned = group.every((id) => view.pinned.includes(id));
    return [
      group.length
        ? h(
            'section',
            { class: 'multi-selection', attrs: { id: 'multi-selection', 'aria-label': 'Selection' } },
            h(
              'p',
              {},
              h('strong', {}, `${group.length} entities selected`),
              ': ',
              group.map((id) => view.entities[id]?.name ?? id).join(', '),
            ),
            h(
              'div',
              { class: 'button-row compact' },
              h(
                'button',
                {
                  attrs: { id: 'selection-expand' },
                  on: { click: () => void commands.expandSelection(group) },
                },
                'Expand all',
              ),
              h(
                'button',
                {
                  attrs: { id: 'selection-hide' },
                  on: { click: () => commands.dispatch('hide', { ids: group }) },
                },
                'Hide all',
              ),
              h(
                'button',
                {
                  attrs: { id: 'selection-pin' },
                  on: { click: () => commands.dispatch('pinAll', { ids: group, pinned: !allPinned }) },
                },
                allPinned ? 'Unpin all' : 'Pin all',
              ),
            ),
          )
        : null,
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
      hidden > 0
        ? h(
            'p',
            { class: 'hidden-count', attrs: { id: 'details-hidden' } },
            `${hidden} more hidden by the filters or by hidden entities.`,
          )
        : null,
      rels.length === 0 && hidden === 0
        ? h('p', { class: 'muted' }, 'None yet. Expand to bring in its neighbours.')
        : null,
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
                r.disputed ? h('span', { class: 'disputed-tag' }, 'Disputed') : null,
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

  function reliabilityButton(source: Source): HTMLElement {
    const grade = source.reliability ?? 'F';
    return h(
      'button',
      {
        class: `link reliability reliability-${grade.toLowerCase()}`,
        attrs: {
          title: source.reliabilityReason
            ? `${RELIABILITY_WORDS[grade]}: ${source.reliabilityReason}`
            : `${RELIABILITY_WORDS[grade]}. Open the source to rate it.`,
          'data-source': source.id,
        },
        on: { click: () => commands.openSource(source) },
      },
      `Reliability ${grade} (${RELIABILITY_WORDS[grade].toLowerCase()})`,
    );
  }

  /** The quote inside its whole sentence, the quote marked; the bare quote when no sentence is recorded. */
  function quoteInContext(ev: Evidence): HTMLElement {
    const lang = ev.source.language ?? 'ko';
    const at = ev.sentence ? ev.sentence.indexOf(ev.quote.trim()) : -1;
    if (!ev.sentence || at < 0) return h('blockquote', { class: 'quote', attrs: { lang } }, ev.quote);
    const end = at + ev.quote.trim().length;
    return h(
      'blockquote',
      { class: 'quote quote-in-sentence', attrs: { lang } },
      ev.sentence.slice(0, at),
      h('mark', { class: 'quote-mark' }, ev.sentence.slice(at, end)),
      ev.sentence.slice(end),
    );
  }

  function evidenceItem(ev: Evidence): HTMLElement {
    const s = ev.source;
    return h(
      'li',
      { class: `evidence${ev.stance === 'DENIES' ? ' evidence-denies' : ''}` },
      ev.stance === 'DENIES' ? h('p', { class: 'stance-denies' }, 'Denies the claim') : null,
      quoteInContext(ev),
      ev.translation ? h('p', { class: 'translation', attrs: { lang: 'en' } }, ev.translation) : null,
      h(
        'p',
        { class: 'evidence-meta' },
        certaintyBadge(ev.certainty),
        ev.attributedTo ? h('span', {}, ' Attributed to ', h('strong', {}, ev.attributedTo)) : null,
      ),
      h(
        'dl',
        { class: 'evidence-facts' },
        h('dt', {}, 'About'),
        h('dd', { class: 'evidence-when' }, ev.occurredAt ? `events of ${ev.occurredAt}` : 'undated'),
        h('dt', {}, 'Source'),
        h(
          'dd',
          { class: 'source' },
          s.url
            ? h('a', { attrs: { href: s.url, target: '_blank', rel: 'noopener noreferrer' } }, s.title)
            : h('cite', {}, s.title),
          s.url
            ? h('span', { class: 'source-url' }, ` ${s.url}`)
            : h('span', { class: 'muted' }, ' (no URL recorded)'),
        ),
        h('dt', {}, 'Publisher'),
        h('dd', {}, [s.publisher, s.author].filter(Boolean).join(', ') || 'unknown'),
        h('dt', {}, 'Reported'),
        h('dd', { class: 'evidence-reported' }, s.publishedAt ?? 'undated'),
        h('dt', {}, 'Reliability'),
        h('dd', {}, reliabilityButton(s)),
      ),
    );
  }

  function renderSource(source: Source, state: AppState): (HTMLElement | null)[] {
    const grade = h(
      'select',
      { attrs: { id: 'source-grade' } },
      ...RELIABILITY_ORDER.map((g) =>
        h(
          'option',
          { attrs: { value: g, selected: g === source.reliability } },
          `${g} — ${RELIABILITY_WORDS[g]}`,
        ),
      ),
    );
    const reason = h('input', {
      attrs: { id: 'source-reason', type: 'text', value: source.reliabilityReason ?? '', maxlength: 500 },
    });
    const quotes = Object.values(state.history.present.relationships).reduce(
      (n, r) => n + r.evidence.filter((e) => e.source.id === source.id).length,
      0,
    );
    return [
      h(
        'header',
        { class: 'details-header' },
        h('span', { class: 'kind-chip' }, 'Source'),
        h('h2', { attrs: { id: 'details-title' } }, source.titleEn ?? source.title),
        source.titleEn
          ? h('p', { class: 'name-ko', attrs: { lang: source.language ?? 'ko' } }, source.title)
          : null,
      ),
      h('button', { on: { click: () => commands.closeSource() } }, '← Back'),
      h(
        'dl',
        { class: 'props' },
        h('dt', {}, 'Publisher'),
        h('dd', {}, source.publisher ?? 'unknown'),
        h('dt', {}, 'Author'),
        h('dd', {}, source.author ?? 'unknown'),
        h('dt', {}, 'Published'),
        h('dd', {}, source.publishedAt ?? 'undated'),
        h('dt', {}, 'Link'),
        h(
          'dd',
          {},
          source.url
            ? h(
                'a',
                { attrs: { href: source.url, target: '_blank', rel: 'noopener noreferrer' } },
                source.url,
              )
            : 'none stored',
        ),
        h('dt', {}, 'Reliability'),
        h(
          'dd',
          { attrs: { id: 'source-current-grade' } },
          `${source.reliability} — ${RELIABILITY_WORDS[source.reliability]}`,
        ),
        source.reliabilityReason ? h('dt', {}, 'Why') : null,
        source.reliabilityReason ? h('dd', {}, source.reliabilityReason) : null,
      ),
      h('p', { class: 'muted' }, `${quotes} quote${quotes === 1 ? '' : 's'} from this source on the canvas.`),
      h(
        'form',
        {
          class: 'rate-source',
          on: {
            submit: (e) => {
              e.preventDefault();
              void commands.rateSource(
                source.id,
                grade.value as SourceReliability,
                reason.value.trim() || null,
              );
            },
          },
        },
        h('h3', {}, 'Rate this source (editors)'),
        h(
          'p',
          { class: 'muted' },
          'How far you trust the source (Admiralty A–F), apart from how each quote is worded (certainty).',
        ),
        h('label', { attrs: { for: 'source-grade' } }, 'Grade'),
        grade,
        h('label', { attrs: { for: 'source-reason' } }, 'Reason'),
        reason,
        h(
          'div',
          { class: 'button-row' },
          h('button', { class: 'primary', attrs: { type: 'submit', id: 'source-rate' } }, 'Save rating'),
        ),
      ),
    ];
  }

  function renderEdge(view: GraphView, stored: Relationship, state: AppState): (HTMLElement | null)[] {
    // The relationship as the filters show it: only its passing evidence, and what follows from it.
    const shown = visibleGraph(view).edges.find((e) => e.id === stored.id);
    const rel = shown ?? stored;
    // Its words are read on opening (commands.loadEvidence); until then the list says so.
    const read = state.ui.evidence[stored.id];
    const reading = shown !== undefined && needsReading(read, stored);
    const dropped = stored.evidence.length - (shown ? shown.evidence.length : 0);
    const denials = rel.evidence.filter((e) => e.stance === 'DENIES').length;
    return [
      h(
        'header',
        { class: 'details-header' },
        h('span', { class: 'kind-chip' }, 'Relationship'),
        h('h2', { attrs: { id: 'details-title' } }, rel.type.replace(/_/g, ' ').toLowerCase()),
        h('p', { class: 'edge-ends' }, entityLink(view, rel.fromId), ' → ', entityLink(view, rel.toId)),
      ),
      shown
        ? null
        : h(
            'p',
            { class: 'hidden-count' },
            'The filters hide this relationship: none of its evidence passes.',
          ),
      h(
        'p',
        {},
        h('strong', {}, shown ? 'Certainty: ' : 'Certainty without the filters: '),
        certaintyBadge(rel.certainty),
      ),
      rel.disputed
        ? h(
            'p',
            { class: 'disputed-note', attrs: { id: 'edge-disputed' } },
            `Disputed: ${denials} piece${denials === 1 ? '' : 's'} of evidence den${denials === 1 ? 'ies' : 'y'} this.`,
          )
        : null,
      rel.occurredAt ? h('p', {}, h('strong', {}, 'When: '), rel.occurredAt) : null,
      h('p', {}, h('strong', {}, 'Sources: '), String(new Set(rel.evidence.map((e) => e.source.id)).size)),
      properties(rel.properties),
      h('h3', {}, `Evidence (${shown ? shown.evidence.length : 0})`),
      dropped > 0 && shown
        ? h(
            'p',
            { class: 'hidden-count', attrs: { id: 'evidence-hidden' } },
            `${dropped} more hidden by the filters.`,
          )
        : null,
      reading
        ? h('p', { class: 'muted', attrs: { id: 'evidence-reading' } }, 'Reading the evidence…')
        : h(
            'ol',
            { class: 'evidence-list' },
            ...(shown ? quote(shown, read).evidence : []).map(evidenceItem),
          ),
    ];
  }

  function render(state: AppState): void {
    const view = state.history.present;
    const sel = view.selection;
    const entity = sel?.type === 'node' ? view.entities[sel.id] : undefined;
    const rel = sel?.type === 'edge' ? view.relationships[sel.id] : undefined;
    if (state.ui.source) replaceChildren(root, ...renderSource(state.ui.source, state));
    else if (entity) replaceChildren(root, ...renderEntity(view, entity, state));
    else if (rel) replaceChildren(root, ...renderEdge(view, rel, state));
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
      view.selectedIds !== previous.history.present.selectedIds ||
      view.entities !== previous.history.present.entities ||
      view.relationships !== previous.history.present.relationships ||
      view.expanded !== previous.history.present.expanded ||
      view.pinned !== previous.history.present.pinned ||
      view.filter !== previous.history.present.filter ||
      view.hidden !== previous.history.present.hidden ||
      state.ui.source !== previous.ui.source ||
      state.ui.details !== previous.ui.details ||
      state.ui.evidence !== previous.ui.evidence
    ) {
      render(state);
    }
    // Selecting something else leaves the source panel.
    if (state.ui.source && view.selection !== previous.history.present.selection) commands.closeSource();
    const nodeId = view.selection?.type === 'node' ? view.selection.id : null;
    // Remember first: loadDetails updates the store, which calls this listener again.
    const changed = nodeId !== lastSelectedNode;
    lastSelectedNode = nodeId;
    if (nodeId && changed) void commands.loadDetails(nodeId);
    // Opening a relationship reads its evidence once (again only when an answer brought more of it).
    if (
      view.selection?.type === 'edge' &&
      (view.selection !== previous.history.present.selection ||
        view.relationships !== previous.history.present.relationships)
    )
      void commands.loadEvidence(view.selection.id);
  });
  render(store.getState());
  const opened = store.getState().history.present.selection;
  if (opened?.type === 'edge') void commands.loadEvidence(opened.id);
}
