// Certainty shown as a word plus a line sample, never colour alone.
import type { Certainty } from '../state/domain.ts';
import { h } from './dom.ts';

const LABELS: Record<Certainty, string> = {
  CONFIRMED: 'Confirmed',
  REPORTED: 'Reported',
  SPECULATIVE: 'Speculative',
};

export function certaintyBadge(certainty: Certainty): HTMLElement {
  return h(
    'span',
    { class: `badge badge-${certainty.toLowerCase()}`, attrs: { title: `Certainty: ${LABELS[certainty]}` } },
    h('span', { class: 'badge-line', attrs: { 'aria-hidden': 'true' } }),
    LABELS[certainty],
  );
}
