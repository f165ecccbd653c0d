import { SafeText } from './SafeText.js';

/**
 * Several lines someone wrote (a description, a reply): each line through SafeText, line breaks
 * kept as `<br>`. Only CR / LF break lines; every other control character stays a visible marker.
 */
export function SafeMultiline({ value, className }: { value: string | null | undefined; className?: string }) {
  if (value === null || value === undefined || value === '') return <SafeText value={value} />;
  const lines = value.split(/\r\n|\n|\r/);
  return (
    <span className={['safe-multiline', className ?? ''].filter(Boolean).join(' ')}>
      {lines.map((line, i) => (
        <span key={i}>
          {i > 0 && <br />}
          {line === '' ? null : <SafeText value={line} />}
        </span>
      ))}
    </span>
  );
}
