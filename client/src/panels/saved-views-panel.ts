// Named views, shared through the server (this browser's copy when the server cannot be reached).
import type { SavedView, SavedViewsList, SavedViewsStore } from '../state/saved-views.ts';
import { h, replaceChildren } from './dom.ts';

export interface SavedViewsHooks {
  currentHash(): string;
  open(hash: string): void;
}

export function mountSavedViewsPanel(
  root: HTMLElement,
  views: SavedViewsStore,
  hooks: SavedViewsHooks,
): { refresh(): Promise<void> } {
  const nameInput = h('input', {
    attrs: { id: 'view-name', placeholder: 'e.g. Zuckerberg in Seoul', required: true },
  });
  const list = h('ul', { class: 'saved-list' });
  const message = h('p', { class: 'muted', attrs: { role: 'status' } });
  // Every change goes through here: the list as the server (or, offline, this browser) now has it.
  const show = async (change: Promise<SavedViewsList>) => {
    try {
      const result = await change;
      render(result.views);
      message.textContent = result.offline
        ? 'The server cannot be reached: showing the views saved in this browser.'
        : '';
    } catch (error) {
      message.textContent = error instanceof Error ? error.message : String(error);
    }
  };
  const form = h(
    'form',
    {
      on: {
        submit: (e) => {
          e.preventDefault();
          const name = nameInput.value.trim();
          if (!name) return;
          nameInput.value = '';
          void show(views.save(name, hooks.currentHash()));
        },
      },
    },
    h('label', { attrs: { for: 'view-name' } }, 'Save current view as'),
    h('div', { class: 'inline' }, nameInput, h('button', { attrs: { type: 'submit' } }, 'Save')),
  );
  function render(saved: SavedView[]): void {
    replaceChildren(
      list,
      saved.length === 0 ? h('li', { class: 'muted' }, 'No saved views yet.') : null,
      ...saved.map((v) =>
        h(
          'li',
          {},
          h('button', { class: 'link', on: { click: () => hooks.open(v.hash) } }, v.name),
          h(
            'button',
            {
              class: 'icon',
              attrs: { 'aria-label': `Delete saved view ${v.name}` },
              on: { click: () => void show(views.remove(v.name)) },
            },
            '×',
          ),
        ),
      ),
    );
  }
  replaceChildren(root, form, message, list);
  render([]);
  const refresh = () => show(views.load());
  void refresh();
  return { refresh };
}
