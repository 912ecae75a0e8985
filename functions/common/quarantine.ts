import { quarantineKey } from '../../shared/pipeline/key-layout';
import { type QuarantineRecord, QuarantineRecordSchema } from '../../shared/pipeline/quarantine-record';
import type { ObjectStore } from './object-store';
import { putJson } from './objects';

export async function quarantine(
  objects: ObjectStore,
  bucket: string,
  record: Omit<QuarantineRecord, 'at'> & { at?: string },
): Promise<string> {
  const full = QuarantineRecordSchema.parse({ ...record, at: record.at ?? new Date().toISOString() });
  const key = quarantineKey(full.stage, full.key);
  await putJson(objects, bucket, key, full);
  return key;
}
