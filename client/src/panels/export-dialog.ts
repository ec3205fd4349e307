// Export what is on screen: images from the canvas, the data formats from the server's own writers (the
// view's ids and filter are sent, so every GraphML or CSV has one set of columns and one escaping), a
// citation list, and the GraphQL that reproduces the view.
import type { AppState } from '../state/app-state.ts';
import type { Commands } from '../state/commands.ts';
import { graphQLForView, sourceLine, toCitations, toGraphFilter } from '../state/export-formats.ts';
import { toGraphFile } from '../state/graph-file.ts';
import type { Store } from '../state/store.ts';
import { kindsOnCanvas, typesOnCanvas, visibleGraph } from '../state/visible.ts';
import { download, h, replaceChildren } from './dom.ts';

export interface ReportMeta {
  title: string;
  subtitle: string;
  sources: string[];
}

export interface CanvasExports {
  png(meta: ReportMeta): Promise<string>;
  svg(meta: ReportMeta): Promise<string>;
  json(): unknown;
  positions(): Record<string, { x: number; y: number }>;
}

export function mountExportDialog(
  dialog: HTMLDialogElement,
  store: Store<AppState>,
  canvas: CanvasExports,
  commands: Pick<Commands, 'exportView' | 'quoted'>,
) {
  const stamp = () => new Date().toISOString().slice(0, 10);
  const graph = () => visibleGraph(store.getState().history.present);
  const code = h('pre', { class: 'code', attrs: { id: 'graphql-query', tabindex: 0 } });
  const vars = h('pre', { class: 'code', attrs: { id: 'graphql-variables', tabindex: 0 } });
  const graphqlSection = h(
    'section',
    { attrs: { hidden: true, 'aria-label': 'GraphQL for this view' } },
    h('h3', {}, 'Query'),
    code,
    h('h3', {}, 'Variables'),
    vars,
    h(
      'p',
      { class: 'muted' },
      'POST both to /graphql. depth 1 also returns neighbours: keep the nodes whose id is in "ids" to get exactly this view.',
    ),
    h(
      'button',
      {
        on: {
          click: () =>
            void navigator.clipboard?.writeText(
              JSON.stringify({ query: code.textContent, variables: JSON.parse(vars.textContent || '{}') }),
            ),
        },
      },
      'Copy as JSON body',
    ),
  );

  const status = h('p', { class: 'muted', attrs: { role: 'status', id: 'export-status' } });
  const item = (label: string, action: () => void | Promise<void>) =>
    h(
      'button',
      {
        on: {
          click: async () => {
            try {
              status.textContent = '';
              await action();
            } catch (error) {
              status.textContent = `The export failed: ${error instanceof Error ? error.message : String(error)}`;
            }
          },
        },
      },
      label,
    );
  const titleInput = h('input', { attrs: { id: 'export-title-input', type: 'text', autocomplete: 'off' } });
  /** Title, date line and sources of the picture, from the view as it is now (its sources read first). */
  const meta = async (): Promise<ReportMeta> => {
    const view = store.getState().history.present;
    const g = graph();
    const f = view.filter;
    const window =
      f.time.from || f.time.to
        ? ` · ${f.time.clock === 'OCCURRED' ? 'events' : 'reports'} ${f.time.from ?? '…'} – ${f.time.to ?? '…'}`
        : '';
    const certainty =
      f.minCertainty === 'CONFIRMED'
        ? ' · confirmed only'
        : f.minCertainty === 'REPORTED'
          ? ' · reported or confirmed'
          : '';
    return {
      title: titleInput.value.trim() || defaultTitle(),
      subtitle: `Exported ${stamp()} · ${g.nodes.length} entities, ${g.edges.length} relationships${certainty}${window}`,
      sources: sourceLine(await commands.quoted(g)),
    };
  };
  const defaultTitle = (): string => {
    const names = graph().nodes.map((n) => n.name);
    if (names.length === 0) return 'Linkage';
    const shown = names.slice(0, 3).join(', ');
    return `Linkage: ${shown}${names.length > 3 ? ` and ${names.length - 3} more` : ''}`;
  };
  replaceChildren(
    dialog,
    h('h2', { attrs: { id: 'export-title' } }, 'Export this view'),
    h(
      'div',
      { class: 'field' },
      h('label', { attrs: { for: 'export-title-input' } }, 'Title on the picture'),
      titleInput,
    ),
    h(
      'div',
      { class: 'export-grid' },
      item('PNG image', async () =>
        download(`linkage-${stamp()}.png`, await canvas.png(await meta()), 'image/png'),
      ),
      item('SVG image', async () =>
        download(`linkage-${stamp()}.svg`, await canvas.svg(await meta()), 'image/svg+xml'),
      ),
      item('Linkage JSON (open it again with Open…)', async () => {
        const view = store.getState().history.present;
        const file = toGraphFile(await commands.quoted(graph()), view, canvas.positions());
        download(`linkage-${stamp()}.linkage.json`, JSON.stringify(file), 'application/json');
      }),
      item('Cytoscape JSON', () =>
        download(`linkage-${stamp()}.cyjs`, JSON.stringify(canvas.json(), null, 2), 'application/json'),
      ),
      item('GraphML', async () =>
        download(`linkage-${stamp()}.graphml`, await commands.exportView('graphml')),
      ),
      item('GEXF (Gephi)', async () =>
        download(`linkage-${stamp()}.gexf`, await commands.exportView('gexf')),
      ),
      item('Nodes CSV', async () =>
        download(`linkage-nodes-${stamp()}.csv`, await commands.exportView('nodes.csv')),
      ),
      item('Edges CSV (one row per quote)', async () =>
        download(`linkage-edges-${stamp()}.csv`, await commands.exportView('evidence.csv')),
      ),
      item('Citations', async () =>
        download(
          `linkage-citations-${stamp()}.txt`,
          toCitations(await commands.quoted(graph())),
          'text/plain',
        ),
      ),
      item('Show the GraphQL for this view', () => {
        const view = store.getState().history.present;
        const q = graphQLForView(graph(), toGraphFilter(view, kindsOnCanvas(view), typesOnCanvas(view)));
        code.textContent = q.query;
        vars.textContent = q.variables;
        graphqlSection.hidden = false;
      }),
    ),
    status,
    graphqlSection,
    h('div', { class: 'button-row' }, h('button', { on: { click: () => dialog.close() } }, 'Close')),
  );

  return {
    open() {
      graphqlSection.hidden = true;
      titleInput.placeholder = defaultTitle();
      dialog.showModal();
    },
  };
}
