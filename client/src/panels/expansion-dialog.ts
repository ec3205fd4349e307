// Preview before expanding: how many neighbours each relationship type would add and how many of each
// kind, which types and kinds to take ("only" picks one), and a cap (with "show more") so a hub cannot
// flood the canvas.
import type { AppState } from '../state/app-state.ts';
import { DEFAULT_EXPANSION_CAP, MAX_EXPANSION_CAP, type Commands } from '../state/commands.ts';
import type { Store } from '../state/store.ts';
import { h, replaceChildren } from './dom.ts';

export function mountExpansionDialog(
  dialog: HTMLDialogElement,
  store: Store<AppState>,
  commands: Commands,
): void {
  let cap = DEFAULT_EXPANSION_CAP;
  dialog.addEventListener('close', () => commands.closeExpansion());

  function render(state: AppState): void {
    const preview = state.ui.preview;
    if (!preview) {
      if (dialog.open) dialog.close();
      return;
    }
    const entity = state.history.present.entities[preview.id];
    const title = h('h2', { attrs: { id: 'expand-title' } }, `Expand ${entity?.name ?? preview.id}`);
    if (preview.loading || !preview.preview) {
      replaceChildren(dialog, title, h('p', { attrs: { role: 'status' } }, 'Counting neighbours…'));
    } else {
      const p = preview.preview;
      const types = [...new Set(p.groups.map((g) => g.type))];
      const boxes = p.groups.map((g) =>
        h('input', {
          attrs: { type: 'checkbox', checked: true, 'data-type': g.type, id: `exp-${g.type}-${g.direction}` },
        }),
      );
      const kindBoxes = p.kinds.map((k) =>
        h('input', {
          attrs: { type: 'checkbox', checked: true, 'data-kind': k.kind, id: `exp-kind-${k.kind}` },
        }),
      );
      /** "Only": this box checked, the others of its list cleared. */
      const only = (list: HTMLInputElement[], chosen: HTMLInputElement, what: string) =>
        h(
          'button',
          {
            class: 'link only',
            attrs: { type: 'button', 'aria-label': `Only ${what}`, 'data-only': chosen.id },
            on: {
              click: () => {
                for (const box of list) box.checked = box === chosen;
                chosen.focus();
              },
            },
          },
          'only',
        );
      const capInput = h('input', {
        attrs: {
          type: 'number',
          min: 1,
          max: MAX_EXPANSION_CAP,
          value: cap,
          id: 'expand-cap',
          class: 'narrow',
        },
      });
      const submit = (extra = 0) => {
        const asked = Math.max(1, Number(capInput.value) || DEFAULT_EXPANSION_CAP) + extra;
        cap = Math.min(asked, MAX_EXPANSION_CAP);
        const chosen = [...new Set(boxes.filter((b) => b.checked).map((b) => b.dataset.type ?? ''))].filter(
          Boolean,
        );
        const kinds = kindBoxes.filter((b) => b.checked).map((b) => b.dataset.kind ?? '');
        void commands.expand(
          preview.id,
          chosen.length === types.length ? null : chosen,
          cap,
          kinds.length === kindBoxes.length ? null : kinds,
        );
      };
      replaceChildren(
        dialog,
        title,
        p.total === 0
          ? h('p', {}, 'No neighbours beyond what is already on the canvas.')
          : h('p', {}, `${p.total} new neighbour${p.total === 1 ? '' : 's'} available.`),
        p.groups.length
          ? h(
              'fieldset',
              {},
              h('legend', {}, 'Relationship types'),
              ...p.groups.map((g, i) => {
                const box = boxes[i] as HTMLInputElement;
                const words = `${g.direction === 'OUT' ? '→' : '←'} ${g.type.replace(/_/g, ' ').toLowerCase()}`;
                return h(
                  'div',
                  { class: 'check-row' },
                  box,
                  h(
                    'label',
                    { attrs: { for: box.id } },
                    `${words} `,
                    h('span', { class: 'count' }, `(${g.count})`),
                  ),
                  only(boxes, box, words.slice(2)),
                );
              }),
            )
          : null,
        p.kinds.length
          ? h(
              'fieldset',
              { attrs: { id: 'expand-kinds' } },
              h('legend', {}, 'Neighbours by kind'),
              ...p.kinds.map((k, i) => {
                const box = kindBoxes[i] as HTMLInputElement;
                return h(
                  'div',
                  { class: 'check-row' },
                  box,
                  h(
                    'label',
                    { attrs: { for: box.id } },
                    `${k.kind} `,
                    h('span', { class: 'count' }, `(${k.count})`),
                  ),
                  only(kindBoxes, box, `${k.kind} neighbours`),
                );
              }),
            )
          : null,
        h(
          'div',
          { class: 'check-row' },
          h('label', { attrs: { for: 'expand-cap' } }, 'Show at most '),
          capInput,
        ),
        h(
          'div',
          { class: 'button-row' },
          h(
            'button',
            { class: 'primary', attrs: { id: 'expand-confirm' }, on: { click: () => submit() } },
            'Expand',
          ),
          p.total > cap
            ? h(
                'button',
                { on: { click: () => submit(DEFAULT_EXPANSION_CAP) } },
                `Show more (+${DEFAULT_EXPANSION_CAP})`,
              )
            : null,
          h('button', { on: { click: () => dialog.close() } }, 'Cancel'),
        ),
      );
    }
    if (!dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('#expand-confirm')?.focus();
    } else if (!preview.loading) dialog.querySelector<HTMLElement>('#expand-confirm')?.focus();
  }

  store.subscribe((state, previous) => {
    if (state.ui.preview !== previous.ui.preview) render(state);
  });
}
