/**
 * Query text → search terms, without SQL: words folded (case, accents), stop words dropped, a light
 * English stem (plurals, -ing, -ed), and the edit distance used to correct typos against the index's
 * vocabulary. kb-search-sqlite.ts turns the result into an FTS5 expression.
 */

const STOP_WORDS = new Set(
  ('a an and are as at be been but by can cannot could do does doing for from had has have how i if in into is it its ' +
    'me my no not of on or our so than that the their them then there these they this to too was we were what when ' +
    'where which who why will with would you your im dont doesnt cant wont isnt please help need').split(' '),
);

/** At most this many words of a query are searched. */
export const MAX_QUERY_WORDS = 12;

/** Lower-cased, accent-free words of at least 2 characters, stop words dropped (unless that leaves none). */
export function queryWords(query: string): string[] {
  const words = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);
  const kept = words.filter((w) => !STOP_WORDS.has(w));
  return [...new Set(kept.length > 0 ? kept : words)].slice(0, MAX_QUERY_WORDS);
}

/** Case- and accent-folded, as the index's unicode61 tokenizer folds. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The word and its light stem ("printers" → printer, "printing" → print, "jammed" → jam, "batteries" → battery). */
export function wordForms(word: string): string[] {
  const forms = new Set([word]);
  const stem = lightStem(word);
  if (stem.length >= 3) forms.add(stem);
  return [...forms];
}

function lightStem(w: string): string {
  if (w.length <= 4) return w;
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (!w.endsWith(suffix) || w.endsWith('ss')) continue;
    let stem = w.slice(0, -suffix.length);
    // jammed → jamm → jam; stopped → stopp → stop
    if (stem.length >= 3 && stem.at(-1) === stem.at(-2) && !/[aeiouls]$/.test(stem)) stem = stem.slice(0, -1);
    return stem;
  }
  return w;
}

/** How many edits a word of this length may carry and still be corrected (short words: none). */
export function typoBudget(word: string): number {
  if (word.length < 4) return 0;
  return word.length < 7 ? 1 : 2;
}

/**
 * Optimal-string-alignment distance (insert, delete, substitute, swap two neighbours), giving up
 * (answering max + 1) as soon as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

/** An FTS5 string literal: the word in double quotes (the words hold only letters and digits). */
export function ftsTerm(word: string, prefix: boolean): string {
  return `"${word.replace(/"/g, '""')}"${prefix ? '*' : ''}`;
}
