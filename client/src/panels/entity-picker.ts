// A search-as-you-type picker for one entity (ARIA combobox): entities on the canvas match at once, the
// server's search fills in the rest. Shows names, never ids. Used by paths and curation.
import type { Entity } from '../state/domain.ts';
import { h, replaceChildren } from './dom.ts';

export interface EntityPickerOptions {
  id: string;
  label: string;
  placeholder?: string;
  /** Entities already on the canvas (searched locally first). */
  local(): Entity[];
  /** The server's search; aborted when the text changes. */
  lookup(text: string): Promise<Entity[]>;
  onChange?(entity: Entity | null): void;
}

export interface EntityPicker {
  element: HTMLElement;
  value(): Entity | null;
  set(entity: Entity | null): void;
  focus(): void;
}

export const entityTitle = (e: Entity): string =>
  e.nameKo && e.nameKo !== e.name ? `${e.name} · ${e.nameKo}` : e.name;

const matches = (e: Entity, text: string): boolean => {
  const t = text.toLowerCase();
  return [e.name, e.nameKo ?? '', ...e.aliases].some((n) => n.toLowerCase().includes(t));
};

export function entityPicker(options: EntityPickerOptions): EntityPicker {
  let chosen: Entity | null = null;
  let hits: Entity[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  const listId = `${options.id}-list`;
  const input = h('input', {
    class: 'picker-input',
    attrs: {
      id: options.id,
      type: 'text',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listId,
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: options.placeholder ?? 'Type a name…',
    },
  });
  const list = h('ul', {
    class: 'picker-list',
    attrs: { id: listId, role: 'listbox', 'aria-label': `${options.label}: matches` },
  });
  const element = h(
    'div',
    { class: 'picker' },
    h('label', { attrs: { for: options.id } }, options.label),
    input,
    list,
  );

  function render(): void {
    input.setAttribute('aria-expanded', String(hits.length > 0));
    if (active >= 0 && hits[active])
      input.setAttribute('aria-activedescendant', `${options.id}-opt-${active}`);
    else input.removeAttribute('aria-activedescendant');
    replaceChildren(
      list,
      ...hits.map((e, i) =>
        h(
          'li',
          {
            class: `picker-option${i === active ? ' active' : ''}`,
            attrs: {
              id: `${options.id}-opt-${i}`,
              role: 'option',
              'aria-selected': i === active,
              'data-id': e.id,
            },
            on: { mousedown: (ev) => ev.preventDefault(), click: () => pick(e) },
          },
          h('span', { class: `kind-chip kind-${e.kind.toLowerCase()}` }, e.kind),
          ' ',
          entityTitle(e),
        ),
      ),
    );
  }

  function pick(entity: Entity | null): void {
    // A lookup still on its way (a slow server) must not reopen the list over what comes next.
    clearTimeout(timer);
    asked += 1;
    chosen = entity;
    input.value = entity ? entityTitle(entity) : '';
    input.dataset.id = entity?.id ?? '';
    hits = [];
    active = -1;
    render();
    options.onChange?.(entity);
  }

  async function search(text: string): Promise<void> {
    const ticket = ++asked;
    const local = options.local().filter((e) => matches(e, text));
    hits = local.slice(0, 8);
    active = hits.length ? 0 : -1;
    render();
    try {
      const remote = await options.lookup(text);
      if (ticket !== asked || chosen) return;
      const seen = new Set(hits.map((e) => e.id));
      hits = [...hits, ...remote.filter((e) => !seen.has(e.id))].slice(0, 10);
      if (active < 0 && hits.length) active = 0;
      render();
    } catch {
      /* the local matches stay */
    }
  }

  input.addEventListener('input', () => {
    chosen = null;
    input.dataset.id = '';
    clearTimeout(timer);
    const text = input.value.trim();
    if (!text) {
      hits = [];
      render();
      options.onChange?.(null);
      return;
    }
    timer = setTimeout(() => void search(text), 180);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && hits.length) {
      active = (active + 1) % hits.length;
      render();
      event.preventDefault();
    } else if (event.key === 'ArrowUp' && hits.length) {
      active = (active - 1 + hits.length) % hits.length;
      render();
      event.preventDefault();
    } else if (event.key === 'Enter' && hits.length) {
      pick(hits[Math.max(active, 0)] ?? null);
      event.preventDefault();
    } else if (event.key === 'Escape' && hits.length) {
      hits = [];
      render();
      event.preventDefault();
      event.stopPropagation();
    }
  });
  input.addEventListener('blur', () => {
    setTimeout(() => {
      hits = [];
      render();
      if (!chosen) input.value = input.value.trim() ? input.value : '';
    }, 150);
  });

  return {
    element,
    value: () => chosen,
    set: (entity) => pick(entity),
    focus: () => input.focus(),
  };
}
