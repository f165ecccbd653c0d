/** Capped, jittered exponential backoff: 1 s, 2 s, 4 s … 60 s, each ±50 %, as socket.io's manager does. */
export class Backoff {
  private attempts = 0;

  constructor(
    private readonly options: { minMs?: number; maxMs?: number; factor?: number; jitter?: number; random?: () => number } = {},
  ) {}

  /** The delay before the next attempt. */
  next(): number {
    const { minMs = 1_000, maxMs = 60_000, factor = 2, jitter = 0.5, random = Math.random } = this.options;
    const base = Math.min(maxMs, minMs * factor ** Math.min(this.attempts, 32));
    this.attempts++;
    const spread = base * jitter * (random() * 2 - 1);
    return Math.round(Math.min(maxMs, Math.max(0, base + spread)));
  }

  reset(): void {
    this.attempts = 0;
  }

  get attempt(): number {
    return this.attempts;
  }
}

/** socket.io-client manager options matching {@link Backoff}'s defaults. */
export const RECONNECT_OPTIONS = {
  reconnection: true,
  reconnectionDelay: 1_000,
  reconnectionDelayMax: 60_000,
  randomizationFactor: 0.5,
} as const;
