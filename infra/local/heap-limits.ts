/**
 * Heap limits of the local runtime. Its live heap is small (about 50 MB on the main thread, under
 * 80 MB on the stand-ins' thread, in the 2,000-file load test), but without limits V8 lets both heaps
 * grow lazily to several times that before it collects, and the process reached 700 MB. With these
 * limits V8 collects sooner; the old-space limit leaves room for the largest file the parser accepts.
 */

/** Node flags for the runtime's process: `npm start` (package.json) and runtime-process.ts. */
export const runtimeNodeFlags = ['--max-old-space-size=256', '--max-semi-space-size=4'] as const;

/** Worker resource limits of the stand-ins' thread (s3rver, dynalite, fauxqs). */
export const standInHeapLimits = { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 16 } as const;
