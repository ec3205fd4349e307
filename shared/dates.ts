// Shared by the server and the client (pure: no Node or DOM APIs), so both read dates the same way.
// Event time (`occurredAt`) is a date, a month, a year or a range "from/to". Stored with its bounds so
// windows compare as strings: occurredFrom = first day, occurredTo = last day (ISO yyyy-mm-dd).
const PART = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function bounds(part: string): { from: string; to: string } | null {
  const m = PART.exec(part);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (month === undefined) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day === undefined)
    return { from: `${m[1]}-${pad(month)}-01`, to: `${m[1]}-${pad(month)}-${pad(lastDay)}` };
  if (day < 1 || day > lastDay) return null;
  const date = `${m[1]}-${pad(month)}-${pad(day)}`;
  return { from: date, to: date };
}

/** Returns the bounds of a date, month, year or range, or null when the text is not one. */
export function parseOccurredAt(text: string): { from: string; to: string } | null {
  const parts = text.split('/');
  if (parts.length > 2) return null;
  const first = bounds(parts[0]!);
  if (!first) return null;
  if (parts.length === 1) return first;
  const last = bounds(parts[1]!);
  if (!last || last.to < first.from) return null;
  return { from: first.from, to: last.to };
}

export const OCCURRED_AT_HINT = 'use YYYY, YYYY-MM, YYYY-MM-DD or a range like 2024-03-01/2024-03-03';
