// Prints the production bundle's size, raw and gzip, after `npm run build`:
// - initial: the files index.html loads (entry script, its modulepreload imports, stylesheets);
// - per view: everything a first visit to that view needs (the initial files plus the lazy chunks the
//   view imports and their static imports and CSS), from the chunk graph vite.config.ts records.
//   The signed-in shell is fetched in parallel with /aws-config.json, so "dashboard" is what a
//   signed-in user downloads before the landing page shows, and "sign-in" what a signed-out one does.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const frontend = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(frontend, 'dist');
const indexPath = join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error('dist/index.html not found: run `npm run build` first.');
  process.exit(1);
}

const html = readFileSync(indexPath, 'utf8');
const refs = (pattern) => [...html.matchAll(pattern)].map((m) => m[1].replace(/^\//, ''));
const js = [...new Set([...refs(/<script[^>]+src="([^"]+\.js)"/g), ...refs(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)])];
const css = [...new Set(refs(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g))];

function measure(files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.length, raw, gzip };
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const line = (label, s) => `${label}${s.files} file(s), ${kib(s.raw)} raw, ${kib(s.gzip)} gzip`;
const jsSize = measure(js);
const cssSize = measure(css);
console.log(line('initial JS:  ', jsSize));
console.log(line('initial CSS: ', cssSize));
console.log(`initial total gzip: ${kib(jsSize.gzip + cssSize.gzip)}`);
// Font faces are separate files (vite.config.ts takes them out of the CSS); a page fetches only the
// faces it renders, so they are listed, not added to the totals.
const fonts = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.woff2'));
if (fonts.length) console.log(`font faces: ${fonts.length} file(s), ${kib(measure(fonts.map((f) => `assets/${f}`)).raw)} in all, fetched per face used`);

const graphPath = join(frontend, 'node_modules', '.cache', 'bundle-graph.json');
if (!existsSync(graphPath)) {
  console.log('per-view sizes: chunk graph not found (built without vite.config.ts?)');
  process.exit(0);
}
const { chunks } = JSON.parse(readFileSync(graphPath, 'utf8'));
const byFile = new Map(chunks.map((c) => [c.file, c]));
const byModule = new Map(chunks.filter((c) => c.module).map((c) => [c.module, c]));

/** The initial files plus every chunk the view's modules need statically, with their CSS. */
function view(modules) {
  const files = new Set([...js, ...css]);
  const seen = new Set();
  const visit = (chunk) => {
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    files.add(chunk.file);
    for (const f of chunk.css) files.add(f);
    for (const f of chunk.imports) visit(byFile.get(f));
  };
  for (const m of modules) {
    const chunk = byModule.get(m);
    if (!chunk) return null;
    visit(chunk);
  }
  const all = [...files];
  return { js: measure(all.filter((f) => f.endsWith('.js'))), css: measure(all.filter((f) => f.endsWith('.css'))) };
}

for (const [label, modules] of [
  ['sign-in page', ['src/auth/SignInPage.tsx']],
  ['dashboard (signed in)', ['src/app/SignedInApp.tsx']],
]) {
  const v = view(modules);
  if (!v) {
    console.log(`${label}: its chunk is not in the graph (part of the entry?)`);
    continue;
  }
  console.log(`${label}: JS ${kib(v.js.raw)} raw / ${kib(v.js.gzip)} gzip, CSS ${kib(v.css.raw)} raw / ${kib(v.css.gzip)} gzip, total gzip ${kib(v.js.gzip + v.css.gzip)}`);
}
