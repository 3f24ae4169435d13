import { describe, expect, it } from 'vitest';
import { consumerProject, registryTarball, type RepositoryLock } from './consumer-lock.js';

// A repository where the workspace `lib` uses its own undici 7 (nested under lib/), while the
// root has undici 6 for a dev tool, and `pg` pulls `pg-types`.
const repository: RepositoryLock = {
  packages: {
    '': { name: 'repo' },
    'node_modules/@acme/lib': { resolved: 'lib', link: true },
    lib: { version: '1.0.0', dependencies: { undici: '^7.0.0', pg: '^8.0.0' } },
    'lib/node_modules/undici': { version: '7.1.0', integrity: 'sha512-u7', license: 'MIT' },
    'node_modules/undici': { version: '6.2.0', integrity: 'sha512-u6', dev: true },
    'node_modules/pg': { version: '8.5.0', integrity: 'sha512-pg', dependencies: { 'pg-types': '^2.0.0' } },
    'node_modules/pg-types': { version: '2.2.0', integrity: 'sha512-pgt', dev: true, devOptional: true },
    'node_modules/@types/node': { version: '20.19.0', integrity: 'sha512-tn', dependencies: { 'undici-types': '~6.21.0' } },
    'node_modules/undici-types': { version: '6.21.0', integrity: 'sha512-ut' },
  },
};
const lib = { name: '@acme/lib', version: '1.0.0', file: 'acme-lib-1.0.0.tgz', integrity: 'sha512-lib', dependencies: { undici: '^7.0.0', pg: '^8.0.0' } };

describe('consumerProject', () => {
  it('installs the tarball and, for each dependency, the copy the workspace itself resolved', () => {
    const { manifest, lock } = consumerProject(repository, [lib], ['@types/node']);
    expect(manifest.dependencies).toEqual({ '@acme/lib': 'file:acme-lib-1.0.0.tgz', '@types/node': '20.19.0' });
    expect(lock.packages['node_modules/@acme/lib']).toMatchObject({ version: '1.0.0', resolved: 'file:acme-lib-1.0.0.tgz', integrity: 'sha512-lib' });
    // undici 7 from lib/node_modules, not the root's dev-only 6.
    expect(lock.packages['node_modules/undici']).toEqual({
      version: '7.1.0',
      integrity: 'sha512-u7',
      license: 'MIT',
      resolved: 'https://registry.npmjs.org/undici/-/undici-7.1.0.tgz',
    });
    expect(lock.packages['node_modules/pg-types']).toEqual({
      version: '2.2.0',
      integrity: 'sha512-pgt',
      resolved: 'https://registry.npmjs.org/pg-types/-/pg-types-2.2.0.tgz',
    });
    expect(lock.packages['node_modules/undici-types']?.resolved).toBe('https://registry.npmjs.org/undici-types/-/undici-types-6.21.0.tgz');
    expect(lock.packages['node_modules/undici-types']?.version).toBe('6.21.0');
    expect(Object.keys(lock.packages)).not.toContain('node_modules/@acme/lib/node_modules/undici');
  });

  it('nests a second version of a name under the package that needs it', () => {
    const withOld: RepositoryLock = {
      packages: { ...repository.packages, 'node_modules/pg': { version: '8.5.0', integrity: 'sha512-pg', dependencies: { undici: '^6.0.0' } } },
    };
    const { lock } = consumerProject(withOld, [lib]);
    expect(lock.packages['node_modules/undici']?.version).toBe('7.1.0');
    expect(lock.packages['node_modules/pg/node_modules/undici']?.version).toBe('6.2.0');
  });

  it('says which dependency the repository lock lacks', () => {
    expect(() => consumerProject({ packages: { 'node_modules/@acme/lib': { resolved: 'lib', link: true } } }, [lib])).toThrow(/@acme\/lib needs undici/);
  });
});

describe('registryTarball', () => {
  it.each([
    { given: ['pg', '8.5.0'], want: 'https://registry.npmjs.org/pg/-/pg-8.5.0.tgz' },
    { given: ['@types/node', '20.19.0'], want: 'https://registry.npmjs.org/@types/node/-/node-20.19.0.tgz' },
  ])('$given.0@$given.1', ({ given, want }) => {
    expect(registryTarball(given[0] as string, given[1] as string)).toBe(want);
  });
});

describe('consumerProject with peers', () => {
  it('installs a tarball peer from the repository, and leaves an optional one out', () => {
    const withPeers = { ...lib, peerDependencies: { pg: '^8.0.0', vitest: '>=3' }, peerDependenciesMeta: { vitest: { optional: true } }, dependencies: {} };
    const { lock } = consumerProject(repository, [withPeers]);
    expect(lock.packages['node_modules/pg']?.version).toBe('8.5.0');
    expect(Object.keys(lock.packages)).not.toContain('node_modules/vitest');
  });
});
