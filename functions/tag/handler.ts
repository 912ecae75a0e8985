import { createConfiguredTagger } from '../../shared/tag/configured';
import { config } from '../common/config';
import { lambdaAdapters } from '../common/lambda-adapters';
import { createTagHandler } from './tag-handler';

export const handler = createTagHandler({
  ...lambdaAdapters(),
  tagger: createConfiguredTagger(config.tagger()),
});
