// Cue lexicons: the words that tell how sure a sentence is (certainty), who it quotes (attribution) and
// what relationship it states (type). Korean cues are stems matched inside words ("알려졌다", "만난데");
// English cues are word-bounded patterns.
import type { Certainty, Stance } from '../model.ts';
import type { Language } from './text.ts';

export interface CueMatch {
  index: number;
  text: string;
}

/** Strongest hedge first: a sentence is as sure as its most hedged cue. */
export const CERTAINTY_CUES: Record<Language, [Certainty, RegExp][]> = {
  ko: [
    [
      'SPECULATIVE',
      /짐작|것으로 보인다|것으로 보여|것으로 보이|로 보인다|가능성|예상(?!했던\s?대로|대로)|전망|관측|추정|할 듯|될 듯|것으로 예측/,
    ],
    ['REPORTED', /알려졌|알려진|알려져|전해졌|전해진|전해지|보도했|보도에|에 따르면|것으로 파악|소식통/],
    ['CONFIRMED', /밝혔|밝힌|발표했|발표한|말했|강조했|설명했|확인했|공식/],
  ],
  en: [
    [
      'SPECULATIVE',
      // Not "would": in news it is the future of reported speech ("said it would …"), not a hedge.
      /\b(may|might|could)\b|\b(is|are|was|were)?\s*expected to\b|\bexpects? [^,.;]{1,40}? to\b|\blikely\b|\bpossibl[ey]\b|\bpotential(ly)?\b|\bspeculat\w*|\bforecast\w*/i,
    ],
    [
      'REPORTED',
      /\breportedly\b|\baccording to\b|\bthe (?:people|person|sources?) (?:said|added)\b|\bpeople familiar with\b|\bsources? (said|say|told)\b|\breported\b|\b(is|are|was|were) said to\b|\bciting\b/i,
    ],
    ['CONFIRMED', /\bsaid\b|\bsays\b|\bannounced\b|\bconfirmed\b|\bstated\b|\btold\b/i],
  ],
};

export function certaintyOf(
  sentence: string,
  language: Language,
): { certainty: Certainty; cue: string | null } {
  for (const [certainty, pattern] of CERTAINTY_CUES[language]) {
    const match = pattern.exec(sentence);
    if (match) return { certainty, cue: match[0].trim() };
  }
  // Stated plainly, as fact, by the article itself.
  return { certainty: 'CONFIRMED', cue: null };
}

export interface RelationCue {
  type: string;
  ko: RegExp;
  /** Absent when English has no unambiguous form of the cue. */
  en?: RegExp;
  /** Korean particles (or English prepositions before the object) that mark this cue's object. */
  objectMarks: { ko: string[]; en: string[] };
  /** Kinds each end may have (empty: any). */
  fromKinds?: string[];
  toKinds?: string[];
}

const AGENTS = ['Person', 'Organization'];
const WITH_KO = ['와', '과', '와도', '과도', '와의', '과의', '하고', '랑', '이랑'];
const OBJECT_KO = ['을', '를', '도'];

export const RELATION_CUES: RelationCue[] = [
  {
    type: 'MET_WITH',
    // Every form of the stem 만나-: 만나, 만난, 만날, 만남, 만났다.
    ko: /만[나난날남났]|회동|회담|면담/g,
    en: /\bmet\b|\bmeets?\b|\bmeeting with\b|\bheld talks with\b/gi,
    objectMarks: { ko: [...WITH_KO, ...OBJECT_KO], en: ['with'] },
    fromKinds: AGENTS,
    toKinds: AGENTS,
  },
  {
    type: 'SUPPLIES',
    ko: /공급|납품/g,
    en: /\bsuppl(y|ies|ied|ying)\b|\bsupplier\b|\bship(s|ped|ping)?\b/gi,
    objectMarks: { ko: ['에', '에게', '에도', '에게도'], en: ['to'] },
    fromKinds: ['Organization'],
  },
  {
    type: 'PRODUCES',
    ko: /양산|생산/g,
    en: /\bmass[- ]produc\w*|\bproduc(e|es|ed|ing)\b|\bproduction of\b|\bmanufactur\w*|\bmade by\b/gi,
    objectMarks: { ko: OBJECT_KO, en: [] },
    fromKinds: ['Organization'],
  },
  {
    type: 'DEVELOPS',
    ko: /개발/g,
    en: /\bdevelop(s|ed|ing)?\b/gi,
    objectMarks: { ko: OBJECT_KO, en: [] },
    fromKinds: AGENTS,
  },
  {
    type: 'COMPETES_WITH',
    ko: /경쟁/g,
    en: /\bcompet(e|es|ed|ing)\b|\brivals?\b/gi,
    objectMarks: { ko: WITH_KO, en: ['with', 'against'] },
    fromKinds: [...AGENTS, 'Product', 'Technology'],
    toKinds: [...AGENTS, 'Product', 'Technology'],
  },
  {
    // Chasing a rival: "삼성전자를 뒤쫓고", "catch up with SK Hynix", "take share from Samsung".
    type: 'COMPETES_WITH',
    ko: /뒤쫓|추격|따라잡|추월/g,
    en: /\b(catch(es|ing)? up with|caught up with|(close[sd]?|closing|narrow(s|ed|ing)?) the gap with|(take|takes|taking|took) share from)\b/gi,
    objectMarks: { ko: OBJECT_KO, en: [] },
    // A product chases a product as a company chases a company ("비전 프로가 퀘스트를 추격").
    fromKinds: [...AGENTS, 'Product', 'Technology'],
    toKinds: [...AGENTS, 'Product', 'Technology'],
  },
  {
    type: 'IN_TALKS_WITH',
    // Supply talks ("공급 협상") are the supply cue's.
    ko: /(?<!공급 ?)(협의|협상)/g,
    en: /\bin talks with\b|\bnegotiat(e|es|ed|ing) with\b/gi,
    objectMarks: { ko: WITH_KO, en: [] },
    fromKinds: AGENTS,
    toKinds: AGENTS,
  },
  {
    type: 'PARTNERS_WITH',
    ko: /협력|협업|파트너십|제휴|손잡|공동 개발|합작/g,
    en: /\bpartner(s|ed|ing|ship|ships)?\b|\bteam(s|ed)? up\b|\bcollaborat\w*|\bjoint venture\b|\b(signed|struck|extended|renewed) (a |an |its |their )?(\w+ )?(deal|agreement|contract)\b/gi,
    objectMarks: { ko: WITH_KO, en: ['with'] },
    fromKinds: AGENTS,
    toKinds: AGENTS,
  },
  {
    // "리벨리온과 사피온코리아가 합병", "사피온코리아와의 합병안", "Kakao will merge with Daum".
    type: 'MERGES_WITH',
    ko: /합병/g,
    en: /\bmerg(e|es|ed|ing)\b|\bmerger\b/gi,
    objectMarks: { ko: WITH_KO, en: ['with'] },
    fromKinds: ['Organization'],
    toKinds: ['Organization'],
  },
  {
    // Contract manufacturing: "퀄컴은 … 칩을 삼성전자에 맡기는", "outsources … to TSMC".
    type: 'PARTNERS_WITH',
    ko: /맡기|맡길|맡겼|위탁/g,
    en: /\boutsourc(e|es|ed|ing)\b|\bcontract(s|ed)? (\w+ )?to\b/gi,
    objectMarks: { ko: ['에', '에게'], en: ['to'] },
    fromKinds: AGENTS,
    toKinds: AGENTS,
  },
  {
    // Choosing a partner: "Qualcomm has chosen TSMC to make …", "picked X to", "tapped X for", "X를 선택했다".
    type: 'PARTNERS_WITH',
    ko: /선택|낙점/g,
    en: /\b(chose|chosen|choos(e|es|ing)|pick(s|ed)?|tap(s|ped)?|select(s|ed)?)\b(?=\s+(\p{Lu}[\p{L}\p{N}.&-]*\s+)+(to|for|as)\b)/gu,
    objectMarks: { ko: ['을', '를'], en: [] },
    fromKinds: AGENTS,
    toKinds: AGENTS,
  },
  {
    // Korean news names the supplier as the subject of supply talks with the buyer: "마이크론도 엔비디아와 HBM4 공급 협상".
    type: 'SUPPLIES',
    ko: /공급 ?(계약|협상|논의|협의)/g,
    // English "signed a supply deal with Samsung" names the buyer as often as the seller: no English form.
    objectMarks: { ko: WITH_KO, en: [] },
    fromKinds: ['Organization'],
    toKinds: AGENTS,
  },
  {
    type: 'INVESTS_IN',
    ko: /투자/g,
    en: /\binvest(s|ed|ing)?\b/gi,
    objectMarks: { ko: ['에', '에도', '을', '를'], en: ['in'] },
    fromKinds: AGENTS,
  },
  {
    type: 'ACQUIRES',
    ko: /인수/g,
    en: /\bacquir(e|es|ed|ing)\b|\btakeover of\b/gi,
    objectMarks: { ko: OBJECT_KO, en: [] },
    fromKinds: AGENTS,
  },
  {
    type: 'BUYS',
    ko: /구매|구입|사들/g,
    en: /\bbuy(s|ing)?\b|\bbought\b|\bpurchas(e|es|ed|ing)\b/gi,
    objectMarks: { ko: OBJECT_KO, en: [] },
    fromKinds: AGENTS,
  },
  {
    type: 'USES',
    ko: /탑재|채택|사용/g,
    en: /\buses?\b|\bused\b|\badopt(s|ed|ing)?\b|\bpowered by\b|\b(built|based|runs?|running) on\b/gi,
    objectMarks: { ko: OBJECT_KO, en: [] },
  },
  {
    type: 'VISITED',
    ko: /방문|찾아|찾았|찾은|찾을|도착|향하|향할|들러|들를/g,
    en: /\bvisit(s|ed|ing)?\b|\barriv(e|es|ed|ing) in\b|\btravel(s|led|ling)? (on )?to\b/gi,
    objectMarks: { ko: ['을', '를', '에', '로', '으로'], en: [] },
    fromKinds: AGENTS,
    toKinds: ['Organization', 'Place', 'Event'],
  },
  {
    type: 'DISCUSSED',
    ko: /논의/g,
    en: /\bdiscuss(es|ed|ing)?\b/gi,
    objectMarks: { ko: OBJECT_KO, en: [] },
    // A place is where the talk was held, never who held it.
    fromKinds: AGENTS,
    toKinds: ['Technology', 'Product', 'Concept', 'Event'],
  },
  {
    // Taking part in an event: "CES에 참석했다", "attended the forum".
    type: 'PARTICIPATED_IN',
    ko: /참석|참가|참여/g,
    en: /\battend(s|ed|ing)?\b|\bparticipat(e|es|ed|ing) in\b|\btook part in\b/gi,
    objectMarks: { ko: ['에', '에도', '을', '를'], en: [] },
    fromKinds: AGENTS,
    toKinds: ['Event'],
  },
  {
    // Leading a market: "leads the global market for VR headsets", "XR 시장에서 선두를 달리는".
    type: 'LEADS_MARKET',
    ko: /선두|1위/g,
    en: /\blead(s|ing)? the (\w+ )?market\b|\b(is|was) the (\w+ )?market leader\b/gi,
    objectMarks: { ko: ['에서'], en: ['for', 'in'] },
    fromKinds: AGENTS,
    toKinds: ['Concept'],
  },
  {
    type: 'SELLS',
    ko: /판매하|판매한|판매할|판매했|판매를/g,
    en: /\bsell(s|ing)?\b|\bsold\b/gi,
    objectMarks: { ko: OBJECT_KO, en: [] },
    fromKinds: AGENTS,
    toKinds: ['Product', 'Technology'],
  },
  {
    // "Reliance Jio, controlled by Mukesh Ambani" (a passive, turned round by the proposer).
    type: 'CONTROLS',
    ko: /지배|소유/g,
    en: /\bcontrol(s|led)? by\b|\bcontrols\b|\bowned by\b|\bowns\b/gi,
    objectMarks: { ko: OBJECT_KO, en: [] },
    // Either end may be the doer: the passive form names the controlled company first.
    fromKinds: AGENTS,
    toKinds: AGENTS,
  },
  {
    type: 'LAUNCHES',
    ko: /출시|선보|공개/g,
    en: /\blaunch(es|ed|ing)?\b|\bunveil(s|ed|ing)?\b|\breleas(e|es|ed)\b/gi,
    objectMarks: { ko: OBJECT_KO, en: [] },
    fromKinds: AGENTS,
  },
];

export function relationCues(sentence: string, language: Language): { cue: RelationCue; match: CueMatch }[] {
  const out: { cue: RelationCue; match: CueMatch }[] = [];
  for (const cue of RELATION_CUES) {
    const source = cue[language];
    if (!source) continue;
    const pattern = new RegExp(source.source, source.flags);
    for (const m of sentence.matchAll(pattern)) out.push({ cue, match: { index: m.index, text: m[0] } });
  }
  return out.sort((a, b) => a.match.index - b.match.index);
}

/** Titles that make a relationship between a person and an organisation ("메타 CEO 마크 저커버그"). */
export const TITLE_TYPES: [RegExp, string][] = [
  [/^(부회장|vice[- ]chairman)$/i, 'VICE_CHAIRMAN_OF'],
  [/^(회장|chairman|chairwoman|chair)$/i, 'CHAIRMAN_OF'],
  [/^(부사장|vice[- ]president)$/i, 'VICE_PRESIDENT_OF'],
  [/^(CEO|최고경영자|사장|대표|대표이사|chief executive|chief executive officer|president)$/i, 'CEO_OF'],
  [/^(창업자|founder|co-founder)$/i, 'FOUNDED'],
  [/^(연구원|애널리스트|analyst|researcher)$/i, 'WORKS_FOR'],
];

export function titleType(title: string): string | null {
  return TITLE_TYPES.find(([pattern]) => pattern.test(title.trim()))?.[1] ?? null;
}

/**
 * Denials: the sentence says the claim is untrue ("…는 사실이 아니다", "부인했다", "denied", "is not true").
 * Declining to confirm ("확인해 줄 수 없다", "declined to comment") says nothing either way: no denial.
 */
const DENIAL_CUES: Record<Language, RegExp> = {
  ko: /사실이 아니|사실과 다르|사실무근|부인했|부인한|부인하며|부인하고|부인해|일축했|일축하|반박했|부정했/,
  en: /\bden(y|ies|ied|ying)\b|\bdenial\b|\b(is|was|are|were) (not |un)true\b|\bisn['’]t true\b|\bwasn['’]t true\b|\bfalse reports?\b|\b(rejected|dismissed|refuted) (the |a |such )?(report|claim|rumou?r)s?\b/i,
};

export function stanceOf(sentence: string, language: Language): { stance: Stance; cue: string | null } {
  const match = DENIAL_CUES[language].exec(sentence);
  return match ? { stance: 'DENIES', cue: match[0] } : { stance: 'SUPPORTS', cue: null };
}

/** Speech and report verbs that end a sentence quoting someone. */
export const SPEECH_KO =
  /[”"’]\s*(라고|이라고|고|면서|라며|이라며|며)?\s*(밝혔|발표했|보도했|전했|말했|설명했|강조했|덧붙였|내다봤|분석했|예상했|전망했|평가했)|(보도했|주목했|전했|밝혔|발표했|부인했|일축했|반박했)다\.?$/;
export const MEDIA_NAME =
  /통신|일보|신문|방송|리서치|Research|Bloomberg|Reuters|News|Times|Journal|Counterpoint|TrendForce|트렌드포스|카운터포인트|블룸버그|로이터|Nikkei|닛케이|외신|Portal|포탈/i;
