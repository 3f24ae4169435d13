// The Postgres spec fields our SDK document has and no Cozystack release up to v1.6.2 has. Hikube
// Local leaves them out unless started with them (platform-fields.ts). Kept free of imports: the
// CLI checks its flags without loading the SDK's schemas.

export const EXTRA_POSTGRES_FIELDS = ['schedulingClass'] as const;
export type ExtraPostgresField = (typeof EXTRA_POSTGRES_FIELDS)[number];

export function isExtraPostgresField(value: string): value is ExtraPostgresField {
  return (EXTRA_POSTGRES_FIELDS as readonly string[]).includes(value);
}
