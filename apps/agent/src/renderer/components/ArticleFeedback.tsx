import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ARTICLE_COMMENT_MAX_CHARS } from '../../common/bridge-api.js';

type Step = { step: 'ask' } | { step: 'comment' } | { step: 'sending' } | { step: 'thanks' } | { step: 'failed' };

/** "Was this article helpful?": Yes is sent at once; No asks what was missing (optional) first. */
export function ArticleFeedback({ articleId }: { articleId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<Step>({ step: 'ask' });
  const [comment, setComment] = useState('');

  const send = (helpful: boolean, text: string) => {
    setState({ step: 'sending' });
    window.deskside.articleFeedback(articleId, helpful, text).then(
      () => setState({ step: 'thanks' }),
      () => setState({ step: 'failed' }),
    );
  };
  const submitComment = (event: FormEvent) => {
    event.preventDefault();
    send(false, comment);
  };

  if (state.step === 'thanks') {
    return (
      <p className="feedback-done" role="status" data-testid="article-feedback-thanks">
        {t('articles.thanks')}
      </p>
    );
  }
  if (state.step === 'comment' || (state.step === 'sending' && comment !== '')) {
    return (
      <form className="feedback" onSubmit={submitComment}>
        <label htmlFor="article-comment">{t('articles.commentLabel')}</label>
        <textarea id="article-comment" data-testid="article-comment" rows={3} maxLength={ARTICLE_COMMENT_MAX_CHARS} value={comment} onChange={(e) => setComment(e.target.value)} />
        <div className="actions">
          <button type="submit" className="button" data-testid="article-comment-send" disabled={state.step === 'sending'}>
            {t('articles.sendFeedback')}
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className="feedback" role="group" aria-labelledby={`feedback-${articleId}`}>
      <p id={`feedback-${articleId}`} className="question">
        {t('articles.helpfulQuestion')}
      </p>
      {state.step === 'failed' && (
        <p className="field-error" role="alert">
          {t('articles.feedbackFailed')}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button secondary" data-testid="article-helpful" disabled={state.step === 'sending'} onClick={() => send(true, '')}>
          {t('articles.yes')}
        </button>
        <button type="button" className="button secondary" data-testid="article-unhelpful" disabled={state.step === 'sending'} onClick={() => setState({ step: 'comment' })}>
          {t('articles.no')}
        </button>
      </div>
    </div>
  );
}
