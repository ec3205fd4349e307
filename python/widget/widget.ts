// The notebook graph widget (anywidget ES module). It draws with the explorer's own Cytoscape stylesheet,
// element mapping, palette and legend (client/src/graph-view), bundled with Cytoscape into
// python/src/linkage/static/widget.js by scripts/widget-build.ts, so the widget needs nothing from the
// network. Click → details and evidence in the side panel; double-click or "Expand" → the Python side adds
// the neighbours (a custom message), and the new nodes arrive through the synced `nodes` trait.
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Entity, Evidence, Relationship } from '../../client/src/api/shapes.ts';
import { edgeElement, nodeElement, type ElementOptions } from '../../client/src/graph-view/elements.ts';
import { FCOSE_SPACING } from '../../client/src/graph-view/layouts.ts';
import { renderLegend } from '../../client/src/graph-view/legend.ts';
import { kindStyle } from '../../client/src/graph-view/palette.ts';
import { buildStylesheet, FONT_FAMILY } from '../../client/src/graph-view/stylesheet.ts';

cytoscape.use(fcose);

/** The part of an anywidget model this widget uses. */
export interface WidgetModel {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  save_changes(): void;
  on(event: string, callback: () => void): void;
  off(event: string, callback: () => void): void;
  send(content: unknown): void;
}

/** Evidence as the Python side sends it: the API's fields, plus the evidence-level model's when present. */
type WidgetEvidence = Evidence & {
  stance?: string | null;
  occurredAt?: string | null;
  source: Evidence['source'] & { reliability?: string | null };
};
type WidgetRelationship = Omit<Relationship, 'evidence'> & {
  evidence: WidgetEvidence[];
  sourceCount?: number;
  disputed?: boolean;
};
type LabelMode = ElementOptions['labelMode'];

const CSS = `
.linkage-widget { display: flex; gap: 8px; font-family: ${FONT_FAMILY}; font-size: 13px; color: #1a1a1a; }
.linkage-widget .lw-canvas { flex: 1 1 auto; min-width: 0; border: 1px solid #d0d0d0; border-radius: 4px; background: #fff; }
.linkage-widget .lw-side { flex: 0 0 300px; display: flex; flex-direction: column; gap: 8px; overflow: auto; }
.linkage-widget .lw-details { border: 1px solid #d0d0d0; border-radius: 4px; padding: 8px; background: #fafafa; }
.linkage-widget .lw-details h3 { margin: 0 0 4px; font-size: 15px; }
.linkage-widget .lw-kind { display: inline-block; padding: 1px 6px; border-radius: 3px; font-size: 11px; }
.linkage-widget .lw-muted { color: #555; }
.linkage-widget .lw-evidence { list-style: none; padding: 0; margin: 6px 0 0; }
.linkage-widget .lw-evidence li { border-top: 1px solid #e2e2e2; padding: 6px 0; }
.linkage-widget blockquote { margin: 2px 0; font-style: normal; }
.linkage-widget .lw-legend ul { list-style: none; padding: 0; margin: 0 0 4px; font-size: 11px; }
.linkage-widget .lw-legend li { display: flex; align-items: center; gap: 4px; }
.linkage-widget button { font: inherit; padding: 2px 8px; margin-top: 6px; }
.linkage-widget .lw-status { font-size: 11px; color: #555; min-height: 1em; }
`;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string | null,
  className?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text) el.textContent = text;
  if (className) el.className = className;
  return el;
}

function options(labelMode: LabelMode): ElementOptions {
  return { labelMode, highlight: null, pinned: [], expanded: [] };
}

export function toWidgetElements(
  nodes: Entity[],
  relationships: WidgetRelationship[],
  labelMode: LabelMode,
): ElementDefinition[] {
  const ids = new Set(nodes.map((n) => n.id));
  return [
    ...nodes.map((n) => nodeElement(n, options(labelMode))),
    ...relationships
      .filter((r) => ids.has(r.fromId) && ids.has(r.toId))
      .map((r) => edgeElement(r as unknown as Relationship, options(labelMode))),
  ];
}

function evidenceItem(e: WidgetEvidence): HTMLLIElement {
  const li = h('li');
  li.dataset.role = 'evidence';
  const quote = h('blockquote', `“${e.quote}”`);
  if (e.source.language) quote.lang = e.source.language;
  li.append(quote);
  if (e.translation) li.append(h('div', e.translation, 'lw-muted'));
  const who = [e.attributedTo, e.certainty, e.stance].filter(Boolean).join(' · ');
  li.append(h('div', who));
  const source = [
    e.source.publisher ?? e.source.title,
    e.source.publishedAt ? `reported ${e.source.publishedAt}` : null,
    e.occurredAt ? `happened ${e.occurredAt}` : null,
    e.source.reliability ? `reliability ${e.source.reliability}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  li.append(h('div', source, 'lw-muted'));
  return li;
}

function render({ model, el }: { model: WidgetModel; el: HTMLElement }): () => void {
  const style = h('style', CSS);
  const root = h('div', null, 'linkage-widget');
  const canvas = h('div', null, 'lw-canvas');
  canvas.style.height = String(model.get('height') ?? '560px');
  const side = h('div', null, 'lw-side');
  side.style.maxHeight = canvas.style.height;
  const details = h('div', null, 'lw-details');
  details.dataset.role = 'details';
  details.append(h('div', 'Click a node or a relationship to see its details and evidence.', 'lw-muted'));
  const status = h('div', null, 'lw-status');
  status.dataset.role = 'status';
  const legend = h('div', null, 'lw-legend');
  renderLegend(legend);
  side.append(details, status, legend);
  root.append(canvas, side);
  el.replaceChildren(style, root);

  const entities = () => (model.get('nodes') as Entity[] | undefined) ?? [];
  const relationships = () => (model.get('relationships') as WidgetRelationship[] | undefined) ?? [];
  const labelMode = () => (model.get('label_mode') as LabelMode | undefined) ?? 'both';
  const nameOf = (id: string) => entities().find((n) => n.id === id)?.name ?? id;

  const cy: Core = cytoscape({
    container: canvas,
    elements: toWidgetElements(entities(), relationships(), labelMode()),
    // The explorer's stylesheet; a notebook cell is smaller than the explorer's canvas, so node labels stay
    // drawn at the lower zoom that fitting the graph into it takes.
    style: [
      ...buildStylesheet({ large: entities().length > 250 }),
      ...(entities().length > 250 ? [] : [{ selector: 'node', style: { 'min-zoomed-font-size': 0 } }]),
    ],
    wheelSensitivity: 0.3,
  });
  const layout = (randomize: boolean) =>
    cy.layout({ name: 'fcose', ...FCOSE_SPACING, randomize } as cytoscape.LayoutOptions).run();
  layout(true);
  // For tests and the browser console: the Cytoscape instance behind the canvas.
  (canvas as HTMLElement & { cy?: Core }).cy = cy;
  root.dataset.nodes = String(cy.nodes().length);
  root.dataset.edges = String(cy.edges().length);

  const expand = (id: string) => {
    status.textContent = `expanding ${nameOf(id)} …`;
    model.send({ type: 'expand', id });
  };

  function showNode(id: string) {
    const entity = entities().find((n) => n.id === id);
    if (!entity) return;
    const kind = h('span', entity.kind, 'lw-kind');
    const ks = kindStyle(entity.kind);
    kind.style.background = ks.color;
    kind.style.color = ks.text;
    const title = h('h3', entity.name);
    const parts: HTMLElement[] = [kind, title];
    if (entity.nameKo && entity.nameKo !== entity.name) {
      const ko = h('div', entity.nameKo);
      ko.lang = 'ko';
      parts.push(ko);
    }
    if (entity.description) parts.push(h('p', entity.description));
    if (entity.aliases?.length) parts.push(h('div', `Also: ${entity.aliases.join(', ')}`, 'lw-muted'));
    if (entity.occurredAt) parts.push(h('div', `When: ${entity.occurredAt}`, 'lw-muted'));
    if (model.get('can_expand')) {
      const button = h('button', 'Expand neighbours');
      button.type = 'button';
      button.dataset.role = 'expand';
      button.addEventListener('click', () => expand(id));
      parts.push(button);
    }
    const claims = relationships().filter((r) => r.fromId === id || r.toId === id);
    parts.push(h('div', `${claims.length} relationships in view`, 'lw-muted'));
    const list = h('ul', null, 'lw-evidence');
    for (const r of claims.slice(0, 30))
      list.append(h('li', `${nameOf(r.fromId)} → ${r.type} → ${nameOf(r.toId)} (${r.certainty})`));
    parts.push(list);
    details.replaceChildren(...parts);
  }

  function showEdge(id: string) {
    const r = relationships().find((x) => x.id === id);
    if (!r) return;
    const parts: HTMLElement[] = [h('h3', `${nameOf(r.fromId)} → ${r.type} → ${nameOf(r.toId)}`)];
    const facts = [
      r.certainty,
      r.occurredAt ? `happened ${r.occurredAt}` : null,
      r.sourceCount !== undefined ? `${r.sourceCount} sources` : null,
      r.disputed ? 'disputed' : null,
    ].filter(Boolean);
    parts.push(h('div', facts.join(' · ')));
    parts.push(h('div', `${r.evidence.length} pieces of evidence`, 'lw-muted'));
    const list = h('ul', null, 'lw-evidence');
    for (const e of r.evidence) list.append(evidenceItem(e));
    parts.push(list);
    details.replaceChildren(...parts);
  }

  const select = (group: 'node' | 'edge', id: string) => {
    if (group === 'node') showNode(id);
    else showEdge(id);
    details.dataset.selected = id;
    model.set('selected', { group, id });
    model.save_changes();
  };
  cy.on('tap', 'node', (event) => select('node', event.target.id()));
  cy.on('tap', 'edge', (event) => select('edge', event.target.id()));
  cy.on('dbltap', 'node', (event) => {
    if (model.get('can_expand')) expand(event.target.id());
  });

  const onData = () => {
    const wanted = toWidgetElements(entities(), relationships(), labelMode());
    const known = new Set(cy.elements().map((e) => e.id()));
    const fresh = wanted.filter((e) => !known.has(String(e.data.id)));
    // Updated elements keep their place; new nodes start next to a neighbour already on the canvas.
    cy.batch(() => {
      for (const e of wanted) {
        const existing = cy.getElementById(String(e.data.id));
        if (existing.nonempty()) {
          existing.data(e.data);
          if (e.classes) existing.classes(e.classes as string);
        }
      }
      const added = cy.add(fresh);
      added.nodes().forEach((node) => {
        const anchor = node.neighborhood('node').filter((n) => !added.contains(n))[0];
        if (anchor)
          node.position({ x: anchor.position('x') + Math.random() * 60 - 30, y: anchor.position('y') + 60 });
      });
    });
    if (fresh.length > 0) layout(false);
    root.dataset.nodes = String(cy.nodes().length);
    root.dataset.edges = String(cy.edges().length);
  };
  const onStatus = () => {
    status.textContent = String(model.get('status') ?? '');
  };
  model.on('change:nodes', onData);
  model.on('change:relationships', onData);
  model.on('change:label_mode', onData);
  model.on('change:status', onStatus);
  return () => {
    model.off('change:nodes', onData);
    model.off('change:relationships', onData);
    model.off('change:label_mode', onData);
    model.off('change:status', onStatus);
    cy.destroy();
  };
}

export default { render };
