// Typeahead search (ARIA combobox). Debounced; the state command aborts stale requests.
import type { SearchHit } from '../state/domain.ts';
import type { AppState } from '../state/app-state.ts';
import type { Commands } from '../state/commands.ts';
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
  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    commands.place(hit.entity);
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
    const count = hits().length;
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
      choose(hits()[Math.max(active, 0)]);
    } else if (event.key === 'Escape') {
      input.value = '';
      void commands.search('');
    }
  });

  function render(state: AppState): void {
    const { search } = state.ui;
    const open = search.hits.length > 0;
    input.setAttribute('aria-expanded', String(open));
    if (active >= 0 && open) input.setAttribute('aria-activedescendant', `search-hit-${active}`);
    else input.removeAttribute('aria-activedescendant');
    replaceChildren(
      list,
      ...search.hits.map((hit, i) =>
        h(
          'li',
          {
            class: `search-hit${i === active ? ' active' : ''}`,
            attrs: {
              id: `search-hit-${i}`,
              role: 'option',
              'aria-selected': i === active,
              'data-id': hit.entity.id,
            },
            on: {
              mousedown: (e) => e.preventDefault(),
              click: () => choose(hit),
            },
          },
          h('span', { class: `kind-chip kind-${hit.entity.kind.toLowerCase()}` }, hit.entity.kind),
          h(
            'span',
            { class: 'hit-names' },
            h('strong', {}, hit.entity.name),
            hit.entity.nameKo
              ? h('span', { class: 'hit-ko', attrs: { lang: 'ko' } }, hit.entity.nameKo)
              : null,
          ),
          hit.snippet ? h('span', { class: 'hit-snippet' }, hit.snippet) : null,
        ),
      ),
    );
    status.textContent = search.loading
      ? 'Searching…'
      : search.answered && search.hits.length === 0 && search.text.trim()
        ? `No entities match “${search.text.trim()}”.`
        : search.hits.length
          ? `${search.hits.length} results. Use arrow keys and Enter.`
          : '';
  }

  store.subscribe((state, previous) => {
    if (state.ui.search !== previous.ui.search) render(state);
  });
  render(store.getState());
}
