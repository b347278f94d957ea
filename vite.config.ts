import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The web app lives in web/ and builds into dist/web, which the server serves at `/`. In
 * development Vite serves the app and forwards server paths to the API on port 3000, so the
 * browser sees one origin and the httpOnly session cookie works the same as in production.
 */
const apiServer = 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // The NHS.UK stylesheet arrives minified, with old-IE hacks that esbuild's CSS minifier warns
    // about; minifying it again gains nothing, and Linkwell's own CSS is a few lines.
    cssMinify: false,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': apiServer,
      '/health': apiServer,
      '/oauth': apiServer,
    },
  },
});
