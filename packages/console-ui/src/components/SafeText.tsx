import { revealControls } from '../format/reveal-controls.js';

export interface SafeTextProps {
  /** A string some agent sent: hostile until shown otherwise. */
  value: string | null | undefined;
  /** Shown (muted) when the value is unknown. */
  fallback?: string;
  className?: string;
}

/**
 * Renders an agent-sent string as plain React text, with bidi overrides, invisible marks and
 * control characters turned into visible `⟨U+202E⟩` markers. The span is bidi-isolated (CSS
 * `unicode-bidi: isolate`) so right-to-left text cannot reorder what is around it.
 */
export function SafeText({ value, fallback = '—', className }: SafeTextProps) {
  if (value === null || value === undefined || value === '') {
    return <span className="safe-text unknown">{fallback}</span>;
  }
  const segments = revealControls(value);
  const suspicious = segments.some((s) => s.kind === 'control');
  return (
    <span
      className={['safe-text', suspicious ? 'has-hidden' : '', className ?? ''].filter(Boolean).join(' ')}
      title={suspicious ? 'Contains hidden or direction-changing characters, shown as ⟨U+…⟩' : undefined}
    >
      {segments.map((segment, index) =>
        segment.kind === 'text' ? (
          segment.text
        ) : (
          <span key={index} className="hidden-char">
            {segment.text}
          </span>
        ),
      )}
    </span>
  );
}
