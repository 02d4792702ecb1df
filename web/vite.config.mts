// The workbench and admin console: a React app built by `npm run build:web` into build/web/, which the
// server serves under /app/ (server/src/http/workbench/). `npm run dev:web` serves it with Vite and
// proxies the server's routes to a running `npm start` (port 3000), so the cookie stays same-origin.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const server = process.env.KEFU_DEV_SERVER ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  base: '/app/',
  // Vite 8 transforms TSX with oxc; the automatic runtime needs no React import in each file.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../build/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    reportCompressedSize: false,
  },
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/workbench': { target: server, changeOrigin: false },
    },
  },
});
