import { TaggedArticleSchema } from '../../shared/article/schema';
import { documentClient } from '../../shared/aws/clients';
import { stageNamed } from '../../shared/pipeline/definition';
import { ArticleWriter } from '../../shared/store/article-writer';
import { config } from '../common/config';
import { readStageDocument } from '../common/objects';
import { logger } from '../common/powertools';
import { stageHandler } from '../common/stage-handler';

const stage = stageNamed('store');
let writer: ArticleWriter | undefined;

/** tagged/<id>.json -> the article item, its entity edges and quotes, entity summaries and counters. */
export const handler = stageHandler(stage, async ({ bucket, key }) => {
  const { document: tagged, lastModified } = await readStageDocument(bucket, key, TaggedArticleSchema);
  writer ??= new ArticleWriter(documentClient(), config.table());
  const outcome = await writer.write(tagged, lastModified);
  logger.info(outcome.status, {
    key,
    articleId: outcome.articleId,
    version: outcome.version,
    edgesAdded: outcome.edgesAdded,
    edgesRemoved: outcome.edgesRemoved,
  });
});
