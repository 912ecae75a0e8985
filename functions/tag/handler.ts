import { ParsedArticleSchema, TaggedArticleSchema } from '../../shared/article/schema';
import { stageNamed } from '../../shared/pipeline/definition';
import { stageDocumentKey } from '../../shared/pipeline/key-layout';
import { createConfiguredTagger } from '../../shared/tag/configured';
import { config } from '../common/config';
import { putJsonUnlessSame, readStageDocument } from '../common/objects';
import { logger } from '../common/powertools';
import { stageHandler } from '../common/stage-handler';

const stage = stageNamed('tag');
const tagger = createConfiguredTagger(config.tagger());

/** parsed/<id>.json -> tagged/<id>.json: the article with its resolved entities, dates and quotes. */
export const handler = stageHandler(stage, async ({ bucket, key }) => {
  const { document: parsed } = await readStageDocument(bucket, key, ParsedArticleSchema);
  const result = await tagger.tag(parsed);
  const tagged = TaggedArticleSchema.parse({
    ...parsed,
    ...result,
    tagger: { name: tagger.name, version: tagger.version },
  });
  const wrote = await putJsonUnlessSame(
    bucket,
    stageDocumentKey('tagged', parsed.id),
    tagged,
    `${parsed.origin.contentHash}:${parsed.parser.version}:${tagger.name}:${tagger.version}`,
  );
  logger.info(wrote ? 'tagged' : 'unchanged', {
    key,
    articleId: parsed.id,
    entities: tagged.entities.length,
  });
});
