import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { Command } from 'commander';
import { listZone } from '../../shared/aws/list-zone';
import { quarantineZone, type StageName, zones } from '../../shared/pipeline/key-layout';
import { type QuarantineRecord, QuarantineRecordSchema } from '../../shared/pipeline/quarantine-record';
import { printLine } from '../output';
import {
  addTargetOptions,
  operatorAction,
  type PipelineTarget,
  resolveTarget,
  stageOption,
  type TargetOptions,
} from './pipeline-target';

/** Every quarantine record in the bucket (optionally of one stage), oldest first. */
export async function listFailures(target: PipelineTarget, stage?: string): Promise<QuarantineRecord[]> {
  const prefix = stage ? quarantineZone(stage as StageName) : zones.quarantine;
  const objects = await listZone(target.s3, target.bucket, prefix);
  const records: QuarantineRecord[] = [];
  for (let i = 0; i < objects.length; i += 16) {
    const batch = await Promise.all(
      objects.slice(i, i + 16).map(async (object) => {
        const response = await target.s3.send(
          new GetObjectCommand({ Bucket: target.bucket, Key: object.key }),
        );
        const parsed = QuarantineRecordSchema.safeParse(JSON.parse(await response.Body!.transformToString()));
        return parsed.success ? parsed.data : undefined;
      }),
    );
    for (const record of batch) if (record) records.push(record);
  }
  return records.sort((a, b) => a.at.localeCompare(b.at));
}

export function register(program: Command): void {
  addTargetOptions(
    program
      .command('failures')
      .description('list quarantined files: stage, key, reason, attempts, time')
      .addOption(stageOption('only one stage', false))
      .option('--json', 'one JSON object per line'),
  ).action(
    operatorAction(async (options: TargetOptions & { stage?: StageName; json?: boolean }) => {
      const target = await resolveTarget(options);
      const records = await listFailures(target, options.stage);
      if (options.json) {
        for (const r of records) printLine(r);
        return;
      }
      for (const r of records) {
        console.log(
          `${r.at}  ${r.stage.padEnd(5)}  attempts ${r.attempts}  ${r.key}  ${r.reason.code}: ${r.reason.message}`,
        );
      }
      console.error(`${records.length} quarantined in ${target.description}`);
    }),
  );
}
