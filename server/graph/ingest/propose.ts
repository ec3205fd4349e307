// The proposer: from an article and the graph's gazetteer to proposed entities and claims. Pure and
// deterministic (the same text, source and gazetteer give the same proposal); writes nothing.
import crypto from 'node:crypto';
import { romanize } from 'es-hangul';
import { badInput } from '../../errors.ts';
import { slugify } from '../inputs.ts';
import type { Certainty, Stance } from '../model.ts';
import type { SourceFields } from '../records.ts';
import {
  certaintyOf,
  MEDIA_NAME,
  relationCues,
  SPEECH_KO,
  stanceOf,
  titleType,
  type RelationCue,
} from './cues.ts';
import { clauseFallbackClaims } from './clauses.ts';
import { resolveEventDate } from './event-date.ts';
import { findMentions, type Gazetteer, type Mention } from './mentions.ts';
import {
  checkArticleText,
  detectLanguage,
  extractArticle,
  LANGUAGES,
  looksLikeHtml,
  splitSentences,
  type Language,
  type Sentence,
  type Span,
} from './text.ts';

export interface ArticleSource {
  title: string;
  publisher: string;
  author?: string | null;
  publishedAt: string;
  language?: string | null;
  url?: string | null;
}

export interface DraftEntity {
  key: string;
  entityId: string | null;
  name: string;
  nameKo: string | null;
  kind: string;
  mentions: Span[];
  confidence: number;
}

export interface DraftClaim {
  id: string;
  type: string;
  fromKey: string;
  toKey: string;
  quote: string;
  span: Span;
  translation: string | null;
  attributedTo: string;
  certainty: Certainty;
  /** DENIES when the sentence says the claim is untrue ("부인했다", "denied"). */
  stance: Stance;
  cue: string | null;
  occurredAt: string | null;
  confidence: number;
}

export interface ProposalDraft {
  text: string;
  format: 'TEXT' | 'HTML';
  language: Language;
  source: SourceFields & { publishedAt: string };
  entities: DraftEntity[];
  claims: DraftClaim[];
}

const hash = (...parts: string[]) =>
  crypto.createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 10);

/** A slug for any name: Korean is romanised ("SK하이닉스" → "skhainikseu"), never a time-based id. */
export function slugFor(name: string): string {
  const latin = /\p{Script=Hangul}/u.test(name) ? romanize(name) : name;
  const slug = slugify(latin);
  return slug.startsWith('entity-') && !/^entity/i.test(latin) ? `entity-${hash(name).slice(0, 8)}` : slug;
}

/** The source's id: the same article (publisher, date, title, url) always gets the same id. */
export function sourceIdFor(source: ArticleSource): string {
  return `${slugFor(source.publisher).slice(0, 40)}-${source.publishedAt}-${hash(source.title, source.url ?? '')}`.replace(
    /-+/g,
    '-',
  );
}

export const keyOf = (m: Mention) => m.entity?.id ?? `new-${slugFor(m.name)}`;

const SUBJECT_KO = new Set(['은', '는', '이', '가', '도', '께서', '께서는', '에서는', '측은']);
// A title may carry its Latin gloss before the particle: "최고경영자(CEO)와".
const TITLE_AFTER =
  /^ (부회장|회장|CEO|최고경영자|사장|대표이사|대표|창업자|부사장)(?:\([A-Z]{2,4}\))?(\p{Script=Hangul}*)/u;

/** The particle that marks the mention's role, also when a title sits in between ("조주완 사장을" → "을"). */
function roleParticle(text: string, m: Mention): string {
  if (m.particle) return m.particle;
  const title = TITLE_AFTER.exec(text.slice(m.end, m.end + 12));
  if (title) return title[2]!;
  // The head of a noun phrase carries the particle: "HBM3E 12단 제품을", "XR) 기기를".
  const phrase = /^\)?( [\p{L}\p{N}]+?){1,2}?(을|를|와|과)(?=[\s,.])/u.exec(text.slice(m.end, m.end + 16));
  if (phrase) return phrase[2]!;
  // "엔비디아 등 주요 고객사와": the first of a list closed by 등 takes the list's particle.
  const list = /^ 등( [\p{L}\p{N}]+?){0,2}?(을|를|와|과|에)(?=[\s,.])/u.exec(text.slice(m.end, m.end + 20));
  return list ? list[2]! : '';
}

/** A word marked with 의 modifies the next one ("애플의 비전 프로"): it is neither end of a claim. */
const modifier = (m: Mention) => m.particle.endsWith('의');

function kindOk(kinds: string[] | undefined, m: Mention) {
  return !kinds || kinds.length === 0 || kinds.includes(m.kind);
}

interface Attribution {
  name: string;
  mention: Mention | null;
  /** A news outlet or analyst quoted as a source, not a party to the claim. */
  reporter: boolean;
}

function attributionOf(
  sentence: Sentence,
  ms: Mention[],
  language: Language,
  text: string,
): Attribution | null {
  const label = (m: Mention) => m.entity?.name ?? m.name;
  const reporter = (m: Mention) => MEDIA_NAME.test(`${m.name} ${m.surface} ${m.entity?.nameKo ?? ''}`);
  if (language === 'ko') {
    const according = /(\S+)\s?에 따르면|(\S+)에 따르면/.exec(sentence.text);
    if (according) {
      const at = sentence.start + according.index;
      const cueAt = at + according[0].search(/\s?에 따르면$/);
      // The source is the name that ends right before "에 따르면", however many words it has
      // ("카운터포인트 리서치에 따르면").
      const m = ms.find((x) => x.end === cueAt && x.start < cueAt);
      if (m) return { name: label(m), mention: m, reporter: true };
      return { name: (according[1] ?? according[2] ?? '').replace(/에$/, ''), mention: null, reporter: true };
    }
    // "블룸버그 통신도 “…”라고 했다", "LG는 “…”고 밝혔다": the speaker stands before the opening quote.
    const open = sentence.text.search(/[“"]/);
    if (open >= 0 || SPEECH_KO.test(sentence.text)) {
      const limit = sentence.start + (open >= 0 ? open : 40);
      const speaker = ms.find(
        (m) =>
          (m.kind === 'Organization' || m.kind === 'Person') &&
          m.end <= limit &&
          (SUBJECT_KO.has(roleParticle(text, m)) ||
            /^ (역시|또한|측은|측도)/.test(text.slice(m.end, m.end + 4))),
      );
      if (speaker) return { name: label(speaker), mention: speaker, reporter: reporter(speaker) };
    }
    return null;
  }
  const according = /\baccording to\s+/i.exec(sentence.text);
  if (according) {
    const at = sentence.start + according.index + according[0].length;
    const m = ms.find((x) => x.start >= at && x.start <= at + 5);
    if (m) return { name: label(m), mention: m, reporter: true };
  }
  for (const verb of sentence.text.matchAll(
    /\b(said|says|announced|reported|told|confirmed|stated|denied|denies)\b/gi,
  )) {
    const at = sentence.start + verb.index;
    const before = [...ms].reverse().find((m) => m.end <= at && at - m.end <= 3);
    if (before && (before.kind === 'Organization' || before.kind === 'Person'))
      return {
        name: label(before),
        mention: before,
        reporter: reporter(before) || /reported/i.test(verb[0]),
      };
    const after = ms.find((m) => m.start >= at + verb[0].length && m.start - (at + verb[0].length) <= 2);
    if (after && (after.kind === 'Organization' || after.kind === 'Person'))
      return { name: label(after), mention: after, reporter: reporter(after) };
  }
  if (/\bpeople familiar with\b/i.test(sentence.text))
    return { name: 'people familiar with the matter', mention: null, reporter: true };
  return null;
}

function pronounMentions(text: string, language: Language, mentions: Mention[]): Mention[] {
  const people = mentions.filter((m) => m.kind === 'Person');
  const pattern =
    language === 'ko'
      ? /(?<![\p{L}\p{N}])그(는|가|의|를|와|도|에게)(?![\p{L}\p{N}])/gu
      : /\b([Hh]e|[Ss]he)\b/g;
  const out: Mention[] = [];
  for (const match of text.matchAll(pattern)) {
    // The last person named as a subject ("저커버그는"), else the last person named at all.
    const earlier = people.filter((p) => p.end <= match.index).reverse();
    const antecedent =
      earlier.find((p) =>
        language === 'ko'
          ? SUBJECT_KO.has(p.particle)
          : /^\s+(said|says|has|had|is|was|will|met|visited)\b/.test(text.slice(p.end, p.end + 12)),
      ) ?? earlier[0];
    if (!antecedent) continue;
    out.push({
      ...antecedent,
      start: match.index,
      end: match.index + (language === 'ko' ? 1 : match[0].length),
      surface: match[0],
      particle: language === 'ko' ? match[1]! : '',
      confidence: antecedent.confidence * 0.85,
    });
  }
  return out;
}

interface ClaimSeed {
  type: string;
  from: Mention;
  to: Mention;
  confidence: number;
  /** Titles are stated as fact whatever the sentence's hedge ("메타 CEO 마크 저커버그"). */
  fact?: boolean;
  /** Inferred from another claim (a supplier makes what it supplies): not proposed when that claim is denied. */
  derived?: boolean;
  /** Read from a clause that describes a noun as known ("지난해 출시한 퀘스트 3"): not hedged by the main clause. */
  background?: boolean;
}

/** Korean titles that tie a person to an organisation; 부사장 before 사장, so the longer one is read. */
const TITLES_KO = '부회장|회장|CEO|최고경영자|부사장|사장|대표이사|대표|창업자';
/** Where titleClaims looks for a Korean title: ending the person's name, after it, alone between names. */
const TITLE_KO = {
  ending: new RegExp(`(${TITLES_KO})$`),
  after: new RegExp(`^ (${TITLES_KO})`),
  afterPerson: new RegExp(`^ (${TITLES_KO}|연구원|애널리스트)`),
  between: new RegExp(`^ (${TITLES_KO}) $`),
};
/** Between an organisation and its person: nothing, 의, or a unit of it ("데이터센터 부문의"). */
const ORG_UNIT_KO = /^의 $|^(의)? (?:[\p{L}\p{N}]+ )?[\p{L}\p{N}]*(부문|사업부|본부|법인|연구소)의 $/u;

function titleClaims(sentence: Sentence, ms: Mention[], text: string, language: Language): ClaimSeed[] {
  const out: ClaimSeed[] = [];
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i]!;
    const b = ms[i + 1]!;
    const between = text.slice(a.end, b.start);
    const after = text.slice(b.end, b.end + 40);
    const org = a.kind === 'Organization' ? a : b.kind === 'Organization' ? b : null;
    const person = a.kind === 'Person' ? a : b.kind === 'Person' ? b : null;
    if (!org || !person || org === person) continue;
    let title: string | null = null;
    if (language === 'ko') {
      // "메타 CEO 마크 저커버그" (title between) or "LG전자 조주완 사장" (title after the person); a Latin
      // gloss may stand between the person and the organisation ("곽노정(Kwak Noh-jung) SK하이닉스 사장").
      if (a === org && !a.particle && between === ' ') {
        title = TITLE_KO.ending.exec(b.surface)?.[1] ?? TITLE_KO.after.exec(after)?.[1] ?? null;
      } else if (a === org && /^의$|^$/.test(a.particle) && ORG_UNIT_KO.test(between)) {
        // "삼성전자의 김도현 부사장", "AMD 데이터센터 부문의 마이클 토렌스 부사장": the person's title follows.
        title = TITLE_KO.after.exec(after)?.[1] ?? null;
      } else if (a === person && !a.particle && /^\)? $/.test(between)) {
        title = TITLE_KO.afterPerson.exec(after)?.[1] ?? null;
      } else if (a === org && !a.particle) {
        title = TITLE_KO.between.exec(between)?.[1] ?? null;
      }
    } else {
      // "Samsung Electronics Chairman Lee Jae-yong", "Nvidia's CEO Jensen Huang", "X, chief executive of Y".
      if (a === org)
        title =
          /^(?:'s|’s)?\s+(vice[- ]chairman|chairman|chairwoman|CEO|chief executive officer|chief executive|president|founder)\s+$/i.exec(
            between,
          )?.[1] ?? null;
      else
        title =
          /^,\s+(?:the\s+|an?\s+)?(?:senior\s+)?(vice[- ]chairman|chairman|chairwoman|CEO|chief executive officer|chief executive|president|founder|analyst|researcher)\s+(?:of|at)\s+$/i.exec(
            between,
          )?.[1] ?? null;
    }
    const type = title ? titleType(title) : null;
    if (type) out.push({ type, from: person, to: org, confidence: 0.95, fact: true });
  }
  return out.filter((c) => c.from.start >= sentence.start && c.to.end <= sentence.end);
}

/**
 * "엔비디아의 젯슨 모듈", "Nvidia's Jetson module", "엔비디아의 차세대 가속기 ‘펠리컨’", "Nvidia's H100 chips": an
 * organisation's own product is one it makes, also past a few modifiers ("Nvidia's older H100 chips").
 */
function possessiveClaims(sentence: Sentence, ms: Mention[], text: string, language: Language): ClaimSeed[] {
  const out: ClaimSeed[] = [];
  for (let i = 0; i + 1 < ms.length; i++) {
    const owner = ms[i]!;
    if (owner.kind !== 'Organization') continue;
    // Up to the next organisation; a product before a technology: "메타의 대규모 언어 모델(LLM) ‘라마 3’" is 라마 3.
    const next = ms.slice(i + 1).findIndex((m) => m.kind === 'Organization');
    const owned = ms.slice(i + 1, next < 0 ? undefined : i + 1 + next);
    // "삼성디스플레이 OLED", "SK하이닉스 HBM3E": in Korean the maker also stands bare before its product.
    const possessive = (between: string) =>
      language === 'ko'
        ? (owner.particle === '의' && /^\)?의 ([\p{L}\p{N}()]+ ){0,3}[‘']?$/u.test(between)) ||
          (owner.particle === '' && between === ' ')
        : POSSESSIVE_EN.test(between);
    const product = productsFirst(owned).find((m) => possessive(text.slice(owner.end, m.start)));
    if (!product || owner.start < sentence.start || product.end > sentence.end) continue;
    // "Apple's iPhone 15 Pro and iPhone 16 Pro", "애플의 아이폰 15와 아이폰 16": the owner owns the whole list.
    for (const owned of [product, ...coordinatedAfter(product, writtenIn(sentence, ms), text, language)])
      out.push({ type: 'PRODUCES', from: owner, to: owned, confidence: 0.6, fact: true });
  }
  if (language === 'en') out.push(...itsProducts(sentence, ms, text));
  return out;
}

/** "Nvidia's", "Qualcomm Inc.'s newer": a possessive, past the company suffix and one or two modifiers. */
const POSSESSIVE_EN = /^(?: (?:Inc|Corp|Co|Ltd)\.?)?['’]s? ([a-z][a-z-]* ){0,2}$/;

/** What an organisation owns in a possessive: its products and its technologies ("SK하이닉스의 MR-MUF 기술"). */
const OWNED = new Set(['Product', 'Technology']);

/** Products, then technologies, each in text order: a technology before a product modifies it ("OLED 맥북 프로"). */
function productsFirst(ms: Mention[]): Mention[] {
  return [...ms.filter((m) => m.kind === 'Product'), ...ms.filter((m) => m.kind === 'Technology')];
}

/** The mentions written in the sentence (not a co-referent carried over from the one before). */
function writtenIn(sentence: Sentence, ms: Mention[]): Mention[] {
  return ms.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
}

/** "Meta will keep its Orbit headset cheap": "its" product is the product of the company the sentence is about. */
function itsProducts(sentence: Sentence, ms: Mention[], text: string): ClaimSeed[] {
  const out: ClaimSeed[] = [];
  for (const product of ms.filter((m) => m.kind === 'Product')) {
    if (!/\bits\s+$/i.test(text.slice(Math.max(sentence.start, product.start - 5), product.start))) continue;
    const owner = ms.find((m) => m.kind === 'Organization' && m.end <= product.start);
    if (owner) out.push({ type: 'PRODUCES', from: owner, to: product, confidence: 0.55, fact: true });
  }
  return out;
}

const MAKER_VERB_KO =
  '(?:(?:공개|출시|개발|생산|공급|양산)(?:할|하는|한)|내놓(?:을|는|은)|선보(?:일|이는|인)|만(?:든|드는|들))';
const MAKER_RELATIVE_KO = new RegExp(
  `^(?:이|가) (?:[^\\s,.]+ ){0,3}?${MAKER_VERB_KO} (?:[^\\s,.]+ ){0,2}[‘']?$`,
  'u',
);

/**
 * "엔비디아가 내년 공개할 ‘루빈’ 플랫폼", "애플이 이르면 2026년 내놓을 OLED 맥북 프로": the subject of a relative
 * clause that releases or makes the product after it is its maker.
 */
function makerRelativeClaims(
  sentence: Sentence,
  ms: Mention[],
  text: string,
  language: Language,
): ClaimSeed[] {
  if (language !== 'ko') return [];
  const out: ClaimSeed[] = [];
  const inside = writtenIn(sentence, ms);
  for (const [i, maker] of inside.entries()) {
    if (maker.kind !== 'Organization' || !/^(이|가)$/.test(maker.particle)) continue;
    // A product before a technology that modifies it: "내놓을 OLED 맥북 프로" is the MacBook.
    const after = inside.slice(i + 1);
    const product = productsFirst(after).find((m) => MAKER_RELATIVE_KO.test(text.slice(maker.end, m.start)));
    if (product) out.push({ type: 'PRODUCES', from: maker, to: product, confidence: 0.6, fact: true });
  }
  return out;
}

const BUILT_ON_KO = /^(?: 기반(?:의|으로)? |(?:을|를) ?기반으로 )/;
const BUILT_ON_EN = /\b(powered by|based on|built on)\s+$/i;

/**
 * What a product is built on: "라마 3 기반의 ‘메타 AI’", "라마 2를 기반으로 만든 ‘익시젠’" (the product after
 * it uses it; with none, the sentence's subject does: "KT는 GPT-4o를 기반으로 모델을 만든다"), and "the Zenbook
 * Q, a laptop powered by Qualcomm’s Snapdragon X" (the product before the cue uses the one after it).
 */
function builtOnClaims(sentence: Sentence, ms: Mention[], text: string, language: Language): ClaimSeed[] {
  const out: ClaimSeed[] = [];
  const inside = writtenIn(sentence, ms);
  if (language === 'ko') {
    for (const [i, base] of inside.entries()) {
      if (!OWNED.has(base.kind) || !BUILT_ON_KO.test(text.slice(base.end))) continue;
      const next = inside[i + 1];
      const near = next && OWNED.has(next.kind) && next.start - base.end <= 30;
      if (near) out.push({ type: 'USES', from: next, to: base, confidence: 0.6, fact: true });
      const subject = inside.slice(0, i).find((m) => m.kind === 'Organization' && SUBJECT_KO.has(m.particle));
      if (!near && subject) out.push({ type: 'USES', from: subject, to: base, confidence: 0.55 });
    }
    return out;
  }
  for (const [i, base] of inside.entries()) {
    if (!OWNED.has(base.kind)) continue;
    // The cue stands right before the base or before its owner ("powered by Qualcomm Inc.'s Snapdragon").
    const owner = inside[i - 1];
    const lead = owner && POSSESSIVE_EN.test(text.slice(owner.end, base.start)) ? owner.start : base.start;
    if (!BUILT_ON_EN.test(text.slice(Math.max(sentence.start, lead - 16), lead))) continue;
    const product = inside
      .slice(0, i)
      .reverse()
      .find((m) => m.kind === 'Product' && lead - m.end <= 40);
    if (product) out.push({ type: 'USES', from: product, to: base, confidence: 0.6, fact: true });
  }
  return out;
}

/**
 * Noun-phrase facts the sentence states in passing: "GPU ‘루빈’", "HBM인 HBM4" (an instance of a category),
 * "일본 오사카", "대만 UMC" (a place inside a place, a company based in it), "오사카에서 열린 ‘칩엑스포 2025’"
 * (where an event takes place).
 */
function nounPhraseClaims(sentence: Sentence, ms: Mention[], text: string, language: Language): ClaimSeed[] {
  const out: ClaimSeed[] = [];
  if (language === 'en') {
    // "an analyst at Harbor Capital in Seoul", "Seoul-based Harbor Capital".
    for (let i = 0; i + 1 < ms.length; i++) {
      const a = ms[i]!;
      const b = ms[i + 1]!;
      if (a.start < sentence.start || b.end > sentence.end) continue;
      const between = text.slice(a.end, b.start);
      const lead = text.slice(Math.max(0, a.start - 6), a.start);
      if (
        a.kind === 'Organization' &&
        b.kind === 'Place' &&
        between === ' in ' &&
        /\b(at|of|from) $/.test(lead)
      )
        out.push({ type: 'BASED_IN', from: a, to: b, confidence: 0.6, fact: true });
      if (a.kind === 'Place' && b.kind === 'Organization' && between === '-based ')
        out.push({ type: 'BASED_IN', from: b, to: a, confidence: 0.6, fact: true });
      // "Taylor, Texas"; "the forum in Seoul".
      if (a.kind === 'Place' && b.kind === 'Place' && between === ', ')
        out.push({ type: 'LOCATED_IN', from: a, to: b, confidence: 0.6, fact: true });
      if (a.kind === 'Event' && b.kind === 'Place' && between === ' in ')
        out.push({ type: 'TOOK_PLACE_IN', from: a, to: b, confidence: 0.6, fact: true });
      // "Samsung Display Co., a unit of Samsung Electronics", "Naver Cloud, Naver's cloud computing unit".
      if (a.kind === 'Organization' && b.kind === 'Organization') {
        const unitOf = UNIT_OF_EN.test(between);
        const unitAfter = UNIT_BEFORE_EN.test(between) && UNIT_AFTER_EN.test(text.slice(b.end, b.end + 60));
        if (unitOf || unitAfter) out.push({ type: 'PARENT_OF', from: b, to: a, confidence: 0.6, fact: true });
      }
      // "H200 AI chips", "HyperCLOVA X large language model", "the B200, its newest AI chip": a category after it.
      if (
        (a.kind === 'Product' || a.kind === 'Technology') &&
        b.entity &&
        b.kind === 'Technology' &&
        CATEGORY_HEAD_EN.test(b.surface) &&
        /^ $|^, (?:its|an?|the) (?:[a-z-]+ ){0,2}$/.test(between)
      )
        out.push({ type: 'INSTANCE_OF', from: a, to: b, confidence: 0.55, fact: true });
    }
    return out;
  }
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i]!;
    const b = ms[i + 1]!;
    if (a.start < sentence.start || b.end > sentence.end) continue;
    const between = text.slice(a.end, b.start);
    const named = b.kind === 'Product' || b.kind === 'Technology';
    // "GPU ‘루빈’", "대규모 언어 모델 '클로드'", "대규모 언어 모델(LLM) ‘라마 3’", "HBM인 HBM4".
    if (
      a.kind === 'Technology' &&
      a.entity &&
      named &&
      /^(?:\([^()\s]{1,12}\)|\))? [‘'“"]$|^\)?인 $/.test(between)
    )
      out.push({ type: 'INSTANCE_OF', from: b, to: a, confidence: 0.6, fact: true });
    // "SKC의 자회사 앱솔릭스", "KT의 클라우드 자회사 KT클라우드"; "삼성디스플레이의 모회사인 삼성전자".
    if (a.kind === 'Organization' && b.kind === 'Organization') {
      if (/^의 (?:\S+ )?(?:자회사|계열사|손자회사)(?:인)? $/.test(between))
        out.push({ type: 'PARENT_OF', from: a, to: b, confidence: 0.6, fact: true });
      if (/^의 모회사(?:인)? $/.test(between))
        out.push({ type: 'PARENT_OF', from: b, to: a, confidence: 0.6, fact: true });
    }
    if (a.kind === 'Place' && !a.particle && between === ' ') {
      if (b.kind === 'Place') out.push({ type: 'LOCATED_IN', from: b, to: a, confidence: 0.6, fact: true });
      if (b.kind === 'Organization')
        out.push({ type: 'BASED_IN', from: b, to: a, confidence: 0.55, fact: true });
    }
    if (
      a.kind === 'Place' &&
      b.kind === 'Event' &&
      /^에서 (열린|열리는|열릴|개최된|개최되는|개최될) ‘?$/.test(between)
    )
      out.push({ type: 'TOOK_PLACE_IN', from: b, to: a, confidence: 0.6, fact: true });
  }
  return out;
}

/** ", a unit of ", ", the IT services arm of ", ", a wholly owned subsidiary of ": the next company owns this one. */
const UNIT_OF_EN =
  /^(?: (?:Inc|Corp|Co|Ltd)\.?)?,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}(?:unit|subsidiary|arm|affiliate|division)\s+of\s+$/i;
/** ", Naver's cloud computing unit": a possessive company before the unit noun. */
const UNIT_BEFORE_EN = /^(?: (?:Inc|Corp|Co|Ltd)\.?)?,\s+$/;
const UNIT_AFTER_EN =
  /^(?: (?:Inc|Corp|Co|Ltd)\.?)?['’]s?\s+(?:[\w-]+\s+){0,3}(?:unit|subsidiary|arm|affiliate|division)\b/i;
/** Known technologies that name a category of products: "AI chips", "large language model", "graphics processors". */
const CATEGORY_HEAD_EN = /(chips?|processors?|accelerators?|models?|memory|GPUs?|headsets?|glasses)$/i;

/** "‘펠리컨’에는 HBM4가 탑재된다": what is mounted (subject) goes into the host marked with 에. */
function mountedClaims(sentence: Sentence, ms: Mention[], text: string, language: Language): ClaimSeed[] {
  if (language !== 'ko') return [];
  const out: ClaimSeed[] = [];
  const parts = (m: Mention) => m.kind === 'Product' || m.kind === 'Technology';
  for (const cue of sentence.text.matchAll(/탑재(될|된|되|돼)/g)) {
    const at = sentence.start + cue.index;
    const before = ms.filter((m) => m.start >= sentence.start && m.end <= at);
    const host = before.find((m) => parts(m) && /^에(는|도)?$/.test(m.particle));
    if (!host) continue;
    // The part's particle may sit on its head noun: "HBM4 메모리와", "‘오르카’ 칩이", "올레도스(OLEDoS) 패널과".
    const marked = (m: Mention) =>
      /^(이|가|과|와|도)$/.test(m.particle) ||
      (!m.particle &&
        /^[’)]?( [\p{L}\p{N}]+?){1,2}?(이|가|과|와|도)(?=[\s,.])/u.test(text.slice(m.end, m.end + 16)));
    for (const part of before.filter((m) => m.start > host.end && parts(m) && marked(m)))
      if (keyOf(part) !== keyOf(host)) out.push({ type: 'USES', from: host, to: part, confidence: 0.6 });
  }
  return out;
}

function cueClaims(
  sentence: Sentence,
  ms: Mention[],
  text: string,
  language: Language,
  headOf: Map<Mention, Mention>,
): ClaimSeed[] {
  const out: ClaimSeed[] = [];
  for (const { cue, match } of relationCues(sentence.text, language)) {
    const at = sentence.start + match.index;
    const claim =
      language === 'ko'
        ? (relativeClausePair(cue, at, match.text, ms, text) ?? koreanPair(cue, at, ms, text))
        : (englishRelativePair(cue, at, ms, text) ??
          (PASSIVE_EN.test(match.text)
            ? passivePair(cue, at, match.text, ms, text)
            : englishPair(cue, at, match.text, ms, text, out.at(-1))));
    if (!claim) {
      // "Samsung and SK Hynix compete": a symmetric verb with coordinated subjects and no object.
      const alone = language === 'en' && SYMMETRIC.has(cue.type) ? englishSubject(cue, at, ms) : null;
      const partner = alone ? coordinatedBefore(alone, ms, text, language) : null;
      if (alone && partner && kindOk(cue.toKinds, alone))
        out.push({ type: cue.type, from: partner, to: alone, confidence: 0.65 });
      continue;
    }
    // "젠슨 황 엔비디아 CEO는 … 방문할": the person the organisation titles is the subject.
    const head = headOf.get(claim.from);
    if (
      head &&
      kindOk(cue.fromKinds, head) &&
      keyOf(head) !== keyOf(claim.to) &&
      head.start < claim.from.start
    )
      claim.from = head;
    // "이재용 삼성전자 회장과 만나": the person is met, the company only titles him.
    const person = headOf.get(claim.to);
    if (person && kindOk(cue.toKinds, person) && cue.type === 'MET_WITH') claim.to = person;
    if (cue.type === 'SUPPLIES') out.push(...supplyClaims(claim, at, match.text, ms, text, language));
    out.push(claim);
    for (const co of coAgents(claim, cue, at, match.text, ms, text, language, sentence)) {
      out.push({ type: 'PARTNERS_WITH', from: claim.from, to: co, confidence: claim.confidence * 0.85 });
      if (keyOf(co) !== keyOf(claim.to))
        out.push({ ...claim, from: co, confidence: claim.confidence * 0.85 });
    }
    // "삼성전자와 SK하이닉스는 엔비디아에 공급", "Samsung and SK Hynix supply Nvidia": coordinated subjects
    // share the claim; "이재용 회장과 조주완 사장을 만났다": so do coordinated objects.
    for (const coSubject of coordinatedList(claim.from, ms, text, language))
      if (keyOf(coSubject) !== keyOf(claim.to) && kindOk(cue.fromKinds, coSubject))
        out.push({ ...claim, from: coSubject, confidence: claim.confidence * 0.9 });
    for (const coObject of coordinatedList(claim.to, ms, text, language))
      if (keyOf(coObject) !== keyOf(claim.from) && kindOk(cue.toKinds, coObject))
        out.push({ ...claim, to: coObject, confidence: claim.confidence * 0.9 });
    // "엔비디아는 H200에 HBM3E를 탑재": the product it goes into uses it too.
    const host =
      language === 'ko' && cue.type === 'USES'
        ? ms.find(
            (m) =>
              m.start > claim.from.end &&
              m.end <= at &&
              m.particle === '에' &&
              (m.kind === 'Product' || m.kind === 'Technology') &&
              keyOf(m) !== keyOf(claim.to),
          )
        : undefined;
    if (host) out.push({ ...claim, from: host, confidence: claim.confidence * 0.9 });
    // "competes with OpenAI, Google and Microsoft", "오픈AI, MS, 구글 등과": one claim per listed object.
    let last = claim.to;
    let listed = false;
    for (const next of ms.filter((m) => m.start > claim.to.end)) {
      const gap = text.slice(last.end + last.particle.length, next.start);
      if (!/^(\s*,\s*|\s+and\s+|,\s+and\s+)$/.test(gap) || !kindOk(cue.toKinds, next)) break;
      // "supplies Apple, and LG Display could …": ", and" after a single object opens a new clause; it
      // closes a list only after a comma-listed member ("Apple, Google, and Meta").
      if (/^,\s+and\s+$/.test(gap) && !listed) break;
      listed = /^\s*,\s*$/.test(gap);
      if (keyOf(next) !== keyOf(claim.from))
        out.push({ ...claim, to: next, confidence: claim.confidence * 0.9 });
      last = next;
    }
  }
  return out;
}

/**
 * "developing a headset with Sony and Google", "소니와 함께 개발": co-agents who act with the subject partner
 * with it and share the act. Verbs that take "with" for their own object (meet, compete, partner) have none.
 */
function coAgents(
  claim: ClaimSeed,
  cue: RelationCue,
  at: number,
  cueText: string,
  ms: Mention[],
  text: string,
  language: Language,
  sentence: Sentence,
): Mention[] {
  if (cue.objectMarks.en.includes('with') || cue.objectMarks.ko.includes('와')) return [];
  const agent = (m: Mention) =>
    (m.kind === 'Organization' || m.kind === 'Person') && keyOf(m) !== keyOf(claim.from);
  if (language === 'ko') {
    // "X와 HBM4를 공동 개발": a joint act makes every agent marked 와 before it a co-agent.
    const joint = /공동 ?$/.test(text.slice(Math.max(0, at - 3), at));
    return ms.filter(
      (m) =>
        m.end <= at &&
        m.start > claim.from.start &&
        agent(m) &&
        /^(와|과)$/.test(m.particle) &&
        (joint || /^\)?(\([^)]*\))?(와|과) 함께/.test(text.slice(m.end, m.end + 60))),
    );
  }
  const out: Mention[] = [];
  const after = ms.filter((m) => m.start >= at + cueText.length && m.end <= sentence.end);
  for (let i = 0; i < after.length; i++) {
    const m = after[i]!;
    // Right after the object, a few words at most and no second verb ("produces X and competes with Y").
    if (
      !agent(m) ||
      m.start < claim.to.end ||
      !/^(?:,?\s*(?!and\b)[\w-]+){0,3},?\s+with\s+(the\s+)?$/.test(text.slice(claim.to.end, m.start))
    )
      continue;
    out.push(m);
    // "with Sony and Google", "with Sony, LG and Google".
    let last = m;
    for (const next of after.slice(i + 1)) {
      if (!/^(\s*,\s*|\s+and\s+|,\s+and\s+)$/.test(text.slice(last.end, next.start)) || !agent(next)) break;
      out.push(next);
      last = next;
    }
    break;
  }
  return out;
}

const part = (m: Mention) => m.kind === 'Product' || m.kind === 'Technology';

/**
 * "Samsung supplies HBM3 chips to Apple", "삼성전자는 애플의 ‘펠리컨’에 HBM3를 납품": the supplier makes what it
 * supplies; supplying into an owner's product supplies the owner (the claim is rewritten to it), and the
 * product uses what goes in.
 */
function supplyClaims(
  claim: ClaimSeed,
  at: number,
  cueText: string,
  ms: Mention[],
  text: string,
  language: Language,
): ClaimSeed[] {
  const out: ClaimSeed[] = [];
  const c = claim.confidence * 0.85;
  const derived = true;
  if (language === 'en') {
    for (const m of ms.filter((x) => x.start >= at + cueText.length && x.end <= claim.to.start && part(x)))
      out.push({ type: 'PRODUCES', from: claim.from, to: m, confidence: c, derived });
    return out;
  }
  const supplied = ms.filter(
    (m) => m.start > claim.from.end && m.end <= at && part(m) && /^(을|를)$/.test(m.particle),
  );
  for (const m of supplied) out.push({ type: 'PRODUCES', from: claim.from, to: m, confidence: c, derived });
  const product = claim.to;
  const owner = [...ms]
    .reverse()
    .find(
      (m) =>
        m.end <= product.start &&
        m.kind === 'Organization' &&
        m.particle === '의' &&
        /^의 ([\p{L}\p{N}]+ ){0,3}‘?$/u.test(text.slice(m.end, product.start)),
    );
  if (part(product) && owner && keyOf(owner) !== keyOf(claim.from)) {
    claim.to = owner;
    for (const m of supplied) out.push({ type: 'USES', from: product, to: m, confidence: c, derived });
  }
  return out;
}

/** Verbs whose two ends play the same part: "A and B compete" is A COMPETES_WITH B. */
const SYMMETRIC = new Set(['MET_WITH', 'COMPETES_WITH', 'PARTNERS_WITH', 'MERGES_WITH']);

/** The mention coordinated right before this one: "A와 B", "A과 B", "A and B", "A, B". */
function coordinatedBefore(m: Mention, ms: Mention[], text: string, language: Language): Mention | null {
  const previous = [...ms].reverse().find((x) => x.end <= m.start);
  if (!previous || previous.kind !== m.kind) return null;
  if (language === 'ko') {
    const gap = text.slice(previous.end + previous.particle.length, m.start);
    // "A와 B", and the lists "A·B·C", "A, B, C" whose names carry no particle of their own.
    const joined = /^(와|과)$/.test(previous.particle)
      ? gap === ' '
      : !previous.particle && /^(·|, ?)$/.test(gap);
    return joined ? previous : null;
  }
  return /^(\s+and\s+|\s*,\s*|,\s+and\s+)$/.test(text.slice(previous.end, m.start)) ? previous : null;
}

/** Buying another company's product makes the company a supplier; using or mounting it says less. */
const TAKES = new Set(['BUYS', 'ACQUIRES']);

/**
 * A product's owner is a party to what happens to the product: "Naver bought Nvidia's H200 chips" (the owner
 * supplies the buyer), "supplies modules for Samsung's
 * Galaxy S24" and "메타의 ‘퀘스트 3’에 패널을 공급" (the supplier supplies the owner), "엔비디아의 ‘블랙웰’에 삼성전자
 * HBM3E가 탑재" (the part's owner supplies the host's). Derived: dropped when the sentence denies.
 */
function ownerClaims(seeds: ClaimSeed[]): ClaimSeed[] {
  const ownerOf = new Map<Mention, Mention>();
  for (const s of seeds) if (s.type === 'PRODUCES' && s.fact) ownerOf.set(s.to, s.from);
  const out: ClaimSeed[] = [];
  const add = (from: Mention | undefined, to: Mention | undefined, seed: ClaimSeed) => {
    if (!from || !to || keyOf(from) === keyOf(to)) return;
    out.push({ type: 'SUPPLIES', from, to, confidence: seed.confidence * 0.8, derived: true });
  };
  for (const s of seeds) {
    if (s.fact) continue;
    const agent = s.from.kind === 'Organization';
    // A company's process or technology that another uses is licensed or made to order, not supplied.
    if (TAKES.has(s.type) && agent && s.to.kind === 'Product') add(ownerOf.get(s.to), s.from, s);
    if (s.type === 'SUPPLIES' && agent) add(s.from, ownerOf.get(s.to), s);
    if (s.type === 'USES' && !agent) add(ownerOf.get(s.to), ownerOf.get(s.from), s);
  }
  return out;
}

/** Every name coordinated after this one, nearest first: "A, B and C" gives B, then C, for A. */
function coordinatedAfter(m: Mention, ms: Mention[], text: string, language: Language): Mention[] {
  const out: Mention[] = [];
  for (let at = m; ;) {
    const next = ms.find((x) => x.start >= at.end);
    if (!next || coordinatedBefore(next, ms, text, language) !== at) return out;
    out.push(next);
    at = next;
  }
}

/** Every name coordinated before this one, nearest first: "A·B·C는" gives B, then A, for C. */
function coordinatedList(m: Mention, ms: Mention[], text: string, language: Language): Mention[] {
  const out: Mention[] = [];
  for (let x = coordinatedBefore(m, ms, text, language); x; x = coordinatedBefore(x, ms, text, language))
    out.push(x);
  return out;
}

function englishSubject(cue: RelationCue, at: number, ms: Mention[]): Mention | undefined {
  return [...ms].reverse().find((m) => m.end <= at && kindOk(cue.fromKinds, m));
}

/** The endings that make a verb describe the noun after it: "출시한 퀘스트 3", "개발 중인 칩", "선보인 제품". */
const RELATIVE_KO = /^\p{Script=Hangul}{0,2}?(한|하는|했던|하던|할|인|은|된|되는|던) /u;
/** Up to two modifiers between the relative verb and its noun: "출시한 신형 퀘스트 3". */
const MODIFIERS_KO = /^(?:[\p{L}\p{N}]+ ){0,2}$/u;

/**
 * A Korean relative clause: the verb describes the noun right after it. "HBM3E를 개발한 삼성전자" — the noun
 * is the doer and the object sits inside the clause; "메타는 지난해 출시한 퀘스트 3" — the noun is what was
 * done to, and the doer is the sentence's topic. Null when the verb describes no mention.
 */
function relativeClausePair(
  cue: RelationCue,
  at: number,
  cueText: string,
  ms: Mention[],
  text: string,
): ClaimSeed | null {
  const cueEnd = at + cueText.length;
  const form = RELATIVE_KO.exec(text.slice(cueEnd, cueEnd + 24));
  if (!form) return null;
  const opens = cueEnd + form[0].length;
  const head = ms.find((m) => m.start >= opens);
  if (!head || !MODIFIERS_KO.test(text.slice(opens, head.start))) return null;
  // The clause opens after the last comma or topic before the verb.
  const inside = ms.filter((m) => m.end <= at && !modifier(m));
  const object = [...inside]
    .reverse()
    .find(
      (m) =>
        cue.objectMarks.ko.includes(roleParticle(text, m)) &&
        kindOk(cue.toKinds, m) &&
        text.slice(m.end, at).length <= 30,
    );
  // A past or present relative ("출시한", "판매하는", "개발 중인") describes what is known; a future one ("출시할")
  // what is planned, as sure as the sentence says.
  const background = form[1] !== '할';
  if (object && kindOk(cue.fromKinds, head) && keyOf(object) !== keyOf(head))
    return { type: cue.type, from: head, to: object, confidence: 0.75, background };
  const topic = inside.find((m) => SUBJECT_KO.has(roleParticle(text, m)) && kindOk(cue.fromKinds, m));
  if (topic && !object && kindOk(cue.toKinds, head) && keyOf(topic) !== keyOf(head))
    return { type: cue.type, from: topic, to: head, confidence: 0.7, background };
  return null;
}

function koreanPair(cue: RelationCue, at: number, ms: Mention[], text: string): ClaimSeed | null {
  const before = ms.filter((m) => m.end <= at && !modifier(m));
  if (before.length === 0) return null;
  const subject =
    before.find((m) => SUBJECT_KO.has(roleParticle(text, m)) && kindOk(cue.fromKinds, m)) ??
    before.find((m) => kindOk(cue.fromKinds, m));
  if (!subject) return null;
  const candidates = [...before].reverse().filter((m) => keyOf(m) !== keyOf(subject));
  // Korean marks the object with a particle ("LG전자를 찾아", "이재용 회장과 회동"); an unmarked noun
  // before the verb is more often a modifier than the object, so it is not guessed.
  // "HBM3 양산에 들어갔다": a product right before a verbal noun of making is its object.
  const object =
    candidates.find((m) => cue.objectMarks.ko.includes(roleParticle(text, m)) && kindOk(cue.toKinds, m)) ??
    (cue.type === 'PRODUCES' || cue.type === 'DEVELOPS'
      ? candidates.find((m) => m.end + 1 === at && text[m.end] === ' ' && !m.particle && part(m))
      : undefined);
  if (!object) return null;
  const subjectMarked = SUBJECT_KO.has(roleParticle(text, subject));
  return {
    type: cue.type,
    from: subject,
    to: object,
    confidence: 0.7 + (subjectMarked ? 0.15 : 0),
  };
}

const PASSIVE_EN = /\sby$/i;

/**
 * "a panel made by LG Display", "Reliance Jio, controlled by Mukesh Ambani": a verb followed by "by" names
 * its doer after it: the pair is read with the ends' kinds swapped, then turned round.
 */
function passivePair(
  cue: RelationCue,
  at: number,
  cueText: string,
  ms: Mention[],
  text: string,
): ClaimSeed | null {
  const swapped = { ...cue, fromKinds: cue.toKinds, toKinds: cue.fromKinds };
  const claim = englishPair(swapped, at, cueText, ms, text, undefined);
  return claim && { ...claim, from: claim.to, to: claim.from };
}

/** "the Quest 3, which Meta launched": the noun before ", which" is the object of the clause's verb. */
function englishRelativePair(cue: RelationCue, at: number, ms: Mention[], text: string): ClaimSeed | null {
  const subject = [...ms].reverse().find((m) => m.end <= at);
  if (!subject || !/^\s+(\w+\s+)?$/.test(text.slice(subject.end, at)) || !kindOk(cue.fromKinds, subject))
    return null;
  const object = [...ms].reverse().find((m) => m.end <= subject.start);
  if (!object || !/^,\s+(which|that)\s+$/.test(text.slice(object.end, subject.start))) return null;
  if (!kindOk(cue.toKinds, object) || keyOf(object) === keyOf(subject)) return null;
  return { type: cue.type, from: subject, to: object, confidence: 0.7 };
}

function englishPair(
  cue: RelationCue,
  at: number,
  cueText: string,
  ms: Mention[],
  text: string,
  previous: ClaimSeed | undefined,
): ClaimSeed | null {
  let subject = [...ms].reverse().find((m) => m.end <= at && kindOk(cue.fromKinds, m));
  // "X produces Y and competes with Z": a verb after "and" shares the previous verb's subject.
  if (previous && (!subject || subject === previous.to) && /\band\b|,/.test(text.slice(previous.to.end, at)))
    subject = previous.from;
  if (!subject) return null;
  const cueEnd = at + cueText.length;
  // "with Apple's Vision Pro": the possessor only modifies the object after it.
  const possessor = (m: Mention) => {
    const mark = /^['’]s? /.exec(text.slice(m.end, m.end + 3));
    return mark !== null && ms.some((x) => x.start === m.end + mark[0].length);
  };
  const after = ms.filter(
    (m) => m.start >= cueEnd && keyOf(m) !== keyOf(subject) && kindOk(cue.toKinds, m) && !possessor(m),
  );
  const marked = after.find((m) => {
    const gap = text.slice(cueEnd, m.start);
    return cue.objectMarks.en.some((p) =>
      new RegExp(`\\b${p}\\s+(the\\s+|its\\s+|\\S+'s\\s+)?$`, 'i').test(gap),
    );
  });
  // "developing an extended reality (XR) headset, code-named Halla": the product named is the object.
  const codeNamed = after.find((m) =>
    /\b(code-?named|dubbed)\s+$/i.test(text.slice(Math.max(0, m.start - 12), m.start)),
  );
  const object = marked ?? codeNamed ?? after[0];
  if (!object) return null;
  const near = text.slice(subject.end, at).length <= 30;
  return {
    type: cue.type,
    from: subject,
    to: object,
    confidence: 0.5 + (marked || text.slice(cueEnd, object.start).length <= 12 ? 0.2 : 0) + (near ? 0.15 : 0),
  };
}

/** The clause fallback's pairs for what no rule of the sentence paired (see clauses.ts). */
function fallbackSeeds(
  sentence: Sentence,
  ms: Mention[],
  text: string,
  language: Language,
  seeds: ClaimSeed[],
  qualifiers: Set<Mention>,
): ClaimSeed[] {
  const pairKey = (a: Mention, b: Mention) => [keyOf(a), keyOf(b)].sort().join('|');
  const claimed = new Set(seeds.map((s) => pairKey(s.from, s.to)));
  return clauseFallbackClaims(sentence, ms, text, language, {
    key: keyOf,
    role: (m) => roleParticle(text, m),
    covered: (a, b) => claimed.has(pairKey(a, b)),
    // A noun-phrase fact ("Nvidia's Blackwell", a title) reads no verb: the clause's arguments are still unread.
    read: (start, end) =>
      seeds.some((s) => !s.fact && [s.from, s.to].some((m) => m.start >= start && m.end <= end)),
    qualifiers,
  });
}

/**
 * English relative and appositive clauses ("Sony, which supplies the panels, …", "LG Display, whose largest
 * shareholder is LG Electronics, …", "Jio, controlled by Mukesh Ambani, …") state background the article
 * takes as known: a claim between the noun they describe (or a name inside them) and a name inside them is
 * not hedged by the sentence's "the people said" or "may".
 */
const BACKGROUND_EN =
  /,\s+(?:which|who|whose|an? (?:\w+ )?(?:unit|subsidiary|affiliate|arm) of|controlled by|owned by)\b[^,]*/gi;

function backgroundOf(sentence: Sentence, ms: Mention[], language: Language): (seed: ClaimSeed) => boolean {
  if (language !== 'en') return () => false;
  const spans = [...sentence.text.matchAll(BACKGROUND_EN)].map((m) => {
    const start = sentence.start + m.index;
    const end = start + m[0].length;
    const described = ms.findLast((x) => x.end <= start && start - x.end <= 6) ?? null;
    return { start, end, described };
  });
  const inside = (m: Mention, span: { start: number; end: number }) =>
    m.start >= span.start && m.end <= span.end;
  return (seed) =>
    spans.some(
      (span) =>
        (inside(seed.from, span) || seed.from === span.described) &&
        (inside(seed.to, span) || seed.to === span.described) &&
        (inside(seed.from, span) || inside(seed.to, span)),
    );
}

/**
 * Where a sentence joins clauses, each with its own predicate: Korean connective endings before a comma
 * ("개발하고 있으며, ", "내놓은 바 있고, ", "공급하고 있어, "), English ", and"/", but"/"; " before a new clause and an
 * appositive that comments on the whole ("…, a deal that would …"). Not inside a quotation.
 */
const CLAUSE_JOINT: Record<Language, RegExp> = {
  ko: /(?<=\p{Script=Hangul}(?:고|며|어|여|해|서|지만|는데|나)),\s/gu,
  en: /,\s+(?:and|but|while|whereas)\s+(?=\p{Lu}|the\s)|;\s+|,\s+(?:a|the)\s+(?:deal|move|step|decision|plan)\s+(?:that|which)\s/gu,
};

/** Inside a quotation when an odd number of straight or an unclosed curly quote precedes. */
function quoted(before: string): boolean {
  const straight = (before.match(/"/g) ?? []).length % 2 === 1;
  return straight || before.lastIndexOf('“') > before.lastIndexOf('”');
}

/**
 * The hedge closing a sentence covers only the clause it ends: "삼성전자도 HBM4를 개발하고 있으며, 블룸버그는
 * …라고 보도했다" states the first clause as fact; "TSMC has begun making A16 chips in Arizona, and Nvidia is
 * expected to move orders there" hedges only Nvidia's move. A claim whose ends both lie before a joint takes the
 * certainty of the sentence without the later clauses that carry another predicate (Korean: the head alone,
 * unless the later clause has no subject of its own or a reporter opens the sentence; English: every other
 * clause taken out up to its next comma, so a closing ", the people said" still counts). Null: the sentence's.
 */
function clauseCertainty(
  sentence: Sentence,
  language: Language,
): (seed: ClaimSeed) => { certainty: Certainty; cue: string | null } | null {
  const joints = [...sentence.text.matchAll(CLAUSE_JOINT[language])]
    .filter((m) => !quoted(sentence.text.slice(0, m.index)))
    .map((m) => m.index);
  if (joints.length === 0) return () => null;
  const whole = certaintyOf(sentence.text, language);
  return (seed) => {
    const last = Math.max(seed.from.end, seed.to.end) - sentence.start;
    const first = Math.min(seed.from.start, seed.to.start) - sentence.start;
    if (first < 0) return null;
    const joint = joints.find((j) => j >= last);
    if (joint === undefined) return null;
    const before = joints.filter((j) => j < first).at(-1) ?? 0;
    let rest: string;
    if (language === 'ko') {
      // A prediction ("전망이다", "가능성") ends its own clause. A report covers the earlier clause unless the
      // later one has a subject of its own ("…있으며, 블룸버그는 …라고 보도했다"): without one it continues the
      // report ("로이터는 A가 …하고, B와 …라고 보도했다"), as it does when a reporter opens the sentence.
      const later = sentence.text.slice(joint + 2);
      const opened = sentence.text.slice(0, joint);
      const ownSubject = /[\p{L}\p{N})’'”"](은|는|이|가|도) /u.test(later);
      if (whole.certainty !== 'SPECULATIVE' && !ownSubject) return null;
      if (new RegExp(`(${MEDIA_NAME.source})\\S*(은|는) `, 'iu').test(opened)) return null;
      rest = sentence.text.slice(before, joint);
    } else {
      const tail = sentence.text.slice(joint);
      const comma = tail.slice(2).search(/,\s/);
      rest = sentence.text.slice(0, joint) + (comma < 0 ? '.' : tail.slice(comma + 2));
    }
    const own = certaintyOf(rest, language);
    return own.certainty === whole.certainty ? null : own;
  };
}

/** A plural subject that points back to two parties: "The two", "Both companies", "두 사람은", "양사는". */
const BOTH_PARTIES: Record<Language, RegExp> = {
  en: /^(?:[“"]?)(the two( men| women| leaders| executives| companies| firms| sides)?|both (men|women|leaders|executives|companies|firms|sides))\b/i,
  ko: /^(두 (사람|회사|기업|총수|CEO|정상)|양사|양측|둘)(은|는|이|가|도)(?![\p{L}\p{N}])/u,
};
const PAIR_TYPES = new Set(['MET_WITH', 'PARTNERS_WITH', 'IN_TALKS_WITH', 'COMPETES_WITH']);

/** The last meeting or partnership between two agents among the sentence's claims. */
function lastPairOf(seeds: ClaimSeed[]): [Mention, Mention] | null {
  const last = seeds.findLast((s) => PAIR_TYPES.has(s.type) && keyOf(s.from) !== keyOf(s.to));
  return last ? [last.from, last.to] : null;
}

/**
 * When the sentence opens with "the two" (or 두 사람은), the two parties as mentions at that span: the first
 * takes part in the sentence's claims as its subject, and the proposer copies each claim to the second.
 */
function bothParties(
  sentence: Sentence,
  pair: [Mention, Mention],
  language: Language,
): [Mention, Mention] | null {
  const match = BOTH_PARTIES[language].exec(sentence.text);
  if (!match) return null;
  const start = sentence.start + match.index;
  const end = start + match[0].length - (language === 'ko' ? match[3]!.length : 0);
  const particle = language === 'ko' ? match[3]! : '';
  const surface = sentence.text.slice(match.index, match.index + end - start);
  const at = (m: Mention): Mention => ({ ...m, start, end, surface, particle });
  return [at(pair[0]), at(pair[1])];
}

/** The graph words a hedged claim as its own type ("SUPPLIES" → "MAY_SUPPLY"); used when it exists. */
function hedgedType(type: string, gazetteer: Gazetteer): string {
  const base = type.replace(/IES$/, 'Y').replace(/S$/, '');
  return gazetteer.types.has(`MAY_${base}`) ? `MAY_${base}` : type;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function normalizeSource(
  source: ArticleSource,
  language: Language,
): SourceFields & { publishedAt: string } {
  return {
    id: sourceIdFor(source),
    title: source.title.trim(),
    titleEn: null,
    publisher: source.publisher.trim(),
    author: source.author?.trim() || null,
    publishedAt: source.publishedAt,
    language,
    url: source.url ?? null,
  };
}

/** Reads the article into a proposal; BAD_USER_INPUT (nothing proposed) for input no article is. */
export function propose(input: { text: string; source: ArticleSource }, gazetteer: Gazetteer): ProposalDraft {
  checkArticleText(input.text);
  const html = looksLikeHtml(input.text);
  const text = html ? extractArticle(input.text).text : input.text;
  const given = input.source.language?.trim().toLowerCase() || null;
  if (given && !(LANGUAGES as readonly string[]).includes(given))
    throw badInput(
      `source.language "${given}" is not supported; use "ko" or "en" (or leave it out to detect it)`,
    );
  const language = (given as Language | null) ?? detectLanguage(text);
  if (!language)
    throw badInput(
      'the article is neither Korean nor English as far as can be told; set source.language to "ko" or "en" if it is',
    );
  const source = normalizeSource(input.source, language);
  const sentences = splitSentences(text, language);
  const named = findMentions(text, language, gazetteer, source.publisher ?? undefined);
  const pronouns = pronounMentions(text, language, named);

  const claims: DraftClaim[] = [];
  const seen = new Set<string>();
  let pair: [Mention, Mention] | null = null;
  for (const sentence of sentences) {
    const inside = (m: Mention) => m.start >= sentence.start && m.end <= sentence.end;
    const both: [Mention, Mention] | null = pair ? bothParties(sentence, pair, language) : null;
    const ms: Mention[] = [
      ...named.filter(inside),
      ...pronouns.filter(inside),
      ...(both ? [both[0]] : []),
    ].sort((a, b) => a.start - b.start);
    if (ms.length < 2) continue;
    const attribution = attributionOf(sentence, ms, language, text);
    const ends =
      attribution?.reporter && attribution.mention ? ms.filter((m) => m !== attribution.mention) : ms;
    const { certainty: sentenceCertainty, cue: sentenceCue } = certaintyOf(sentence.text, language);
    const { stance } = stanceOf(sentence.text, language);
    const date = resolveEventDate(sentence.text, language, source.publishedAt);
    const background = backgroundOf(sentence, ms, language);
    const ownClause = clauseCertainty(sentence, language);
    const titles = titleClaims(sentence, ends, text, language);
    // An organisation and the person it titles ("LG전자 조주완 사장과 …") are one noun phrase: no other claim links them.
    const apposed = new Set(
      titles.flatMap((t) => [`${keyOf(t.from)}|${keyOf(t.to)}`, `${keyOf(t.to)}|${keyOf(t.from)}`]),
    );
    const seeds: ClaimSeed[] = [
      ...titles,
      ...possessiveClaims(sentence, ends, text, language),
      ...nounPhraseClaims(sentence, ends, text, language),
      ...mountedClaims(sentence, ends, text, language),
      ...builtOnClaims(sentence, ends, text, language),
      ...makerRelativeClaims(sentence, ends, text, language),
      ...cueClaims(sentence, ends, text, language, new Map(titles.map((t) => [t.to, t.from]))).filter(
        (c) => !apposed.has(`${keyOf(c.from)}|${keyOf(c.to)}`),
      ),
    ];
    // "The two discussed …": what the first party does here, the second does too.
    if (both)
      for (const seed of [...seeds])
        if (seed.from === both[0] && keyOf(seed.to) !== keyOf(both[1]))
          seeds.push({ ...seed, from: both[1] });
    seeds.push(...ownerClaims(seeds));
    pair = lastPairOf(seeds) ?? pair;
    seeds.push(...fallbackSeeds(sentence, ends, text, language, seeds, new Set(titles.map((t) => t.to))));
    for (const seed of seeds) {
      const fromKey = keyOf(seed.from);
      const toKey = keyOf(seed.to);
      if (fromKey === toKey || (seed.derived && stance === 'DENIES')) continue;
      // A caption repeated word for word is one quote.
      const dedupe = `${sentence.text}:${seed.type}:${fromKey}:${toKey}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      // Background (a relative clause) is as sure as a fact, whatever hedges the sentence's main clause.
      const sure = seed.fact || seed.background || background(seed);
      const clause = ownClause(seed) ?? { certainty: sentenceCertainty, cue: sentenceCue };
      const { certainty, cue } = clause;
      const type = certainty === 'SPECULATIVE' && !sure ? hedgedType(seed.type, gazetteer) : seed.type;
      claims.push({
        id: `claim-${hash(String(sentence.start), seed.type, fromKey, toKey)}`,
        type,
        fromKey,
        toKey,
        quote: sentence.text,
        span: { start: sentence.start, end: sentence.end },
        translation: null,
        // A title is the article's own statement, even inside a sentence quoting someone else.
        attributedTo: (seed.fact ? null : attribution?.name) ?? source.publisher!,
        certainty: sure ? 'CONFIRMED' : certainty,
        stance: seed.fact ? 'SUPPORTS' : stance,
        cue: sure ? null : cue,
        occurredAt: seed.fact ? null : (date?.occurredAt ?? null),
        confidence: round(seed.confidence * ((seed.from.confidence + seed.to.confidence) / 2)),
      });
    }
  }

  const entities = new Map<string, DraftEntity>();
  for (const m of named) {
    const key = keyOf(m);
    const entity = entities.get(key);
    if (entity) {
      entity.mentions.push({ start: m.start, end: m.end });
      entity.confidence = Math.max(entity.confidence, m.confidence);
      if (!entity.nameKo && m.nameKo) entity.nameKo = m.nameKo;
    } else {
      entities.set(key, {
        key,
        entityId: m.entity?.id ?? null,
        name: m.name,
        nameKo: m.nameKo,
        kind: m.kind,
        mentions: [{ start: m.start, end: m.end }],
        confidence: m.confidence,
      });
    }
  }
  return {
    text,
    format: html ? 'HTML' : 'TEXT',
    language,
    source,
    entities: [...entities.values()].sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start),
    claims: claims.sort((a, b) => a.span.start - b.span.start || (a.id < b.id ? -1 : 1)),
  };
}
