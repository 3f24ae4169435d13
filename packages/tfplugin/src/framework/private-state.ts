/** Opaque per-resource data Terraform stores next to the state; we keep it as a JSON object. */
export type PrivateData = Record<string, unknown>;

export function privateFromBytes(bytes: Uint8Array | undefined): PrivateData {
  if (!bytes || bytes.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as PrivateData) : {};
  } catch {
    return {};
  }
}

export function privateToBytes(data: PrivateData): Buffer {
  return Object.keys(data).length ? Buffer.from(JSON.stringify(data)) : Buffer.alloc(0);
}
