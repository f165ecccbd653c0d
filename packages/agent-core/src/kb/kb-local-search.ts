import type { EmployeeArticle } from '@deskside/protocol';

/** Field weights, as the hub's ranking (title 10, tags 4, category 2, body 1). */
const WEIGHTS = { title: 10, tags: 4, category: 2, body: 1 } as const;
/** Characters of a body indexed: enough for the words that matter, bounded work per article. */
const BODY_INDEX_CHARS = 20_000;
const MAX_QUERY_WORDS = 12;
const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'to', 'of', 'in', 'on', 'my', 'is', 'it', 'i', 'not', 'for', 'with', 'do', 'does', 'cant', 'can', 'how', 'be', 'at', 'or', 'der', 'die', 'das', 'le', 'la', 'les', 'de', 'el', 'los']);

/** Lower case, accents folded, split into words of letters and digits. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && w.length <= 40);
}

/** A light stem (plural and -ing/-ed endings), so "crashes" meets "crash" and "printing" "print". */
export function stemOf(word: string): string {
  const stemmed = word.replace(/(ing|ed|es|s)$/, '');
  return stemmed.length >= 3 ? stemmed : word;
}

/**
 * Ranked search over the offline copy, close to the hub's: each query word matches a stem exactly,
 * as a prefix (while typing) or with one typo (two in long words); fields weighted like the hub's;
 * rarer words count more. Articles matching more of the words rank first.
 */
export class KbLocalIndex {
  /** stem → article index → best field weight. */
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly vocabulary: string[];

  constructor(private readonly articles: readonly EmployeeArticle[]) {
    articles.forEach((article, index) => {
      this.add(index, article.title, WEIGHTS.title);
      this.add(index, article.tags.join(' '), WEIGHTS.tags);
      this.add(index, article.category, WEIGHTS.category);
      this.add(index, article.body.slice(0, BODY_INDEX_CHARS), WEIGHTS.body);
    });
    this.vocabulary = [...this.postings.keys()];
  }

  search(query: string, limit: number): EmployeeArticle[] {
    const words = [...new Set(wordsOf(query).filter((w) => !STOP_WORDS.has(w)))].slice(0, MAX_QUERY_WORDS);
    if (words.length === 0) return [];
    const scores = new Map<number, { matched: number; score: number }>();
    for (const word of words) {
      const best = new Map<number, number>();
      for (const [stem, factor] of this.expand(stemOf(word))) {
        const postings = this.postings.get(stem);
        if (!postings) continue;
        const idf = Math.log(1 + this.articles.length / postings.size);
        for (const [index, weight] of postings) best.set(index, Math.max(best.get(index) ?? 0, weight * factor * idf));
      }
      for (const [index, score] of best) {
        const current = scores.get(index) ?? { matched: 0, score: 0 };
        scores.set(index, { matched: current.matched + 1, score: current.score + score });
      }
    }
    // At least half of the words (rounded up) must match, so one common word does not pull in everything.
    const needed = Math.ceil(words.length / 2);
    return [...scores.entries()]
      .filter(([, s]) => s.matched >= needed)
      .sort(([ia, a], [ib, b]) => b.matched - a.matched || b.score - a.score || ia - ib)
      .slice(0, limit)
      .flatMap(([index]) => this.articles[index] ?? []);
  }

  /** The stems a query word stands for, with how much a match counts. */
  private expand(stem: string): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    const typos = stem.length >= 8 ? 2 : stem.length >= 4 ? 1 : 0;
    for (const term of this.vocabulary) {
      if (term === stem) out.push([term, 1]);
      else if (stem.length >= 2 && term.startsWith(stem)) out.push([term, 0.8]);
      else if (typos > 0 && Math.abs(term.length - stem.length) <= typos && osaDistance(stem, term, typos) <= typos) out.push([term, 0.6]);
    }
    return out;
  }

  private add(index: number, text: string, weight: number): void {
    for (const word of wordsOf(text)) {
      const stem = stemOf(word);
      let postings = this.postings.get(stem);
      if (!postings) this.postings.set(stem, (postings = new Map()));
      postings.set(index, Math.max(postings.get(index) ?? 0, weight));
    }
  }
}

/** Optimal string alignment distance (adjacent swaps count one), giving up past `max`. */
export function osaDistance(a: string, b: string, max: number): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((rows[i - 1]?.[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (rows[i - 1]?.[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (i > 0 && rowMin > max) return max + 1;
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? max + 1;
}
