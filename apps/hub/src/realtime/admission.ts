/** How many agent handshakes the hub takes on, at once and per second. */
export interface AdmissionLimits {
  /** Handshakes being processed at the same time (credential lookups in flight). */
  maxConcurrent: number;
  /** New agent connections admitted per second (token-bucket refill). */
  ratePerSecond: number;
  /** Bucket capacity: how many may arrive at once after a quiet spell. */
  burst: number;
}

/**
 * Sized so 10,000 agents reconnecting after a hub restart settle well within 30 s: at 1,000 a
 * second the bucket admits them all in ~10 s, and the agents' jittered backoff (1 s, 2 s, 4 s …
 * ±50 %) spreads the refused ones so the hub never sees the whole fleet in one instant.
 */
export const DEFAULT_ADMISSION: Readonly<AdmissionLimits> = Object.freeze({ maxConcurrent: 200, ratePerSecond: 1000, burst: 1000 });

/**
 * Admission control for `/agent` handshakes: a cap on handshakes in flight and a token bucket of
 * new connections. Time comes from the caller, so tests drive it with a fake clock.
 */
export class Admission {
  private inFlight = 0;
  private tokens: number;
  private at: number | null = null;

  constructor(private readonly limits: AdmissionLimits = DEFAULT_ADMISSION) {
    this.tokens = limits.burst;
  }

  /** Takes a slot; answers its release function, or undefined when the hub is at its limit. */
  tryAdmit(nowMs: number): (() => void) | undefined {
    const elapsed = this.at === null ? 0 : Math.max(0, nowMs - this.at) / 1000;
    this.tokens = Math.min(this.limits.burst, this.tokens + elapsed * this.limits.ratePerSecond);
    this.at = nowMs;
    if (this.inFlight >= this.limits.maxConcurrent || this.tokens < 1) return undefined;
    this.tokens -= 1;
    this.inFlight++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight--;
    };
  }

  get pending(): number {
    return this.inFlight;
  }
}
