import { type QuarantineRecord, QuarantineRecordSchema, type StageName } from '../../shared/article/schema';
import { quarantinePrefix } from '../../shared/pipeline/definition';
import { putJson } from './objects';

/** quarantine/<stage>/<source key>.json: the record sits beside the untouched source object. */
export function quarantineKey(stage: StageName, sourceKey: string): string {
  return `${quarantinePrefix}${stage}/${sourceKey}.json`;
}

export async function quarantine(
  bucket: string,
  record: Omit<QuarantineRecord, 'at'> & { at?: string },
): Promise<string> {
  const full = QuarantineRecordSchema.parse({ ...record, at: record.at ?? new Date().toISOString() });
  const key = quarantineKey(full.stage, full.key);
  await putJson(bucket, key, full);
  return key;
}
