import { ArticleWriter } from '../../shared/store/article-writer';
import { config } from '../common/config';
import { lambdaAdapters } from '../common/lambda-adapters';
import { createStoreHandler } from './store-handler';

const adapters = lambdaAdapters();

export const handler = createStoreHandler({
  ...adapters,
  articles: new ArticleWriter(adapters.documents, config.table()),
});
