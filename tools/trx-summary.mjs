// Sums the <Counters> of every TRX file in a folder: prints "N passed, N failed, N skipped".
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let passed = 0, failed = 0, skipped = 0;
for (const f of readdirSync(dir).filter((n) => n.endsWith('.trx'))) {
  const xml = readFileSync(join(dir, f), 'utf8');
  const m = xml.match(/<Counters\b[^>]*>/);
  if (!m) continue;
  const attr = (name) => Number((m[0].match(new RegExp(`\\b${name}="(\\d+)"`)) || [0, 0])[1]);
  passed += attr('passed');
  failed += attr('failed') + attr('error') + attr('timeout') + attr('aborted');
  skipped += attr('notExecuted');
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
