/** JSON text as stored; `undefined` (which JSON cannot spell) is stored as SQL NULL. */
export function toJsonOrNull(value: unknown): string | null {
  if (value === undefined) return null;
  return JSON.stringify(value);
}

export function fromJsonOrUndefined(text: string | null): unknown {
  return text === null ? undefined : (JSON.parse(text) as unknown);
}

export function fromJson(text: string): unknown {
  return JSON.parse(text) as unknown;
}
