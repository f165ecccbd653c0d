import type { Writable } from 'node:stream';
import { ExportAborted } from './byte-sink.js';

/** Uncompressed sheet XML allowed to wait for the zip before the export stops reading the store. */
export const SHEET_BUFFER_LIMIT = 1024 * 1024;

/** The part of a writable the wait needs (archiver's PassThrough comes from `readable-stream` 2). */
export interface BufferedSink {
  /** Bytes written to the sink and not yet read by the zip. */
  buffered(): number;
  once(event: 'drain', listener: () => void): unknown;
  off(event: 'drain', listener: () => void): unknown;
}

/**
 * Where exceljs's streaming writer parks a sheet's XML until the zip compresses it. exceljs writes
 * rows into its own `StreamBuf`, which pipes into archiver's PassThrough while ignoring every
 * `write()` result, and the store (better-sqlite3) answers in microtasks: without a wait here the
 * whole sheet piles up in that PassThrough before zlib gets a turn (RSS grew with the fleet's size).
 * Reached through exceljs 4 / archiver 5 internals, checked by shape (readable-stream 2 has no
 * `writableLength`, hence `_writableState.length`): `undefined` when they change, and the export
 * then falls back to yielding to the event loop between pages.
 */
export function sheetSink(sheet: object): BufferedSink | undefined {
  const stream: unknown = Reflect.get(sheet, 'stream');
  if (typeof stream !== 'object' || stream === null) return undefined;
  const pipes: unknown = Reflect.get(stream, 'pipes');
  const pipe: unknown = Array.isArray(pipes) ? pipes[0] : undefined;
  if (typeof pipe !== 'object' || pipe === null) return undefined;
  const once: unknown = Reflect.get(pipe, 'once');
  const off: unknown = Reflect.get(pipe, 'off');
  const buffered = (): number => {
    const length: unknown = Reflect.get(pipe, 'writableLength');
    if (typeof length === 'number') return length;
    const state: unknown = Reflect.get(pipe, '_writableState');
    const stateLength: unknown = typeof state === 'object' && state !== null ? Reflect.get(state, 'length') : undefined;
    return typeof stateLength === 'number' ? stateLength : 0;
  };
  if (typeof once !== 'function' || typeof off !== 'function') return undefined;
  return {
    buffered,
    once: (event, listener) => Reflect.apply(once, pipe, [event, listener]),
    off: (event, listener) => Reflect.apply(off, pipe, [event, listener]),
  };
}

/**
 * Waits until the zip has taken the sheet's XML down to {@link SHEET_BUFFER_LIMIT} (it only reads
 * as fast as `out` drains, so this is the client's backpressure too); rejects with
 * {@link ExportAborted} when `out` closes first. Always yields once, so zlib's callbacks run.
 */
export async function waitForSheet(sink: BufferedSink | undefined, out: Writable): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  while (sink !== undefined && sink.buffered() > SHEET_BUFFER_LIMIT) {
    if (out.destroyed || out.writableEnded) throw new ExportAborted('The client closed the connection.');
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        sink.off('drain', onDrain);
        out.off('close', onClose);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = () => done();
      const onClose = () => done(new ExportAborted('The client closed the connection.'));
      sink.once('drain', onDrain);
      out.once('close', onClose);
    });
  }
}
