import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The reading room: a static build under web/dist, served by `npm start` at / and by CloudFront from its bucket. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative asset URLs: the same build works at / locally and behind CloudFront.
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
});
