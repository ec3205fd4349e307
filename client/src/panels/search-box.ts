// Typeahead search (ARIA combobox). Debounced; the state command aborts stale requests.
import type { AppState } from '../state/app-state.ts';
import type { Commands } from '../state/commands.ts';
import type { ClaimHit } from '../state/domain.ts';
import type { Store } from '../state/store.ts';
import { h, replaceChildren } from './dom.ts';

const DEBOUNCE_MS = 200;

export function mountSearchBox(root: HTMLElement, store: Store<AppState>, commands: Commands): void {
  const input = h('input', {
    class: 'search-input',
    attrs: {
      id: 'search-input',
      type: 'search',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': 'search-results',
      placeholder: 'Search entities — 저커버그, Samsung, HBM…',
      autocomplete: 'off',
      spellcheck: 'false',
    },
  });
  const label = h('label', { class: 'visually-hidden', attrs: { for: 'search-input' } }, 'Search entities');
  const list = h('ul', {
    class: 'search-results',
    attrs: { id: 'search-results', role: 'listbox', 'aria-label': 'Search results' },
  });
  const status = h('div', { class: 'search-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  replaceChildren(root, label, input, list, status);

  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // IME composition (Korean): wait for the syllable to be committed before searching.
  let composing = false;

  const hits = () => store.getState().ui.search.hits;
  /** A claim in words: "Samsung Electronics may supply Meta". */
  const claimText = (c: ClaimHit) =>
    `${c.from.name} ${c.relationship.type.toLowerCase().replace(/_/g, ' ')} ${c.to.name}`;
  /** The matching quote, or its translation when only the translation holds the words. */
  const matchedText = (c: ClaimHit, text: string) => {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    const inQuote = words.some((w) => c.evidence.quote.toLowerCase().includes(w));
    return inQuote || !c.evidence.translation ? c.evidence.quote : c.evidence.translation;
  };
  const claims = (state: AppState): ClaimHit[] => state.ui.search.claims;
  const options = () => hits().length + claims(store.getState()).length;
  const choose = (index: number) => {
    const entityHit = hits()[index];
    if (entityHit) commands.place(entityHit.entity);
    else {
      const claim = claims(store.getState())[index - hits().length];
      if (!claim) return;
      commands.placeClaim(claim);
    }
    input.value = '';
    active = -1;
  };

  input.addEventListener('compositionstart', () => (composing = true));
  input.addEventListener('compositionend', () => {
    composing = false;
    schedule();
  });
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void commands.search(input.value), DEBOUNCE_MS);
  };
  input.addEventListener('input', () => {
    active = -1;
    // Chromium fires input during composition too; searching the partial syllables is harmless.
    if (!composing || input.value.length > 1) schedule();
  });
  input.addEventListener('keydown', (event) => {
    const count = options();
    if (event.key === 'ArrowDown' && count) {
      event.preventDefault();
      active = (active + 1) % count;
      render(store.getState());
    } else if (event.key === 'ArrowUp' && count) {
      event.preventDefault();
      active = (active - 1 + count) % count;
      render(store.getState());
    } else if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      choose(Math.max(active, 0));
    } else if (event.key === 'Escape') {
      input.value = '';
      void commands.search('');
    }
  });

  function render(state: AppState): void {
    const { search } = state.ui;
    const claimHits = claims(state);
    const open = search.hits.length + claimHits.length > 0;
    input.setAttribute('aria-expanded', String(open));
    if (active >= 0 && open) input.setAttribute('aria-activedescendant', `search-hit-${active}`);
    else input.removeAttribute('aria-activedescendant');
    const option = (i: number, extra: string, ...children: (HTMLElement | string | null)[]) =>
      h(
        'li',
        {
          class: `search-hit${extra}${i === active ? ' active' : ''}`,
          attrs: { id: `search-hit-${i}`, role: 'option', 'aria-selected': i === active },
          on: { mousedown: (e) => e.preventDefault(), click: () => choose(i) },
        },
        ...children,
      );
    const entityItems = search.hits.map((hit, i) => {
      const li = option(
        i,
        '',
        h('span', { class: `kind-chip kind-${hit.entity.kind.toLowerCase()}` }, hit.entity.kind),
        h(
          'span',
          { class: 'hit-names' },
          h('strong', {}, hit.entity.name),
          hit.entity.nameKo ? h('span', { class: 'hit-ko', attrs: { lang: 'ko' } }, hit.entity.nameKo) : null,
        ),
        hit.snippet ? h('span', { class: 'hit-snippet' }, hit.snippet) : null,
      );
      li.dataset.id = hit.entity.id;
      return li;
    });
    const claimItems = claimHits.map((c, i) => {
      const shown = matchedText(c, search.text);
      const li = option(
        search.hits.length + i,
        ' claim-hit',
        h('span', { class: 'kind-chip' }, 'Claim'),
        h(
          'span',
          { class: 'hit-names' },
          h('strong', {}, claimText(c)),
          h('span', { class: 'hit-certainty' }, c.relationship.certainty.toLowerCase()),
        ),
        h(
          'span',
          { class: 'hit-snippet', attrs: shown === c.evidence.quote ? { lang: 'ko' } : {} },
          `“${shown}”`,
        ),
      );
      li.dataset.edge = c.relationship.id;
      return li;
    });
    replaceChildren(
      list,
      ...entityItems,
      claimItems.length
        ? h('li', { class: 'search-group', attrs: { role: 'presentation' } }, 'Claims and quotes')
        : null,
      ...claimItems,
    );
    status.textContent = search.loading
      ? 'Searching…'
      : search.problem
        ? search.problem
        : search.answered && !open && search.text.trim()
          ? `No entities or quotes match “${search.text.trim()}”.`
          : open
            ? `${search.hits.length} entities${claimHits.length ? ` and ${claimHits.length} claims` : ''}. Use arrow keys and Enter.`
            : '';
  }

  store.subscribe((state, previous) => {
    if (state.ui.search !== previous.ui.search) render(state);
  });
  render(store.getState());
}
