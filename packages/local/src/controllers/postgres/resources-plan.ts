import { totalmem } from 'node:os';
import { postgresPresetSizes } from '@hikube/sdk/kubernetes';

// Preset sizes come from the SDK's document (the chart's table): `c1.small` is 1 CPU and 1Gi, not
// `small`'s 512Mi. CPU is recorded, not enforced: local processes share the host.
const defaultPreset = 't1.micro';
const hostMemoryMi = totalmem() / (1024 * 1024);

function memoryMi(quantity: string | number | undefined): number | undefined {
  if (quantity === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|K|M|G|T)?$/.exec(String(quantity).trim());
  if (!m?.[1]) return undefined;
  const v = Number(m[1]);
  const unit = m[2] ?? '';
  const factor: Record<string, number> = {
    '': 1 / (1024 * 1024),
    Ki: 1 / 1024,
    K: 1000 / (1024 * 1024),
    Mi: 1,
    M: 1e6 / (1024 * 1024),
    Gi: 1024,
    G: 1e9 / (1024 * 1024),
    Ti: 1024 * 1024,
    T: 1e12 / (1024 * 1024),
  };
  return v * (factor[unit] ?? 1);
}

export interface ResourceSettings {
  /** Settings derived from memory (as CloudNativePG images would size them). */
  readonly parameters: Record<string, string>;
  /** What was asked for but only recorded. */
  readonly recorded: { readonly cpu?: string; readonly memory?: string; readonly preset?: string };
}

/** shared_buffers = 1/4 of the memory (at least 16MB), the usual rule; explicit parameters still win. */
export function resourceSettings(resources: { cpu?: string | number; memory?: string | number } | undefined, preset: string | undefined): ResourceSettings {
  const explicit = resources?.memory !== undefined;
  const size = postgresPresetSizes[preset ?? defaultPreset];
  const asked = memoryMi(explicit ? resources?.memory : size?.memory);
  // A local process shares the host: a large preset (m1.4xlarge is 256Gi) is sized to the host at most.
  const mi = asked === undefined ? undefined : Math.min(asked, hostMemoryMi);
  const parameters: Record<string, string> = {};
  if (mi !== undefined) parameters['shared_buffers'] = `${Math.max(16, Math.floor(mi / 4))}MB`;
  return {
    parameters,
    recorded: {
      ...(resources?.cpu !== undefined ? { cpu: String(resources.cpu) } : {}),
      ...(resources?.memory !== undefined ? { memory: String(resources.memory) } : {}),
      ...(!explicit && preset ? { preset } : {}),
    },
  };
}
