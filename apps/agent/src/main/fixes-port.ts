import type { ConsentDecision, PendingFix } from '@deskside/agent-core';

/**
 * The slice of agent-core's `FixDesk` the tray uses: the question, the answer, and "someone is
 * here to ask". Declared as a shape so the shell does not depend on the desk's internals.
 */
export interface FixesPort {
  pending(): PendingFix[];
  answer(runId: string, decision: ConsentDecision): boolean;
  onPending(listener: (pending: PendingFix[]) => void): () => void;
  attachAsker(): () => void;
}
