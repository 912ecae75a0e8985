import { articleIdFromKey, contentHash } from '../../shared/article/article-id';
import { revisionOf } from '../../shared/article/revision';
import { ParsedArticleSchema } from '../../shared/article/schema';
import { parseArticle, parserVersion } from '../../shared/parse/index';
import { stageNamed } from '../../shared/pipeline/definition';
import { config } from '../common/config';
import { fetchObject, putJsonUnlessSame } from '../common/objects';
import { logger } from '../common/powertools';
import { StageRejection } from '../common/stage-error';
import { stageHandler } from '../common/stage-handler';

const stage = stageNamed('parse');

/** raw/<any key> -> parsed/<articleId>.json, or quarantine with the parser's reason. */
export const handler = stageHandler(stage, async ({ bucket, key, sequencer }) => {
  const raw = await fetchObject(bucket, key, config.maxRawBytes());
  const outcome = parseArticle(raw.bytes, {
    key,
    defaultTimeZone: config.defaultTimeZone(),
    maxBytes: config.maxRawBytes(),
  });
  if (!outcome.ok) throw new StageRejection(outcome.error.code, outcome.error.message);

  const id = articleIdFromKey(key);
  const hash = contentHash(raw.bytes);
  const article = ParsedArticleSchema.parse({
    schemaVersion: 1,
    id,
    origin: { bucket, key, contentHash: hash, bytes: raw.size, revision: revisionOf(raw.lastModified, sequencer) },
    ...outcome.article,
  });
  const wrote = await putJsonUnlessSame(
    bucket,
    `${stage.output}${id}.json`,
    article,
    `${hash}:${parserVersion}`,
  );
  logger.info(wrote ? 'parsed' : 'unchanged', { key, articleId: id, title: article.title });
});
