import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The local host serves /aws-config.json, /local-auth and /api; the dev server forwards them there
// so `npm run dev` gets hot reload against a running `./dev start`.
const localHost = process.env.DRS_LOCAL_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': localHost,
      '/local-auth': localHost,
      '/aws-config.json': localHost,
    },
  },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 2500,
  },
});
