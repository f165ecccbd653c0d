/** The answer of one webhook POST: `error` is null on a 2xx, else a short reason. */
export interface WebhookPostResult {
  status: number | null;
  error: string | null;
}

/**
 * POSTs a JSON body to a webhook without following redirects and within `timeoutMs`. The error
 * text names the HTTP status or the network error code, never any part of the URL (a secret).
 */
export async function postWebhook(
  fetchFn: typeof fetch,
  url: string | URL,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<WebhookPostResult> {
  try {
    const res = await fetchFn(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel().catch(() => undefined);
    return { status: res.status, error: res.ok ? null : `HTTP ${res.status}` };
  } catch (err) {
    const cause = (err as { cause?: { code?: unknown } }).cause;
    const code = typeof cause?.code === 'string' ? cause.code : err instanceof Error ? err.name : 'error';
    return { status: null, error: `request failed (${code})` };
  }
}
