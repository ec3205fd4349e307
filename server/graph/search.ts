// Turns user search text into a Lucene query for the full-text index. Only letters and digits survive
// tokenisation, so no Lucene operator, wildcard or field syntax from the user can reach the parser.
const KOREAN_PARTICLES = [
  '에서는',
  '으로는',
  '에게서',
  '께서는',
  '이라는',
  '에서',
  '으로',
  '에게',
  '께서',
  '한테',
  '까지',
  '부터',
  '처럼',
  '보다',
  '이나',
  '라는',
  '이',
  '가',
  '은',
  '는',
  '을',
  '를',
  '의',
  '와',
  '과',
  '도',
  '에',
  '로',
  '만',
  '랑',
];

const HANGUL = /\p{Script=Hangul}/u;

export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 12);
}

/** The word without a trailing Korean particle ("메타가" → "메타"), or null when none is attached. */
export function stripParticle(word: string): string | null {
  if (!HANGUL.test(word)) return null;
  for (const particle of KOREAN_PARTICLES) {
    if (word.length > particle.length + 1 && word.endsWith(particle)) return word.slice(0, -particle.length);
  }
  return null;
}

/** The 19 initial consonants of Hangul syllables, in Unicode order (가 = ㄱ, 까 = ㄲ, 나 = ㄴ …). */
export const CHOSEONG = [...'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ'];
/** The first syllable of each initial: a syllable's initial is the last bound it sorts after. */
export const CHOSEONG_BOUNDS = CHOSEONG.map((_, i) => String.fromCharCode(0xac00 + i * 588));

/** "ㅈㅋㅂㄱ" → "ㅈㅋㅂㄱ" (spaces removed) when the text is initial consonants only, else null. */
export function choseongPattern(text: string): string | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length < 2 || compact.length > 20) return null;
  return [...compact].every((ch) => CHOSEONG.includes(ch)) ? compact : null;
}

/** Latin words long enough for a typo to be told from another word ("zuckerburg" → zuckerberg). */
function fuzzyTerms(tokens: string[]): string[] {
  return tokens
    .filter((t) => /^[a-z]+$/.test(t) && t.length >= 5)
    .map((t) => `${t}~${t.length >= 8 ? 2 : 1}`);
}

export interface SearchQuery {
  lucene: string;
  /** Lowercased forms that count as an exact name or alias match. */
  forms: string[];
}

/** The forms of one word: itself, its stem without a particle, and as a prefix when still being typed. */
function wordForms(token: string, isLast: boolean): string[] {
  const stem = stripParticle(token);
  const words = stem ? [token, stem] : [token];
  return words.flatMap((w) => (isLast ? [w, `${w}*`] : [w]));
}

/**
 * The Lucene query of the claim search (cypher/search-claims.cypher) over evidence quotes and their
 * translations: every word must occur in the quote or its translation (a claim is read for all of its
 * words, "600,000 chips"), the quote ranked first; null when the text holds no letters or digits.
 */
export function buildClaimQuery(text: string): string | null {
  // Figures keep their separators ("600,000" is one word to the analyzer); `,` and `.` are no Lucene syntax.
  const tokens = (text.toLowerCase().match(/\d+(?:[.,]\d+)+|[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
  if (tokens.length === 0) return null;
  return tokens
    .map((token, index) => {
      const group = `(${[...new Set(wordForms(token, index === tokens.length - 1))].join(' ')})`;
      return `+(quote:${group}^2 translation:${group})`;
    })
    .join(' ');
}

/** Null when the text holds no letters or digits (nothing to search for). */
export function buildSearchQuery(text: string): SearchQuery | null {
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  const words = tokens.map((token) => {
    const stem = stripParticle(token);
    return stem ? [token, stem] : [token];
  });
  const wholeTerms = [...new Set(words.flat())];
  // The last word is still being typed: names and aliases match it as a prefix too (typeahead).
  // Descriptions match whole words only: a two-letter prefix matches some word in nearly every
  // description, which made the worst prefixes read the whole index and rank noise.
  const typed = [...new Set([...wholeTerms, ...words[words.length - 1]!.map((w) => `${w}*`)])];
  const names = `(${typed.join(' ')})`;
  const description = `(${wholeTerms.join(' ')})`;
  // Typo tolerance: edit-distance matches of Latin names and aliases, ranked below real matches.
  const fuzzy = fuzzyTerms(tokens);
  const typos = fuzzy.length ? ` name:(${fuzzy.join(' ')})^1.5 aliasText:(${fuzzy.join(' ')})` : '';
  const lucene = `name:${names}^4 nameKo:${names}^4 aliasText:${names}^3 description:${description}${typos}`;
  const whole = tokens.join(' ');
  const spaced = text.trim().toLowerCase();
  const forms = new Set([spaced, whole]);
  const lastStem = stripParticle(tokens[tokens.length - 1]!);
  if (lastStem) forms.add([...tokens.slice(0, -1), lastStem].join(' '));
  return { lucene, forms: [...forms].filter(Boolean) };
}

/** Which field matched best and the text to show for it. */
export function describeMatch(
  entity: { name: string; nameKo: string | null; aliases: string[]; description: string | null },
  text: string,
): { matchedField: string; snippet: string } {
  // An exact name or alias match (what ranked the entity first) beats a word shared with another field:
  // "William Cho" matched the alias, not the name "Cho Joo-wan".
  const forms = new Set(buildSearchQuery(text)?.forms ?? []);
  const exact = (value: string | null) => value !== null && forms.has(value.trim().toLowerCase());
  if (exact(entity.name)) return { matchedField: 'name', snippet: entity.name };
  if (exact(entity.nameKo)) return { matchedField: 'nameKo', snippet: entity.nameKo! };
  const exactAlias = entity.aliases.find((a) => exact(a));
  if (exactAlias) return { matchedField: 'alias', snippet: exactAlias };
  const tokens = tokenize(text).flatMap((t) => [t, stripParticle(t)].filter((x): x is string => Boolean(x)));
  const hit = (value: string | null) => value !== null && tokens.some((t) => value.toLowerCase().includes(t));
  if (hit(entity.name)) return { matchedField: 'name', snippet: entity.name };
  if (hit(entity.nameKo)) return { matchedField: 'nameKo', snippet: entity.nameKo! };
  const alias = entity.aliases.find((a) => hit(a));
  if (alias) return { matchedField: 'alias', snippet: alias };
  if (entity.description && hit(entity.description)) {
    const lower = entity.description.toLowerCase();
    const at = Math.max(0, Math.min(...tokens.map((t) => lower.indexOf(t)).filter((i) => i >= 0)) - 40);
    const slice = entity.description.slice(at, at + 120);
    return {
      matchedField: 'description',
      snippet: `${at > 0 ? '…' : ''}${slice}${at + 120 < entity.description.length ? '…' : ''}`,
    };
  }
  return { matchedField: 'name', snippet: entity.nameKo ? `${entity.name} · ${entity.nameKo}` : entity.name };
}
