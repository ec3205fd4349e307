// Style rules: size entities by their relationships (degree) or the evidence on them, colour them by one
// of their properties (country, roles …) instead of their kind. Kept in the URL like the layout; each
// change is one undo step. The key lists which value has which colour (the legend says it too).
import type { AppState } from '../state/app-state.ts';
import type { Commands } from '../state/commands.ts';
import type { GraphView, SizeMeasure } from '../state/model.ts';
import type { Store } from '../state/store.ts';
import { propertyKeys } from '../state/style-rules.ts';
import { visibleGraph } from '../state/visible.ts';
import { colorKey, colorKeyLabel } from '../graph-view/elements.ts';
import { h, replaceChildren } from './dom.ts';

const SIZE_CHOICES: [SizeMeasure, string][] = [
  ['none', 'All the same size'],
  ['degree', 'Number of relationships shown'],
  ['evidence', 'Evidence on their relationships'],
];

export function mountStylePanel(root: HTMLElement, store: Store<AppState>, commands: Commands): void {
  function render(view: GraphView): void {
    const nodes = visibleGraph(view).nodes;
    const keys = propertyKeys(nodes);
    const colorBy = view.style.colorBy;
    // A rule from a link may name a property none of these entities has: still offer it, so it shows.
    if (colorBy && !keys.some((k) => k.key === colorBy)) keys.push({ key: colorBy, count: 0 });
    const sizeSelect = h(
      'select',
      {
        attrs: { id: 'style-size' },
        on: { change: () => commands.dispatch('setStyle', { sizeBy: sizeSelect.value as SizeMeasure }) },
      },
      ...SIZE_CHOICES.map(([value, label]) =>
        h('option', { attrs: { value, selected: view.style.sizeBy === value } }, label),
      ),
    );
    const colorSelect = h(
      'select',
      {
        attrs: { id: 'style-color' },
        on: { change: () => commands.dispatch('setStyle', { colorBy: colorSelect.value || null }) },
      },
      h('option', { attrs: { value: '', selected: colorBy === null } }, 'Kind (the legend)'),
      ...keys.map((k) =>
        h(
          'option',
          { attrs: { value: k.key, selected: colorBy === k.key } },
          `${k.key} (${k.count} entit${k.count === 1 ? 'y' : 'ies'})`,
        ),
      ),
    );
    const swatch = (color: string) => {
      const el = h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } });
      // Through the CSSOM: the CSP refuses inline style attributes.
      el.style.background = color;
      return el;
    };
    const key = colorBy
      ? h(
          'ul',
          { class: 'style-key', attrs: { id: 'style-key', 'aria-label': `Colours by ${colorBy}` } },
          ...colorKey(nodes, colorBy).map((entry) =>
            h('li', {}, swatch(entry.color), ` ${colorKeyLabel(entry, colorBy)}`),
          ),
        )
      : null;
    const focused = document.activeElement?.id;
    replaceChildren(
      root,
      h('label', { attrs: { for: 'style-size' } }, 'Size entities by'),
      sizeSelect,
      h('label', { attrs: { for: 'style-color' } }, 'Colour entities by'),
      colorSelect,
      key,
      view.style.sizeBy !== 'none' || colorBy
        ? h(
            'div',
            { class: 'button-row compact' },
            h(
              'button',
              {
                attrs: { type: 'button', id: 'style-reset' },
                on: { click: () => commands.dispatch('setStyle', { sizeBy: 'none', colorBy: null }) },
              },
              'Default style',
            ),
          )
        : null,
    );
    // Redrawn on every change: keep the keyboard where it was.
    if (focused && root.querySelector(`#${focused}`)) root.querySelector<HTMLElement>(`#${focused}`)?.focus();
  }

  store.subscribe((state, previous) => {
    const view = state.history.present;
    const before = previous.history.present;
    if (
      view.style !== before.style ||
      view.entities !== before.entities ||
      view.filter !== before.filter ||
      view.hidden !== before.hidden
    )
      render(view);
  });
  render(store.getState().history.present);
}
