import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

import { GoldenMismatchError, TestkitInputError } from './errors.js';

/** Whether HIKUBE_UPDATE_GOLDEN asks to rewrite golden files instead of comparing. */
export function updateGoldenRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['HIKUBE_UPDATE_GOLDEN'] === '1';
}

function firstDifference(want: string, got: string): string {
  const wantLines = want.split('\n');
  const gotLines = got.split('\n');
  const lines = Math.max(wantLines.length, gotLines.length);
  for (let i = 0; i < lines; i += 1) {
    if (wantLines[i] !== gotLines[i]) {
      const show = (line: string | undefined): string => (line === undefined ? '<end of file>' : JSON.stringify(line));
      return `first difference at line ${i + 1}:\n  golden: ${show(wantLines[i])}\n  actual: ${show(gotLines[i])}`;
    }
  }
  return 'contents differ';
}

/**
 * Compares `actual` with the golden file at `location` (an absolute path or a file: URL such as
 * `new URL('./golden/x.txt', import.meta.url)`). With HIKUBE_UPDATE_GOLDEN=1 it writes the file
 * instead. Returns whether the file was written.
 */
export async function expectGolden(location: string | URL, actual: string, env: NodeJS.ProcessEnv = process.env): Promise<{ updated: boolean }> {
  const file = typeof location === 'string' ? location : fileURLToPath(location);
  if (!isAbsolute(file)) throw new TestkitInputError('file', `golden file path must be absolute, got "${file}"`);
  if (updateGoldenRequested(env)) {
    let current: string | undefined;
    try {
      current = await readFile(file, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === actual) return { updated: false };
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, actual);
    return { updated: true };
  }
  let golden: string;
  try {
    golden = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new GoldenMismatchError(file, 'golden file does not exist yet.');
    throw error;
  }
  if (golden !== actual) throw new GoldenMismatchError(file, firstDifference(golden, actual));
  return { updated: false };
}
