import { quarantineKey } from '../../shared/pipeline/key-layout';
import { type QuarantineRecord, QuarantineRecordSchema } from '../../shared/pipeline/quarantine-record';
import { putJson } from './objects';

export async function quarantine(
  bucket: string,
  record: Omit<QuarantineRecord, 'at'> & { at?: string },
): Promise<string> {
  const full = QuarantineRecordSchema.parse({ ...record, at: record.at ?? new Date().toISOString() });
  const key = quarantineKey(full.stage, full.key);
  await putJson(bucket, key, full);
  return key;
}
