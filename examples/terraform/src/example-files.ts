// The example's .tf files, as the tests read them (and the main job applies them): the files are the source of truth.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exampleDir } from '@hikube/main-job';

export async function readExampleFiles(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(exampleDir)).sort()) {
    if (name.endsWith('.tf')) files[name] = await readFile(join(exampleDir, name), 'utf8');
  }
  return files;
}
