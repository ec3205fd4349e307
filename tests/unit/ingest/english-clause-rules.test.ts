// English constructions missed on unseen text (issue 14, seventh round): "its" products, relative clauses
// after a comma, passives with "by", selling, and a company named by its group's brand and a company
// noun ("LG Display" is a company, not an LG product). Written sentences, not the eval's articles.
import { describe, expect, it } from 'vitest';
import { claims, mentions } from './sentences.ts';

const en = (text: string) => claims(text, 'en');

describe('English noun phrases and clauses', () => {
  it('"its" product belongs to the subject before it', () => {
    expect(en('Meta will keep its Orbit 7X headset cheap.')).toContain('Meta PRODUCES Orbit 7X');
  });

  it('", which X launched": the noun before the comma is the object of the clause', () => {
    expect(en('The Quest 9 is cheap, unlike the Orbit 7X, which Meta launched a year ago.')).toContain(
      'Meta LAUNCHES Orbit 7X',
    );
  });

  it('a passive with "by" turns the claim round', () => {
    expect(en('Reliance Jio, controlled by billionaire Mukesh Ambani, grew fast.')).toEqual([
      'Mukesh Ambani CONTROLS Reliance Jio',
    ]);
    expect(en('The Orbit 7X uses a panel made by Hanbit Display, the company said.')).toContain(
      'Hanbit Display PRODUCES Orbit 7X',
    );
  });

  it('selling a product', () => {
    expect(en('Meta will start selling the Orbit 7X in Brazil.')).toContain('Meta SELLS Orbit 7X');
  });

  it('a group brand followed by a company noun is another company', () => {
    expect(mentions('LG Display makes panels.', 'en')).toEqual([['LG Display', 'new:Organization']]);
  });
});
