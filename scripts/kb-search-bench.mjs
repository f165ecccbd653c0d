// Knowledge base search latency: N articles (default 5,000) in a fresh SQLite store, then Q
// queries (words, prefixes, typos, employee filter with site scope), timing each search call as the
// hub makes it. Ends with one JSON line. Usage: node scripts/kb-search-bench.mjs [--articles N] [--queries Q]
// [--database postgres://…  |  --postgres (a throwaway local PostgreSQL, as the test projects start)]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStore, startLocalPostgres } from '@deskside/store';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ARTICLES = arg('articles', 5000);
const QUERIES = arg('queries', 1000);

// A deterministic generator, so runs compare.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (list) => list[Math.floor(rand() * list.length)];
const TOPICS = ('printer scanner toner jam spooler vpn wifi wireless network proxy dns password account lockout mfa authenticator outlook mailbox ' +
  'signature calendar teams camera microphone headset zoom office excel onedrive sharepoint drive folder permissions disk battery charger monitor ' +
  'dock keyboard mouse bluetooth bitlocker antivirus update restart laptop phone voicemail badge browser cache bookmarks screenshot remote desktop').split(' ');
const WORDS = ('open close restart check select choose click settings menu button window error message install remove update sync sign ' +
  'account device screen cable port light power network folder file server service queue driver policy support request ticket team ' +
  'office home meeting room floor desk new old slow fast stuck missing blocked expired locked').split(' ');
const sentence = (n) => Array.from({ length: n }, () => (rand() < 0.3 ? pick(TOPICS) : pick(WORDS))).join(' ');

const urlArg = process.argv.indexOf('--database');
const local = process.argv.includes('--postgres') ? await startLocalPostgres() : undefined;
const databaseUrl = local?.url ?? (urlArg > 0 ? process.argv[urlArg + 1] : undefined);
const dir = mkdtempSync(path.join(tmpdir(), 'kb-bench-'));
const store = await openStore({ dataDir: dir, ...(databaseUrl ? { databaseUrl } : {}) });
try {
  const sites = ['site-a', 'site-b', 'site-c'];
  const t0 = performance.now();
  for (let i = 0; i < ARTICLES; i += 250) {
    await store.transaction(async (tx) => {
      for (let j = i; j < Math.min(ARTICLES, i + 250); j++) {
        const at = new Date(Date.UTC(2026, 0, 1) + j * 60_000);
        const a = pick(TOPICS), b = pick(TOPICS);
        await tx.kbArticles.create({
          id: `BENCH${String(j).padStart(21, '0')}`,
          title: `${a[0].toUpperCase()}${a.slice(1)} ${pick(WORDS)} ${b} ${pick(WORDS)}`,
          body: Array.from({ length: 12 }, () => `${sentence(18)}.`).join('\n\n'),
          category: pick(['Printing', 'Network', 'Accounts', 'Email', 'Hardware', 'Software', 'Security']),
          tags: [a, b],
          audience: rand() < 0.8 ? 'employees' : 'technicians',
          status: rand() < 0.9 ? 'published' : 'draft',
          siteIds: rand() < 0.7 ? [] : [pick(sites)],
          relatedIds: [],
          version: 1,
          createdAt: at,
          updatedAt: at,
          reviewedAt: at,
          authorId: null,
          authorName: 'Bench',
          updatedByName: 'Bench',
          sourceTicketId: null,
          views: 0,
        });
      }
    });
  }
  const loadMs = performance.now() - t0;
  const typo = (w) => (w.length < 5 ? w : w.slice(0, 2) + w[3] + w[2] + w.slice(4));
  const queries = Array.from({ length: QUERIES }, (_, i) => {
    const kind = i % 4;
    if (kind === 0) return `${pick(TOPICS)} ${pick(WORDS)}`;
    if (kind === 1) return `${pick(TOPICS).slice(0, 4)}`;
    if (kind === 2) return `${typo(pick(TOPICS))} ${pick(WORDS)} not working`;
    return `my ${pick(TOPICS)} ${pick(TOPICS)} is ${pick(WORDS)} again`;
  });
  const employee = { audiences: ['employees'], statuses: ['published'], siteIds: ['site-b'] };
  for (const q of queries.slice(0, 50)) await store.kbArticles.search(q, employee, 3);
  const times = [];
  let empty = 0;
  for (const [i, q] of queries.entries()) {
    const started = performance.now();
    const hits = await store.kbArticles.search(q, i % 2 === 0 ? employee : {}, i % 2 === 0 ? 3 : 50);
    times.push(performance.now() - started);
    if (hits.length === 0) empty += 1;
  }
  times.sort((x, y) => x - y);
  const at = (p) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))] * 100) / 100;
  console.log(JSON.stringify({ engine: store.dialect, articles: ARTICLES, queries: QUERIES, loadSeconds: Math.round(loadMs / 100) / 10, searchP50Ms: at(0.5), searchP95Ms: at(0.95), searchP99Ms: at(0.99), searchMaxMs: at(1), emptyResults: empty }));
} finally {
  await store.close();
  await local?.destroy();
  rmSync(dir, { recursive: true, force: true });
}
