/**
 * Checks an alert webhook URL: http(s) only, bounded. The URL is a secret (Slack and Teams put the
 * credential in the path): callers log at most `describeWebhook`, never the URL.
 */
export function parseWebhookUrl(value: string): URL | undefined {
  if (value.length > 2048) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.hostname === '') return undefined;
  return url;
}

/** What may be logged about a webhook: its scheme and host, never its path or query. */
export function describeWebhook(url: URL): string {
  return `${url.protocol}//${url.host}/…`;
}
