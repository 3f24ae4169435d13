import { stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Which of `entries` (paths relative to the data directory) exist right now. */
export async function presentDataEntries(dataDir: string, entries: readonly string[]): Promise<Set<string>> {
  const found = await Promise.all(
    entries.map((entry) =>
      stat(join(dataDir, entry)).then(
        () => true,
        () => false,
      ),
    ),
  );
  return new Set(entries.filter((_, n) => found[n]));
}
