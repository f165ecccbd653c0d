/**
 * Column-aligned tables (`lsblk`, `snap list`, PowerShell's table view). Columns are found from
 * the positions that are blank on every line; a stretch with no header word (the tail of a value
 * holding spaces, like `VMware Virtual S` or `{RecoveryPassword, Pas...`) belongs to the column on
 * its left. Header names spread over several lines (`Mount` / `Point`) are joined with a space.
 */
export interface AlignedTable {
  readonly columns: readonly string[];
  readonly rows: readonly Record<string, string>[];
}

export function parseAlignedTable(lines: readonly string[], headerLineCount = 1): AlignedTable {
  const header = lines.slice(0, headerLineCount);
  const body = lines.slice(headerLineCount).filter((line) => line.trim() !== '' && !/^[-\s]+$/.test(line));
  const all = [...header, ...body];
  const width = Math.max(0, ...all.map((line) => line.length));
  const segments = blankSeparatedSegments(all, width);
  const spans = assignHeaders(segments, header);
  const columns = spans.map((span) => span.name);
  const rows = body.map((line) => {
    const row: Record<string, string> = {};
    for (const span of spans) row[span.name] = line.slice(span.start, span.end).trim();
    return row;
  });
  return { columns, rows };
}

interface Span {
  start: number;
  end: number;
  name: string;
}

function blankSeparatedSegments(lines: readonly string[], width: number): { start: number; end: number }[] {
  const used = new Array<boolean>(width).fill(false);
  for (const line of lines) {
    for (let i = 0; i < line.length; i += 1) if (line[i] !== ' ') used[i] = true;
  }
  const segments: { start: number; end: number }[] = [];
  let start = -1;
  for (let i = 0; i <= width; i += 1) {
    if (i < width && used[i]) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      segments.push({ start, end: i });
      start = -1;
    }
  }
  return segments;
}

function assignHeaders(segments: readonly { start: number; end: number }[], header: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (const segment of segments) {
    const words = header.map((line) => wordsIn(line, segment.start, segment.end));
    const firstLine = words[0] ?? [];
    const names = firstLine.length > 1 ? firstLine : [firstLine[0]];
    if (names[0] === undefined && words.every((w) => w.length === 0)) {
      // No header word: the tail of the column on the left.
      const left = spans.at(-1);
      if (left) left.end = segment.end;
      else spans.push({ ...segment, name: '' });
      continue;
    }
    if (firstLine.length > 1) {
      // Two header words in one stretch: split at the start of each word.
      firstLine.forEach((word, index) => {
        const next = firstLine[index + 1];
        spans.push({ start: index === 0 ? segment.start : word.start, end: next ? next.start - 1 : segment.end, name: word.text });
      });
      continue;
    }
    const name = words.flatMap((w) => w.map((x) => x.text)).join(' ');
    spans.push({ ...segment, name });
  }
  return spans;
}

function wordsIn(line: string, start: number, end: number): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /\S+/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(line)) !== null) {
    if (match.index >= start && match.index < end) out.push({ text: match[0], start: match.index });
  }
  return out;
}
