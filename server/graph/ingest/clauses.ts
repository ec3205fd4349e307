// The clause-level fallback: where a sentence names two or more entities in a clause and no specific
// rule paired them, the clause's subject is paired with the clause's other arguments, typed from the
// clause's predicate. Specific rules are precise but narrow (each knows one construction); unseen
// articles mostly use constructions none of them knows, so this general reading buys recall, at a lower
// confidence than a rule's, which keeps its claims out of a bulk "accept all above x".
import type { Mention } from './mentions.ts';
import type { Language, Sentence } from './text.ts';

/** One clause of a sentence: its span and the mentions inside it, in order. */
export interface Clause {
  start: number;
  end: number;
  mentions: Mention[];
}

/**
 * Where one clause ends and the next begins. Korean joins clauses with connective endings on a verb
 * (-고, -며, -면서, -는데, -지만, -으나, -해, -했으나) and closes quotations with ”/"; English with
 * ", and", ";", ", while", ", but" and a relative ", which/who".
 */
const CLAUSE_END: Record<Language, RegExp> = {
  ko: /(?<=\p{Script=Hangul})(?:고|며|면서|는데|지만|으나|해|했으나|했고|했으며),?\s|[”"]\s?(?:라고|고|며|라며)?\s?/gu,
  en: /,\s+(?:and|while|but|which|who|whereas)\s|;\s|\s(?:while|whereas)\s|,?\s(?=(?:said|says|told|according to)\b)|,\s+(?=[^,]*\b(?:said|says)\W*$)/gi,
};

/** The sentence cut at its clause ends; each mention goes to the clause it lies in. */
export function splitClauses(sentence: Sentence, ms: Mention[], language: Language): Clause[] {
  const cuts = [sentence.start];
  for (const end of sentence.text.matchAll(CLAUSE_END[language]))
    cuts.push(sentence.start + end.index + end[0].length);
  cuts.push(sentence.end);
  const out: Clause[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i]!, cuts[i + 1]!];
    if (end <= start) continue;
    out.push({ start, end, mentions: ms.filter((m) => m.start >= start && m.end <= end) });
  }
  return out;
}

/**
 * Common news predicates and the graph's word for each; the first one after the object (Korean: the
 * verb ends the clause) or between subject and object (English) types the claim.
 */
const PREDICATES: Record<Language, [RegExp, string][]> = {
  ko: [
    [/공급|납품/, 'SUPPLIES'],
    [/협력|제휴|손잡|손을 잡|협업|동맹/, 'PARTNERS_WITH'],
    [/개발|설계/, 'DEVELOPS'],
    [/투자/, 'INVESTS_IN'],
    [/인수/, 'ACQUIRES'],
    [/경쟁|추격|맞서/, 'COMPETES_WITH'],
    [/생산|양산|제조|만들|만든|만드/, 'PRODUCES'],
    [/탑재|채택|적용|들어가|들어간|들어갈|사용|쓴다|쓰는|써 왔|도입/, 'USES'],
    [/만나|만났|만난|회동|면담/, 'MET_WITH'],
    [/방문|찾아|찾았|찾는|방한|왔다|온다|올 예정/, 'VISITED'],
    [/출시|공개|선보|내놓/, 'LAUNCHES'],
    [/논의|협상|협의/, 'DISCUSSED'],
    [/운영/, 'OPERATES'],
    [/참석|참가|참여/, 'PARTICIPATED_IN'],
  ],
  en: [
    [/\b(suppl(y|ies|ied|ying)|ship(s|ped|ping)?)\b/i, 'SUPPLIES'],
    [/\b(partner(s|ed|ing)?|team(s|ed)? up|collaborat\w*|alliance)\b/i, 'PARTNERS_WITH'],
    [/\b(develop(s|ed|ing)?|design(s|ed|ing)?)\b/i, 'DEVELOPS'],
    [/\binvest(s|ed|ing|ment)?\b/i, 'INVESTS_IN'],
    [/\b(acquir(e|es|ed|ing)|bought|buy(s|ing)?)\b/i, 'ACQUIRES'],
    [/\b(compet(e|es|ed|ing)|rival(s|ing)?)\b/i, 'COMPETES_WITH'],
    [/\b(produc(e|es|ed|ing)|manufactur\w*|mak(e|es|ing)|made|buil(d|ds|t))\b/i, 'PRODUCES'],
    [/\b(us(e|es|ed|ing)|adopt(s|ed|ing)?|runs? on|power(s|ed)?)\b/i, 'USES'],
    [/\b(met|meet(s|ing)?)\b/i, 'MET_WITH'],
    [/\bvisit(s|ed|ing)?\b/i, 'VISITED'],
    [/\b(launch(es|ed|ing)?|unveil(s|ed|ing)?|releas(e|es|ed))\b/i, 'LAUNCHES'],
    [/\b(discuss(es|ed|ing)?|negotiat\w*|talks)\b/i, 'DISCUSSED'],
    [/\boperat(e|es|ed|ing)\b/i, 'OPERATES'],
    [/\battend(s|ed|ing)?\b/i, 'PARTICIPATED_IN'],
  ],
};

/**
 * The claim's type: the clause's predicate when the lexicon knows it, else what the kinds of the ends
 * honestly allow (a place is where something is, an event is taken part in), else MENTIONED_WITH, which
 * says no more than that the clause names both.
 */
export function predicateType(predicateText: string, from: Mention, to: Mention, language: Language): string {
  const known = PREDICATES[language].find(([pattern]) => pattern.test(predicateText));
  if (known) return known[1];
  if (to.kind === 'Event' && (from.kind === 'Organization' || from.kind === 'Person'))
    return 'PARTICIPATED_IN';
  if (to.kind === 'Place' && from.kind === 'Event') return 'TOOK_PLACE_IN';
  if (to.kind === 'Place' && from.kind === 'Place') return 'LOCATED_IN';
  return 'MENTIONED_WITH';
}

export interface FallbackPair {
  type: string;
  from: Mention;
  to: Mention;
  confidence: number;
}

/** What the fallback needs from the proposer: entity keys, particles and the pairs rules already made. */
export interface FallbackContext {
  key: (m: Mention) => string;
  /** The Korean particle marking the mention's role, also past a title or head noun. */
  role: (m: Mention) => string;
  /** True when a rule already claimed something between these two entities in this sentence. */
  covered: (a: Mention, b: Mention) => boolean;
  /** True when a rule already read this span (one of its claims has an end inside it). */
  read: (start: number, end: number) => boolean;
  /** Names that only qualify another ("Meta" in "Meta CEO Mark Zuckerberg"): no end of a fallback claim. */
  qualifiers: Set<Mention>;
}

/**
 * English attribution (", said X", ", X said.", "according to X"), read from the clause to the sentence's
 * end, names the speaker, not a party to the act the sentence reports.
 */
const ATTRIBUTION_EN = /^(said|says|told|according to)\b|^[^,]*\b(said|says)\W*$/i;
/** "met Zuckerberg in Seoul": a place after "in"/"at" is where the act happens, not a party to it. */
const LOCATIVE_EN = /\b(in|at)\s+(the\s+)?$/i;

/** "A and B", "A, B", "A·B", "A와 B": names listed side by side are not in a relation by being listed. */
function listed(a: Mention, b: Mention, text: string): boolean {
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  const gap = text.slice(first.end, second.start);
  return /^(\s+and\s+|,\s*|,\s+and\s+|·|(와|과) )$/.test(gap);
}
/** "Nvidia's H100": the possessor qualifies the next name. */
const possessor = (m: Mention, text: string) => /^['’]s?\s/.test(text.slice(m.end, m.end + 3));

const SUBJECT_KO = /^(은|는|이|가|도|께서|께서는|측은)$/;
/** Korean particles marking an argument of the clause's verb (object, goal, partner, source, place). */
const ARGUMENT_KO = /^(을|를|에|에게|에는|에도|와|과|와의|과의|로|으로|로부터|에서|에서는|도|이|가|은|는)$/;

/**
 * The clause's subject: Korean marks it with 은/는/이/가 (and a topic opening the sentence carries on into
 * later clauses that have none); English puts it before the clause's verb, so the first name of the clause.
 */
function subjectOf(
  clause: Clause,
  language: Language,
  role: (m: Mention) => string,
  topic: Mention | null,
): Mention | null {
  const candidates = clause.mentions.filter((m) => !m.particle.endsWith('의'));
  if (language === 'en' && candidates.length === 0) return topic;
  if (language === 'ko')
    return candidates.find((m) => SUBJECT_KO.test(role(m))) ?? topic ?? candidates[0] ?? null;
  return candidates[0] ?? topic;
}

/** The names listed with this one, itself included, in order: "삼성전자·SK하이닉스·마이크론은", "A and B". */
function listOf(m: Mention, clause: Clause, text: string): Mention[] {
  const ms = clause.mentions;
  let first = ms.indexOf(m);
  let last = first;
  if (first < 0) return [m];
  while (first > 0 && listed(ms[first - 1]!, ms[first]!, text)) first--;
  while (last + 1 < ms.length && listed(ms[last]!, ms[last + 1]!, text)) last++;
  return ms.slice(first, last + 1);
}

/** A Korean list's members carry no particle but the last one's: "메타·MS 등과" are both marked 와. */
function listRole(m: Mention, clause: Clause, text: string, role: (m: Mention) => string): string {
  return role(listOf(m, clause, text).at(-1)!);
}

/** The subject paired with each other argument of the clause no rule has paired it with. */
export function clauseFallbackClaims(
  sentence: Sentence,
  ms: Mention[],
  text: string,
  language: Language,
  context: FallbackContext,
): FallbackPair[] {
  const out: FallbackPair[] = [];
  let topic: Mention | null = null;
  const usable = ms.filter((m) => !context.qualifiers.has(m) && !(language === 'en' && possessor(m, text)));
  for (const clause of splitClauses(sentence, usable, language)) {
    if (language === 'en' && ATTRIBUTION_EN.test(text.slice(clause.start, sentence.end).trimStart()))
      continue;
    const role = (m: Mention) => listRole(m, clause, text, context.role);
    const subject = subjectOf(clause, language, role, topic);
    if (!subject) continue;
    if (language === 'en' || SUBJECT_KO.test(role(subject))) topic ??= subject;
    // Where a rule understood the clause, its reading stands; the fallback reads only what it left.
    const read = context.read(clause.start, clause.end);
    const argument = (m: Mention) =>
      // A word marked 의 ("엔비디아의 젯슨") only modifies the next noun; it is no argument of the verb.
      !m.particle.endsWith('의') &&
      (language === 'en' || ARGUMENT_KO.test(role(m))) &&
      !(read && context.read(m.start, m.end)) &&
      !(language === 'en' && m.kind === 'Place' && LOCATIVE_EN.test(text.slice(clause.start, m.start)));
    // "삼성전자와 SK하이닉스는 …": every listed subject does what the clause says.
    const subjects = clause.mentions.includes(subject) ? listOf(subject, clause, text) : [subject];
    for (const from of subjects)
      for (const to of clause.mentions.filter((m) => !subjects.includes(m) && argument(m))) {
        if (context.key(from) === context.key(to) || context.covered(from, to)) continue;
        // Korean puts the verb after its arguments; English between subject and object.
        const predicate =
          language === 'ko'
            ? text.slice(to.end, clause.end)
            : text.slice(Math.min(from.end, to.end), clause.end);
        out.push({ type: predicateType(predicate, from, to, language), from, to, confidence: 0.4 });
      }
  }
  return out;
}
