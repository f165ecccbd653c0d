import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * SQLite gives the store one connection. While `transaction(fn)` holds it, a call made from inside
 * `fn` to the store's own repositories (instead of the ones handed to `fn`) would wait for `fn`
 * forever: one such slip froze a whole hub. The guard turns that deadlock into an immediate error
 * that names the call, so it is found by the first test that takes the path.
 */
export class TransactionGuard {
  private readonly inside = new AsyncLocalStorage<true>();

  /** Runs `fn` marked as inside a transaction (for everything it awaits, too). */
  run<T>(fn: () => Promise<T>): Promise<T> {
    return this.inside.run(true, fn);
  }

  /** Throws when the caller is inside a transaction of this store. */
  check(what: string): void {
    if (this.inside.getStore()) {
      throw new Error(
        `store.${what} was called from inside store.transaction(): use the repositories handed to the transaction (SQLite has one connection; this would deadlock)`,
      );
    }
  }

  /** The same repositories, each method checked first. */
  guardRepositories<R extends object>(repositories: R): R {
    const guarded: Record<string, unknown> = {};
    for (const [name, repository] of Object.entries(repositories)) {
      guarded[name] = this.guardMethods(name, repository as Record<string, unknown>);
    }
    return guarded as R;
  }

  private guardMethods(repositoryName: string, repository: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(repository)) {
      if (typeof value !== 'function') {
        out[key] = value;
        continue;
      }
      const method = value as (...args: unknown[]) => unknown;
      out[key] = (...args: unknown[]) => {
        this.check(`${repositoryName}.${key}()`);
        return method.apply(repository, args);
      };
    }
    return out;
  }
}
