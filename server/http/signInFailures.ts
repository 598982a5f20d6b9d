/**
 * Failed sign-ins, counted per account and per address over the last minute.
 * Only failures count: a clinic whose staff all come from one address (one
 * office network) signs in as often as it likes, while someone guessing one
 * account's password, or many accounts' from one address, is stopped after
 * `ACUBACK_LOGIN_ATTEMPTS_PER_MINUTE` wrong tries. Kept in this process: with
 * several `acuback serve` processes each counts its own (issue 15 keeps the
 * shared store open).
 */
const WINDOW_MS = 60_000;

export class SignInFailures {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly perMinute: number) {}

  /** Seconds until another try is allowed, or 0 when this account and address may try now. */
  retryAfter(email: string, ip: string, now = Date.now()): number {
    let wait = 0;
    for (const key of keys(email, ip)) {
      const recent = this.recent(key, now);
      if (recent.length >= this.perMinute) wait = Math.max(wait, Math.ceil((recent[recent.length - this.perMinute]! + WINDOW_MS - now) / 1000));
    }
    return wait;
  }

  failed(email: string, ip: string, now = Date.now()): void {
    for (const key of keys(email, ip)) this.failures.set(key, [...this.recent(key, now), now]);
    // A flood of made-up e-mail addresses must not grow the map without end.
    if (this.failures.size > 10_000) for (const key of this.failures.keys()) if (this.recent(key, now).length === 0) this.failures.delete(key);
  }

  /** A correct password clears the account's own failures (not the address's). */
  succeeded(email: string): void {
    this.failures.delete(accountKey(email));
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => now - at < WINDOW_MS);
  }
}

const accountKey = (email: string) => `account ${email.trim().toLowerCase()}`;
const keys = (email: string, ip: string) => [accountKey(email), `address ${ip}`];
