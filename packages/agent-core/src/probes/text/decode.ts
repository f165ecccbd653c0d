/**
 * Turns a command's raw output into text. Windows tools disagree on encodings: `wmic` and
 * `regedit /e` write UTF-16LE (with a BOM in files, often without one on a pipe), most others UTF-8
 * or the OEM code page. Line endings become LF so parsers only ever see `\n`.
 */
export function decodeOutput(input: Uint8Array | string): string {
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeBytes(input);
  return normalizeNewlines(text);
}

/** CRLF, the `\r\r\n` that wmic writes when redirected, and lone CR all become one LF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r*\n/g, '\n').replace(/\r/g, '\n');
}

export type TextEncodingGuess = 'utf-8' | 'utf-16le' | 'utf-16be';

export function detectEncoding(bytes: Uint8Array): { encoding: TextEncodingGuess; bomLength: number } {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  return { encoding: guessBomless(bytes), bomLength: 0 };
}

// Mostly-ASCII UTF-16 text has a NUL in every other byte; UTF-8 text has almost none.
function guessBomless(bytes: Uint8Array): TextEncodingGuess {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 2) return 'utf-8';
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNuls += 1;
    if (bytes[i + 1] === 0) oddNuls += 1;
  }
  const pairs = sample / 2;
  if (oddNuls / pairs > 0.3 && evenNuls / pairs < 0.05) return 'utf-16le';
  if (evenNuls / pairs > 0.3 && oddNuls / pairs < 0.05) return 'utf-16be';
  return 'utf-8';
}

function decodeBytes(bytes: Uint8Array): string {
  const { encoding, bomLength } = detectEncoding(bytes);
  const body = bytes.subarray(bomLength);
  if (encoding === 'utf-16be') return new TextDecoder('utf-16le').decode(swapPairs(body));
  // ignoreBOM: the BOM is already skipped; a second one in the body is data, not a marker.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1] ?? 0;
    out[i + 1] = bytes[i] ?? 0;
  }
  return out;
}
