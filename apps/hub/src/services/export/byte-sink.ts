import type { Writable } from 'node:stream';

/** Thrown when the client went away mid-export: stop reading the store, nothing to answer. */
export class ExportAborted extends Error {
  override readonly name = 'ExportAborted';
}

/**
 * Writes to a stream with backpressure: resolves at once while the stream's buffer has room,
 * else when it drains; rejects with {@link ExportAborted} when the stream is closed or destroyed.
 */
export async function writeWithBackpressure(stream: Writable, chunk: string | Buffer): Promise<void> {
  if (stream.destroyed || stream.writableEnded) throw new ExportAborted('The client closed the connection.');
  if (stream.write(chunk)) return;
  await waitForDrain(stream);
}

/** Waits until `stream` can take more, or rejects when it closes first. */
export function waitForDrain(stream: Writable): Promise<void> {
  if (!stream.writableNeedDrain) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      stream.off('error', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new ExportAborted('The client closed the connection.'));
    stream.on('drain', onDrain);
    stream.on('close', onClose);
    stream.on('error', onClose);
  });
}
