// The labels of an exported report SVG as the browser lays them out (getBBox, with the SVG's own fonts),
// for the e2e checks that a report draws no label on another.
import type { Page } from 'playwright-core';

export interface DrawnLabel {
  /** "node-label" or "edge-label", and the text. */
  what: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface ReportLabels {
  labels: DrawnLabel[];
  /** Every entity in the report, with the name drawn for it ('' when its name was left out). */
  names: { id: string; name: string }[];
}

/** Puts the SVG in the page (invisible), waits for its fonts, and measures every label in the graph. */
export async function reportLabels(page: Page, svg: string): Promise<ReportLabels> {
  return page.evaluate(async (text) => {
    const host = document.createElement('div');
    host.style.cssText = 'position:fixed;left:0;top:0;opacity:0;pointer-events:none';
    host.innerHTML = text;
    document.body.append(host);
    await document.fonts.ready;
    const labels = [...host.querySelectorAll<SVGTextElement>('g.graph text')].map((t) => {
      const b = t.getBBox();
      return {
        what: `${t.getAttribute('class') ?? ''} "${t.textContent ?? ''}"`,
        x1: b.x,
        y1: b.y,
        x2: b.x + b.width,
        y2: b.y + b.height,
      };
    });
    const names = [...host.querySelectorAll('g.node')].map((g) => ({
      id: g.getAttribute('data-id') ?? '',
      name: g.querySelector('text.node-label')?.textContent ?? '',
    }));
    host.remove();
    return { labels, names };
  }, svg);
}

/** Each pair of labels whose boxes intersect (touching is not intersecting). */
export function labelCollisions(labels: readonly DrawnLabel[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b] = [labels[i]!, labels[j]!];
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) found.push(`${a.what} / ${b.what}`);
    }
  return found;
}
