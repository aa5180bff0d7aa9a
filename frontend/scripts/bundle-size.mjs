// Prints the gzipped JavaScript and CSS of the first page load: what dist/index.html loads before any lazy route.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]);
let raw = 0;
let gzipped = 0;
for (const asset of new Set(assets)) {
  const bytes = readFileSync(join(dist, asset));
  const size = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzipped += size;
  console.log(`${asset.padEnd(44)} ${(bytes.length / 1024).toFixed(1).padStart(8)} kB  gzip ${(size / 1024).toFixed(1).padStart(7)} kB`);
}
const target = 250;
console.log(`first page load: ${(raw / 1024).toFixed(1)} kB, gzip ${(gzipped / 1024).toFixed(1)} kB (target <= ${target} kB: ${(gzipped / 1024 / target).toFixed(2)} of it)`);
