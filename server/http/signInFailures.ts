/**
 * Failed sign-ins, counted per account and per address in one-minute windows.
 * Only failures count: a clinic whose staff all come from one address (one
 * office network) signs in as often as it likes, while someone guessing one
 * account's password, or many accounts' from one address, is stopped after
 * `ACUBACK_LOGIN_ATTEMPTS_PER_MINUTE` wrong tries. Counted through
 * rateCounter.ts, so on PostgreSQL every server process shares the count.
 */
import type { RateCounter } from "../db/rateCounter.ts";

const WINDOW_MS = 60_000;

export class SignInFailures {
  constructor(
    private readonly perMinute: number,
    private readonly counter: RateCounter,
  ) {}

  /** Seconds until another try is allowed, or 0 when this account and address may try now. */
  async retryAfter(email: string, ip: string): Promise<number> {
    let wait = 0;
    for (const key of keys(email, ip)) {
      const { count, resetInMs } = await this.counter.peek(key, WINDOW_MS);
      if (count >= this.perMinute) wait = Math.max(wait, Math.ceil(resetInMs / 1000));
    }
    return wait;
  }

  async failed(email: string, ip: string): Promise<void> {
    for (const key of keys(email, ip)) await this.counter.hit(key, WINDOW_MS);
  }

  /** A whole sign-in that succeeded clears the account's own failures (not the address's). */
  async succeeded(email: string): Promise<void> {
    await this.counter.clear(accountKey(email), WINDOW_MS);
  }
}

const accountKey = (email: string) => `sign-in account ${email.trim().toLowerCase()}`;
const keys = (email: string, ip: string) => [accountKey(email), `sign-in address ${ip}`];
