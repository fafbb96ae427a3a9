import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [vue()],
  resolve: {
    alias: {
      '@scorecard/access': `${workspaceRoot}libs/access/src/index.ts`,
      '@scorecard/contracts': `${workspaceRoot}libs/contracts/src/index.ts`,
      // The browser needs only this part of the scoring library (as in tsconfig.app.json).
      '@scorecard/scoring': `${workspaceRoot}libs/scoring/src/browser.ts`,
    },
  },
  define: {
    // vue-i18n: Composition API only; drops the legacy API from the bundle.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  server: {
    port: 4200,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: { port: 4300 },
  build: {
    outDir: '../../dist/apps/web',
    emptyOutDir: true,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'vendor-vue',
              test: /[\\/]node_modules[\\/](vue|@vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/,
              priority: 2,
            },
          ],
        },
      },
    },
  },
  test: {
    root: webRoot,
    environment: 'jsdom',
    include: ['src/**/*.spec.ts'],
    restoreMocks: true,
    // Mounting whole pages with Element Plus takes seconds on a busy two-core machine.
    testTimeout: 15_000,
    clearMocks: true,
    server: { deps: { inline: ['element-plus'] } },
  },
});
