// Synthetic news graph in the linkage/v1 import format, deterministic by seed.
// Every value is a pure function of (seed, index), so any entity, relationship or shard can be produced
// without holding the rest: the CLI streams a million entities and the bench imports shard by shard.
// Shape: entity i links only to entities j < i, with j drawn from a power law that favours low indices,
// so the first entities (named hubs such as Samsung or Nvidia) gather thousands of relationships and a
// shard never refers to an entity of a later shard.
import type { ImportEntity, ImportRelationship, ImportSource } from '../server/graph/import/format.ts';

export interface GeneratorOptions {
  entities: number;
  seed: number;
}

/** 32-bit integer hash (a mix of murmur3's finaliser); cheap and good enough for synthetic data. */
function hash(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** mulberry32: a small, fast PRNG whose whole state is one 32-bit integer. */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One entity's draws: a PRNG seeded by the graph seed and the entity's coordinates. */
const random = (seed: number, ...parts: number[]): (() => number) => mulberry32(hash(seed, ...parts));

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

type Kind = ImportEntity['kind'];

interface Hub {
  id: string;
  kind: Kind;
  name: string;
  nameKo: string;
  aliases: string[];
}

/** Real-world names so the hubs look like the news; they are the first entities of every graph. */
const HUBS: Hub[] = [
  {
    id: 'samsung-electronics',
    kind: 'Organization',
    name: 'Samsung Electronics',
    nameKo: '삼성전자',
    aliases: ['Samsung', '삼성'],
  },
  { id: 'nvidia', kind: 'Organization', name: 'Nvidia', nameKo: '엔비디아', aliases: ['NVIDIA Corporation'] },
  {
    id: 'sk-hynix',
    kind: 'Organization',
    name: 'SK hynix',
    nameKo: 'SK하이닉스',
    aliases: ['하이닉스', 'Hynix'],
  },
  {
    id: 'meta',
    kind: 'Organization',
    name: 'Meta',
    nameKo: '메타',
    aliases: ['Meta Platforms', 'Facebook', '페이스북'],
  },
  { id: 'lg-electronics', kind: 'Organization', name: 'LG Electronics', nameKo: 'LG전자', aliases: ['LG'] },
  {
    id: 'tsmc',
    kind: 'Organization',
    name: 'TSMC',
    nameKo: 'TSMC',
    aliases: ['Taiwan Semiconductor', '대만 TSMC'],
  },
  { id: 'apple', kind: 'Organization', name: 'Apple', nameKo: '애플', aliases: ['Apple Inc.'] },
  { id: 'openai', kind: 'Organization', name: 'OpenAI', nameKo: '오픈AI', aliases: ['오픈에이아이'] },
  { id: 'google', kind: 'Organization', name: 'Google', nameKo: '구글', aliases: ['Alphabet', '알파벳'] },
  { id: 'microsoft', kind: 'Organization', name: 'Microsoft', nameKo: '마이크로소프트', aliases: ['MS'] },
  {
    id: 'mark-zuckerberg',
    kind: 'Person',
    name: 'Mark Zuckerberg',
    nameKo: '마크 저커버그',
    aliases: ['저커버그', 'Zuckerberg'],
  },
  { id: 'jensen-huang', kind: 'Person', name: 'Jensen Huang', nameKo: '젠슨 황', aliases: ['황런쉰'] },
  {
    id: 'lee-jae-yong',
    kind: 'Person',
    name: 'Lee Jae-yong',
    nameKo: '이재용',
    aliases: ['Jay Y. Lee', '이 회장'],
  },
  {
    id: 'hbm',
    kind: 'Technology',
    name: 'High Bandwidth Memory',
    nameKo: '고대역폭 메모리',
    aliases: ['HBM', 'HBM3E'],
  },
  {
    id: 'generative-ai',
    kind: 'Concept',
    name: 'Generative AI',
    nameKo: '생성형 AI',
    aliases: ['GenAI', '생성 AI'],
  },
  { id: 'seoul', kind: 'Place', name: 'Seoul', nameKo: '서울', aliases: ['서울특별시'] },
];

/** Share of each kind among the non-hub entities (organisations and people dominate news graphs). */
const KIND_WEIGHTS: [Kind, number][] = [
  ['Organization', 0.3],
  ['Person', 0.3],
  ['Product', 0.15],
  ['Technology', 0.1],
  ['Event', 0.07],
  ['Place', 0.05],
  ['Concept', 0.03],
];

// Romanised and Hangul syllables side by side, so English and Korean names correspond.
const SYLLABLES: [string, string][] = [
  ['han', '한'],
  ['bit', '빛'],
  ['sam', '삼'],
  ['jin', '진'],
  ['dae', '대'],
  ['seong', '성'],
  ['mi', '미'],
  ['rae', '래'],
  ['sin', '신'],
  ['woo', '우'],
  ['hyun', '현'],
  ['ji', '지'],
  ['na', '나'],
  ['ra', '라'],
  ['sol', '솔'],
  ['bom', '봄'],
  ['ga', '가'],
  ['on', '온'],
  ['yu', '유'],
  ['da', '다'],
  ['in', '인'],
  ['ho', '호'],
  ['tae', '태'],
  ['young', '영'],
  ['su', '수'],
  ['min', '민'],
  ['jun', '준'],
  ['seo', '서'],
  ['eun', '은'],
  ['ha', '하'],
  ['kyung', '경'],
  ['do', '도'],
  ['ae', '애'],
  ['ri', '리'],
  ['mo', '모'],
];
const ORG_SUFFIXES: [string, string][] = [
  ['Semiconductor', '반도체'],
  ['Electronics', '전자'],
  ['Robotics', '로보틱스'],
  ['Labs', '랩스'],
  ['Systems', '시스템즈'],
  ['Mobility', '모빌리티'],
  ['Networks', '네트웍스'],
  ['Bio', '바이오'],
  ['Display', '디스플레이'],
  ['Capital', '캐피탈'],
  ['Telecom', '텔레콤'],
  ['Soft', '소프트'],
];
const FAMILY: [string, string][] = [
  ['Kim', '김'],
  ['Lee', '이'],
  ['Park', '박'],
  ['Choi', '최'],
  ['Jung', '정'],
  ['Kang', '강'],
  ['Cho', '조'],
  ['Yoon', '윤'],
  ['Jang', '장'],
  ['Lim', '임'],
  ['Han', '한'],
  ['Shin', '신'],
];
const ENGLISH_FIRST = [
  'Alex',
  'Maria',
  'David',
  'Sarah',
  'James',
  'Emily',
  'Daniel',
  'Laura',
  'Kevin',
  'Anna',
];
const ENGLISH_LAST = ['Morgan', 'Chen', 'Patel', 'Schmidt', 'Garcia', 'Novak', 'Tanaka', 'Brown', 'Rossi'];
const PRODUCT_LINES: [string, string][] = [
  ['Galaxy', '갤럭시'],
  ['Nova', '노바'],
  ['Orbit', '오빗'],
  ['Pulse', '펄스'],
  ['Vista', '비스타'],
  ['Quantum', '퀀텀'],
  ['Aero', '에어로'],
  ['Neo', '네오'],
  ['Prime', '프라임'],
  ['Flex', '플렉스'],
];
const TECHNOLOGIES: [string, string][] = [
  ['Chiplet Packaging', '칩렛 패키징'],
  ['On-device AI', '온디바이스 AI'],
  ['Solid-state Battery', '전고체 배터리'],
  ['Extreme Ultraviolet Lithography', '극자외선 노광'],
  ['Neural Processing Unit', '신경망 처리 장치'],
  ['Mixed Reality', '혼합현실'],
  ['6G Networking', '6G 통신'],
  ['Processing in Memory', '프로세싱 인 메모리'],
  ['Large Language Model', '대규모 언어 모델'],
  ['Silicon Photonics', '실리콘 포토닉스'],
];
const EVENTS: [string, string][] = [
  ['Summit', '정상회의'],
  ['Expo', '박람회'],
  ['Earnings Call', '실적 발표'],
  ['Developer Conference', '개발자 회의'],
  ['Investor Day', '투자자의 날'],
  ['Policy Forum', '정책 포럼'],
];
const PLACES: [string, string][] = [
  ['Pangyo', '판교'],
  ['Suwon', '수원'],
  ['Icheon', '이천'],
  ['Pyeongtaek', '평택'],
  ['Busan', '부산'],
  ['Hsinchu', '신주'],
  ['Austin', '오스틴'],
  ['Menlo Park', '멘로파크'],
  ['Santa Clara', '산타클라라'],
];
const CONCEPTS: [string, string][] = [
  ['Chip Export Controls', '반도체 수출 통제'],
  ['AI Sovereignty', 'AI 주권'],
  ['Supply Chain Resilience', '공급망 안정'],
  ['Open Source AI', '오픈소스 AI'],
  ['Data Center Power Demand', '데이터센터 전력 수요'],
];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const slugOf = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function syllableName(r: () => number, count: number): [string, string] {
  const parts = Array.from({ length: count }, () => pick(r, SYLLABLES));
  return [cap(parts.map((p) => p[0]).join('')), parts.map((p) => p[1]).join('')];
}

function kindOf(seed: number, index: number): Kind {
  if (index < HUBS.length) return HUBS[index]!.kind;
  let u = random(seed, index, 1)();
  for (const [kind, weight] of KIND_WEIGHTS) {
    if (u < weight) return kind;
    u -= weight;
  }
  return 'Organization';
}

/** Entity number `index` of the graph; deterministic by (seed, index). */
export function entityAt(seed: number, index: number): ImportEntity {
  const kind = kindOf(seed, index);
  if (index < HUBS.length) {
    const hub = HUBS[index]!;
    return {
      id: hub.id,
      kind,
      name: hub.name,
      nameKo: hub.nameKo,
      aliases: hub.aliases,
      description: `${hub.name} (${hub.nameKo}), one of the most cited ${kind.toLowerCase()}s in technology news.`,
      properties: { hub: true },
    };
  }
  const r = random(seed, index, 2);
  let name: string;
  let nameKo: string;
  let aliases: string[] = [];
  let occurredAt: string | undefined;
  const properties: Record<string, string | number | boolean> = {};
  switch (kind) {
    case 'Organization': {
      const [en, ko] = syllableName(r, 2);
      const [suffixEn, suffixKo] = pick(r, ORG_SUFFIXES);
      name = `${en} ${suffixEn}`;
      nameKo = `${ko}${suffixKo}`;
      aliases = [en, ko, `${en.toUpperCase().slice(0, 3)} ${suffixEn}`];
      properties.employees = Math.floor(10 ** (1 + r() * 4));
      break;
    }
    case 'Person': {
      if (r() < 0.75) {
        const [familyEn, familyKo] = pick(r, FAMILY);
        const [givenEn, givenKo] = syllableName(r, 2);
        name = `${familyEn} ${givenEn.slice(0, 1)}${givenEn.slice(1).replace(/^(\w+?)(?=[^aeiou]|$)/, '$1')}`;
        nameKo = `${familyKo}${givenKo}`;
        aliases = [`${givenEn} ${familyEn}`, givenKo];
      } else {
        name = `${pick(r, ENGLISH_FIRST)} ${pick(r, ENGLISH_LAST)}`;
        nameKo = name
          .split(' ')
          .map((w) => pick(r, SYLLABLES)[1] + w.length)
          .join(' ');
        aliases = [name.split(' ')[1]!];
      }
      properties.role = pick(r, ['CEO', 'CTO', 'analyst', 'minister', 'founder', 'engineer', 'investor']);
      break;
    }
    case 'Product': {
      const [lineEn, lineKo] = pick(r, PRODUCT_LINES);
      const model = `${pick(r, ['S', 'X', 'Z', 'Pro', 'Ultra', 'Max'])}${1 + Math.floor(r() * 30)}`;
      name = `${lineEn} ${model}`;
      nameKo = `${lineKo} ${model}`;
      aliases = [`${lineEn}${model}`];
      occurredAt = `${2019 + Math.floor(r() * 7)}`;
      break;
    }
    case 'Technology': {
      const [en, ko] = pick(r, TECHNOLOGIES);
      const generation = 1 + Math.floor(r() * 9);
      name = `${en} Gen ${generation}`;
      nameKo = `${ko} ${generation}세대`;
      aliases = [
        `${en
          .split(' ')
          .map((w) => w[0])
          .join('')}${generation}`,
      ];
      break;
    }
    case 'Event': {
      const [placeEn, placeKo] = pick(r, PLACES);
      const [en, ko] = pick(r, EVENTS);
      const year = 2019 + Math.floor(r() * 7);
      const month = 1 + Math.floor(r() * 12);
      name = `${placeEn} ${en} ${year}`;
      nameKo = `${year} ${placeKo} ${ko}`;
      occurredAt = `${year}-${String(month).padStart(2, '0')}`;
      break;
    }
    case 'Place': {
      const [en, ko] = pick(r, PLACES);
      const [districtEn, districtKo] = syllableName(r, 2);
      name = `${districtEn}, ${en}`;
      nameKo = `${ko} ${districtKo}`;
      break;
    }
    default: {
      const [en, ko] = pick(r, CONCEPTS);
      const [qualifierEn, qualifierKo] = syllableName(r, 1);
      name = `${en} (${qualifierEn})`;
      nameKo = `${ko} (${qualifierKo})`;
      break;
    }
  }
  return {
    id: `${slugOf(name).slice(0, 40)}-${index.toString(36)}`,
    kind,
    name,
    nameKo,
    aliases,
    description: `${name} (${nameKo}): a synthetic ${kind.toLowerCase()} that appears in ${1 + Math.floor(r() * 40)} articles.`,
    ...(occurredAt ? { occurredAt } : {}),
    properties,
  };
}

/** Relationship types by (subject kind, object kind); the subject is the newer entity. */
function typeFor(r: () => number, from: Kind, to: Kind): string {
  if (from === 'Person' && to === 'Organization')
    return pick(r, ['WORKS_AT', 'FOUNDED', 'MET_WITH', 'CRITICIZED']);
  if (from === 'Person' && to === 'Person') return pick(r, ['MET_WITH', 'SUCCEEDED', 'MET_WITH']);
  if (from === 'Organization' && to === 'Organization')
    return pick(r, ['COMPETES_WITH', 'PARTNERS_WITH', 'SUPPLIES', 'INVESTED_IN', 'ACQUIRED']);
  if (from === 'Product' && to === 'Organization') return 'MADE_BY';
  if (from === 'Organization' && to === 'Technology') return pick(r, ['DEVELOPS', 'INVESTED_IN']);
  if (to === 'Technology' || to === 'Concept') return pick(r, ['USES', 'MENTIONS']);
  if (to === 'Place') return 'LOCATED_IN';
  if (to === 'Event' || from === 'Event') return 'PARTICIPATED_IN';
  return pick(r, ['MENTIONED_WITH', 'PARTNERS_WITH', 'COMPETES_WITH']);
}

const CERTAINTY_WEIGHTS: [ImportRelationship['evidence'][number]['certainty'], number][] = [
  ['CONFIRMED', 0.5],
  ['REPORTED', 0.35],
  ['SPECULATIVE', 0.15],
];

export function sourceCount(entities: number): number {
  return Math.max(5, Math.ceil(entities / 100));
}

/** Article number `index`: publication dates spread over 2019–2025, Korean and English outlets. */
export function sourceAt(seed: number, index: number): ImportSource {
  const r = random(seed, index, 3);
  const year = 2019 + Math.floor(r() * 7);
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const korean = r() < 0.6;
  const publisher = korean
    ? pick(r, ['한빛일보', '테크데일리', '서울경제신문', '디지털타임즈'])
    : pick(r, ['Tech Ledger', 'Silicon Weekly', 'Asia Markets Wire']);
  return {
    id: `src-${index.toString(36)}`,
    title: korean ? `[단독] 반도체·AI 업계 동향 ${index}호` : `Chips and AI roundup no. ${index}`,
    titleEn: korean ? `[Exclusive] Chip and AI industry trends no. ${index}` : null,
    publisher,
    author: korean
      ? `${pick(r, FAMILY)[1]}${syllableName(r, 2)[1]} 기자`
      : `${pick(r, ENGLISH_FIRST)} ${pick(r, ENGLISH_LAST)}`,
    publishedAt: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    language: korean ? 'ko' : 'en',
    url: `https://news.example.com/${year}/${index}`,
  };
}

/** How strongly links concentrate on the first entities; higher makes bigger hubs. */
const POWER = 2.5;

/** The relationships whose subject is entity `index` (all objects have lower indices). */
export function relationshipsFrom(seed: number, entities: number, index: number): ImportRelationship[] {
  if (index === 0) return [];
  const r = random(seed, index, 4);
  const wanted = Math.min(index, 2 + Math.floor(r() * 7));
  const targets = new Set<number>();
  for (let attempt = 0; targets.size < wanted && attempt < wanted * 4; attempt += 1) {
    const target = r() < 0.75 ? Math.floor(index * r() ** POWER) : Math.floor(index * r());
    targets.add(Math.min(target, index - 1));
  }
  const from = entityAt(seed, index);
  const sources = sourceCount(entities);
  return [...targets].map((target) => {
    const to = entityAt(seed, target);
    const type = typeFor(r, from.kind, to.kind);
    const evidence = Array.from({ length: r() < 0.7 ? 1 : 2 }, (_, n) => {
      let u = r();
      let certainty = CERTAINTY_WEIGHTS[0]![0];
      for (const [c, w] of CERTAINTY_WEIGHTS) {
        if (u < w) {
          certainty = c;
          break;
        }
        u -= w;
      }
      const korean = r() < 0.5;
      return {
        quote: korean
          ? `${from.nameKo}와 ${to.nameKo}의 관계가 업계에서 주목받고 있다 (${n + 1})`
          : `${from.name} and ${to.name} were named together by people familiar with the matter (${n + 1})`,
        translation: korean
          ? `The relationship between ${from.name} and ${to.name} is drawing attention`
          : null,
        attributedTo: pick(r, ['industry official', '업계 관계자', 'company spokesperson', 'analyst']),
        certainty,
        source: `src-${Math.floor(r() * sources).toString(36)}`,
      };
    });
    const dated = r() < 0.85;
    const year = 2019 + Math.floor(r() * 7);
    const month = String(1 + Math.floor(r() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(r() * 28)).padStart(2, '0');
    return {
      type,
      from: from.id,
      to: to.id,
      ...(dated ? { occurredAt: `${year}-${month}-${day}` } : {}),
      properties: {},
      evidence,
    };
  });
}

export interface Shard {
  format: 'linkage/v1';
  sources: ImportSource[];
  entities: ImportEntity[];
  relationships: ImportRelationship[];
}

/** Entities [start, end) with their outgoing relationships: a self-contained import document. */
export function shard(options: GeneratorOptions, start: number, end: number): Shard {
  const sources = Array.from({ length: sourceCount(options.entities) }, (_, i) => sourceAt(options.seed, i));
  const entities: ImportEntity[] = [];
  const relationships: ImportRelationship[] = [];
  for (let i = start; i < end; i += 1) {
    entities.push(entityAt(options.seed, i));
    relationships.push(...relationshipsFrom(options.seed, options.entities, i));
  }
  return { format: 'linkage/v1', sources, entities, relationships };
}

/** Writes one whole document chunk by chunk; `write` must apply backpressure (return when drained). */
export async function writeDocument(
  options: GeneratorOptions,
  write: (chunk: string) => Promise<void>,
): Promise<{ entities: number; relationships: number }> {
  const sources = Array.from({ length: sourceCount(options.entities) }, (_, i) => sourceAt(options.seed, i));
  await write(`{"format":"linkage/v1","sources":${JSON.stringify(sources)},\n"entities":[\n`);
  let buffer: string[] = [];
  const flush = async () => {
    if (buffer.length === 0) return;
    await write(buffer.join(''));
    buffer = [];
  };
  for (let i = 0; i < options.entities; i += 1) {
    buffer.push(`${i === 0 ? '' : ',\n'}${JSON.stringify(entityAt(options.seed, i))}`);
    if (buffer.length >= 1000) await flush();
  }
  await flush();
  await write('\n],\n"relationships":[\n');
  let relationships = 0;
  for (let i = 0; i < options.entities; i += 1) {
    for (const rel of relationshipsFrom(options.seed, options.entities, i)) {
      buffer.push(`${relationships === 0 ? '' : ',\n'}${JSON.stringify(rel)}`);
      relationships += 1;
    }
    if (buffer.length >= 1000) await flush();
  }
  await flush();
  await write('\n]}\n');
  return { entities: options.entities, relationships };
}
