import { describe, expect, it } from 'vitest';
import { renderDocs, staleDocs } from './generate-docs.js';

describe('generated docs', () => {
  it('are up to date with the schema and examples (regenerate: npm run docs -w terraform-provider-hikube)', async () => {
    expect(await staleDocs()).toEqual([]);
  });

  it('cover the provider, the resource, every data source and ephemeral resource', () => {
    expect([...renderDocs().keys()].sort()).toEqual([
      'docs/data-sources/postgres_cluster.md',
      'docs/data-sources/postgres_clusters.md',
      'docs/data-sources/scheduling_classes.md',
      'docs/ephemeral-resources/postgres_credentials.md',
      'docs/index.md',
      'docs/resources/postgres_cluster.md',
    ]);
  });

  it('document sensitive and write-only attributes and the import ID', () => {
    const page = renderDocs().get('docs/resources/postgres_cluster.md') ?? '';
    expect(page).toContain('- `password_wo` (String, Sensitive, Write-only)');
    expect(page).toContain('terraform import hikube_postgres_cluster.orders tenant-demo/orders');
    expect(page).toContain('### Nested Schema for `users`');
  });

  it('title the ephemeral resource page and state what the public API allows', () => {
    const page = renderDocs().get('docs/ephemeral-resources/postgres_credentials.md') ?? '';
    expect(page).toContain('# hikube_postgres_credentials (Ephemeral Resource)');
    expect(page).toContain('- `password` (String, Sensitive)');
    expect(page).toContain('## On the public API');
  });
});
