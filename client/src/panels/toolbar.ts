// Top toolbar: undo/redo, layout, labels, fit, table toggle. Ctrl-Z / Ctrl-Shift-Z work anywhere outside
// text fields.
import type { AppState } from '../state/app-state.ts';
import type { Commands } from '../state/commands.ts';
import { canRedo, canUndo, redoEffect, undoEffect } from '../state/history.ts';
import { LAYOUT_NAMES, type LabelMode, type LayoutName } from '../state/model.ts';
import { GRAPH_FILE_MAX_BYTES } from '../state/graph-file.ts';
import type { Store } from '../state/store.ts';
import { h, replaceChildren } from './dom.ts';
import { radioGroup } from './radio-group.ts';

export interface ToolbarHooks {
  layoutLabels: Readonly<Record<LayoutName, string>>;
  fit(): void;
  openExport(): void;
  /** Opens the context menu for the selection (or the canvas), under this button. */
  openActions?(button: HTMLElement): void;
  /** Opens the article review (ingest) dialog. */
  openIngest?(): void;
}

const LABEL_MODES: [LabelMode, string][] = [
  ['en', 'EN'],
  ['ko', '한국어'],
  ['both', 'Both'],
];

export function mountToolbar(
  root: HTMLElement,
  store: Store<AppState>,
  commands: Commands,
  hooks: ToolbarHooks,
): void {
  const undoButton = h(
    'button',
    { attrs: { title: 'Undo (Ctrl-Z)', id: 'undo' }, on: { click: () => void commands.undo() } },
    '↶ Undo',
  );
  const redoButton = h(
    'button',
    { attrs: { title: 'Redo (Ctrl-Shift-Z)', id: 'redo' }, on: { click: () => void commands.redo() } },
    '↷ Redo',
  );
  const layoutSelect = h(
    'select',
    {
      attrs: { id: 'layout-select', 'aria-label': 'Layout' },
      on: { change: () => commands.dispatch('setLayout', layoutSelect.value as LayoutName) },
    },
    ...LAYOUT_NAMES.map((name) => h('option', { attrs: { value: name } }, hooks.layoutLabels[name])),
  );
  // One Tab stop: arrow keys move between EN / 한국어 / Both.
  const labelGroup = radioGroup<LabelMode>({
    id: 'label-mode',
    label: 'Label language',
    options: LABEL_MODES,
    value: store.getState().history.present.labelMode,
    onChange: (mode) => commands.dispatch('setLabelMode', mode),
  });
  // Open a Linkage JSON file (Export → Linkage JSON): read here, validated and applied by the state layer.
  const fileInput = h('input', {
    attrs: {
      type: 'file',
      id: 'open-file-input',
      accept: '.json,application/json',
      class: 'visually-hidden',
      tabindex: -1,
      'aria-label': 'Linkage JSON file to open',
    },
    on: {
      change: () => {
        const file = fileInput.files?.[0];
        fileInput.value = '';
        if (file) void openFile(file);
      },
    },
  });
  async function openFile(file: File): Promise<void> {
    if (file.size > GRAPH_FILE_MAX_BYTES) {
      commands.refuseGraphFile(
        file.name,
        `it is ${Math.round(file.size / 2 ** 20)} MB, above the ${GRAPH_FILE_MAX_BYTES / 2 ** 20} MB limit.`,
      );
      return;
    }
    commands.openGraphFile(await file.text(), file.name);
  }
  const openButton = h(
    'button',
    {
      attrs: { id: 'open-file', title: 'Open a Linkage JSON file saved with Export' },
      on: { click: () => fileInput.click() },
    },
    'Open…',
  );
  // Open or closed is part of the view (kept in the URL), so a reload shows the table again.
  const tableButton = h(
    'button',
    {
      attrs: { 'aria-pressed': false, 'aria-controls': 'table-region', id: 'table-toggle' },
      on: {
        click: () => commands.dispatch('setTableOpen', !store.getState().history.present.tableOpen),
      },
    },
    'Table',
  );
  const actionsButton = hooks.openActions
    ? h(
        'button',
        {
          attrs: {
            id: 'actions-open',
            'aria-haspopup': 'menu',
            'aria-expanded': false,
            title: 'Actions for the selection (also: right-click, or Shift+F10 on the canvas)',
          },
          on: { click: () => hooks.openActions?.(actionsButton as HTMLElement) },
        },
        'Actions ▾',
      )
    : null;
  replaceChildren(
    root,
    h('div', { class: 'tool-group' }, undoButton, redoButton, actionsButton),
    h(
      'div',
      { class: 'tool-group' },
      h('label', { attrs: { for: 'layout-select' } }, 'Layout'),
      layoutSelect,
    ),
    h('div', { class: 'tool-group' }, labelGroup.element),
    h(
      'div',
      { class: 'tool-group' },
      h('button', { attrs: { title: 'Fit the graph to the screen' }, on: { click: hooks.fit } }, 'Fit'),
      tableButton,
      openButton,
      fileInput,
      h('button', { attrs: { id: 'export-open' }, on: { click: hooks.openExport } }, 'Export…'),
      hooks.openIngest
        ? h(
            'button',
            {
              attrs: { id: 'ingest-open', title: 'Propose claims from an article' },
              on: { click: hooks.openIngest },
            },
            'Article…',
          )
        : null,
    ),
  );

  function render(state: AppState): void {
    undoButton.disabled = !canUndo(state.history);
    redoButton.disabled = !canRedo(state.history);
    const undoing = undoEffect(state.history);
    const redoing = redoEffect(state.history);
    undoButton.title = undoing ? `Undo the ${undoing.label} on the server (Ctrl-Z)` : 'Undo (Ctrl-Z)';
    redoButton.title = redoing
      ? `Redo the ${redoing.label} on the server (Ctrl-Shift-Z)`
      : 'Redo (Ctrl-Shift-Z)';
    layoutSelect.value = state.history.present.layout;
    tableButton.setAttribute('aria-pressed', String(state.history.present.tableOpen));
    labelGroup.set(state.history.present.labelMode);
  }
  store.subscribe((state, previous) => {
    if (state.history !== previous.history) render(state);
  });
  render(store.getState());

  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
    if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z') return;
    event.preventDefault();
    if (event.shiftKey) void commands.redo();
    else void commands.undo();
  });
}
