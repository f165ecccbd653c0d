// Test support only: checks real HTTP answers against the hub's own OpenAPI document.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

export interface ResponseChecker {
  /** Validates `body` as the documented JSON answer of `method template` with `status`; returns the problems (empty: fine). */
  check(method: string, template: string, status: number, body: unknown): string[];
  /** How many answers were checked, per `METHOD template`. */
  readonly checked: Map<string, number>;
}

export function responseChecker(document: Json): ResponseChecker {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'deskside-openapi', components: document['components'] });
  const checked = new Map<string, number>();
  const paths = document['paths'] as Record<string, Record<string, Json>>;
  return {
    checked,
    check(method, template, status, body) {
      const openApiPath = template.replace(/:([A-Za-z]+)/g, '{$1}');
      const operation = paths[openApiPath]?.[method.toLowerCase()];
      if (!operation) return [`${method} ${template} is not in the document`];
      const responses = operation['responses'] as Record<string, Json>;
      const response = responses[String(status)];
      if (!response) return [`${method} ${template} does not document status ${status}`];
      const schema = (response['content'] as Record<string, { schema: Json }> | undefined)?.['application/json']?.schema;
      if (!schema) return [`${method} ${template} ${status} documents no JSON answer`];
      const validate = ajv.compile(rebase(schema));
      const key = `${method} ${template}`;
      checked.set(key, (checked.get(key) ?? 0) + 1);
      if (validate(body)) return [];
      return (validate.errors ?? []).slice(0, 5).map((e) => `${key} ${status}: ${e.instancePath || '(root)'} ${e.message ?? ''}`);
    },
  };
}

/** Points the document-relative `#/components/...` references at the schema registered above. */
function rebase(schema: unknown): Json {
  return JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"deskside-openapi#/components/')) as Json;
}
