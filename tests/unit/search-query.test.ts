import { describe, expect, it } from 'vitest';
import {
  buildClaimQuery,
  buildSearchQuery,
  CHOSEONG,
  CHOSEONG_BOUNDS,
  choseongPattern,
  describeMatch,
  stripParticle,
  tokenize,
} from '../../server/graph/search.ts';

describe('search query building', () => {
  it('strips a trailing Korean particle only from Korean words', () => {
    expect(stripParticle('메타가')).toBe('메타');
    expect(stripParticle('삼성은')).toBe('삼성');
    expect(stripParticle('서울에서')).toBe('서울');
    expect(stripParticle('가')).toBeNull();
    expect(stripParticle('samsung')).toBeNull();
  });

  it('matches the last word as a prefix for typeahead', () => {
    const query = buildSearchQuery('mark zuck')!;
    expect(query.lucene).toContain('zuck*');
    expect(query.lucene).not.toContain('mark*');
    expect(query.forms).toContain('mark zuck');
  });

  it('matches prefixes on names and aliases only; descriptions need whole words', () => {
    const query = buildSearchQuery('삼성은 반도')!;
    const field = (name: string) =>
      query.lucene.match(new RegExp(`(?:^| )${name}:\\((.*?)\\)`))![1]!.split(' ');
    for (const name of ['name', 'nameKo', 'aliasText'])
      expect(field(name)).toEqual(expect.arrayContaining(['반도', '반도*', '삼성은', '삼성']));
    expect(field('description')).toEqual(['삼성은', '삼성', '반도']);
    expect(field('description').some((term) => term.endsWith('*'))).toBe(false);
  });

  it('keeps Lucene syntax from user input out of the query', () => {
    for (const hostile of [
      'name:*',
      'a AND b OR NOT c',
      '"unbalanced',
      'x\\',
      '*?~^[]{}()!:/',
      'a && b || c',
    ]) {
      const query = buildSearchQuery(hostile);
      if (query === null) continue;
      const userPart = query.lucene.match(/^name:\((.*?)\)\^4/)![1]!;
      expect(userPart).toMatch(/^[\p{L}\p{N} *]+$/u);
      expect(userPart).not.toMatch(/\b(AND|OR|NOT)\b/);
    }
  });

  it('returns null when nothing searchable is left', () => {
    expect(buildSearchQuery('*** ???')).toBeNull();
    expect(tokenize('  ')).toEqual([]);
  });

  it('adds the particle-free form as an exact form', () => {
    expect(buildSearchQuery('메타가')!.forms).toContain('메타');
  });

  it('says which field matched', () => {
    const entity = {
      name: 'Cho Joo-wan',
      nameKo: '조주완',
      aliases: ['조 윌리엄', 'William Cho'],
      description: 'CEO of LG Electronics',
    };
    expect(describeMatch(entity, '조주완')).toEqual({ matchedField: 'nameKo', snippet: '조주완' });
    expect(describeMatch(entity, 'william')).toEqual({ matchedField: 'alias', snippet: 'William Cho' });
    expect(describeMatch(entity, 'electronics').matchedField).toBe('description');
  });
});

describe('typo tolerance and 초성 search', () => {
  it('adds edit-distance terms for long Latin words, outside the exact group', () => {
    const query = buildSearchQuery('zuckerburg')!;
    expect(query.lucene).toContain('name:(zuckerburg~2)^1.5');
    expect(query.lucene.match(/^name:\((.*?)\)\^4/)![1]).not.toContain('~');
    expect(buildSearchQuery('meta')!.lucene).not.toContain('~');
    expect(buildSearchQuery('메타가')!.lucene).not.toContain('~');
  });

  it('recognises text made of initial consonants only', () => {
    expect(choseongPattern('ㅈㅋㅂㄱ')).toBe('ㅈㅋㅂㄱ');
    expect(choseongPattern('ㅁㅋ ㅈㅋㅂㄱ')).toBe('ㅁㅋㅈㅋㅂㄱ');
    expect(choseongPattern('저커버그')).toBeNull();
    expect(choseongPattern('ㅈ')).toBeNull();
    expect(choseongPattern('ㅈㅋ a')).toBeNull();
  });

  it('maps every syllable to its initial by the bounds the Cypher uses', () => {
    const initialOf = (ch: string) => CHOSEONG[CHOSEONG_BOUNDS.filter((b) => b <= ch).length - 1];
    expect([...'저커버그'].map(initialOf).join('')).toBe('ㅈㅋㅂㄱ');
    expect([...'삼성전자'].map(initialOf).join('')).toBe('ㅅㅅㅈㅈ');
    expect([...'까힣'].map(initialOf).join('')).toBe('ㄲㅎ');
  });
});

describe('claim query building', () => {
  it('requires every word in the quote or its translation, the last as a prefix', () => {
    const lucene = buildClaimQuery('GPU 공급을')!;
    expect(lucene).toBe(
      '+(quote:(gpu)^2 translation:(gpu)) +(quote:(공급을 공급을* 공급 공급*)^2 translation:(공급을 공급을* 공급 공급*))',
    );
  });

  it('keeps a figure with its separators as one word and drops Lucene syntax', () => {
    expect(buildClaimQuery('600,000 chips')).toContain('quote:(600,000)');
    const hostile = buildClaimQuery('"a*" OR b~ (c:d)')!;
    const terms = [...hostile.matchAll(/:\(([^()]*)\)/g)].flatMap((m) => m[1]!.split(' '));
    expect(terms.length).toBeGreaterThan(0);
    for (const term of terms) expect(term).toMatch(/^[\p{L}\p{N},.]+\*?$/u);
    expect(hostile).not.toMatch(/ OR /);
    expect(buildClaimQuery('*** ---')).toBeNull();
  });
});
