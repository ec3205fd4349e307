// The canvas's context menu (right-click, Shift+F10 or the Menu key on the canvas, or the toolbar's
// "Actions" button): what can be done with an entity, a relationship, the selection or the canvas. A
// WAI-ARIA menu: arrows move, Home/End jump, Enter runs, Esc or Tab closes and focus goes back.
import type { AppState } from '../state/app-state.ts';
import type { Commands } from '../state/commands.ts';
import type { CanvasTarget, GraphView } from '../state/model.ts';
import type { Store } from '../state/store.ts';
import { visibleGraph } from '../state/visible.ts';
import { h, replaceChildren } from './dom.ts';

export interface ContextMenuHooks {
  fit(): void;
  startPathFrom(id: string): void;
  /** Where focus goes when the menu closes without another target (the canvas). */
  returnFocus(): void;
}

export interface ContextMenu {
  open(target: CanvasTarget, at: { x: number; y: number }, opener?: HTMLElement): void;
  close(): void;
}

interface Item {
  id: string;
  label: string;
  run(): void;
}

const words = (type: string) => type.replace(/_/g, ' ').toLowerCase();

export function mountContextMenu(
  root: HTMLElement,
  store: Store<AppState>,
  commands: Commands,
  hooks: ContextMenuHooks,
): ContextMenu {
  root.setAttribute('role', 'menu');
  root.classList.add('context-menu');
  root.hidden = true;
  let opener: HTMLElement | null = null;

  const view = (): GraphView => store.getState().history.present;
  const name = (id: string) => view().entities[id]?.name ?? id;

  function nodeItems(id: string): Item[] {
    const v = view();
    // A right-click outside the selection selects what was clicked, as a file manager does.
    const group = v.selectedIds.includes(id) && v.selectedIds.length > 1 ? [...v.selectedIds] : [id];
    if (group.length > 1) {
      const n = group.length;
      const allPinned = group.every((g) => v.pinned.includes(g));
      return [
        {
          id: 'menu-expand-selection',
          label: `Expand the ${n} selected`,
          run: () => void commands.expandSelection(group),
        },
        {
          id: 'menu-hide-selection',
          label: `Hide the ${n} selected`,
          run: () => commands.dispatch('hide', { ids: group }),
        },
        {
          id: 'menu-pin-selection',
          label: allPinned ? `Unpin the ${n} selected` : `Pin the ${n} selected`,
          run: () => commands.dispatch('pinAll', { ids: group, pinned: !allPinned }),
        },
        {
          id: 'menu-remove-selection',
          label: `Remove the ${n} selected`,
          run: () => commands.dispatch('remove', { ids: group }),
        },
        {
          id: 'menu-clear-selection',
          label: 'Clear the selection',
          run: () => commands.dispatch('select', null),
        },
      ];
    }
    const pinned = v.pinned.includes(id);
    const neighbours = visibleGraph(v)
      .edges.filter((r) => r.fromId === id || r.toId === id)
      .map((r) => (r.fromId === id ? r.toId : r.fromId));
    return [
      { id: 'menu-expand', label: `Expand ${name(id)}…`, run: () => void commands.openExpansion(id) },
      ...(v.expanded.includes(id)
        ? [{ id: 'menu-collapse', label: 'Collapse', run: () => commands.dispatch('collapse', { id }) }]
        : []),
      {
        id: 'menu-pin',
        label: pinned ? 'Unpin' : 'Pin in place',
        run: () => commands.dispatch('pin', { id, pinned: !pinned }),
      },
      { id: 'menu-hide', label: 'Hide', run: () => commands.dispatch('hide', { ids: [id] }) },
      {
        id: 'menu-remove',
        label: 'Remove from the canvas',
        run: () => commands.dispatch('remove', { ids: [id] }),
      },
      ...(neighbours.length
        ? [
            {
              id: 'menu-select-neighbours',
              label: `Select it and its ${neighbours.length} neighbour${neighbours.length === 1 ? '' : 's'}`,
              run: () => commands.dispatch('selectMany', { ids: [id, ...neighbours] }),
            },
          ]
        : []),
      { id: 'menu-path-from', label: 'Path from here…', run: () => hooks.startPathFrom(id) },
    ];
  }

  function edgeItems(id: string): Item[] {
    const r = view().relationships[id];
    if (!r) return [];
    return [
      {
        id: 'menu-evidence',
        label: 'Show the evidence',
        run: () => commands.dispatch('select', { type: 'edge', id }),
      },
      {
        id: 'menu-go-from',
        label: `Go to ${name(r.fromId)}`,
        run: () => commands.dispatch('select', { type: 'node', id: r.fromId }),
      },
      {
        id: 'menu-go-to',
        label: `Go to ${name(r.toId)}`,
        run: () => commands.dispatch('select', { type: 'node', id: r.toId }),
      },
      {
        id: 'menu-select-ends',
        label: 'Select both ends',
        run: () => {
          commands.dispatch('select', { type: 'node', id: r.fromId });
          commands.dispatch('selectMany', { ids: [r.toId] });
        },
      },
      {
        id: 'menu-hide-type',
        label: `Hide every "${words(r.type)}" relationship`,
        run: () =>
          commands.dispatch('setFilter', {
            hiddenTypes: [...new Set([...view().filter.hiddenTypes, r.type])],
          }),
      },
    ];
  }

  function backgroundItems(): Item[] {
    const v = view();
    const shown = visibleGraph(v).nodes.map((n) => n.id);
    const selected = v.selectedIds;
    return [
      { id: 'menu-fit', label: 'Fit the graph to the screen', run: () => hooks.fit() },
      ...(shown.length
        ? [
            {
              id: 'menu-select-all',
              label: `Select all ${shown.length} entities`,
              run: () => {
                commands.dispatch('select', null);
                commands.dispatch('selectMany', { ids: shown });
              },
            },
          ]
        : []),
      ...(selected.length > 1
        ? [
            {
              id: 'menu-expand-selection',
              label: `Expand the ${selected.length} selected`,
              run: () => void commands.expandSelection([...selected]),
            },
            {
              id: 'menu-hide-selection',
              label: `Hide the ${selected.length} selected`,
              run: () => commands.dispatch('hide', { ids: [...selected] }),
            },
          ]
        : []),
      ...(v.selection
        ? [
            {
              id: 'menu-clear-selection',
              label: 'Clear the selection',
              run: () => commands.dispatch('select', null),
            },
          ]
        : []),
      ...(v.hidden.length
        ? [
            {
              id: 'menu-show-hidden',
              label: `Show the ${v.hidden.length} hidden`,
              run: () => commands.dispatch('show', { ids: 'all' }),
            },
          ]
        : []),
    ];
  }

  function items(target: CanvasTarget): { label: string; list: Item[] } {
    if (target.type === 'node')
      return { label: `Actions for ${name(target.id)}`, list: nodeItems(target.id) };
    if (target.type === 'edge') {
      const r = view().relationships[target.id];
      const label = r
        ? `Actions for ${name(r.fromId)} ${words(r.type)} ${name(r.toId)}`
        : 'Relationship actions';
      return { label, list: edgeItems(target.id) };
    }
    return { label: 'Canvas actions', list: backgroundItems() };
  }

  const buttons = (): HTMLButtonElement[] => [
    ...root.querySelectorAll<HTMLButtonElement>('[role="menuitem"]'),
  ];

  function close(restoreFocus = true): void {
    if (root.hidden) return;
    root.hidden = true;
    replaceChildren(root);
    opener?.setAttribute('aria-expanded', 'false');
    if (restoreFocus) (opener ?? null)?.focus();
    if (restoreFocus && !opener) hooks.returnFocus();
    opener = null;
  }

  function open(target: CanvasTarget, at: { x: number; y: number }, from?: HTMLElement): void {
    const v = view();
    // Right-clicking an entity outside the selection selects it (and what it offers is about it alone).
    if (target.type === 'node' && !v.selectedIds.includes(target.id))
      commands.dispatch('select', { type: 'node', id: target.id });
    if (target.type === 'edge' && v.selection?.id !== target.id)
      commands.dispatch('select', { type: 'edge', id: target.id });
    const { label, list } = items(target);
    if (list.length === 0) return;
    opener = from ?? null;
    opener?.setAttribute('aria-expanded', 'true');
    root.setAttribute('aria-label', label);
    replaceChildren(
      root,
      ...list.map((item) =>
        h(
          'button',
          {
            attrs: { type: 'button', role: 'menuitem', tabindex: -1, id: item.id },
            on: {
              click: () => {
                close();
                item.run();
              },
            },
          },
          item.label,
        ),
      ),
    );
    root.hidden = false;
    // Inside the window, even when opened near an edge.
    const box = root.getBoundingClientRect();
    root.style.left = `${Math.max(4, Math.min(at.x, window.innerWidth - box.width - 4))}px`;
    root.style.top = `${Math.max(4, Math.min(at.y, window.innerHeight - box.height - 4))}px`;
    buttons()[0]?.focus();
  }

  root.addEventListener('keydown', (event) => {
    const list = buttons();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (index: number) => {
      event.preventDefault();
      list[(index + list.length) % list.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(list.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') close(false);
  });
  // A press anywhere else closes it (without taking focus away from where the user clicked).
  document.addEventListener('pointerdown', (event) => {
    if (!root.hidden && !root.contains(event.target as Node)) {
      opener = null;
      close(false);
    }
  });
  store.subscribe((state, previous) => {
    // What the menu was about may have gone (an undo, a restore): do not leave stale actions open.
    if (!root.hidden && state.history.present.entities !== previous.history.present.entities) close(false);
  });

  return { open, close: () => close() };
}
