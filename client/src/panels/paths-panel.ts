// Paths between two entities on the canvas, optionally through confirmed relationships only.
import type { AppState } from '../state/app-state.ts';
import type { Commands } from '../state/commands.ts';
import type { Store } from '../state/store.ts';
import { h, replaceChildren } from './dom.ts';

export interface PathsPanel {
  setFrom(id: string): void;
}

export function mountPathsPanel(root: HTMLElement, store: Store<AppState>, commands: Commands): PathsPanel {
  const fromSelect = h('select', { attrs: { id: 'path-from' } });
  const toSelect = h('select', { attrs: { id: 'path-to' } });
  const confirmedOnly = h('input', { attrs: { type: 'checkbox', id: 'path-confirmed' } });
  const results = h('div', { attrs: { 'aria-live': 'polite' } });
  const form = h(
    'form',
    {
      on: {
        submit: (e) => {
          e.preventDefault();
          if (fromSelect.value && toSelect.value && fromSelect.value !== toSelect.value)
            void commands.findPaths(fromSelect.value, toSelect.value, confirmedOnly.checked);
        },
      },
    },
    h('label', { attrs: { for: 'path-from' } }, 'From'),
    fromSelect,
    h('label', { attrs: { for: 'path-to' } }, 'To'),
    toSelect,
    h(
      'div',
      { class: 'check-row' },
      confirmedOnly,
      h('label', { attrs: { for: 'path-confirmed' } }, 'Confirmed only'),
    ),
    h(
      'div',
      { class: 'button-row' },
      h('button', { class: 'primary', attrs: { type: 'submit' } }, 'Find paths'),
      h('button', { attrs: { type: 'button' }, on: { click: () => commands.clearPaths() } }, 'Clear'),
    ),
  );
  replaceChildren(root, form, results);

  function fillOptions(state: AppState): void {
    const nodes = Object.values(state.history.present.entities).sort((a, b) => a.name.localeCompare(b.name));
    for (const select of [fromSelect, toSelect]) {
      const keep = select.value;
      replaceChildren(
        select,
        h('option', { attrs: { value: '' } }, '— choose —'),
        ...nodes.map((n) =>
          h('option', { attrs: { value: n.id } }, n.nameKo ? `${n.name} · ${n.nameKo}` : n.name),
        ),
      );
      select.value = nodes.some((n) => n.id === keep) ? keep : '';
    }
    const sel = state.history.present.selection;
    // The selected node is the natural other end of a path started elsewhere.
    if (sel?.type === 'node' && fromSelect.value && fromSelect.value !== sel.id && !toSelect.value)
      toSelect.value = sel.id;
  }

  function renderResults(state: AppState): void {
    const { results: found, answered } = state.ui.paths;
    const view = state.history.present;
    const name = (id: string) => view.entities[id]?.name ?? id;
    replaceChildren(
      results,
      answered && found.length === 0 ? h('p', { class: 'muted' }, 'No path within 4 hops.') : null,
      ...found.map((path, i) =>
        h(
          'p',
          { class: 'path' },
          h('strong', {}, `Path ${i + 1}: `),
          path.nodes.map((n) => name(n.id)).join(' → '),
        ),
      ),
    );
  }

  store.subscribe((state, previous) => {
    if (state.history.present.entities !== previous.history.present.entities) fillOptions(state);
    if (state.history.present.selection !== previous.history.present.selection) fillOptions(state);
    if (state.ui.paths !== previous.ui.paths) renderResults(state);
  });
  fillOptions(store.getState());
  return {
    setFrom(id) {
      fromSelect.value = id;
      toSelect.value = '';
      root.closest('details')?.setAttribute('open', '');
      toSelect.focus();
    },
  };
}
