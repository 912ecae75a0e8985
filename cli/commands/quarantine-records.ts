import { DeleteObjectsCommand } from '@aws-sdk/client-s3';
import { quarantineKey, type StageName } from '../../shared/pipeline/key-layout';
import type { PipelineTarget } from './pipeline-target';

/**
 * Removes the quarantine records of objects about to be retried: if they fail again they are
 * quarantined afresh, and `articles failures` shows only what is still failing.
 */
export async function clearQuarantine(target: PipelineTarget, stage: StageName, keys: readonly string[]) {
  const records = keys.map((key) => ({ Key: quarantineKey(stage, key) }));
  for (let i = 0; i < records.length; i += 1000) {
    await target.s3.send(
      new DeleteObjectsCommand({
        Bucket: target.bucket,
        Delete: { Objects: records.slice(i, i + 1000), Quiet: true },
      }),
    );
  }
}
