// Parses a response body. A large list (`{..., "items": [{...}, ...]}`) is parsed item by item:
// decoding a body of hundreds of kilobytes into one string costs about as much as parsing it, since
// V8 allocates such a string outside its young generation, while strings of a few kilobytes are
// cheap. The bytes are walked once to find where each item starts and ends; anything that walk
// does not recognise is handed to JSON.parse whole, so the result (and any syntax error) is always
// JSON.parse's own.

/** Below this size the body is parsed whole: the split would not pay for its walk. */
export const SPLIT_THRESHOLD_BYTES = 64 * 1024;
/** Items are parsed in runs of about this many bytes, one JSON.parse per run. */
const RUN_BYTES = 32 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const ITEMS_KEY = Buffer.from('"items"');

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** Where the items array and each item sit in the body; undefined when the shape is not a list's. */
interface ListLayout {
  arrayOpen: number;
  arrayClose: number;
  starts: number[];
  ends: number[];
}

/** One pass over the bytes, tracking strings and nesting. JSON's structural bytes are ASCII, and
 * no byte of a multi-byte UTF-8 character is ASCII, so the walk needs no decoding. */
export function findListLayout(body: Buffer): ListLayout | undefined {
  const length = body.length;
  let index = 0;
  while (index < length && isWhitespace(body[index] ?? 0)) index += 1;
  if (body[index] !== OPEN_OBJECT) return undefined;
  let depth = 0;
  let previous = 0; // the last structural byte seen outside strings
  let lastKeyIsItems = false; // the most recent member name of the top-level object was "items"
  let arrayOpen = -1;
  let arrayClose = -1;
  let commasSinceItem = 0;
  const starts: number[] = [];
  const ends: number[] = [];
  while (index < length) {
    const byte = body[index] ?? 0;
    if (byte === QUOTE) {
      if (depth === 2 && arrayOpen >= 0 && arrayClose < 0) return undefined; // a string among the items
      const start = index;
      index += 1;
      for (;;) {
        if (index >= length) return undefined;
        const inner = body[index];
        if (inner === QUOTE) break;
        index += inner === BACKSLASH ? 2 : 1;
      }
      if (depth === 1 && (previous === OPEN_OBJECT || previous === COMMA)) {
        lastKeyIsItems = index + 1 - start === ITEMS_KEY.length && body.compare(ITEMS_KEY, 0, ITEMS_KEY.length, start, index + 1) === 0;
      }
      previous = QUOTE;
      index += 1;
      continue;
    }
    if (isWhitespace(byte)) {
      index += 1;
      continue;
    }
    const inItems = arrayOpen >= 0 && arrayClose < 0;
    if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      depth += 1;
      if (depth === 2 && byte === OPEN_ARRAY && previous === COLON && lastKeyIsItems) {
        if (arrayOpen >= 0) return undefined; // a second "items": leave it to JSON.parse
        arrayOpen = index;
      } else if (depth === 3 && inItems) {
        // Each item is an object, after `[` or after exactly one comma.
        if (byte !== OPEN_OBJECT || commasSinceItem !== (starts.length === 0 ? 0 : 1)) return undefined;
        starts.push(index);
        commasSinceItem = 0;
      }
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      if (depth === 3 && inItems) {
        ends.push(index + 1);
      } else if (depth === 2 && inItems) {
        if (commasSinceItem !== 0) return undefined;
        arrayClose = index;
      }
      depth -= 1;
    } else if (byte === COMMA) {
      if (depth === 2 && inItems) commasSinceItem += 1;
    } else if (byte !== COLON && depth === 2 && inItems) {
      return undefined; // a number, true, false or null among the items: not a list of objects
    }
    previous = byte;
    index += 1;
  }
  if (arrayOpen < 0 || arrayClose < 0 || starts.length !== ends.length) return undefined;
  return { arrayOpen, arrayClose, starts, ends };
}

function parseSplit(body: Buffer, layout: ListLayout): unknown {
  const { arrayOpen, arrayClose, starts, ends } = layout;
  const items: unknown[] = [];
  for (let first = 0; first < starts.length;) {
    let last = first;
    while (last + 1 < starts.length && (ends[last + 1] ?? 0) - (starts[first] ?? 0) <= RUN_BYTES) last += 1;
    const run = JSON.parse(`[${body.toString('utf8', starts[first], ends[last])}]`) as unknown[];
    for (const item of run) items.push(item);
    first = last + 1;
  }
  const envelope = JSON.parse(body.toString('utf8', 0, arrayOpen + 1) + body.toString('utf8', arrayClose)) as { items: unknown[] };
  envelope.items = items;
  return envelope;
}

/**
 * The body's JSON value; undefined for an empty body. Throws JSON.parse's SyntaxError when it is
 * not JSON. `splitThresholdBytes` exists for tests.
 */
export function parseJsonBody(bytes: Buffer, splitThresholdBytes = SPLIT_THRESHOLD_BYTES): unknown {
  // A UTF-8 byte order mark is dropped, as undici's body.text() drops it.
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.length === 0) return undefined;
  if (body.length >= splitThresholdBytes && body.includes(ITEMS_KEY)) {
    const layout = findListLayout(body);
    if (layout) return parseSplit(body, layout);
  }
  return JSON.parse(body.toString('utf8'));
}
