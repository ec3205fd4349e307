// Vite builds the client from client/ into client/dist; in dev it proxies the API to the local server.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const API = process.env.LINKAGE_API_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Cytoscape and fcose are most of the bundle; one chunk keeps the first paint to one request.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      // zod ships `@__PURE__` comments in places Rollup cannot use; it drops them, harmlessly, but loudly.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/graphql': API,
      '/export': API,
    },
  },
});
