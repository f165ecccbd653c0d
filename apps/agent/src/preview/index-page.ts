import type { ShownNotice } from './tray-harness.js';

const WINDOWS = [
  ['open/get-help', 'Get help', 'The form an employee fills in to ask for help.'],
  ['help-articles.html', 'Help articles', 'Answers the employee can find alone, also offline.'],
  ['my-tickets.html', 'My tickets', 'Their requests and the conversation with the help desk.'],
  ['this-computer.html', 'This computer', 'What a technician asks on the phone.'],
  ['check-connection.html', 'Check my connection', 'Network, DNS and help desk reachability.'],
] as const;

/**
 * The preview's start page: a link per tray window (opened at the tray's size) and the
 * notifications the tray would have shown, newest first, drawn like the OS shows them.
 */
export function previewIndexPage(notices: readonly ShownNotice[]): string {
  const links = WINDOWS.map(
    ([page, title, what]) => `<li><a href="/${page}" data-testid="preview-link">${escapeHtml(title)}</a> <span>${escapeHtml(what)}</span></li>`,
  ).join('\n');
  const toasts = notices.length
    ? notices
        .map(
          (n) => `<li class="toast" data-testid="preview-notice"><a href="/my-tickets.html?ticket=${encodeURIComponent(n.ticketId)}">
  <span class="app">Deskside</span><strong>${escapeHtml(n.title)}</strong><span>${escapeHtml(n.body)}</span></a></li>`,
        )
        .join('\n')
    : '<li class="empty">No notifications yet. A technician’s answer or a status change shows one here.</li>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; base-uri 'none'">
<title>Tray preview — Deskside</title>
<link rel="stylesheet" href="/preview-index.css">
</head>
<body>
<main>
<h1>Deskside tray preview</h1>
<p>The tray’s windows in this browser, talking to a real agent over a real hub. Open one at about 420×600 to see it as employees do.</p>
<ul class="windows">${links}</ul>
<h2>Notifications</h2>
<ul class="toasts">${toasts}</ul>
</main>
</body>
</html>`;
}

export const PREVIEW_INDEX_CSS = `:root { color-scheme: light dark; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
body { margin: 0; background: Canvas; color: CanvasText; }
main { max-width: 40rem; margin: 0 auto; padding: 24px; }
.windows li { margin: 8px 0; } .windows span { opacity: .75; }
.toasts { list-style: none; padding: 0; }
.toast a { display: grid; gap: 2px; max-width: 22rem; padding: 12px 14px; margin: 8px 0; border-radius: 10px; color: inherit; text-decoration: none;
  background: color-mix(in srgb, CanvasText 6%, Canvas); box-shadow: 0 2px 10px rgb(0 0 0 / .18); }
.toast .app { font-size: .75rem; opacity: .7; }
.empty { opacity: .75; }`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
