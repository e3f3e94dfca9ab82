import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The local host serves /aws-config.json, /local-auth and /api; the dev server forwards them there
// so `npm run dev` gets hot reload against a running `./dev start`.
const localHost = process.env.DRS_LOCAL_URL ?? 'http://127.0.0.1:8080';
const here = dirname(fileURLToPath(import.meta.url));

/** Where `npm run bundle-size` reads the chunk graph; outside dist so it is never deployed. */
export const bundleGraphPath = join(here, 'node_modules', '.cache', 'bundle-graph.json');

/**
 * Records every chunk's static imports and CSS, keyed by the source module it was built for, so that
 * scripts/bundle-size.mjs can measure what a route really loads (e.g. the signed-in dashboard), not
 * only what index.html references.
 */
function bundleGraph(): Plugin {
  return {
    name: 'drs-bundle-graph',
    apply: 'build',
    writeBundle(_options, bundle) {
      const chunks = Object.values(bundle)
        .filter((c) => c.type === 'chunk')
        .map((c) => ({
          file: c.fileName,
          module: c.facadeModuleId ? relative(here, c.facadeModuleId).replace(/\\/g, '/') : null,
          isEntry: c.isEntry,
          imports: c.imports,
          css: [...((c as { viteMetadata?: { importedCss?: Set<string> } }).viteMetadata?.importedCss ?? [])],
        }));
      mkdirSync(dirname(bundleGraphPath), { recursive: true });
      writeFileSync(bundleGraphPath, JSON.stringify({ chunks }, null, 1));
    },
  };
}

/**
 * CloudScape's global styles embed eight Open Sans faces as base64 data URIs (~140 KiB gzip of the
 * render-blocking stylesheet). Emitting them as font files lets the stylesheet arrive quickly and the
 * browser fetch only the faces a page uses, each cached on its own.
 */
function extractInlineFonts(): Plugin {
  const dataUri = /url\((['"]?)data:font\/woff2;base64,([A-Za-z0-9+/=]+)\1\)/g;
  return {
    name: 'drs-extract-inline-fonts',
    apply: 'build',
    transform(code, id) {
      if (!/@cloudscape-design[\\/]global-styles[\\/]index\.css$/.test(id.split('?')[0] ?? '')) return null;
      let count = 0;
      const out = code.replace(dataUri, (_match, _quote, base64: string) => {
        count += 1;
        const ref = this.emitFile({ type: 'asset', name: `open-sans-${count}.woff2`, source: Buffer.from(base64, 'base64') });
        return `url(__VITE_ASSET__${ref}__)`;
      });
      return count > 0 ? { code: out, map: null } : null;
    },
  };
}

export default defineConfig({
  plugins: [react(), bundleGraph(), extractInlineFonts()],
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
