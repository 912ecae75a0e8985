import type { Context } from 'aws-lambda';

/** A record's work did not finish before the invocation had to answer. */
export class RecordTimeout extends Error {
  constructor(key: string, budgetMs: number) {
    super(`${key} was still being processed after ${budgetMs} ms, with the function's time nearly up`);
    this.name = 'RecordTimeout';
  }
}

export interface Deadline {
  /** Settles with `work`, or rejects with RecordTimeout when the batch's time is up first. */
  race<T>(work: Promise<T>, key: string): Promise<T>;
  clear(): void;
}

/**
 * The time the handler keeps back from the function's timeout: enough to write a quarantine record and
 * answer with the batch's failures (a fifth of the time, at most 5 s, so 5 s of a 60 s function).
 */
export function reserveMs(remainingMs: number): number {
  return Math.min(5_000, Math.floor(remainingMs / 5));
}

/**
 * One deadline for the whole batch, taken from the Lambda context when the invocation starts. Work that
 * is still pending then is abandoned, not cancelled: JavaScript cannot stop it, and the stages' writes
 * are idempotent, so a late finish only repeats what the retry would write.
 */
export function deadlineOf(context: Context): Deadline {
  const remaining = context.getRemainingTimeInMillis();
  const budgetMs = Math.max(0, remaining - reserveMs(remaining));
  const timers = new Set<NodeJS.Timeout>();
  return {
    race<T>(work: Promise<T>, key: string) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new RecordTimeout(key, budgetMs)), budgetMs);
        timers.add(timer);
      });
      return Promise.race([work, timeout]).finally(() => {
        clearTimeout(timer);
        timers.delete(timer!);
      });
    },
    clear() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
