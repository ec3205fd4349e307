// Vite library build of the notebook widget: one self-contained ES module that anywidget loads
// (run by scripts/widget-build.ts; the output is git-ignored and rebuilt when an input changes).
import path from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  publicDir: false,
  build: {
    lib: { entry: path.join(import.meta.dirname, 'widget.ts'), formats: ['es'], fileName: () => 'widget.js' },
    outDir: path.resolve(import.meta.dirname, '../src/linkage/static'),
    emptyOutDir: false,
    minify: true,
    target: 'es2020',
    sourcemap: false,
    rollupOptions: { output: { inlineDynamicImports: true } },
  },
});
