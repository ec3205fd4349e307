// Filters over what is on the canvas: kinds, relationship types, minimum certainty, and a time window
// over event time (occurredAt) or report time (publishedAt).
import type { Certainty, Clock } from '../state/domain.ts';
import type { AppState } from '../state/app-state.ts';
import type { Commands } from '../state/commands.ts';
import { CERTAINTY_ORDER, type GraphView } from '../state/model.ts';
import type { Store } from '../state/store.ts';
import { kindsOnCanvas, timeDomain, typesOnCanvas } from '../state/visible.ts';
import { h, replaceChildren } from './dom.ts';

const toggle = (list: readonly string[], item: string, on: boolean): string[] =>
  on ? list.filter((x) => x !== item) : [...list, item];

export function mountFiltersPanel(root: HTMLElement, store: Store<AppState>, commands: Commands): void {
  function checkGroup(
    legend: string,
    items: string[],
    hidden: readonly string[],
    onChange: (next: string[]) => void,
  ) {
    if (items.length === 0) return null;
    return h(
      'fieldset',
      {},
      h('legend', {}, legend),
      ...items.map((item) => {
        const id = `f-${legend}-${item}`.replace(/\W+/g, '-');
        return h(
          'div',
          { class: 'check-row' },
          h('input', {
            attrs: { type: 'checkbox', id, checked: !hidden.includes(item) },
            on: { change: (e) => onChange(toggle(hidden, item, (e.target as HTMLInputElement).checked)) },
          }),
          h('label', { attrs: { for: id } }, item.replace(/_/g, ' ')),
        );
      }),
    );
  }

  function timeSlider(view: GraphView): HTMLElement {
    const { time } = view.filter;
    const days = timeDomain(view, time.clock);
    const clockSwitch = h(
      'div',
      { class: 'segmented', attrs: { role: 'radiogroup', 'aria-label': 'Which clock' } },
      ...(['OCCURRED', 'PUBLISHED'] as Clock[]).map((clock) =>
        h(
          'button',
          {
            attrs: { role: 'radio', 'aria-checked': time.clock === clock },
            on: { click: () => commands.dispatch('setTimeWindow', { clock, from: null, to: null }) },
          },
          clock === 'OCCURRED' ? 'Event time' : 'Report time',
        ),
      ),
    );
    if (days.length < 2) {
      return h(
        'fieldset',
        {},
        h('legend', {}, 'Time'),
        clockSwitch,
        h('p', { class: 'muted' }, 'Not enough dated items on the canvas for a time window.'),
      );
    }
    const last = days.length - 1;
    const fromIndex = time.from
      ? Math.max(
          0,
          days.findIndex((d) => d >= (time.from as string)),
        )
      : 0;
    const toIndexRaw = time.to ? days.findLastIndex((d) => d <= (time.to as string)) : last;
    const toIndex = toIndexRaw < 0 ? last : toIndexRaw;
    const readout = h('output', { attrs: { id: 'time-readout' } });
    const fromInput = h('input', {
      attrs: {
        type: 'range',
        min: 0,
        max: last,
        value: fromIndex,
        id: 'time-from',
        'aria-label': 'Window start',
      },
    });
    const toInput = h('input', {
      attrs: { type: 'range', min: 0, max: last, value: toIndex, id: 'time-to', 'aria-label': 'Window end' },
    });
    const current = () => {
      const a = Math.min(Number(fromInput.value), Number(toInput.value));
      const b = Math.max(Number(fromInput.value), Number(toInput.value));
      return { from: days[a] ?? null, to: days[b] ?? null, full: a === 0 && b === last };
    };
    const showReadout = () => {
      const c = current();
      readout.textContent = `${c.from} – ${c.to}`;
      fromInput.setAttribute('aria-valuetext', c.from ?? '');
      toInput.setAttribute('aria-valuetext', c.to ?? '');
    };
    const commit = () => {
      const c = current();
      commands.dispatch('setTimeWindow', {
        clock: time.clock,
        from: c.full ? null : c.from,
        to: c.full ? null : c.to,
      });
    };
    for (const input of [fromInput, toInput]) {
      input.addEventListener('input', showReadout);
      // Commit on release only: every drag step would otherwise become an undo step.
      input.addEventListener('change', commit);
    }
    showReadout();
    return h(
      'fieldset',
      {},
      h('legend', {}, 'Time'),
      clockSwitch,
      h('div', { class: 'range-pair' }, fromInput, toInput),
      readout,
      time.from || time.to
        ? h(
            'button',
            {
              on: {
                click: () => commands.dispatch('setTimeWindow', { clock: time.clock, from: null, to: null }),
              },
            },
            'Clear time window',
          )
        : null,
    );
  }

  function render(view: GraphView): void {
    const f = view.filter;
    const certainty = h(
      'fieldset',
      {},
      h('legend', {}, 'Minimum certainty'),
      h(
        'select',
        {
          attrs: { 'aria-label': 'Minimum certainty' },
          on: {
            change: (e) =>
              commands.dispatch('setFilter', {
                minCertainty: (e.target as HTMLSelectElement).value as Certainty,
              }),
          },
        },
        ...CERTAINTY_ORDER.slice()
          .reverse()
          .map((c) =>
            h(
              'option',
              { attrs: { value: c, selected: f.minCertainty === c } },
              c === 'SPECULATIVE'
                ? 'All (incl. speculative)'
                : c === 'REPORTED'
                  ? 'Reported or confirmed'
                  : 'Confirmed only',
            ),
          ),
      ),
    );
    replaceChildren(
      root,
      certainty,
      checkGroup('Kinds', kindsOnCanvas(view), f.hiddenKinds, (hiddenKinds) =>
        commands.dispatch('setFilter', { hiddenKinds }),
      ),
      checkGroup('Relationship types', typesOnCanvas(view), f.hiddenTypes, (hiddenTypes) =>
        commands.dispatch('setFilter', { hiddenTypes }),
      ),
      timeSlider(view),
      view.hidden.length
        ? h(
            'button',
            { on: { click: () => commands.dispatch('show', { ids: 'all' }) } },
            `Show ${view.hidden.length} hidden`,
          )
        : null,
    );
  }

  store.subscribe((state, previous) => {
    const v = state.history.present;
    const p = previous.history.present;
    if (
      v.filter !== p.filter ||
      v.entities !== p.entities ||
      v.relationships !== p.relationships ||
      v.hidden !== p.hidden
    )
      render(v);
  });
  render(store.getState().history.present);
}
