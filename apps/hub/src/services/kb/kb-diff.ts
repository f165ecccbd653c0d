import { createTwoFilesPatch } from 'diff';
import type { ArticleVersion } from '@deskside/protocol';
import type { KbVersionRecord } from '@deskside/store';

/** Largest diff answered per version; a bigger one is cut with a note. */
const MAX_DIFF_CHARS = 100_000;

/** Each version with a unified diff (title line + body) against the one before, newest first. */
export function versionDiffs(versions: readonly KbVersionRecord[]): ArticleVersion[] {
  const out: ArticleVersion[] = [];
  let previous = '';
  for (const v of versions) {
    const text = `# ${v.title}\n\n${v.body}\n`;
    const patch = createTwoFilesPatch(`v${v.version - 1}`, `v${v.version}`, previous, text, '', '', { context: 2 });
    // Drop the "===" banner and file headers: the console shows the hunks.
    const lines = patch.split('\n');
    const first = lines.findIndex((l) => l.startsWith('@@'));
    const hunks = first < 0 ? '' : lines.slice(first).join('\n');
    out.push({
      version: v.version,
      at: v.at.toISOString(),
      authorName: v.authorName,
      title: v.title,
      diff: hunks.length > MAX_DIFF_CHARS ? `${hunks.slice(0, MAX_DIFF_CHARS)}\n… (diff cut at ${MAX_DIFF_CHARS} characters)` : hunks,
    });
    previous = text;
  }
  return out.reverse();
}
