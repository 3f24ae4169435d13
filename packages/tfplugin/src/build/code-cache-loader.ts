// The executable that wraps a provider bundle: it compiles the bundle with V8's code cache,
// kept per user in the temp directory and refreshed at exit, so later launches skip most
// parsing and compiling. V8 rejects a cache that does not match the source, Node version or
// flags, and then we simply compile normally. The directory is private (0700, owner checked)
// because a code cache is executable input.
const LOADER = String.raw`
const fs = require('fs'), vm = require('vm'), os = require('os'), path = require('path'), crypto = require('crypto');
const source = SOURCE;
let cacheFile, cachedData;
try {
  const dir = path.join(os.tmpdir(), 'hikube-tfplugin-v8cache-' + (process.getuid ? process.getuid() : 'user'));
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = fs.statSync(dir);
  if (!process.getuid || (st.uid === process.getuid() && (st.mode & 0o077) === 0)) {
    const key = crypto.createHash('sha256').update(source).update(process.version + process.arch + process.execArgv.join(' ')).digest('hex').slice(0, 32);
    cacheFile = path.join(dir, key + '.bin');
    try { cachedData = fs.readFileSync(cacheFile); } catch {}
  }
} catch {}
const script = new vm.Script('(function (exports, require, module, __filename, __dirname) {' + source + '\n})', { filename: __filename, cachedData });
if (cacheFile && (!cachedData || script.cachedDataRejected)) {
  process.once('exit', () => {
    try {
      const tmp = cacheFile + '.' + process.pid;
      fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
      fs.renameSync(tmp, cacheFile);
      // Each build has its own cache file: keep the 16 most recently written.
      const dir = path.dirname(cacheFile);
      const old = fs.readdirSync(dir).filter((f) => f.endsWith('.bin')).map((f) => [f, fs.statSync(path.join(dir, f)).mtimeMs]).sort((a, b) => b[1] - a[1]).slice(16);
      for (const [f] of old) fs.rmSync(path.join(dir, f), { force: true });
    } catch {}
  });
}
script.runInThisContext().call(module.exports, module.exports, require, module, __filename, __dirname);
`;

export function codeCacheLoader(bundleSource: string): string {
  return `#!/usr/bin/env node\n${LOADER.replace('SOURCE', () => JSON.stringify(bundleSource))}`;
}
