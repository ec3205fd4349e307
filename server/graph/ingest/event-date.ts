// The event date a sentence speaks of, resolved against the publication date: "19일", "지난 2013년",
// "지난달", "on Wednesday", "this month", "March 19". Returns occurredAt text (YYYY, YYYY-MM, YYYY-MM-DD)
// or null when the sentence names no time.
import { parseOccurredAt } from '../../../shared/dates.ts';
import type { Language } from './text.ts';

export interface ResolvedDate {
  occurredAt: string;
  /** The words the date was read from. */
  cue: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const month = (y: number, m: number) => {
  const d = new Date(Date.UTC(y, m - 1, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
};
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const valid = (text: string) => (parseOccurredAt(text) ? text : null);

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAYS_EN = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAYS_KO = ['일', '월', '화', '수', '목', '금', '토'];
const MONTH_RE = `(${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?`;

function monthIndex(name: string): number {
  const n = name.toLowerCase().replace('.', '');
  return MONTHS.findIndex((m) => m === n || m.startsWith(n)) + 1;
}

/** The weekday nearest the publication date: the past one unless the text points forward. */
function weekday(pub: Date, day: number, forward: boolean): string {
  const diff = (day - pub.getUTCDay() + 7) % 7;
  return iso(forward ? addDays(pub, diff === 0 ? 7 : diff) : addDays(pub, diff === 0 ? 0 : diff - 7));
}

type Rule = [RegExp, (m: RegExpExecArray, pub: Date) => string | null];

const y = (pub: Date) => pub.getUTCFullYear();
const m = (pub: Date) => pub.getUTCMonth() + 1;

const KOREAN: Rule[] = [
  [/(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일/, (x) => valid(`${x[1]}-${pad(+x[2]!)}-${pad(+x[3]!)}`)],
  [/(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\b/, (x) => valid(`${x[1]}-${pad(+x[2]!)}-${pad(+x[3]!)}`)],
  [/(?<![\d년])(\d{1,2})월\s*(\d{1,2})일/, (x, pub) => valid(`${y(pub)}-${pad(+x[1]!)}-${pad(+x[2]!)}`)],
  [/(\d{4})년\s*(\d{1,2})월/, (x) => valid(`${x[1]}-${pad(+x[2]!)}`)],
  [
    /(오는\s*)?(?<![\d월.])(\d{1,2})일(?!\s*(간|동안|째))/,
    (x, pub) => {
      const day = +x[2]!;
      // A bare day is this month's, unless it would be on the wrong side of the publication date.
      let mm = m(pub);
      let yy = y(pub);
      if (x[1] && day < pub.getUTCDate()) mm += 1;
      if (!x[1] && day > pub.getUTCDate()) mm -= 1;
      const d = new Date(Date.UTC(yy, mm - 1, day));
      if (d.getUTCDate() !== day) return null;
      yy = d.getUTCFullYear();
      return valid(`${yy}-${pad(d.getUTCMonth() + 1)}-${pad(day)}`);
    },
  ],
  [
    /(오는\s*)?(?<![\d.년])(\d{1,2})월(?!\s*\d)/,
    (x, pub) => month(y(pub) + (x[1] && +x[2]! < m(pub) ? 1 : 0), +x[2]!),
  ],
  [/(\d{4})년/, (x) => valid(x[1]!)],
  [/지난달|전달/, (_x, pub) => month(y(pub), m(pub) - 1)],
  [/이달|이번\s*달|금월/, (_x, pub) => month(y(pub), m(pub))],
  [/다음\s*달|내달/, (_x, pub) => month(y(pub), m(pub) + 1)],
  [/지난해|작년/, (_x, pub) => String(y(pub) - 1)],
  [/내년/, (_x, pub) => String(y(pub) + 1)],
  [/올해|금년/, (_x, pub) => String(y(pub))],
  [/어제/, (_x, pub) => iso(addDays(pub, -1))],
  [/오늘/, (_x, pub) => iso(pub)],
  [/내일/, (_x, pub) => iso(addDays(pub, 1))],
  [
    /(지난|오는|다음 주)?\s*([일월화수목금토])요일/,
    (x, pub) => weekday(pub, WEEKDAYS_KO.indexOf(x[2]!), x[1] === '오는' || x[1] === '다음 주'),
  ],
];

const ENGLISH: Rule[] = [
  [/\b(\d{4})-(\d{2})-(\d{2})\b/, (x) => valid(`${x[1]}-${x[2]}-${x[3]}`)],
  [
    new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'i'),
    (x, pub) => valid(`${x[3] ?? y(pub)}-${pad(monthIndex(x[1]!))}-${pad(+x[2]!)}`),
  ],
  [new RegExp(`\\b${MONTH_RE}\\s+(\\d{4})\\b`, 'i'), (x) => valid(`${x[2]}-${pad(monthIndex(x[1]!))}`)],
  [
    /\b(next|last|this)?\s*(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i,
    (x, pub) => weekday(pub, WEEKDAYS_EN.indexOf(x[2]!.toLowerCase()), x[1]?.toLowerCase() === 'next'),
  ],
  [/\byesterday\b/i, (_x, pub) => iso(addDays(pub, -1))],
  [/\btoday\b/i, (_x, pub) => iso(pub)],
  [/\btomorrow\b/i, (_x, pub) => iso(addDays(pub, 1))],
  [/\blast month\b/i, (_x, pub) => month(y(pub), m(pub) - 1)],
  [/\bthis month\b/i, (_x, pub) => month(y(pub), m(pub))],
  [/\bnext month\b/i, (_x, pub) => month(y(pub), m(pub) + 1)],
  [/\blast year\b/i, (_x, pub) => String(y(pub) - 1)],
  [/\bnext year\b/i, (_x, pub) => String(y(pub) + 1)],
  [/\bthis year\b/i, (_x, pub) => String(y(pub))],
  [
    new RegExp(`\\b(?:in|by|since|until|from)\\s+${MONTH_RE}(?!\\s+\\d)`, 'i'),
    (x, pub) => month(y(pub), monthIndex(x[1]!)),
  ],
  [/\b(?:in|since|by|from|until)\s+((?:19|20)\d{2})\b/i, (x) => valid(x[1]!)],
];

/** The first (most specific rule first) date the sentence names, resolved against `publishedAt`. */
export function resolveEventDate(
  sentence: string,
  language: Language,
  publishedAt: string,
): ResolvedDate | null {
  const pub = new Date(`${publishedAt}T00:00:00Z`);
  if (Number.isNaN(pub.getTime())) return null;
  for (const [pattern, resolve] of language === 'ko' ? KOREAN : ENGLISH) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    const occurredAt = resolve(match, pub);
    if (occurredAt) return { occurredAt, cue: match[0].trim() };
  }
  return null;
}
