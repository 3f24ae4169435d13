// What a request body may cost, checked by a linear scan before any parser sees it: JSON.parse
// and the YAML composer build the whole tree (and later code walks it recursively), so depth and
// key count are bounded first. Size caps bound the scan itself and YAML's parse time. Knows no
// Kubernetes types, so every front can share it.

import { CST, Lexer } from 'yaml';

export const BODY_LIMITS = {
  /** As kube-apiserver: 3 MiB per request body. */
  maxBytes: 3 * 1024 * 1024,
  /** YAML costs ~3 µs a byte to compose; 128 KiB keeps one parse well under a second. */
  maxYamlBytes: 128 * 1024,
  /** Nesting of objects and arrays; a Postgres object needs fewer than 10. */
  maxDepth: 100,
  /** Object members across the whole body. */
  maxKeys: 20_000,
} as const;

export type BodyLimits = { readonly [K in keyof typeof BODY_LIMITS]: number };

export type BodyLimitCode = 'HIKUBE_BODY_TOO_LARGE' | 'HIKUBE_BODY_TOO_DEEP' | 'HIKUBE_BODY_TOO_MANY_KEYS';

export class BodyLimitError extends Error {
  constructor(
    readonly code: BodyLimitCode,
    readonly limit: number,
    message: string,
  ) {
    super(message);
    this.name = 'BodyLimitError';
  }
}

const tooDeep = (limits: BodyLimits): BodyLimitError =>
  new BodyLimitError('HIKUBE_BODY_TOO_DEEP', limits.maxDepth, `the request body is nested deeper than ${limits.maxDepth} levels`);
const tooManyKeys = (limits: BodyLimits): BodyLimitError =>
  new BodyLimitError('HIKUBE_BODY_TOO_MANY_KEYS', limits.maxKeys, `the request body has more than ${limits.maxKeys} object keys`);

interface ObjectFrame {
  kind: 'object';
  keys: Set<string>;
  key: string | undefined;
  expectKey: boolean;
}
interface ArrayFrame {
  kind: 'array';
  index: number;
}
type Frame = ObjectFrame | ArrayFrame;

export interface JsonScan {
  /** Dotted paths of keys that appear twice in one object (JSON.parse silently keeps the last). */
  duplicates: string[];
}

function pathOf(stack: Frame[], last: string): string {
  let out = '';
  for (const f of stack) {
    if (f.kind === 'array') out += `[${f.index}]`;
    else if (f.key !== undefined && f !== stack[stack.length - 1]) out += (out ? '.' : '') + f.key;
  }
  return out ? `${out}.${last}` : last;
}

/**
 * Scans JSON text for nesting depth, key count and duplicate keys without building it. Does not
 * validate the syntax (the parser does, once the text is known to be cheap to parse).
 */
export function scanJson(text: string, limits: BodyLimits = BODY_LIMITS): JsonScan {
  const stack: Frame[] = [];
  const duplicates: string[] = [];
  let keys = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    switch (c) {
      case 0x7b /* { */:
      case 0x5b /* [ */:
        if (stack.length >= limits.maxDepth) throw tooDeep(limits);
        stack.push(c === 0x7b ? { kind: 'object', keys: new Set(), key: undefined, expectKey: true } : { kind: 'array', index: 0 });
        break;
      case 0x7d /* } */:
      case 0x5d /* ] */:
        stack.pop();
        break;
      case 0x3a /* : */:
        if (top?.kind === 'object') top.expectKey = false;
        break;
      case 0x2c /* , */:
        if (top?.kind === 'object') top.expectKey = true;
        else if (top?.kind === 'array') top.index++;
        break;
      case 0x22 /* " */: {
        const start = i;
        for (i++; i < text.length; i++) {
          const d = text.charCodeAt(i);
          if (d === 0x5c /* \ */) i++;
          else if (d === 0x22) break;
        }
        if (top?.kind === 'object' && top.expectKey) {
          if (++keys > limits.maxKeys) throw tooManyKeys(limits);
          const key = decodeKey(text.slice(start, i + 1));
          if (top.keys.has(key)) duplicates.push(pathOf(stack, key));
          top.keys.add(key);
          top.key = key;
        }
        break;
      }
      default:
        break;
    }
  }
  return { duplicates };
}

function decodeKey(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted; // malformed: the parser reports it
  }
}

/**
 * Bounds YAML before composing it, with the `yaml` package's lexer (linear, no tree): flow
 * nesting is counted exactly; block nesting is over-estimated from each line's indentation plus
 * its `- `/`? ` indicators, since every block level needs one more column or one more indicator.
 */
export function scanYaml(text: string, limits: BodyLimits = BODY_LIMITS): void {
  if (Buffer.byteLength(text) > limits.maxYamlBytes) {
    throw new BodyLimitError(
      'HIKUBE_BODY_TOO_LARGE',
      limits.maxYamlBytes,
      `a YAML request body may be at most ${limits.maxYamlBytes} bytes; send larger objects as JSON`,
    );
  }
  let flow = 0;
  let block = 0;
  let lineStart = true;
  let keys = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'newline') {
      lineStart = true;
      continue;
    }
    // Each line outside a flow collection re-estimates block nesting from its indentation.
    if (lineStart && flow === 0) block = type === 'space' ? token.length + 1 : 1;
    lineStart = false;
    switch (type) {
      case 'seq-item-ind':
      case 'explicit-key-ind':
        if (flow === 0) block++;
        break;
      case 'map-value-ind':
        if (++keys > limits.maxKeys) throw tooManyKeys(limits);
        break;
      case 'flow-map-start':
      case 'flow-seq-start':
        flow++;
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        if (flow > 0) flow--;
        break;
      default:
        break;
    }
    if (block + flow > limits.maxDepth) throw tooDeep(limits);
  }
}
