/** The escape character used with every LIKE pattern the store builds. */
export const LIKE_ESCAPE = '\\';

/**
 * A LIKE pattern matching `text` anywhere, with the user's `%`, `_` and `\` taken literally, so a
 * search for "100%" or "PC_01" means exactly that and "%" does not match every row.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => LIKE_ESCAPE + c)}%`;
}
