import { TestkitInputError } from '../errors.js';

/** A provider source address split into its parts, `registry.terraform.io` when no host is given. */
export interface ProviderAddress {
  hostname: string;
  namespace: string;
  type: string;
}

export const DEFAULT_PROVIDER_HOST = 'registry.terraform.io';

const PART = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const HOST = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::[0-9]+)?$/;

/** Parses `namespace/type` or `hostname/namespace/type` the way `required_providers` reads it. */
export function parseProviderSource(field: string, source: string): ProviderAddress {
  const parts = source.split('/');
  const [hostname, namespace, type] = parts.length === 2 ? [DEFAULT_PROVIDER_HOST, ...parts] : parts;
  if (parts.length < 2 || parts.length > 3 || hostname === undefined || namespace === undefined || type === undefined) {
    throw new TestkitInputError(
      field,
      `"${source}" is not a provider source address; write "namespace/type" or "hostname/namespace/type", e.g. "hikube/hikube"`,
    );
  }
  if (!HOST.test(hostname)) throw new TestkitInputError(field, `hostname "${hostname}" in "${source}" is not a valid host name`);
  for (const [what, value] of [
    ['namespace', namespace],
    ['type', type],
  ] as const) {
    if (!PART.test(value)) {
      throw new TestkitInputError(field, `${what} "${value}" in "${source}" must be lowercase letters, digits and inner dashes`);
    }
  }
  if (type.startsWith('terraform-provider-')) {
    throw new TestkitInputError(field, `type "${type}" must be the bare type name, without the "terraform-provider-" prefix`);
  }
  return { hostname, namespace, type };
}

export function formatProviderSource(address: ProviderAddress): string {
  return `${address.hostname}/${address.namespace}/${address.type}`;
}
