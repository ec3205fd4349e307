// Builds the notebook widget's ES module (python/widget/widget.ts + the explorer's graph-view styling +
// Cytoscape) into python/src/linkage/static/widget.js, the file the Python package hands to anywidget.
// The output is git-ignored; a hash of its inputs, written beside it, makes a second call a quick no-op.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
export const WIDGET_BUNDLE = path.join(root, 'python', 'src', 'linkage', 'static', 'widget.js');
const STAMP = `${WIDGET_BUNDLE}.sha256`;
/** Everything the bundle is made from. */
const INPUTS = [
  path.join(root, 'python', 'widget'),
  path.join(root, 'client', 'src', 'graph-view'),
  path.join(root, 'client', 'src', 'api', 'types.ts'),
  path.join(root, 'client', 'src', 'state', 'dates.ts'),
  path.join(root, 'package-lock.json'),
  import.meta.filename,
];

export function widgetInputsHash(): string {
  const hash = crypto.createHash('sha256');
  const visit = (file: string) => {
    if (fs.statSync(file).isDirectory()) {
      for (const entry of fs.readdirSync(file).sort()) visit(path.join(file, entry));
    } else {
      hash.update(path.relative(root, file)).update(fs.readFileSync(file));
    }
  };
  for (const input of INPUTS) if (fs.existsSync(input)) visit(input);
  return hash.digest('hex');
}

/** Builds the bundle when an input changed since the last build; returns its path. */
export function ensureWidgetBuilt(): string {
  const wanted = widgetInputsHash();
  if (fs.existsSync(WIDGET_BUNDLE) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === wanted)
    return WIDGET_BUNDLE;
  console.error('linkage: building the notebook widget (python/src/linkage/static/widget.js) …');
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'python/widget/vite.config.ts',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0 || !fs.existsSync(WIDGET_BUNDLE))
    throw new Error(
      'the widget build failed; run "npx vite build --config python/widget/vite.config.ts" to see why',
    );
  fs.writeFileSync(STAMP, wanted);
  return WIDGET_BUNDLE;
}
