// The two catalogs of the public API: presets (the platform's `resourcesPreset` sizes) and the
// extensions a database may enable, which come from the driver (what PostgreSQL offers).
import { postgresPresetSizes } from '@hikube/sdk/kubernetes';
import { invalidField } from './public-error.js';

export interface Preset {
  name: string;
  cpu: string;
  memory: string;
}

/** The sizes of the `resourcesPreset` values, per instance: the SDK document's copy of the chart's table. */
export const presets: readonly Preset[] = Object.entries(postgresPresetSizes).map(([name, size]) => ({ name, cpu: size.cpu, memory: size.memory }));

export function checkedPreset(preset: string): void {
  if (preset !== '' && !presets.some((p) => p.name === preset))
    throw invalidField('preset', `"${preset}" is not in the presets catalog (${presets.map((p) => p.name).join(', ')})`);
}

/** `names`, or a 400 naming `extensions` and the first name the catalog does not have. */
export function checkedExtensions(names: readonly string[], catalog: readonly string[]): readonly string[] {
  const unknown = names.find((name) => !catalog.includes(name));
  if (unknown !== undefined) throw invalidField('extensions', `"${unknown}" is not in the extensions catalog (GET /postgres/v1alpha1/extensions lists it)`);
  return names;
}

/** A catalog read once, on first use; a failed read is tried again on the next request. */
export function readOnce(read: () => Promise<readonly string[]>): () => Promise<readonly string[]> {
  let pending: Promise<readonly string[]> | undefined;
  return () => {
    pending ??= read().catch((err: unknown) => {
      pending = undefined;
      throw err;
    });
    return pending;
  };
}
