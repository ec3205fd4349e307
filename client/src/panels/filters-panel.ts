// Filters over what is on the canvas. They act on each piece of evidence (as the server's do): minimum
// certainty, minimum source reliability, a time bar over event time or report time (histogram, typed
// dates, include-undated switch), an "as of" report date, kinds and a searchable, grouped list of
// relationship types; what they hide is counted, and orphans can be hidden too. The panel is redrawn on
// every change, and keyboard focus (and the type search text) survive the redraw.
import type { Certainty, Clock, SourceReliability } from '../state/domain.ts';
import type { AppState } from '../state/app-state.ts';
import type { Commands } from '../state/commands.ts';
import { CERTAINTY_ORDER, RELIABILITY_ORDER, type GraphView } from '../state/model.ts';
import type { Store } from '../state/store.ts';
import {
  hiddenCounts,
  kindsOnCanvas,
  reportDates,
  timeCounts,
  timeDomain,
  typesOnCanvas,
} from '../state/visible.ts';
import { RELIABILITY_WORDS } from './details-panel.ts';
import { h, replaceChildren } from './dom.ts';
import { radioGroup } from './radio-group.ts';

const toggle = (list: readonly string[], item: string, on: boolean): string[] =>
  on ? list.filter((x) => x !== item) : [...list, item];
const words = (type: string) => type.replace(/_/g, ' ').toLowerCase();
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SVG = 'http://www.w3.org/2000/svg';

export function mountFiltersPanel(root: HTMLElement, store: Store<AppState>, commands: Commands): void {
  let typeQuery = '';

  function kindGroup(view: GraphView): HTMLElement | null {
    const kinds = kindsOnCanvas(view);
    if (kinds.length === 0) return null;
    const hidden = view.filter.hiddenKinds;
    return h(
      'fieldset',
      {},
      h('legend', {}, 'Kinds'),
      ...kinds.map((kind) => {
        const id = `f-kind-${kind}`;
        return h(
          'div',
          { class: 'check-row' },
          h('input', {
            attrs: { type: 'checkbox', id, checked: !hidden.includes(kind) },
            on: {
              change: (e) =>
                commands.dispatch('setFilter', {
                  hiddenKinds: toggle(hidden, kind, (e.target as HTMLInputElement).checked),
                }),
            },
          }),
          h('label', { attrs: { for: id } }, kind),
        );
      }),
    );
  }

  /** Relationship types grouped by the kinds they join, searchable, with all / none / only. */
  function typeList(view: GraphView): HTMLElement | null {
    const types = typesOnCanvas(view);
    if (types.length === 0) return null;
    const hidden = view.filter.hiddenTypes;
    const counts = new Map<string, number>();
    const groupOf = new Map<string, string>();
    for (const r of Object.values(view.relationships)) {
      counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
      if (!groupOf.has(r.type)) {
        const a = view.entities[r.fromId]?.kind ?? '?';
        const b = view.entities[r.toId]?.kind ?? '?';
        groupOf.set(r.type, `${a} → ${b}`);
      }
    }
    const q = typeQuery.trim().toLowerCase();
    const shown = types.filter((t) => !q || words(t).includes(q));
    const groups = new Map<string, string[]>();
    for (const t of shown) {
      const g = groupOf.get(t) ?? 'Other';
      groups.set(g, [...(groups.get(g) ?? []), t]);
    }
    const set = (hiddenTypes: string[]) => commands.dispatch('setFilter', { hiddenTypes });
    const search = h('input', {
      attrs: {
        id: 'type-search',
        type: 'search',
        placeholder: 'Find a type…',
        value: typeQuery,
        'aria-label': 'Find a relationship type',
        autocomplete: 'off',
      },
      on: {
        input: (e) => {
          typeQuery = (e.target as HTMLInputElement).value;
          render(store.getState().history.present);
        },
      },
    });
    return h(
      'fieldset',
      { class: 'type-list' },
      h(
        'legend',
        {},
        `Relationship types (${types.length - hidden.filter((t) => types.includes(t)).length} of ${types.length} shown)`,
      ),
      search,
      h(
        'div',
        { class: 'button-row compact' },
        h('button', { attrs: { id: 'types-all', type: 'button' }, on: { click: () => set([]) } }, 'All'),
        h(
          'button',
          { attrs: { id: 'types-none', type: 'button' }, on: { click: () => set([...types]) } },
          'None',
        ),
      ),
      h(
        'div',
        { class: 'type-groups' },
        shown.length === 0 ? h('p', { class: 'muted' }, 'No type matches.') : null,
        ...[...groups.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([group, list]) =>
            h(
              'div',
              { class: 'type-group', attrs: { role: 'group', 'aria-label': group } },
              h('p', { class: 'type-group-title' }, group),
              ...list.map((type) => {
                const id = `f-type-${type}`;
                return h(
                  'div',
                  { class: 'check-row' },
                  h('input', {
                    attrs: { type: 'checkbox', id, checked: !hidden.includes(type) },
                    on: { change: (e) => set(toggle(hidden, type, (e.target as HTMLInputElement).checked)) },
                  }),
                  h(
                    'label',
                    { attrs: { for: id } },
                    words(type),
                    h('span', { class: 'count' }, ` ${counts.get(type) ?? 0}`),
                  ),
                  h(
                    'button',
                    {
                      class: 'link only',
                      attrs: { type: 'button', id: `f-only-${type}`, 'aria-label': `Only ${words(type)}` },
                      on: { click: () => set(types.filter((t) => t !== type)) },
                    },
                    'only',
                  ),
                );
              }),
            ),
          ),
      ),
    );
  }

  /** Bars of dated items per month (or per day over short spans), the window shaded. */
  function histogram(view: GraphView, clock: Clock, days: string[]): SVGSVGElement | null {
    const counts = timeCounts(view, clock);
    if (counts.size === 0 || days.length < 2) return null;
    const first = days[0] as string;
    const last = days[days.length - 1] as string;
    const spanDays = (Date.parse(last) - Date.parse(first)) / 864e5;
    const bucket = (d: string) => (spanDays > 120 ? d.slice(0, 7) : d);
    const buckets = new Map<string, number>();
    for (const [d, n] of counts) buckets.set(bucket(d), (buckets.get(bucket(d)) ?? 0) + n);
    const keys = [...buckets.keys()].sort();
    const max = Math.max(...buckets.values());
    const W = 236;
    const H = 40;
    const x = (d: string) =>
      spanDays === 0
        ? W / 2
        : ((Date.parse(d.length === 7 ? `${d}-01` : d) - Date.parse(first)) / 864e5 / spanDays) * (W - 6) + 3;
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', String(W));
    svg.setAttribute('height', String(H));
    svg.setAttribute('class', 'histogram');
    svg.setAttribute('aria-hidden', 'true');
    const { from, to } = view.filter.time;
    if (from || to) {
      const shade = document.createElementNS(SVG, 'rect');
      const x1 = from ? x(from) : 0;
      const x2 = to ? x(to) : W;
      shade.setAttribute('x', String(Math.max(0, x1 - 2)));
      shade.setAttribute('width', String(Math.max(4, x2 - x1 + 4)));
      shade.setAttribute('y', '0');
      shade.setAttribute('height', String(H));
      shade.setAttribute('fill', '#dbe8f6');
      svg.append(shade);
    }
    for (const k of keys) {
      const bar = document.createElementNS(SVG, 'rect');
      const n = buckets.get(k) ?? 0;
      const bh = Math.max(2, (n / max) * (H - 4));
      bar.setAttribute('x', String(x(k) - 2));
      bar.setAttribute('y', String(H - bh));
      bar.setAttribute('width', '4');
      bar.setAttribute('height', String(bh));
      bar.setAttribute('fill', '#0b5cad');
      svg.append(bar);
    }
    return svg;
  }

  function timeBar(view: GraphView): HTMLElement {
    const { time } = view.filter;
    const days = timeDomain(view, time.clock);
    const clockSwitch = radioGroup<Clock>({
      id: 'time-clock',
      label: 'Which clock',
      options: [
        ['OCCURRED', 'Event time'],
        ['PUBLISHED', 'Report time'],
      ],
      value: time.clock,
      onChange: (clock) => commands.dispatch('setTimeWindow', { clock, from: null, to: null }),
    });
    const commitDates = (from: string | null, to: string | null) => {
      const a = from && to && from > to ? to : from;
      const b = from && to && from > to ? from : to;
      commands.dispatch('setTimeWindow', { clock: time.clock, from: a, to: b });
    };
    const fromDate = h('input', {
      attrs: {
        type: 'date',
        id: 'time-from-date',
        value: time.from ?? '',
        'aria-label': 'Window start date',
      },
    });
    const toDate = h('input', {
      attrs: { type: 'date', id: 'time-to-date', value: time.to ?? '', 'aria-label': 'Window end date' },
    });
    for (const input of [fromDate, toDate])
      input.addEventListener('change', () => {
        const f = DAY.test(fromDate.value) ? fromDate.value : null;
        const t = DAY.test(toDate.value) ? toDate.value : null;
        commitDates(f, t);
      });
    const parts: (HTMLElement | SVGSVGElement | null)[] = [
      h('legend', {}, 'Time'),
      clockSwitch.element,
      histogram(view, time.clock, days),
    ];
    if (days.length >= 2) {
      const last = days.length - 1;
      const fromIndex = time.from
        ? Math.max(
            0,
            days.findIndex((d) => d >= (time.from as string)),
          )
        : 0;
      const toIndexRaw = time.to ? days.findLastIndex((d) => d <= (time.to as string)) : last;
      const toIndex = toIndexRaw < 0 ? last : toIndexRaw;
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
        attrs: {
          type: 'range',
          min: 0,
          max: last,
          value: toIndex,
          id: 'time-to',
          'aria-label': 'Window end',
        },
      });
      const readout = h('output', { attrs: { id: 'time-readout' } });
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
      for (const input of [fromInput, toInput]) {
        input.addEventListener('input', showReadout);
        // Commit on release (or each key step): every drag step would otherwise become an undo step.
        input.addEventListener('change', () => {
          const c = current();
          commitDates(c.full ? null : c.from, c.full ? null : c.to);
        });
      }
      showReadout();
      parts.push(h('div', { class: 'range-pair' }, fromInput, toInput), readout);
    } else parts.push(h('p', { class: 'muted' }, 'Few dated items on the canvas: type the dates.'));
    parts.push(
      h(
        'div',
        { class: 'date-pair' },
        h('label', { attrs: { for: 'time-from-date' } }, 'From'),
        fromDate,
        h('label', { attrs: { for: 'time-to-date' } }, 'To'),
        toDate,
      ),
    );
    if (time.clock === 'OCCURRED')
      parts.push(
        h(
          'div',
          { class: 'check-row' },
          h('input', {
            attrs: { type: 'checkbox', id: 'include-undated', checked: view.filter.includeUndated },
            on: {
              change: (e) =>
                commands.dispatch('setFilter', { includeUndated: (e.target as HTMLInputElement).checked }),
            },
          }),
          h('label', { attrs: { for: 'include-undated' } }, 'Include undated evidence'),
        ),
      );
    if (time.from || time.to)
      parts.push(
        h(
          'button',
          {
            attrs: { type: 'button', id: 'time-clear' },
            on: {
              click: () => commands.dispatch('setTimeWindow', { clock: time.clock, from: null, to: null }),
            },
          },
          'Clear time window',
        ),
      );
    return h('fieldset', { class: 'time-bar' }, ...(parts.filter(Boolean) as HTMLElement[]));
  }

  /** "As of": what had been reported by a day. Relationships appear as their first report is published. */
  function asOfControl(view: GraphView): HTMLElement {
    const dates = reportDates(view);
    const asOf = view.filter.asOf;
    const date = h('input', {
      attrs: { type: 'date', id: 'as-of-date', value: asOf ?? '', 'aria-label': 'As of (report date)' },
      on: {
        change: (e) => {
          const v = (e.target as HTMLInputElement).value;
          commands.dispatch('setFilter', { asOf: DAY.test(v) ? v : null });
        },
      },
    });
    // Stops: just before the first report, each report date, and "now" (no limit).
    const stops: (string | null)[] = [];
    if (dates[0]) {
      const before = new Date(Date.parse(dates[0]) - 864e5).toISOString().slice(0, 10);
      stops.push(before, ...dates);
    }
    stops.push(null);
    const at = Math.max(
      0,
      asOf === null ? stops.length - 1 : stops.findLastIndex((d) => d !== null && d <= asOf),
    );
    const slider = h('input', {
      attrs: {
        type: 'range',
        id: 'as-of',
        min: 0,
        max: stops.length - 1,
        value: at,
        'aria-label': 'As of (report date)',
        'aria-valuetext': asOf ? `reported by ${asOf}` : 'everything reported',
      },
      on: { change: () => commands.dispatch('setFilter', { asOf: stops[Number(slider.value)] ?? null }) },
    });
    return h(
      'fieldset',
      {},
      h('legend', {}, 'As of (report date)'),
      stops.length > 1 ? slider : null,
      h(
        'output',
        { attrs: { id: 'as-of-readout' } },
        asOf ? `What had been reported by ${asOf}` : 'Everything reported so far',
      ),
      h('div', { class: 'inline' }, date),
    );
  }

  function render(view: GraphView): void {
    // Keep the keyboard where it was: the panel is rebuilt, the focused control is found again by id.
    const active = document.activeElement;
    const focusId = active instanceof HTMLElement && root.contains(active) ? active.id : '';
    const caret =
      active instanceof HTMLInputElement && active.type === 'search' ? active.selectionStart : null;
    const f = view.filter;
    const certainty = h(
      'div',
      { class: 'field' },
      h('label', { attrs: { for: 'min-certainty' } }, 'Minimum certainty'),
      h(
        'select',
        {
          attrs: { id: 'min-certainty', 'aria-label': 'Minimum certainty' },
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
    const reliability = h(
      'div',
      { class: 'field' },
      h('label', { attrs: { for: 'min-reliability' } }, 'Sources at least'),
      h(
        'select',
        {
          attrs: { id: 'min-reliability' },
          on: {
            change: (e) =>
              commands.dispatch('setFilter', {
                minReliability: (e.target as HTMLSelectElement).value as SourceReliability,
              }),
          },
        },
        ...RELIABILITY_ORDER.slice()
          .reverse()
          .map((g) =>
            h(
              'option',
              { attrs: { value: g, selected: f.minReliability === g } },
              g === 'F' ? 'Any source (incl. unrated)' : `${g} — ${RELIABILITY_WORDS[g].toLowerCase()}`,
            ),
          ),
      ),
    );
    const hidden = hiddenCounts(view);
    const summary = h(
      'p',
      { class: 'hidden-count', attrs: { id: 'filters-hidden', role: 'status' } },
      hidden.edges || hidden.nodes || hidden.evidence
        ? `Hidden by filters: ${hidden.edges} relationship${hidden.edges === 1 ? '' : 's'}, ${hidden.nodes} entit${hidden.nodes === 1 ? 'y' : 'ies'}, ${hidden.evidence} more quote${hidden.evidence === 1 ? '' : 's'}.`
        : 'Nothing hidden by filters.',
    );
    replaceChildren(
      root,
      summary,
      certainty,
      reliability,
      timeBar(view),
      asOfControl(view),
      h(
        'div',
        { class: 'check-row' },
        h('input', {
          attrs: { type: 'checkbox', id: 'hide-orphans', checked: f.hideOrphans },
          on: {
            change: (e) =>
              commands.dispatch('setFilter', { hideOrphans: (e.target as HTMLInputElement).checked }),
          },
        }),
        h('label', { attrs: { for: 'hide-orphans' } }, 'Hide entities left without relationships'),
      ),
      kindGroup(view),
      typeList(view),
      view.hidden.length
        ? h(
            'button',
            { on: { click: () => commands.dispatch('show', { ids: 'all' }) } },
            `Show ${view.hidden.length} hidden`,
          )
        : null,
    );
    if (focusId) {
      const again = document.getElementById(focusId);
      if (again && root.contains(again)) {
        again.focus();
        if (caret !== null && again instanceof HTMLInputElement) again.setSelectionRange(caret, caret);
      }
    }
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
