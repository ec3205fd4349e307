// occurredAt comes as YYYY, YYYY-MM, YYYY-MM-DD or a range "from/to"; windows compare whole days. The
// parser is the server's own (shared/dates.ts), so the canvas never reads a date the API would refuse.
import { parseOccurredAt } from '../../../shared/dates.ts';

export interface DaySpan {
  from: string;
  to: string;
}

/** The span of days an occurredAt value covers, or null when there is none or it cannot be read. */
export function parseTimeSpan(value: string | null | undefined): DaySpan | null {
  return value ? parseOccurredAt(value.trim()) : null;
}

/** True when the span overlaps the inclusive window [from, to] (null bounds are open). */
export function overlaps(span: DaySpan, from: string | null, to: string | null): boolean {
  return (from === null || span.to >= from) && (to === null || span.from <= to);
}
