import type { Article, ArticleFeedback } from '@deskside/protocol';
import { useState } from 'react';
import { ticketErrorText } from '../format/ticket-errors.js';
import { RelativeTime } from './RelativeTime.js';

/** Helpful or not, with the comments employees and technicians left; technicians can add theirs. */
export function ArticleFeedbackPanel({ article, now, onVote }: { article: Article; now: number; onVote?: ((fb: ArticleFeedback) => Promise<void>) | undefined }) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const vote = async (helpful: boolean) => {
    if (!onVote) return;
    setBusy(true);
    setError(null);
    try {
      await onVote({ helpful, comment: comment.trim() });
      setComment('');
    } catch (err) {
      setError(ticketErrorText(err, 'Sending feedback'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="feedback-title" data-testid="article-feedback">
      <h2 id="feedback-title">Feedback</h2>
      <p>
        <strong>{article.helpful}</strong> found it helpful, <strong>{article.unhelpful}</strong> did not.
      </p>
      {onVote && (
        <form onSubmit={(e) => e.preventDefault()} className="kb-vote">
          <textarea aria-label="Comment (optional)" placeholder="What is missing or wrong? (optional)" rows={2} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
          <button type="button" className="button" disabled={busy} onClick={() => void vote(true)}>
            Helpful
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void vote(false)}>
            Not helpful
          </button>
          {error && <p className="form-error">{error}</p>}
        </form>
      )}
      {article.feedback.length === 0 ? (
        <p className="muted">No feedback yet.</p>
      ) : (
        <ul className="kb-feedback-list">
          {article.feedback.map((f, i) => (
            <li key={`${f.at}-${i}`}>
              {f.helpful ? '👍 Helpful' : '👎 Not helpful'} — {f.name} <RelativeTime value={f.at} now={now} />
              {f.comment && <div className="kb-comment">{f.comment}</div>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
