import { TaggedArticleSchema } from '../../shared/article/schema';
import { stageNamed } from '../../shared/pipeline/definition';
import type { ArticleWriter } from '../../shared/store/article-writer';
import { readStageDocument } from '../common/objects';
import { type StageDependencies, stageHandler } from '../common/stage-handler';

export interface StoreDependencies extends StageDependencies {
  /** Where articles are written: the table, through ArticleWriter. */
  articles: Pick<ArticleWriter, 'write'>;
}

/** tagged/<id>.json -> the article item, its entity edges and quotes, entity summaries and counters. */
export function createStoreHandler(deps: StoreDependencies) {
  const { objects, observability, articles } = deps;
  return stageHandler(stageNamed('store'), deps, async ({ bucket, key }) => {
    const { document: tagged, lastModified } = await readStageDocument(
      objects,
      bucket,
      key,
      TaggedArticleSchema,
    );
    const outcome = await articles.write(tagged, lastModified);
    observability.logger.info(outcome.status, {
      key,
      articleId: outcome.articleId,
      version: outcome.version,
      edgesAdded: outcome.edgesAdded,
      edgesRemoved: outcome.edgesRemoved,
    });
  });
}
