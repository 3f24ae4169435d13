// The values a quick-start program sets, in order: its string, number and boolean literals, read
// past its imports, with comments left out. Programs in different languages that set the same
// arguments give the same list.

/** Lines that only import (`import`, `from ... import`, `using`, `package`, Go import blocks). */
function withoutImports(program: string): string {
  const kept: string[] = [];
  let inImportBlock = false;
  for (const line of program.split('\n')) {
    if (inImportBlock) {
      inImportBlock = line.trim() !== ')';
      continue;
    }
    if (/^import \($/.test(line)) {
      inImportBlock = true;
      continue;
    }
    if (/^(import|from|using|package)\s/.test(line)) continue;
    kept.push(line);
  }
  return kept.join('\n');
}

export function programValues(program: string): string[] {
  const values: string[] = [];
  const token = /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(\/\/[^\n]*|#[^\n]*)|(?<![\w.])(\d+(?:\.\d+)?)(?![\w.])|\b(true|True)\b/g;
  for (const [, text, comment, number, boolean] of withoutImports(program).matchAll(token)) {
    if (comment) continue;
    if (text) values.push(text.slice(1, -1));
    else if (number) values.push(number);
    else if (boolean) values.push('true');
  }
  return values;
}

/**
 * What `values` holds beyond `subsequence`, when `subsequence` is matched in order, each value at
 * its earliest place; undefined when `subsequence` is not in `values` in that order.
 */
export function valuesBeyond(values: string[], subsequence: string[]): string[] | undefined {
  const extra: string[] = [];
  let next = 0;
  for (const value of values) {
    if (next < subsequence.length && value === subsequence[next]) next++;
    else extra.push(value);
  }
  return next === subsequence.length ? extra : undefined;
}
