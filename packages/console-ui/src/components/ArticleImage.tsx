import { useEffect, useState } from 'react';

/** An article image from the hub: fetched with the session as a checked blob, shown from an object URL. */
export function ArticleImage({ path, alt, load }: { path: string; alt: string; load: (path: string) => Promise<Blob> }) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    let objectUrl: string | null = null;
    load(path).then(
      (blob) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
      if (objectUrl !== null) URL.revokeObjectURL(objectUrl);
    };
  }, [path, load]);
  if (failed) return <span className="article-image-missing">[image could not be loaded{alt ? `: ${alt}` : ''}]</span>;
  if (url === null) return <span className="muted">Loading image…</span>;
  return <img className="article-image" src={url} alt={alt} />;
}
