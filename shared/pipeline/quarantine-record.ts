import { z } from 'zod';
import { stageNames } from './key-layout';

/** What a stage writes under its quarantine key (key-layout.ts) when it gives up on a source object. */
export const QuarantineRecordSchema = z.object({
  stage: z.enum(stageNames),
  bucket: z.string().optional(),
  /** The source object's key, whole, even when the quarantine key had to be shortened. */
  key: z.string(),
  reason: z.object({ code: z.string(), message: z.string() }),
  attempts: z.number().int().positive(),
  at: z.string(),
});
export type QuarantineRecord = z.infer<typeof QuarantineRecordSchema>;
