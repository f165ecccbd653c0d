import type { z } from 'zod';

/** Thrown for IPC arguments that fail their schema; the message names no value. */
export class InvalidIpcArguments extends Error {
  constructor(channel: string) {
    super(`invalid arguments for ${channel}`);
    this.name = 'InvalidIpcArguments';
  }
}

/**
 * One call's argument list, parsed with its schema in main: the renderer is a trust boundary like
 * any network peer, whatever the preload promised.
 */
export function parseIpcArgs<S extends z.ZodType>(channel: string, schema: S, args: unknown[]): z.infer<S> {
  const parsed = schema.safeParse(args);
  if (!parsed.success) throw new InvalidIpcArguments(channel);
  return parsed.data;
}
