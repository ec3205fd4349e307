// npm test runs the ingest evaluation on the committed articles so it cannot rot. It checks that the
// metrics are well-formed, never their values (quality is measured by `npm run eval:ingest`).
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../bench/ingest-eval.ts';

const ratio = expect.any(Number);

describe('eval:ingest', () => {
  // Leave-one-out proposes every article again per linked entity: seconds on a loaded 2-core machine.
  it('produces well-formed metrics for every committed article', { timeout: 60_000 }, () => {
    const metrics = evaluate({ runs: 1, seedArticle: null });
    expect(metrics.format).toBe('linkage-ingest-eval/v1');
    expect(metrics.articles.map((a) => [a.set, a.article]).sort()).toEqual([
      ['development', 'en-b-lg-ces-oled-cars.txt'],
      ['development', 'en-b-meta-quest-3s-india.txt'],
      ['development', 'en-b-nvidia-blackwell-supply.txt'],
      ['development', 'en-c-apple-vision-pro-price-cut.txt'],
      ['development', 'en-c-nvidia-h200-export-korea.txt'],
      ['development', 'en-c-qualcomm-samsung-3nm.txt'],
      ['development', 'en-d-naver-microsoft-azure.txt'],
      ['development', 'en-d-qualcomm-snapdragon-x-laptops.txt'],
      ['development', 'en-d-tsmc-arizona-samsung-taylor.txt'],
      ['development', 'en-e-hyundai-nvidia-drive-thor.txt'],
      ['development', 'en-e-intel-gaudi3-naver.txt'],
      ['development', 'en-e-lg-innotek-tesla-cameras.txt'],
      ['development', 'en-meta-mtia-samsung-foundry.txt'],
      ['development', 'en-meta-smart-glasses.txt'],
      ['development', 'en-qualcomm-tsmc-snapdragon.txt'],
      ['development', 'en-samsung-hbm3e-nvidia.txt'],
      ['development', 'en-samsung-qualcomm-google-xr.txt'],
      ['development', 'en-sk-hynix-hbm3e-h200.txt'],
      ['development', 'en-zuckerberg-seoul-meetings.txt'],
      ['development', 'ko-b-apple-vision-pro-korea.txt'],
      ['development', 'ko-b-kakao-llama3-kt-openai.txt'],
      ['development', 'ko-b-samsung-galaxy-s24-gemini.txt'],
      ['development', 'ko-c-hbm4-amd-pricing.txt'],
      ['development', 'ko-c-lg-energy-meta-glasses.txt'],
      ['development', 'ko-c-naver-samsung-mach1.txt'],
      ['development', 'ko-d-apple-macbook-oled.txt'],
      ['development', 'ko-d-meta-llama3-telcos.txt'],
      ['development', 'ko-d-sk-hynix-indiana-packaging.txt'],
      ['development', 'ko-e-rebellions-sapeon-merger.txt'],
      ['development', 'ko-e-semco-glass-substrate.txt'],
      ['development', 'ko-e-skt-perplexity-anthropic.txt'],
      ['development', 'ko-hbm3e-sk-hynix.txt'],
      ['development', 'ko-lg-meta-xr-headset-atlas.txt'],
      ['development', 'ko-lg-meta-xr.txt'],
      ['development', 'ko-lg-robot-nvidia.txt'],
      ['development', 'ko-samsung-2nm-qualcomm.txt'],
      ['development', 'ko-samsung-hbm3e-12hi-nvidia.txt'],
      ['development', 'ko-sk-hynix-hbm4-micron.txt'],
      ['development', 'ko-sk-hynix-tsmc-hbm4.txt'],
      ['held-out', 'en-f-meta-quest-3-korean-games.txt'],
      ['held-out', 'en-f-nvidia-huang-seoul-visit.txt'],
      ['held-out', 'en-f-samsung-biologics-ai-cluster.txt'],
      ['held-out', 'ko-f-apple-intelligence-korean.txt'],
      ['held-out', 'ko-f-lg-datacenter-cooling.txt'],
      ['held-out', 'ko-f-openai-seoul-office.txt'],
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
    // Both sets are committed; the filter keeps this from failing if the held-out set moves to development.
    for (const set of [metrics.totals.development, metrics.totals.heldOut].filter((t) => t.articles > 0))
      expect(set).toMatchObject({
        entities: { precision: ratio, recall: ratio },
        claims: { precision: ratio, recall: ratio },
        certainty: { accuracy: ratio },
        mislinks: expect.any(Array),
      });
    expect(metrics.totals.heldOut.articles).toBe(metrics.articles.filter((a) => a.set === 'held-out').length);

    // Leave-one-out: every entity an article links is taken out once, with one outcome each.
    for (const a of metrics.articles) {
      const left = metrics.leaveOneOut.entities.filter((x) => x.article === a.article);
      expect(left.length).toBeGreaterThan(0);
      expect(new Set(left.map((x) => x.entity)).size).toBe(left.length);
    }
    for (const x of metrics.leaveOneOut.entities) {
      expect(['new', 'mislinked', 'missed']).toContain(x.outcome);
      expect(x.linkedTo === null).toBe(x.outcome !== 'mislinked');
      expect(x.linkedTo).not.toBe(x.entity);
    }
    const held = metrics.leaveOneOut.totals['held-out'];
    expect(held.proposedAsNew + held.mislinked + held.missed).toBe(held.leftOut);
    expect(metrics.leaveOneOut.totals.seed.leftOut).toBe(0);

    expect(metrics.skipped).toEqual([
      { article: 'seed article', reason: expect.stringContaining('copyrighted') },
    ]);
    expect(JSON.parse(JSON.stringify(metrics))).toEqual(metrics);
  });
});
