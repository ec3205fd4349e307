// occurredAt comes as YYYY, YYYY-MM, YYYY-MM-DD or a range "from/to"; windows compare whole days.

export interface DaySpan {
  from: string;
  to: string;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function expand(part: string, end: boolean): string | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(part.trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  if (d && mo) return `${y}-${mo}-${d}`;
  if (mo)
    return end
      ? `${y}-${mo}-${String(lastDayOfMonth(Number(y), Number(mo))).padStart(2, '0')}`
      : `${y}-${mo}-01`;
  return end ? `${y}-12-31` : `${y}-01-01`;
}

/** The span of days an occurredAt value covers, or null when there is none or it cannot be read. */
export function parseTimeSpan(value: string | null | undefined): DaySpan | null {
  if (!value) return null;
  const [start, finish] = value.split('/');
  const from = expand(start ?? '', false);
  const to = expand(finish ?? start ?? '', true);
  return from && to ? { from, to } : null;
}

/** True when the span overlaps the inclusive window [from, to] (null bounds are open). */
export function overlaps(span: DaySpan, from: string | null, to: string | null): boolean {
  return (from === null || span.to >= from) && (to === null || span.from <= to);
}
