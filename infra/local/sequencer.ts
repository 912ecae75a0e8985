/**
 * S3 sequencers order events for the same key. s3rver stamps Date.now() in hex, which repeats within a
 * millisecond; this one counts up from the start time in microseconds, so it keeps increasing within a
 * run and across restarts.
 */
export function monotonicSequencer(): () => string {
  let last = BigInt(Date.now()) * 1000n;
  return () => {
    const now = BigInt(Date.now()) * 1000n;
    last = now > last ? now : last + 1n;
    return last.toString(16).toUpperCase().padStart(16, '0');
  };
}
