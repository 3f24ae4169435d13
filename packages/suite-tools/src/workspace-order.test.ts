import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orderWorkspaces, readWorkspaces, type Workspace } from './workspace-order.js';

const ws = (name: string, ...dependsOn: string[]): Workspace => ({ name, dir: name, scripts: { test: 'x' }, dependsOn });

describe('workspace order', () => {
  it.each([
    { name: 'listing order when independent', given: [ws('a'), ws('b'), ws('c')], want: ['a', 'b', 'c'] },
    { name: 'a dependency runs first', given: [ws('provider', 'sdk', 'tfplugin'), ws('sdk'), ws('tfplugin')], want: ['sdk', 'tfplugin', 'provider'] },
    { name: 'transitive dependencies first', given: [ws('examples', 'provider'), ws('provider', 'sdk'), ws('sdk')], want: ['sdk', 'provider', 'examples'] },
    { name: 'packages outside the workspaces are ignored', given: [ws('a', 'vitest', 'b'), ws('b', 'undici')], want: ['b', 'a'] },
  ])('$name', ({ given, want }) => expect(orderWorkspaces(given).map((w) => w.name)).toEqual(want));

  it('names a cycle', () => {
    expect(() => orderWorkspaces([ws('a', 'b'), ws('b', 'c'), ws('c', 'a')])).toThrow('workspace dependency cycle: a -> b -> c -> a');
  });

  it('reads directories and dir/* entries from the root package.json, every dependency field included', async () => {
    const root = await mkdtemp(join(tmpdir(), 'workspaces-'));
    try {
      const write = async (dir: string, pkg: object): Promise<void> => {
        await mkdir(join(root, dir), { recursive: true });
        await writeFile(join(root, dir, 'package.json'), JSON.stringify(pkg));
      };
      await write('.', { workspaces: ['sdk', 'packages/*'] });
      await write('sdk', { name: '@x/sdk', scripts: { test: 'vitest run' } });
      await write('packages/b', { name: '@x/b', devDependencies: { '@x/sdk': '1' }, peerDependencies: { '@x/a': '1' } });
      await write('packages/a', { name: '@x/a', optionalDependencies: { left: '1' } });
      await mkdir(join(root, 'packages/not-a-package'));
      expect(await readWorkspaces(root)).toEqual([
        { name: '@x/sdk', dir: 'sdk', scripts: { test: 'vitest run' }, dependsOn: [] },
        { name: '@x/a', dir: 'packages/a', scripts: {}, dependsOn: ['left'] },
        { name: '@x/b', dir: 'packages/b', scripts: {}, dependsOn: ['@x/sdk', '@x/a'] },
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
