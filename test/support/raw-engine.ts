import WebSocket from 'ws';

/** A raw engine.io v4 websocket: what a hostile client speaks below socket.io's own client. */
export class RawEngineSocket {
  readonly received: string[] = [];
  private readonly ws: WebSocket;
  readonly opened: Promise<void>;
  readonly closed: Promise<number>;

  constructor(hubUrl: string) {
    this.ws = new WebSocket(`${hubUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
    this.ws.on('message', (data, isBinary) => {
      const text = isBinary ? `<binary ${(data as Buffer).length}>` : String(data);
      // Answer pings, like a real client, so a quiet test is not taken for a dead peer.
      if (text === '2') this.ws.send('3');
      this.received.push(text);
    });
    this.ws.on('error', () => undefined);
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.closed = new Promise((resolve) => this.ws.once('close', (code) => resolve(code)));
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(frame: string | Buffer): void {
    if (this.isOpen) this.ws.send(frame);
  }

  /** Resolves with the first received frame matching `pattern`, or undefined after `ms`. */
  async waitFor(pattern: RegExp, ms = 3000): Promise<string | undefined> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const hit = this.received.find((f) => pattern.test(f));
      if (hit) return hit;
      if (!this.isOpen) return this.received.find((f) => pattern.test(f));
      await new Promise((r) => setTimeout(r, 20));
    }
    return undefined;
  }

  /** True when the hub closed the connection within `ms`. */
  async closedWithin(ms = 3000): Promise<boolean> {
    return Promise.race([this.closed.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
  }

  close(): void {
    this.ws.terminate();
  }
}
