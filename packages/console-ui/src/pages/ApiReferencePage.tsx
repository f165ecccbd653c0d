import { useCallback, useMemo } from 'react';
import type { IntegrationsApi, OpenApiOperation } from '../api/integrations-api.js';
import { SafeText } from '../components/SafeText.js';
import { useAdminLoad } from './use-admin-load.js';

interface Entry {
  method: string;
  path: string;
  op: OpenApiOperation;
}

/** The schema name an answer or body refers to (`#/components/schemas/Ticket` → Ticket). */
const refName = (schema: { $ref?: string } | undefined): string | undefined => schema?.$ref?.split('/').pop();

/**
 * `#/api`: the hub's OpenAPI document (GET /api/v1/openapi.json) as a readable reference, grouped by
 * tag. Rendered here, not by a third-party viewer, so the console's strict CSP holds.
 */
export function ApiReferencePage({ api }: { api: IntegrationsApi }) {
  const doc = useAdminLoad(useCallback(() => api.openApi(), [api]));
  const groups = useMemo(() => {
    const out = new Map<string, Entry[]>();
    for (const [path, methods] of Object.entries(doc.data?.paths ?? {})) {
      for (const [method, op] of Object.entries(methods)) {
        const tag = op.tags?.[0] ?? 'Other';
        out.set(tag, [...(out.get(tag) ?? []), { method: method.toUpperCase(), path, op }]);
      }
    }
    return [...out.entries()];
  }, [doc.data]);

  return (
    <section aria-labelledby="api-ref-title" className="api-reference">
      <h1 id="api-ref-title">API reference</h1>
      <p>
        Every route of this hub, generated from the protocol&apos;s schemas. The machine-readable document is at{' '}
        <a href="/api/v1/openapi.json" data-testid="openapi-link">/api/v1/openapi.json</a> (OpenAPI 3.1: import it into Postman, Insomnia or a client
        generator). Scripts use an <a href="#/admin/api-tokens">API token</a>.
      </p>
      {doc.error !== null && <p role="alert"><SafeText value={`Could not load the document: ${doc.error}`} /></p>}
      {doc.data === null && doc.error === null && <p aria-busy="true">Loading the API reference…</p>}
      {doc.data !== null && <p className="muted">{doc.data.info.title}, {doc.data.info.version}: {groups.reduce((n, [, e]) => n + e.length, 0)} operations.</p>}
      <nav aria-label="API sections" className="api-toc">
        {groups.map(([tag]) => <a key={tag} href={`#/api`} onClick={(e) => { e.preventDefault(); document.getElementById(`api-${tag}`)?.scrollIntoView(); }}>{tag}</a>)}
      </nav>
      {doc.data?.webhooks !== undefined && (
        <section id="api-webhook-deliveries" aria-label="Webhook deliveries" data-testid="api-webhooks">
          <h2>Webhook deliveries</h2>
          <p><SafeText value={Object.values(doc.data.webhooks)[0]?.post?.description ?? ''} /></p>
          <p>Events: {Object.keys(doc.data.webhooks).map((e) => <code key={e}>{e} </code>)}. Each body is a WebhookBody: {'{'}id, event, occurredAt, test, data{'}'}.</p>
        </section>
      )}
      {groups.map(([tag, entries]) => (
        <section key={tag} id={`api-${tag}`} aria-label={tag}>
          <h2>{tag}</h2>
          {entries.map((e) => {
            const success = Object.entries(e.op.responses ?? {}).find(([code]) => code.startsWith('2'));
            const answer = success?.[1].content ? Object.entries(success[1].content)[0] : undefined;
            return (
              <details key={`${e.method} ${e.path}`} className="api-op" data-testid="api-op">
                <summary>
                  <span className={`api-method api-${e.method.toLowerCase()}`}>{e.method}</span> <code>{e.path}</code> <SafeText value={e.op.summary ?? ''} />
                </summary>
                <p><SafeText value={e.op.description ?? ''} /></p>
                {(e.op.parameters?.length ?? 0) > 0 && (
                  <p>Parameters: {e.op.parameters?.map((p) => `${p.name} (${p.in}${p.required ? ', required' : ''})`).join('; ')}</p>
                )}
                {e.op.requestBody !== undefined && <p>Body: JSON (see the document for its schema).</p>}
                {success && (
                  <p>
                    Answers {success[0]}
                    {answer ? `: ${answer[0]}${refName(answer[1].schema) ? `, ${refName(answer[1].schema) ?? ''}` : ''}` : ''}.
                  </p>
                )}
              </details>
            );
          })}
        </section>
      ))}
    </section>
  );
}
