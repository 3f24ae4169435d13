// Which files count for the size rule of issue 16 ("no source file outside generated code over
// about 400 lines"): hand-written code only, since generated files are as long as their source.

const SOURCE_EXTENSIONS = /\.(ts|mts|mjs|js)$/;
// openapi-typescript output, generated schemas, and the jsii bindings made by cdktn.
const GENERATED = [/(^|\/)generated\//, /^packages\/cdktf-provider-hikube\/cdktn\//];

/** Whether a git-tracked path is hand-written source code. */
export function isHandWrittenSource(path: string): boolean {
  return SOURCE_EXTENSIONS.test(path) && !GENERATED.some((pattern) => pattern.test(path));
}

/** Lines as `wc -l` counts them: the newline characters. */
export function lineCount(text: string): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
  return lines;
}
