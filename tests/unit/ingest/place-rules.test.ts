// Places in English news (issue 14, seventh round): "Taylor, Texas" (a city and its state), events held
// "in" a place, and outlets based in a place ("Taiwan's Economic Daily News"). Written sentences.
import { describe, expect, it } from 'vitest';
import { claims, mentions } from './sentences.ts';

describe('English places', () => {
  it('"City, State": both are places and the city lies in the state', () => {
    expect(mentions('Samsung is building a plant in Brookfield, Ohio.', 'en')).toEqual([
      ['Samsung', 'samsung-electronics'],
      ['Brookfield', 'new:Place'],
      ['Ohio', 'new:Place'],
    ]);
    expect(claims('Samsung is building a plant in Brookfield, Ohio.', 'en')).toContain(
      'Brookfield LOCATED_IN Ohio',
    );
  });

  it('an event held in a place took place there', () => {
    expect(claims('Zuckerberg attended the Harbor Tech Forum in Seoul.', 'en')).toContain(
      'Harbor Tech Forum TOOK_PLACE_IN Seoul',
    );
  });
});

describe('English bylines and datelines', () => {
  it('the name after "By" opening a line is a person; a capitalised dateline is a place', () => {
    expect(mentions('By Dana Whitfield\nTAIPEI (Chip Wire) - Nvidia said so.', 'en')).toEqual([
      ['Dana Whitfield', 'new:Person'],
      ['TAIPEI', 'new:Place'],
      ['Chip Wire', 'new:Organization'],
      ['Nvidia', 'nvidia'],
    ]);
  });
});
