// The READMEs' code is the code the tests run: every ```hcl block names its source (a file of the
// repository, or `dev-overrides` for the CLI configuration the main job writes) and equals it; a
// block in another language (```ts, ```python, ...) that names a file equals that file too.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleDir, renderDevOverrides, repoRoot } from '@hikube/main-job';

interface SourceBlock {
  source: string;
  body: string;
}

/**
 * Fenced blocks, indented or not, with the word after the language as their source: every ```hcl
 * block, and blocks of other languages that name a source (shell sessions and sketches do not).
 */
function sourceBlocks(markdown: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  for (const match of markdown.matchAll(/^( *)```(\w+)(?: +(\S+))?\n([\s\S]*?)^\1```$/gm)) {
    const [, indent = '', language, source = '', text = ''] = match;
    if (language !== 'hcl' && source === '') continue;
    const body = text
      .split('\n')
      .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l))
      .join('\n');
    blocks.push({ source, body });
  }
  return blocks;
}

const PLACEHOLDER_PROVIDER_DIR = '/path/to/hikube-postgres-iac/provider/dist/bin';

describe('README snippets', () => {
  it.each([
    {
      readme: join(repoRoot, 'README.md'),
      mustShow: [
        'examples/terraform/public-api/store.tf',
        'examples/terraform/production.tf',
        'dev-overrides',
        'examples/sdk-node/src/public-quick-start.ts',
        'examples/sdk-node/src/quick-start.ts',
        'examples/cdktf-typescript/src/quick-start.ts',
        'examples/cdktf-languages/python/main.py',
        'examples/cdktf-languages/java/Main.java',
        'examples/cdktf-languages/csharp/Program.cs',
        'examples/cdktf-languages/go/main.go',
      ],
    },
    { readme: join(exampleDir, 'README.md'), mustShow: ['dev-overrides', 'examples/terraform/public-api/versions.tf'] },
  ])('$readme shows the example files and the CLI configuration as they are', async ({ readme, mustShow }) => {
    const blocks = sourceBlocks(await readFile(readme, 'utf8'));
    expect(blocks.map((b) => b.source)).toEqual(expect.arrayContaining(mustShow));
    for (const block of blocks) {
      const want =
        block.source === 'dev-overrides'
          ? renderDevOverrides(PLACEHOLDER_PROVIDER_DIR)
          : block.source === ''
            ? '(an hcl block must name its source: ```hcl <path> or ```hcl dev-overrides)'
            : await readFile(join(repoRoot, block.source), 'utf8');
      expect(block.body, `${readme}: block ${block.source || '(unnamed)'}`).toBe(want);
    }
  });

  it('reads indented and unindented blocks; other languages only when they name a source', () => {
    expect(sourceBlocks('a\n```hcl x.tf\nb = 1\n```\n\n   ```hcl\n   c = 2\n   ```\n```ts src/a.ts\nlet d;\n```\n```sh\nls\n```\n')).toEqual([
      { source: 'x.tf', body: 'b = 1\n' },
      { source: '', body: 'c = 2\n' },
      { source: 'src/a.ts', body: 'let d;\n' },
    ]);
  });
});
