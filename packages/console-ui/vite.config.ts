import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type PluginOption } from 'vite';

const HUB = 'http://127.0.0.1:4800';

// The hub serves dist/ under a strict CSP (script-src 'self', style-src 'self'): the build must not
// emit inline scripts or styles, so the module-preload polyfill and asset inlining are off.
export default defineConfig({
  base: '/',
  // plugin-react is hoisted next to the root's vite 8 (vitest's) and so is typed against it; this
  // package builds with its own vite 7, which the plugin supports. Only the types disagree.
  plugins: [react() as unknown as PluginOption],
  resolve: {
    // `source` first: @deskside/protocol resolves to its TypeScript sources, no build needed.
    conditions: ['source', ...defaultClientConditions],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod ships `@__PURE__` comments rollup cannot place; harmless noise on every build.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: HUB, changeOrigin: false },
      '/socket.io': { target: HUB, ws: true, changeOrigin: false },
    },
  },
});
