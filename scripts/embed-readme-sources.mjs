#!/usr/bin/env node
// Copies each example file into the README blocks that name it (```ts examples/x.ts), so that
// `npm run format` can change an example and its README in one step. The README tests
// (examples/terraform/src/readme-snippets.test.ts) then hold the two equal.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const readmes = execFileSync('git', ['ls-files', '*README.md'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
const block = /^( *)```(\w+) +(\S+)\n([\s\S]*?)^\1```$/gm;

let changed = 0;
for (const readme of readmes) {
  const path = join(root, readme);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(block, (whole, indent, language, source) => {
    const file = join(root, source);
    if (!existsSync(file)) return whole;
    const body = readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => (line === '' ? line : `${indent}${line}`))
      .join('\n');
    return `${indent}\`\`\`${language} ${source}\n${body}${indent}\`\`\``;
  });
  if (after !== before) {
    writeFileSync(path, after);
    changed += 1;
    console.log(`embedded sources again: ${readme}`);
  }
}
if (changed === 0) console.log('every README block already equals its source');
