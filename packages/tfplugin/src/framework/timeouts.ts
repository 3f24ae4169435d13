import { attr, block, type AttributeDef, type BlockDef } from './schema.js';
import { matches } from './validators.js';

export type TimeoutOperation = 'create' | 'read' | 'update' | 'delete';

const DURATION = /^(\d+(\.\d+)?(ms|s|m|h))+$/;

/**
 * A `timeouts { create = "10m" }` block with the chosen operations, each an optional Go-style
 * duration string. Read the values with timeoutMs().
 */
export function timeoutsBlock<O extends TimeoutOperation>(...operations: O[]): BlockDef<'single', { attributes: Record<O, AttributeDef<string>> }> {
  const attributes = Object.fromEntries(
    operations.map((op) => [
      op,
      attr.string({
        optional: true,
        description: `Time allowed for ${op}, e.g. "30s", "10m", "1h30m".`,
        validators: [matches(DURATION, 'must be a duration such as "30s", "10m" or "1h30m"')],
      }),
    ]),
  ) as Record<O, AttributeDef<string>>;
  return block.single({ attributes }, { description: 'Operation timeouts.' });
}

/** Parses a Go-style duration ("1h30m", "45s", "500ms") into milliseconds. */
export function parseDuration(text: string): number {
  if (!DURATION.test(text)) throw new RangeError(`invalid duration ${JSON.stringify(text)}: use e.g. "30s", "10m" or "1h30m"`);
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) total += Number(m[1]) * (unit[m[2] as string] as number);
  return total;
}

/** The timeout for an operation from a model's `timeouts` value, or the fallback. */
export function timeoutMs(timeouts: Partial<Record<TimeoutOperation, string | null>> | null | undefined, op: TimeoutOperation, fallbackMs: number): number {
  const text = timeouts?.[op];
  return typeof text === 'string' ? parseDuration(text) : fallbackMs;
}
