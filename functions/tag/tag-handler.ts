import { ParsedArticleSchema, TaggedArticleSchema } from '../../shared/article/schema';
import { stageNamed } from '../../shared/pipeline/definition';
import { stageDocumentKey } from '../../shared/pipeline/key-layout';
import type { Tagger } from '../../shared/tag/tagger';
import { putJsonUnlessSame, readStageDocument } from '../common/objects';
import { type StageDependencies, stageHandler } from '../common/stage-handler';

export interface TagDependencies extends StageDependencies {
  tagger: Tagger;
}

/** parsed/<id>.json -> tagged/<id>.json: the article with its resolved entities, dates and quotes. */
export function createTagHandler(deps: TagDependencies) {
  const { objects, observability, tagger } = deps;
  return stageHandler(stageNamed('tag'), deps, async ({ bucket, key }) => {
    const { document: parsed } = await readStageDocument(objects, bucket, key, ParsedArticleSchema);
    const result = await tagger.tag(parsed);
    const tagged = TaggedArticleSchema.parse({
      ...parsed,
      ...result,
      tagger: { name: tagger.name, version: tagger.version },
    });
    const wrote = await putJsonUnlessSame(
      objects,
      bucket,
      stageDocumentKey('tagged', parsed.id),
      tagged,
      `${parsed.origin.contentHash}:${parsed.parser.version}:${tagger.name}:${tagger.version}`,
    );
    observability.logger.info(wrote ? 'tagged' : 'unchanged', {
      key,
      articleId: parsed.id,
      entities: tagged.entities.length,
    });
  });
}
