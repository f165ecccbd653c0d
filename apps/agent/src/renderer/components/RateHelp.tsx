import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RATING_COMMENT_MAX_CHARS, type MyTicketView, type Satisfaction } from '../../common/bridge-api.js';

/** One click: was the help good? An optional comment after, never required. */
export function RateHelp({ ticket }: { ticket: MyTicketView }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [commentSent, setCommentSent] = useState(false);
  const [failed, setFailed] = useState(false);
  const rated = ticket.satisfaction;

  const rate = (rating: Satisfaction, text: string | null) => {
    setFailed(false);
    window.deskside.rateTicket(ticket.id, rating, text).then(
      () => text !== null && setCommentSent(true),
      () => setFailed(true),
    );
  };

  return (
    <section className="confirm-box" aria-labelledby="rate-title" data-testid="rate-help" data-rating={rated?.rating ?? ''}>
      <h2 id="rate-title">{t('rating.question')}</h2>
      <div className="rating" role="group" aria-labelledby="rate-title">
        {(['good', 'bad'] as const).map((value) => (
          <button
            key={value}
            type="button"
            className={rated?.rating === value ? 'button' : 'button secondary'}
            aria-pressed={rated?.rating === value}
            onClick={() => rate(value, null)}
            data-testid={`rate-${value}`}
          >
            {value === 'good' ? t('rating.good') : t('rating.bad')}
          </button>
        ))}
      </div>
      {rated && !commentSent && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (comment.trim()) rate(rated.rating, comment.trim().slice(0, RATING_COMMENT_MAX_CHARS));
          }}
        >
          <p role="status">{t('rating.thanks')}</p>
          <div className="field">
            <label htmlFor="rate-comment">
              {t('rating.comment')} <span className="muted">({t('app.optional')})</span>
            </label>
            <textarea id="rate-comment" data-testid="rate-comment" rows={2} maxLength={RATING_COMMENT_MAX_CHARS} value={comment} onChange={(e) => setComment(e.target.value)} />
          </div>
          <button type="submit" className="button secondary" data-testid="rate-send">
            {t('rating.send')}
          </button>
        </form>
      )}
      {commentSent && <p role="status">{t('rating.thanks')}</p>}
      {failed && (
        <p className="field-error" role="alert">
          {t('confirm.failed')}
        </p>
      )}
    </section>
  );
}
