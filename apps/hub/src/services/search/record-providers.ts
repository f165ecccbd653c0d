import type { SearchResult } from '@deskside/protocol';
import type { SearchRepository } from '@deskside/store';
import { matchScore, ticketNumberOf } from './score.js';
import type { SearchProvider } from './search-provider.js';

const STATUS_WEIGHT: Record<string, number> = { closed: 0.75, resolved: 0.8 };

/** Tickets by number (`1234`, `#1234`), subject or requester, site-scoped; open ones first. */
export function ticketProvider(search: SearchRepository): SearchProvider {
  return {
    kind: 'ticket',
    permission: 'tickets.read',
    async search({ q, raw, siteIds, limit }) {
      const number = ticketNumberOf(raw);
      const hits = await search.tickets({ text: q, number, siteIds, limit: limit * 3 });
      return hits
        .map((t): SearchResult => {
          const requester = requesterName(t.requesterJson);
          const byNumber = number !== null && t.number === number;
          const subjectScore = matchScore(t.subject, q);
          const requesterScore = matchScore(requester, q) * 0.9;
          const base = byNumber ? 100 : Math.max(subjectScore * 0.85, requesterScore * 0.85, 30);
          return {
            kind: 'ticket',
            id: t.id,
            title: `#${t.number} ${t.subject}`,
            subtitle: [t.status, t.priority.toUpperCase(), requester].filter(Boolean).join(' · '),
            matched: byNumber ? 'number' : subjectScore >= requesterScore ? 'subject' : 'requester',
            href: `/tickets/${encodeURIComponent(t.id)}`,
            score: base * (STATUS_WEIGHT[t.status] ?? 1),
          };
        })
        .sort((a, b) => b.score - a.score)
        .slice(0, limit);
    },
  };
}

/** Unresolved alerts by message, check or subject, with their device; site-scoped. */
export function alertProvider(search: SearchRepository): SearchProvider {
  return {
    kind: 'alert',
    permission: 'alerts.read',
    async search({ q, siteIds, limit }) {
      const hits = await search.alerts({ text: q, siteIds, limit });
      return hits.map((a) => ({
        kind: 'alert' as const,
        id: a.id,
        title: a.message,
        subtitle: `${a.severity} · ${a.state} · ${a.hostname}`,
        matched: 'message',
        href: `/devices/${encodeURIComponent(a.deviceId)}?tab=alerts`,
        score: Math.max(matchScore(a.message, q), matchScore(a.checkId, q), 30) * (a.severity === 'critical' ? 0.8 : 0.7),
      }));
    },
  };
}

/** Console accounts by username or name (admins and auditors); opens the users page. */
export function userProvider(search: SearchRepository): SearchProvider {
  return {
    kind: 'user',
    permission: 'users.read',
    async search({ q, limit }) {
      const hits = await search.users({ text: q, limit });
      return hits.map((u) => ({
        kind: 'user' as const,
        id: u.id,
        title: u.displayName || u.username,
        subtitle: `${u.username} · ${u.role}${u.disabled ? ' · disabled' : ''}`,
        matched: 'name',
        href: `/admin/users?user=${encodeURIComponent(u.id)}`,
        score: Math.max(matchScore(u.username, q), matchScore(u.displayName, q)) * 0.75,
      }));
    },
  };
}

function requesterName(json: string): string {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value === 'object' && value !== null && 'name' in value && typeof value.name === 'string') return value.name;
  } catch {
    // A requester that is not JSON shows no name.
  }
  return '';
}
