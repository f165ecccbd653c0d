import type { Socket } from 'node:net';

/**
 * One JSON value per line over a local socket, each line bounded: a peer that sends more than
 * `maxLine` bytes without a newline, or a line that is not JSON, is disconnected.
 */
export class LineChannel {
  private buffer = '';
  private closed = false;

  constructor(
    private readonly socket: Socket,
    private readonly maxLine: number,
    onMessage: (value: unknown) => void,
    onClose: () => void,
  ) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let newline = this.buffer.indexOf('\n');
      while (newline >= 0 && !this.closed) {
        const line = this.buffer.slice(0, newline);
        this.buffer = this.buffer.slice(newline + 1);
        if (line.trim() !== '') {
          let value: unknown;
          try {
            value = JSON.parse(line);
          } catch {
            this.close();
            return;
          }
          onMessage(value);
        }
        newline = this.buffer.indexOf('\n');
      }
      if (Buffer.byteLength(this.buffer) > this.maxLine) this.close();
    });
    socket.on('error', () => this.close());
    socket.on('close', () => {
      this.closed = true;
      onClose();
    });
  }

  send(value: unknown): void {
    if (this.closed || this.socket.destroyed) return;
    this.socket.write(`${JSON.stringify(value)}\n`);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
  }

  get isClosed(): boolean {
    return this.closed;
  }
}
