import { buildParsedArticle } from '../../shared/article/parsed-article';
import { parseArticle, parserVersion } from '../../shared/parse/index';
import { stageNamed } from '../../shared/pipeline/definition';
import { stageDocumentKey } from '../../shared/pipeline/key-layout';
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

  const article = buildParsedArticle(outcome.article, {
    bucket,
    key,
    bytes: raw.bytes,
    lastModified: raw.lastModified,
    sequencer,
  });
  const wrote = await putJsonUnlessSame(
    bucket,
    stageDocumentKey('parsed', article.id),
    article,
    `${article.origin.contentHash}:${parserVersion}`,
  );
  logger.info(wrote ? 'parsed' : 'unchanged', { key, articleId: article.id, title: article.title });
});
