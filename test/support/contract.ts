import { responseChecker, type ResponseChecker } from '../../apps/hub/src/test-support/openapi-responses.js';

/**
 * Checks the integration suite's real HTTP answers against the hub's own OpenAPI document: each
 * `TestHub.get` answer is validated against the documented schema of its route and status, and a
 * mismatch fails the test that made the request.
 */
export class ContractCheck {
  private checker: Promise<{ checker: ResponseChecker; templates: Array<{ template: string; pattern: RegExp }> }> | undefined;

  constructor(private readonly baseUrl: () => string) {}

  async check(method: string, pathname: string, status: number, contentType: string, body: unknown): Promise<void> {
    if (!contentType.startsWith('application/json')) return;
    this.checker ??= this.load();
    const { checker, templates } = await this.checker;
    const path = pathname.split('?')[0] ?? pathname;
    const match = templates.find((t) => t.pattern.test(path));
    if (!match) throw new Error(`contract: ${method} ${path} is not in the OpenAPI document`);
    const problems = checker.check(method, match.template, status, body);
    if (problems.length > 0) throw new Error(`contract: the answer breaks the OpenAPI document:\n${problems.join('\n')}`);
  }

  private async load() {
    const document = (await (await fetch(`${this.baseUrl()}/api/v1/openapi.json`)).json()) as Record<string, unknown>;
    const paths = Object.keys(document['paths'] as Record<string, unknown>);
    // Literal paths first, so /api/v1/devices-pending is not read as /api/v1/devices/{id}-like templates.
    const templates = paths
      .map((p) => ({ template: p.replace(/\{([A-Za-z]+)\}/g, ':$1'), pattern: new RegExp(`^${p.replace(/[.]/g, '\\.').replace(/\{[A-Za-z]+\}/g, '[^/]+')}$`), params: (p.match(/\{/g) ?? []).length }))
      .sort((a, b) => a.params - b.params);
    return { checker: responseChecker(document), templates };
  }
}
