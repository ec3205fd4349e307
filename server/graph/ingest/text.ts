// The article as the proposer reads it: validated text (plain or the body of a saved HTML page), its
// language, and its sentences with exact spans. Pure and deterministic; nothing is downloaded.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { badInput } from '../../errors.ts';

export const MAX_ARTICLE_CHARS = 200_000;
export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  text: string;
}

const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, td';

/** True when the text looks like a saved web page rather than article text. */
export function looksLikeHtml(text: string): boolean {
  return (
    /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text) || /<\/(p|div|article)>/i.test(text)
  );
}

/** Rejects what no article is: empty, too long, or binary (NUL or other control bytes, replacement chars). */
export function checkArticleText(text: string): void {
  if (text.trim().length === 0) throw badInput('text is empty; paste the article text or a saved .html page');
  if (text.length > MAX_ARTICLE_CHARS)
    throw badInput(
      `text has ${text.length.toLocaleString('en')} characters, more than ${MAX_ARTICLE_CHARS.toLocaleString('en')}; split the article or paste only its body`,
    );
  // Control characters are what binary looks like once decoded; no article holds them.
  // eslint-disable-next-line no-control-regex
  const control = text.match(/[\u0000-\u0008\u000B\u000E-\u001F\uFFFD]/g)?.length ?? 0;
  if (control > 0 && (text.includes('\u0000') || control / text.length > 0.001))
    throw badInput(
      'text looks binary (NUL, control or undecodable bytes); send the article as UTF-8 text or HTML',
    );
}

/**
 * The article body of a saved page, one block (heading, paragraph, list item) per paragraph. Readability
 * (Firefox Reader View) picks the body over linkedom's DOM; a page without one is refused.
 */
export function extractArticle(html: string): { text: string; title: string | null } {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  const body = article?.content ? parseHTML(`<html><body>${article.content}</body></html>`).document : null;
  const blocks = body
    ? [...body.querySelectorAll(BLOCKS)]
        // A block inside another block (a <p> in a <li> or <blockquote>) is read once, with its parent.
        .filter((el) => !el.parentElement?.closest(BLOCKS))
        .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
        .filter((t) => t.length > 0)
    : [];
  const text = blocks.join('\n\n');
  if (text.replace(/\s/g, '').length < 40)
    throw badInput(
      'the HTML page has no article body that could be found; save the article page itself, or paste its text',
    );
  return { text, title: article?.title?.trim() || null };
}

const ENGLISH_FUNCTION_WORDS = new Set(
  'the an of to in and is are was were for with that by as at from it its has have said will this be which'.split(
    ' ',
  ),
);

/** "ko" or "en" from the script and, for Latin text, English function words; null when neither. */
export function detectLanguage(text: string): Language | null {
  const hangul = text.match(/\p{Script=Hangul}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return null;
  if (hangul / letters >= 0.3) return 'ko';
  if (latin / letters < 0.6) return null;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const functionWords = words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length;
  return functionWords >= 2 && functionWords / words.length >= 0.1 ? 'en' : null;
}

const MONTH_EN =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE_NUMERIC = '\\d{4}[-./]\\s?\\d{1,2}[-./]\\s?\\d{1,2}\\.?(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?';
/**
 * A dateline or byline opening a paragraph: "[서울=뉴스1] 2024-02-27", "(서울=연합뉴스) 홍길동 기자 =",
 * "[칩인사이트 박서준 기자]", "SEOUL, Feb 27 (Reuters) -", "April 18 (Circuit Ledger) -". It says when and
 * where the article was filed, not when anything in the sentence happened, so it is no part of a quote.
 */
const DATELINES: RegExp[] = [
  new RegExp(
    `^(?:\\[[^\\]\\n]{1,60}\\]|\\([^)\\n]{1,30}=[^)\\n]{1,30}\\)(?:\\s*[^\\s=]{1,10}\\s기자\\s*=)?)\\s*(?:${DATE_NUMERIC}\\s*)?`,
  ),
  new RegExp(`^(?:입력|기사입력|등록|송고)?\\s*${DATE_NUMERIC}\\s*`),
  new RegExp(
    `^(?:\\p{Lu}[\\p{Lu}.'’-]*(?:[ /]\\p{Lu}[\\p{Lu}.'’-]*)*,?\\s+)?(?:${MONTH_EN}\\s+\\d{1,2}(?:,\\s*\\d{4})?\\s*)?\\([^)\\n]{1,40}\\)\\s*[-–—]{1,2}\\s*`,
    'u',
  ),
];

/** The length of the dateline or byline that opens this line of text (0 when none). */
export function datelineLength(line: string): number {
  for (const pattern of DATELINES) {
    const match = pattern.exec(line);
    if (match && match[0].trim().length > 0) return match[0].length;
  }
  return 0;
}

/**
 * Sentences (and headline lines) with spans into the text, trimmed of surrounding space. ICU's sentence
 * break splits after a closing quote ("“…다.”라고 밝혔다"); a break not followed by space is undone.
 */
export function splitSentences(text: string, language: Language): Sentence[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const pieces: Span[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const previous = pieces.at(-1);
    const before = previous === undefined ? '' : text.slice(previous.start, previous.end);
    // Initials and abbreviations ("Jay Y. Lee", "C.C. Wei", "Feb. 28", "Mr. Cho") end no sentence.
    const abbreviation =
      /(^|[\s(.])(\p{Lu}|Mr|Ms|Mrs|Dr|Inc|Corp|Co|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|vs)\.\s+$/u;
    const glued =
      previous !== undefined && (!/\s$/.test(before) || (language === 'en' && abbreviation.test(before)));
    if (glued) previous.end = index + segment.length;
    else pieces.push({ start: index, end: index + segment.length });
  }
  const out: Sentence[] = [];
  for (const piece of pieces) {
    // A line break always ends a sentence: headlines and captions carry no final period.
    let cursor = piece.start;
    for (const line of text.slice(piece.start, piece.end).split('\n')) {
      const indent = line.length - line.trimStart().length;
      // A dateline opening a line is cut off its sentence.
      const lineStart = cursor !== piece.start || piece.start === 0 || text[piece.start - 1] === '\n';
      const dateline = lineStart ? datelineLength(line.trimStart()) : 0;
      const lead = indent + dateline;
      const trimmed = line.slice(lead).trim();
      if (trimmed.length > 0) {
        const start = cursor + lead;
        out.push({ start, end: start + trimmed.length, text: trimmed });
      }
      cursor += line.length + 1;
    }
  }
  return out;
}
