// eslint-disable-next-line no-control-regex -- the escape character is what colours start with
const ANSI = /\u001b\[[0-9;]*m/g;

/** Text without its terminal colours, to match on. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}
