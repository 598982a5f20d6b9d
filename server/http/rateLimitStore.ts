/**
 * @fastify/rate-limit's store (its documented `store` option) over our
 * RateCounter, so the per-address limits of the public routes (report links,
 * directory search, calendar feeds, sign-in floods) hold across every server
 * process on PostgreSQL as they do within one. Each route counts on its own.
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import type { RateCounter } from "../db/rateCounter.ts";

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

export function rateLimitStore(counter: RateCounter): FastifyRateLimitStoreCtor {
  return class SharedRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly route = "",
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      counter.hit(`route ${this.route} ${key}`, timeWindow).then(
        ({ count, resetInMs }) => callback(null, { current: count, ttl: resetInMs }),
        (error: Error) => callback(error),
      );
    }

    read(key: string, callback: Callback, timeWindow: number): void {
      counter.peek(`route ${this.route} ${key}`, timeWindow).then(
        ({ count, resetInMs }) => callback(null, { current: count, ttl: count > 0 ? resetInMs : 0 }),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore["child"]>[0]): FastifyRateLimitStore {
      const method = (routeOptions as { routeInfo?: { method?: string } }).routeInfo?.method ?? "";
      return new SharedRateLimitStore(routeOptions, `${method} ${routeOptions.path}`);
    }
  };
}
