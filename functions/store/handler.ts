import { TaggedArticleSchema } from '../../shared/article/schema';
import { documentClient } from '../../shared/aws/clients';
import { stageNamed } from '../../shared/pipeline/definition';
import { ArticleWriter } from '../../shared/store/article-writer';
import { config } from '../common/config';
import { fetchObject } from '../common/objects';
import { logger } from '../common/powertools';
import { StageRejection } from '../common/stage-error';
import { stageHandler } from '../common/stage-handler';

const stage = stageNamed('store');
let writer: ArticleWriter | undefined;

/** tagged/<id>.json -> the article item, its entity edges and quotes, entity summaries and counters. */
export const handler = stageHandler(stage, async ({ bucket, key }) => {
  const object = await fetchObject(bucket, key, 50 * 1024 * 1024);
  let tagged: ReturnType<typeof TaggedArticleSchema.parse>;
  try {
    tagged = TaggedArticleSchema.parse(JSON.parse(Buffer.from(object.bytes).toString('utf8')));
  } catch (error) {
    throw new StageRejection(
      'invalid-stage-document',
      `not a tagged article: ${String(error).slice(0, 300)}`,
    );
  }
  writer ??= new ArticleWriter(documentClient(), config.table());
  const outcome = await writer.write(tagged, object.lastModified);
  logger.info(outcome.status, {
    key,
    articleId: outcome.articleId,
    version: outcome.version,
    edgesAdded: outcome.edgesAdded,
    edgesRemoved: outcome.edgesRemoved,
  });
});
