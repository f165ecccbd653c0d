import { decodeOutput } from './text/decode.js';
import { safeParse, type Probe, type ProbeCommand, type ProbeResult } from './probe.js';

export interface TextProbeSpec<T> {
  readonly id: string;
  readonly platforms: readonly NodeJS.Platform[];
  readonly commands: readonly [ProbeCommand, ...ProbeCommand[]];
  /** Pure parser of the decoded text (LF line endings, no BOM). */
  readonly parseText: (text: string) => ProbeResult<T>;
  readonly combine?: (values: readonly T[]) => T;
}

/** Builds a probe whose parser works on decoded text; decoding and exceptions are handled once here. */
export function defineTextProbe<T>(spec: TextProbeSpec<T>): Probe<T> {
  const probe: Probe<T> = {
    id: spec.id,
    platforms: spec.platforms,
    commands: spec.commands,
    parse: (output) => safeParse(() => spec.parseText(decodeOutput(output.stdout))),
  };
  return spec.combine ? { ...probe, combine: spec.combine } : probe;
}

/** Parses raw text or bytes with a probe's parser: the entry point tests and callers share. */
export function parseWith<T>(parseText: (text: string) => ProbeResult<T>, input: Uint8Array | string): ProbeResult<T> {
  return safeParse(() => parseText(decodeOutput(input)));
}
