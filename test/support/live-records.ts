/**
 * The latest state of records a console receives (snapshot, then live pushes), by id, and waits
 * for a condition on them: what the alert and ticket watches share.
 */
export class LiveRecords<T extends { id: string }> {
  readonly byId = new Map<string, T>();
  private readonly waiters = new Set<() => void>();

  /** `describe` names the records in a timeout's message. */
  constructor(private readonly describe: (records: T[]) => unknown) {}

  put(records: Iterable<T>): void {
    for (const r of records) this.byId.set(r.id, r);
    for (const w of this.waiters) w();
  }

  /** Resolves with the first record matching `predicate`, now or once the hub pushes it. */
  until(predicate: (r: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = [...this.byId.values()].find(predicate);
        if (!found) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}; have: ${JSON.stringify(this.describe([...this.byId.values()]))}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }
}
