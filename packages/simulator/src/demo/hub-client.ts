/** The few admin calls the demo makes over the hub's HTTP API, with a session token. */
export class HubClient {
  private token = '';
  constructor(private readonly url: string) {}

  async login(username: string, password: string): Promise<void> {
    const body = (await this.call('POST', '/api/v1/login', { username, password })) as { token: string };
    this.token = body.token;
  }

  async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(this.url + path, {
      method,
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
    return text ? (JSON.parse(text) as unknown) : null;
  }
}
