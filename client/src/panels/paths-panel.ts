// Paths between any two entities: both ends are searched for (on the canvas or not); each path is listed
// in words (names, relationship types, which way they point) with its weakest certainty, and clicking one
// puts it on the canvas and highlights it while the rest is dimmed.
import type { AppState } from '../state/app-state.ts';
import type { Commands } from '../state/commands.ts';
import type { Certainty, Entity } from '../state/domain.ts';
import { pathSteps, relationshipWords, weakestCertainty } from '../state/paths.ts';
import type { Store } from '../state/store.ts';
import { certaintyBadge } from './certainty-badge.ts';
import { h, replaceChildren } from './dom.ts';
import { entityPicker } from './entity-picker.ts';
import { radioGroup } from './radio-group.ts';

export interface PathsPanel {
  setFrom(id: string): void;
}

const OPTIONS: [Certainty, string][] = [
  ['SPECULATIVE', 'Any certainty'],
  ['REPORTED', 'Avoid speculative'],
  ['CONFIRMED', 'Confirmed only'],
];

export function mountPathsPanel(root: HTMLElement, store: Store<AppState>, commands: Commands): PathsPanel {
  const onCanvas = (): Entity[] => Object.values(store.getState().history.present.entities);
  const from = entityPicker({
    id: 'path-from',
    label: 'From',
    local: onCanvas,
    lookup: (text) => commands.lookup(text, 'path-from'),
  });
  const to = entityPicker({
    id: 'path-to',
    label: 'To',
    local: onCanvas,
    lookup: (text) => commands.lookup(text, 'path-to'),
  });
  let minCertainty: Certainty = 'SPECULATIVE';
  const certainty = radioGroup({
    id: 'path-certainty',
    label: 'Relationships on the path',
    options: OPTIONS,
    value: minCertainty,
    onChange: (value) => (minCertainty = value),
  });
  const problem = h('p', { class: 'form-problem', attrs: { role: 'alert' } });
  const results = h('div', { class: 'path-results', attrs: { 'aria-live': 'polite' } });
  const form = h(
    'form',
    {
      on: {
        submit: (e) => {
          e.preventDefault();
          const a = from.value();
          const b = to.value();
          problem.textContent =
            !a || !b
              ? 'Pick both ends from the suggestions.'
              : a.id === b.id
                ? 'Pick two different entities.'
                : '';
          if (a && b && a.id !== b.id) void commands.findPaths(a.id, b.id, minCertainty);
        },
      },
    },
    from.element,
    to.element,
    certainty.element,
    problem,
    h(
      'div',
      { class: 'button-row' },
      h('button', { class: 'primary', attrs: { type: 'submit', id: 'path-find' } }, 'Find paths'),
      h('button', { attrs: { type: 'button' }, on: { click: () => commands.clearPaths() } }, 'Clear'),
    ),
  );
  replaceChildren(root, form, results);

  function renderResults(state: AppState): void {
    const { results: found, answered, focused } = state.ui.paths;
    replaceChildren(
      results,
      answered && found.length === 0
        ? h('p', { class: 'muted' }, 'No path within 4 hops with these filters.')
        : null,
      found.length
        ? h(
            'ol',
            { class: 'path-list', attrs: { 'aria-label': 'Paths found' } },
            ...found.map((path, i) => {
              const steps = pathSteps(path);
              const first = steps[0]?.from ?? path.nodes[0];
              return h(
                'li',
                { class: `path${focused === i ? ' focused' : ''}` },
                h(
                  'button',
                  {
                    class: 'path-button',
                    attrs: { 'aria-pressed': focused === i, 'data-path': i },
                    on: { click: () => commands.focusPath(i) },
                  },
                  h(
                    'span',
                    { class: 'path-head' },
                    h('strong', {}, `Path ${i + 1}`),
                    ` · ${steps.length} step${steps.length === 1 ? '' : 's'} · weakest: `,
                    certaintyBadge(weakestCertainty(path)),
                  ),
                  h(
                    'span',
                    { class: 'path-steps' },
                    h('span', { class: 'path-node' }, first?.name ?? ''),
                    ...steps.flatMap((s) => [
                      h(
                        'span',
                        { class: `path-rel certainty-${s.relationship.certainty.toLowerCase()}` },
                        s.forward
                          ? ` —${relationshipWords(s.relationship.type)}→ `
                          : ` ←${relationshipWords(s.relationship.type)}— `,
                      ),
                      h('span', { class: 'path-node' }, s.to.name),
                    ]),
                  ),
                ),
              );
            }),
          )
        : null,
    );
  }

  store.subscribe((state, previous) => {
    if (state.ui.paths !== previous.ui.paths) renderResults(state);
  });
  renderResults(store.getState());
  return {
    setFrom(id) {
      from.set(store.getState().history.present.entities[id] ?? null);
      to.set(null);
      root.closest('details')?.setAttribute('open', '');
      to.focus();
    },
  };
}
