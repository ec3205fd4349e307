// Named views, stored in this browser.
import { deleteSavedView, loadSavedViews, saveView, type SavedView } from '../state/saved-views.ts';
import { h, replaceChildren } from './dom.ts';

export interface SavedViewsHooks {
  currentHash(): string;
  open(hash: string): void;
}

export function mountSavedViewsPanel(root: HTMLElement, storage: Storage, hooks: SavedViewsHooks): void {
  const nameInput = h('input', {
    attrs: { id: 'view-name', placeholder: 'e.g. Zuckerberg in Seoul', required: true },
  });
  const list = h('ul', { class: 'saved-list' });
  const form = h(
    'form',
    {
      on: {
        submit: (e) => {
          e.preventDefault();
          const name = nameInput.value.trim();
          if (!name) return;
          render(saveView(storage, name, hooks.currentHash()));
          nameInput.value = '';
        },
      },
    },
    h('label', { attrs: { for: 'view-name' } }, 'Save current view as'),
    h('div', { class: 'inline' }, nameInput, h('button', { attrs: { type: 'submit' } }, 'Save')),
  );
  function render(views: SavedView[]): void {
    replaceChildren(
      list,
      views.length === 0 ? h('li', { class: 'muted' }, 'No saved views yet.') : null,
      ...views.map((v) =>
        h(
          'li',
          {},
          h('button', { class: 'link', on: { click: () => hooks.open(v.hash) } }, v.name),
          h(
            'button',
            {
              class: 'icon',
              attrs: { 'aria-label': `Delete saved view ${v.name}` },
              on: { click: () => render(deleteSavedView(storage, v.name)) },
            },
            '×',
          ),
        ),
      ),
    );
  }
  replaceChildren(root, form, list);
  render(loadSavedViews(storage));
}
