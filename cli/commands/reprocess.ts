import { GetObjectCommand } from '@aws-sdk/client-s3';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { monotonicSequencer } from '../../infra/local/sequencer';
import { listZone, type ZoneObject } from '../../shared/aws/list-zone';
import { objectCreatedMessage } from '../../shared/events/s3-object-event';
import { stageNamed } from '../../shared/pipeline/definition';
import { articleIdOfKey, type StageName, stageDocumentKey } from '../../shared/pipeline/key-layout';
import {
  addTargetOptions,
  operatorAction,
  type PipelineTarget,
  resolveTarget,
  stageOption,
  type TargetOptions,
} from './pipeline-target';
import { clearQuarantine } from './quarantine-records';

export type Selection = { id: string } | { prefix: string } | { all: true };

/** The stage's input objects the selection names. */
export async function selectInputs(
  target: PipelineTarget,
  stage: StageName,
  selection: Selection,
): Promise<ZoneObject[]> {
  const definition = stageNamed(stage);
  const input = definition.inputPrefix;
  if ('all' in selection) return listZone(target.s3, target.bucket, input);
  if ('prefix' in selection) {
    const prefix = selection.prefix.startsWith(input) ? selection.prefix : `${input}${selection.prefix}`;
    return listZone(target.s3, target.bucket, prefix);
  }
  if (definition.input !== 'raw') {
    const key = stageDocumentKey(definition.input, selection.id);
    return (await listZone(target.s3, target.bucket, key)).filter((o) => o.key === key);
  }
  // The id is a hash of the raw key: the parsed document names its source, else the raw zone is searched.
  const rawKey = await rawKeyOfParsed(target, selection.id);
  const candidates = await listZone(target.s3, target.bucket, rawKey ?? input);
  return candidates.filter((o) => articleIdOfKey(o.key) === selection.id);
}

async function rawKeyOfParsed(target: PipelineTarget, id: string): Promise<string | undefined> {
  try {
    const object = await target.s3.send(
      new GetObjectCommand({ Bucket: target.bucket, Key: stageDocumentKey('parsed', id) }),
    );
    const key = JSON.parse(await object.Body!.transformToString())?.origin?.key;
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Re-emits an object-created message for each input object onto the stage's queue, as S3 would on
 * upload. The stages skip work whose fingerprint (input content and code version) is unchanged, so a
 * replay re-does exactly what a parser or tagger upgrade changed.
 */
export async function reprocess(
  target: PipelineTarget,
  stage: StageName,
  objects: readonly ZoneObject[],
  onProgress: (done: number) => void = () => undefined,
): Promise<number> {
  const queueUrl = await target.queueUrl(stage);
  await clearQuarantine(
    target,
    stage,
    objects.map((o) => o.key),
  );
  const nextSequencer = monotonicSequencer();
  let done = 0;
  for (let i = 0; i < objects.length; i += 10) {
    const chunk = objects.slice(i, i + 10);
    const result = await target.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: chunk.map((o, n) => ({
          Id: String(n),
          MessageBody: objectCreatedMessage({
            bucket: target.bucket,
            key: o.key,
            size: o.size,
            sequencer: nextSequencer(),
          }),
        })),
      }),
    );
    if (result.Failed?.length) {
      throw new Error(
        `${result.Failed.length} messages refused by the ${stage} queue: ${result.Failed[0]?.Message}`,
      );
    }
    done += chunk.length;
    onProgress(done);
  }
  return done;
}

export function register(program: Command): void {
  addTargetOptions(
    program
      .command('reprocess')
      .description(
        "re-run a stage for one article, a key prefix or the whole archive (re-emits the stage's input events)",
      )
      .addOption(stageOption('the stage to re-run', true))
      .option('--id <articleId>', 'one article')
      .option(
        '--prefix <prefix>',
        "keys under this prefix of the stage's input zone (raw/, parsed/ or tagged/)",
      )
      .option('--all', "every object in the stage's input zone"),
  ).action(
    operatorAction(
      async (options: TargetOptions & { stage: StageName; id?: string; prefix?: string; all?: boolean }) => {
        const chosen = [options.id, options.prefix, options.all].filter((v) => v !== undefined);
        if (chosen.length !== 1) throw new Error('give exactly one of --id, --prefix, --all');
        const selection: Selection =
          options.id !== undefined
            ? { id: options.id }
            : options.prefix !== undefined
              ? { prefix: options.prefix }
              : { all: true };
        const target = await resolveTarget(options);
        const objects = await selectInputs(target, options.stage, selection);
        if (objects.length === 0) throw new Error(`nothing to reprocess in ${target.description}`);
        const bar = new SingleBar(
          { format: `${options.stage} [{bar}] {value}/{total} re-enqueued` },
          Presets.shades_classic,
        );
        bar.start(objects.length, 0);
        const sent = await reprocess(target, options.stage, objects, (done) => bar.update(done));
        bar.stop();
        console.error(`${sent} ${options.stage} events re-enqueued in ${target.description}`);
      },
    ),
  );
}
