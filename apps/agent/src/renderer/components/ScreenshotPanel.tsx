import { useEffect, useState } from 'react';
import type { ScreenshotPreview } from '../../common/bridge-api.js';

/** The screenshot taken just before the window opened, with a Remove button. */
export function ScreenshotPanel({ onChange }: { onChange: (present: boolean) => void }) {
  const [shot, setShot] = useState<ScreenshotPreview | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    window.deskside.getScreenshot().then(
      (preview) => {
        if (!live) return;
        setShot(preview);
        onChange(preview !== null);
      },
      () => live && setShot(null),
    );
    return () => {
      live = false;
    };
  }, [onChange]);

  const remove = () => {
    void window.deskside.removeScreenshot().then(() => {
      setShot(null);
      onChange(false);
    });
  };

  if (shot === undefined) return <p className="muted">Loading the screenshot…</p>;
  if (shot === null) return <p className="muted" data-testid="screenshot-none">No screenshot will be attached.</p>;
  return (
    <figure className="screenshot" data-testid="screenshot-preview">
      <img src={shot.dataUrl} alt="Screenshot of your screen, taken when you opened this window" width={shot.width} height={shot.height} />
      <figcaption>
        This picture of your screen will be attached.{' '}
        <button type="button" onClick={remove} data-testid="screenshot-remove">
          Remove screenshot
        </button>
      </figcaption>
    </figure>
  );
}
