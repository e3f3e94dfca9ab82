// Prints the production bundle's initial JavaScript and CSS size, raw and gzip: the files
// index.html loads (entry script, its modulepreload imports, stylesheets), not lazy page chunks.
// Run after `npm run build`.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const indexPath = join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error('dist/index.html not found: run `npm run build` first.');
  process.exit(1);
}

const html = readFileSync(indexPath, 'utf8');
const refs = (pattern) => [...html.matchAll(pattern)].map((m) => m[1]);
const js = [...new Set([...refs(/<script[^>]+src="([^"]+\.js)"/g), ...refs(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)])];
const css = [...new Set(refs(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g))];

function measure(files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file.replace(/^\//, '')));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.length, raw, gzip };
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const jsSize = measure(js);
const cssSize = measure(css);
console.log(`initial JS:  ${jsSize.files} file(s), ${kib(jsSize.raw)} raw, ${kib(jsSize.gzip)} gzip`);
console.log(`initial CSS: ${cssSize.files} file(s), ${kib(cssSize.raw)} raw, ${kib(cssSize.gzip)} gzip`);
console.log(`initial total gzip: ${kib(jsSize.gzip + cssSize.gzip)}`);
