import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type PluginOption } from 'vite';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

// The tray's windows load these pages with `loadFile`, so every URL in them must be relative
// (`base: './'`) and nothing may be inlined as a script (the CSP allows only 'self').
export default defineConfig({
  root: here('./src/renderer'),
  base: './',
  // The plugin's types come from the root's vite 8 while this workspace builds with vite 7; only the
  // type declarations differ, so the cast is confined to here.
  plugins: [react() as unknown as PluginOption],
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: true,
    rollupOptions: {
      input: {
        'this-computer': here('./src/renderer/this-computer.html'),
        'get-help': here('./src/renderer/get-help.html'),
        'my-tickets': here('./src/renderer/my-tickets.html'),
        'check-connection': here('./src/renderer/check-connection.html'),
        'fix-consent': here('./src/renderer/fix-consent.html'),
        'help-articles': here('./src/renderer/help-articles.html'),
      },
    },
  },
});
