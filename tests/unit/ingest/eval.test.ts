// npm test runs the ingest evaluation on the committed articles so it cannot rot. It checks that the
// metrics are well-formed, never their values (quality is measured by `npm run eval:ingest`).
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../scripts/eval-ingest.ts';

const ratio = expect.any(Number);

describe('eval:ingest', () => {
  it('produces well-formed metrics for every committed article', () => {
    const metrics = evaluate({ runs: 1, seedArticle: null });
    expect(metrics.format).toBe('linkage-ingest-eval/v1');
    expect(metrics.articles.map((a) => a.article).sort()).toEqual([
      'en-samsung-hbm3e-nvidia.txt',
      'en-zuckerberg-seoul-meetings.txt',
      'ko-hbm3e-sk-hynix.txt',
      'ko-lg-meta-xr.txt',
    ]);
    for (const a of metrics.articles) {
      expect(a).toMatchObject({
        entities: { gold: expect.any(Number), precision: ratio, recall: ratio },
        claims: { gold: expect.any(Number), precision: ratio, recall: ratio },
        certainty: { accuracy: ratio },
        spansExact: ratio,
        ms: { p50: ratio, p95: ratio },
      });
      for (const value of [
        a.entities!.precision,
        a.entities!.recall,
        a.claims.precision,
        a.claims.recall,
        a.spansExact,
      ]) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
    expect(metrics.skipped).toEqual([
      { article: 'seed article', reason: expect.stringContaining('copyrighted') },
    ]);
    expect(JSON.parse(JSON.stringify(metrics))).toEqual(metrics);
  });
});
