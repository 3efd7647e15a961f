import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export interface LatencyBudget {
  /** At most this many measured calls… */
  samples: number;
  /** …or as many as fit in this many seconds, but never fewer than `minSamples`. */
  seconds: number;
  minSamples: number;
}

/**
 * Serial calls of `send` (after 20 unmeasured ones), in milliseconds, with how many were
 * measured: a slow action stops at its time budget, so that a volume's section stays in minutes.
 */
export async function latency(
  send: (i: number) => Promise<void>,
  budget: LatencyBudget,
): Promise<Percentiles & { samples: number }> {
  for (let i = 0; i < 20; i += 1) await send(-1 - i);
  const times: number[] = [];
  const until = Date.now() + budget.seconds * 1000;
  for (let i = 0; i < budget.samples && (i < budget.minSamples || Date.now() < until); i += 1) {
    const start = process.hrtime.bigint();
    await send(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), samples: times.length };
}

/** `total` calls of `send`, `concurrency` in flight at once; calls per second. */
export async function throughput(send: (i: number) => Promise<void>, total: number, concurrency: number) {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await send(next++);
    }),
  );
  return total / (Number(process.hrtime.bigint() - start) / 1e9);
}

export const ms = (n: number) => n.toFixed(2).padStart(8);
