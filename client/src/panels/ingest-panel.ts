// Article review: paste an article (or a saved page), see what Linkage proposes with the article text
// highlighted (mentions underlined, claim sentences coloured by certainty), then accept, edit or leave
// out each claim, confirm or change entity links, and accept all above a confidence.
import './ingest-panel.css';
import type { Ingest, IngestState, ProposedClaim, ProposedEntity, Proposal } from '../state/ingest.ts';
import { claimsAbove } from '../state/ingest.ts';
import { CERTAINTIES, ENTITY_KINDS, type Certainty } from '../state/domain.ts';
import { certaintyBadge } from './certainty-badge.ts';
import { h, replaceChildren } from './dom.ts';

/** The article as runs of text, each run carrying its claim certainty and mention (if any). */
export function highlightRuns(proposal: Proposal) {
  const n = proposal.text.length;
  const certainty: (Certainty | null)[] = new Array(n).fill(null);
  const rank = { CONFIRMED: 1, REPORTED: 2, SPECULATIVE: 3 } as const;
  for (const c of proposal.claims)
    for (let i = c.span.start; i < c.span.end; i++) {
      const current = certainty[i];
      // Where two claims share a sentence, the more hedged colour shows.
      if (!current || rank[c.certainty] > rank[current]) certainty[i] = c.certainty;
    }
  const mention: (ProposedEntity | null)[] = new Array(n).fill(null);
  for (const e of proposal.entities)
    for (const m of e.mentions) for (let i = m.start; i < m.end; i++) mention[i] = e;
  const runs: { text: string; certainty: Certainty | null; entity: ProposedEntity | null }[] = [];
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && certainty[j] === certainty[i] && mention[j] === mention[i]) j++;
    runs.push({ text: proposal.text.slice(i, j), certainty: certainty[i]!, entity: mention[i]! });
    i = j;
  }
  return runs;
}

export function mountIngestPanel(dialog: HTMLDialogElement, ingest: Ingest): { open(): void } {
  const text = h('textarea', {
    attrs: { id: 'ingest-text', 'aria-label': 'Article text or saved HTML page' },
  });
  const title = h('input', { attrs: { id: 'ingest-title', 'aria-label': 'Title', placeholder: 'Title' } });
  const publisher = h('input', {
    attrs: { id: 'ingest-publisher', 'aria-label': 'Publisher', placeholder: 'Publisher' },
  });
  const published = h('input', { attrs: { id: 'ingest-date', type: 'date', 'aria-label': 'Published on' } });
  const language = h(
    'select',
    { attrs: { id: 'ingest-language', 'aria-label': 'Language' } },
    h('option', { attrs: { value: '' } }, 'Detect language'),
    h('option', { attrs: { value: 'ko' } }, '한국어'),
    h('option', { attrs: { value: 'en' } }, 'English'),
  );
  const file = h('input', {
    attrs: { type: 'file', accept: '.txt,.html,.htm,text/plain,text/html', 'aria-label': 'Article file' },
    on: {
      change: () => {
        const f = file.files?.[0];
        if (f) void f.text().then((content) => (text.value = content));
      },
    },
  });
  const proposeButton = h(
    'button',
    {
      attrs: { id: 'ingest-propose', type: 'button' },
      on: {
        click: () =>
          void ingest.propose(text.value, {
            title: title.value,
            publisher: publisher.value,
            publishedAt: published.value,
            language: language.value || null,
          }),
      },
    },
    'Propose',
  );
  const status = h('p', { attrs: { id: 'ingest-status', role: 'status', 'aria-live': 'polite' } });
  const review = h('div', { class: 'ingest-review', attrs: { id: 'ingest-review' } });
  const threshold = h('input', {
    attrs: {
      id: 'ingest-threshold',
      type: 'number',
      min: 0,
      max: 1,
      step: 0.05,
      value: 0.6,
      'aria-label': 'Confidence',
    },
  });

  replaceChildren(
    dialog,
    h('h2', { attrs: { id: 'ingest-title-heading' } }, 'Review an article'),
    h('div', { class: 'ingest-form' }, title, publisher, published, language, text, file, proposeButton),
    status,
    review,
    h(
      'div',
      { class: 'ingest-actions' },
      h(
        'button',
        { attrs: { type: 'button', id: 'ingest-close' }, on: { click: () => dialog.close() } },
        'Close',
      ),
    ),
  );
  dialog.setAttribute('aria-labelledby', 'ingest-title-heading');

  function articleView(p: Proposal): HTMLElement {
    return h(
      'div',
      {
        class: 'ingest-article',
        // A long article scrolls: focusable so it can be scrolled from the keyboard (axe
        // scrollable-region-focusable), and named for the screen reader that lands on it.
        attrs: {
          id: 'ingest-article',
          lang: p.language,
          tabindex: '0',
          role: 'region',
          'aria-label': 'Article',
        },
      },
      ...highlightRuns(p).map((run) => {
        const classes = [
          run.certainty ? `claim-${run.certainty.toLowerCase()}` : '',
          run.entity ? 'mention' : '',
          run.entity && !run.entity.entity ? 'mention-new' : '',
        ]
          .filter(Boolean)
          .join(' ');
        if (!classes) return run.text;
        return h(
          'span',
          {
            class: classes,
            attrs: {
              'data-key': run.entity?.key,
              'data-certainty': run.certainty,
              title: run.entity
                ? `${run.entity.name} (${run.entity.entity ? run.entity.entity.id : 'new'})`
                : run.certainty?.toLowerCase(),
            },
          },
          run.text,
        );
      }),
    );
  }

  function claimRow(p: Proposal, c: ProposedClaim, state: IngestState): HTMLElement {
    const byKey = new Map(p.entities.map((e) => [e.key, e]));
    const pending = p.status === 'PENDING';
    const type = h('input', {
      attrs: { type: 'text', value: c.type, 'aria-label': 'Relationship type', disabled: !pending },
    });
    const certainty = h(
      'select',
      { attrs: { 'aria-label': 'Certainty', disabled: !pending } },
      ...CERTAINTIES.map((x) =>
        h('option', { attrs: { value: x, selected: x === c.certainty } }, x.toLowerCase()),
      ),
    );
    const date = h('input', {
      attrs: {
        type: 'text',
        value: c.occurredAt ?? '',
        placeholder: 'YYYY-MM-DD',
        'aria-label': 'Event date',
        disabled: !pending,
      },
    });
    const translation = h('input', {
      attrs: {
        type: 'text',
        value: c.translation ?? '',
        placeholder: 'English translation',
        'aria-label': 'Translation',
        disabled: !pending,
      },
    });
    const endSelect = (selected: string, label: string) =>
      h(
        'select',
        { attrs: { 'aria-label': label, disabled: !pending } },
        ...p.entities.map((e) =>
          h('option', { attrs: { value: e.key, selected: e.key === selected } }, e.name),
        ),
      );
    const from = endSelect(c.from.key, 'From');
    const to = endSelect(c.to.key, 'To');
    const keep = h('input', {
      attrs: {
        type: 'checkbox',
        checked: state.selected.has(c.id),
        disabled: !pending,
        'aria-label': 'Accept this claim',
      },
      on: { change: () => ingest.toggle(c.id, keep.checked) },
    });
    const save = h(
      'button',
      {
        attrs: { type: 'button', class: 'ingest-save', disabled: !pending },
        on: {
          click: () =>
            void ingest.updateClaim(c.id, {
              type: type.value.trim(),
              certainty: certainty.value as Certainty,
              occurredAt: date.value.trim() || null,
              translation: translation.value.trim() || null,
              ...(from.value !== c.from.key ? { fromKey: from.value } : {}),
              ...(to.value !== c.to.key ? { toKey: to.value } : {}),
            }),
        },
      },
      'Save edit',
    );
    return h(
      'div',
      { class: 'ingest-claim', attrs: { 'data-claim-id': c.id, 'data-status': c.status } },
      h(
        'label',
        {},
        keep,
        ` ${byKey.get(c.from.key)?.name ?? c.from.key} → ${c.type} → ${byKey.get(c.to.key)?.name ?? c.to.key} `,
      ),
      certaintyBadge(c.certainty),
      ` ${Math.round(c.confidence * 100)}%${c.cue ? ` · “${c.cue}”` : ''} · ${c.attributedTo}`,
      h('div', { class: 'quote', attrs: { lang: p.language } }, c.quote),
      h('div', {}, from, type, to, certainty, date, translation, save),
    );
  }

  function entityRow(p: Proposal, e: ProposedEntity): HTMLElement {
    const pending = p.status === 'PENDING';
    const linkTo = h('input', {
      attrs: {
        type: 'text',
        placeholder: 'entity id',
        value: e.entity?.id ?? '',
        'aria-label': `Link ${e.name} to`,
        disabled: !pending,
      },
    });
    const kind = h(
      'select',
      { attrs: { 'aria-label': 'Kind', disabled: !pending } },
      ...ENTITY_KINDS.map((k) => h('option', { attrs: { value: k, selected: k === e.kind } }, k)),
    );
    return h(
      'div',
      { class: 'ingest-entity', attrs: { 'data-key': e.key } },
      h('strong', {}, e.name),
      e.nameKo && e.nameKo !== e.name ? ` · ${e.nameKo}` : '',
      ` [${e.kind}] ×${e.mentions.length} `,
      e.entity ? `→ ${e.entity.id}` : '+ new',
      h(
        'div',
        {},
        linkTo,
        h(
          'button',
          {
            attrs: { type: 'button', class: 'ingest-link', disabled: !pending },
            on: { click: () => void ingest.updateEntity(e.key, { entityId: linkTo.value.trim() }) },
          },
          'Link',
        ),
        kind,
        h(
          'button',
          {
            attrs: { type: 'button', class: 'ingest-new', disabled: !pending },
            on: { click: () => void ingest.updateEntity(e.key, { entityId: null, kind: kind.value }) },
          },
          'New entity',
        ),
      ),
    );
  }

  function render(state: IngestState): void {
    status.textContent = state.error ?? state.busy ?? state.result ?? '';
    status.classList.toggle('error', Boolean(state.error));
    const p = state.proposal;
    if (!p) {
      replaceChildren(review);
      return;
    }
    const pending = p.status === 'PENDING';
    replaceChildren(
      review,
      articleView(p),
      h(
        'div',
        { class: 'ingest-side' },
        h('h3', {}, `Claims (${p.claims.length}) · ${p.status.toLowerCase()}`),
        h(
          'div',
          { class: 'ingest-actions' },
          h(
            'button',
            {
              attrs: {
                type: 'button',
                id: 'ingest-accept-selected',
                disabled: !pending || state.selected.size === 0,
              },
              on: { click: () => void ingest.accept([...state.selected]) },
            },
            `Accept selected (${state.selected.size})`,
          ),
          h('label', { attrs: { for: 'ingest-threshold' } }, 'Accept all ≥'),
          threshold,
          h(
            'button',
            {
              attrs: { type: 'button', id: 'ingest-accept-above', disabled: !pending },
              on: { click: () => void ingest.accept(claimsAbove(p, Number(threshold.value))) },
            },
            'Accept above',
          ),
          h(
            'button',
            {
              attrs: { type: 'button', id: 'ingest-reject', disabled: !pending },
              on: { click: () => void ingest.reject() },
            },
            'Reject all',
          ),
        ),
        ...p.claims.map((c) => claimRow(p, c, state)),
        h('h3', {}, `Entities (${p.entities.length})`),
        ...p.entities.map((e) => entityRow(p, e)),
      ),
    );
  }
  ingest.store.subscribe((state) => render(state));
  render(ingest.store.getState());

  return {
    open() {
      if (!dialog.open) dialog.showModal();
      text.focus();
    },
  };
}
