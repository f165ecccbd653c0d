import { MAX_SOFTWARE, type Software } from '@deskside/protocol';
import { cut, text } from './normalize.js';

/** A software row from any source, normalized and capped; null when it has no usable name. */
export function softwareRow(source: Software['source'], raw: { name: unknown; version?: unknown; publisher?: unknown; installDate?: unknown; arch?: unknown }): Software | null {
  const name = text(raw.name);
  if (name === null) return null;
  const date = typeof raw.installDate === 'string' && /^\d{4}-\d{2}-\d{2}/.test(raw.installDate) ? raw.installDate.slice(0, 10) : null;
  return {
    name,
    version: text(raw.version, 128),
    publisher: text(raw.publisher),
    installDate: date,
    source,
    arch: text(raw.arch, 32),
  };
}

/**
 * Sorted (so the document hashes the same run after run), de-duplicated on (name, version,
 * publisher, source) and capped at the protocol's maximum.
 */
export function finishSoftware(rows: readonly (Software | null)[]): Software[] {
  const seen = new Set<string>();
  const out: Software[] = [];
  for (const row of rows) {
    if (row === null) continue;
    const key = [row.name, row.version, row.publisher, row.source, row.arch].join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(row);
  }
  out.sort((a, b) => compare(a.name.toLowerCase(), b.name.toLowerCase()) || compare(a.source, b.source) || compare(a.version ?? '', b.version ?? ''));
  return out.slice(0, MAX_SOFTWARE);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Publisher from a code-signing authority: "Developer ID Application: Google LLC (EQHXZ8M8AV)" → "Google LLC". */
export function publisherFromSigner(signer: string | undefined): string | null {
  if (signer === undefined) return null;
  const m = /^(?:Developer ID Application|Apple Mac OS Application Signing|Apple iPhone OS Application Signing):\s*(.+?)(?:\s*\([A-Z0-9]{10}\))?$/.exec(signer.trim());
  if (m?.[1]) return cut(m[1], 256);
  if (/^Software Signing$/i.test(signer.trim())) return 'Apple Inc.';
  return text(signer);
}
