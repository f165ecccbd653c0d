import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScreenshotPreview } from '../../common/bridge-api.js';

/** The screenshot taken just before the window opened, with a way to leave it out. */
export function ScreenshotPanel({ onChange }: { onChange: (present: boolean) => void }) {
  const { t } = useTranslation();
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

  if (shot === undefined) return <p className="muted">{t('screenshot.loading')}</p>;
  if (shot === null)
    return (
      <p className="muted" data-testid="screenshot-none">
        {t('screenshot.none')}
      </p>
    );
  return (
    <figure className="screenshot card" data-testid="screenshot-preview">
      <img src={shot.dataUrl} alt={t('screenshot.alt')} width={shot.width} height={shot.height} />
      <figcaption>
        <p className="muted">{t('screenshot.attached')}</p>
        <button type="button" className="link-button" onClick={remove} data-testid="screenshot-remove">
          {t('screenshot.remove')}
        </button>
      </figcaption>
    </figure>
  );
}
