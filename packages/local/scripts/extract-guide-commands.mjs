// Extracts the curl examples of one of Hikube's guides (a page of HidoraSwiss/hikube-public-doc)
// into testdata/hikube-guides/postgres-guides.json, unchanged, with the page they come from, so a
// test runs them as published against Hikube Local.
//
//   node scripts/extract-guide-commands.mjs <page.md> --path <path in the repository> --version <where it was read>
//
// Every ```bash block with a curl call becomes one entry (its text as it is, comments included),
// with the heading it sits under. Other blocks (psql) are left out: they need a server's address.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const fixturePath = join(dirname(fileURLToPath(import.meta.url)), '..', 'testdata', 'hikube-guides', 'postgres-guides.json');

/** The curl blocks of a Markdown page, each with the nearest heading above it. */
export function curlBlocks(markdown) {
  const blocks = [];
  let section = '';
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heading = /^#{1,6} (.+)$/.exec(lines[i]);
    if (heading) section = heading[1].trim();
    if (lines[i].trim() !== '```bash') continue;
    const body = [];
    for (i++; i < lines.length && lines[i].trim() !== '```'; i++) body.push(lines[i]);
    const script = body.join('\n');
    if (/\bcurl\b/.test(script)) blocks.push({ section, script });
  }
  return blocks;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { path: { type: 'string' }, version: { type: 'string' } } });
const [page] = positionals;
if (!page || !values.path || !values.version) {
  console.error(
    'usage: node scripts/extract-guide-commands.mjs <page.md> --path <path in HidoraSwiss/hikube-public-doc> --version <commit, or how the page was read>',
  );
  process.exit(2);
}
const fixture = JSON.parse(readFileSync(fixturePath, 'utf8'));
const entry = { path: values.path, version: values.version, commands: curlBlocks(readFileSync(page, 'utf8')) };
if (entry.commands.length === 0) {
  console.error(`${page} has no bash block with a curl call`);
  process.exit(1);
}
fixture.pages = [...fixture.pages.filter((p) => p.path !== values.path), entry].sort((a, b) => a.path.localeCompare(b.path));
writeFileSync(fixturePath, JSON.stringify(fixture, null, 2) + '\n');
console.log(`${values.path}: ${entry.commands.length} commands`);
