import { parseArticle, parserVersion } from '../../shared/parse/index';
import { buildParsedArticle } from '../../shared/parse/parsed-article';
import { stageNamed } from '../../shared/pipeline/definition';
import { stageDocumentKey } from '../../shared/pipeline/key-layout';
import { fetchObject, putJsonUnlessSame } from '../common/objects';
import { StageRejection } from '../common/stage-error';
import { type StageDependencies, stageHandler } from '../common/stage-handler';

export interface ParseDependencies extends StageDependencies {
  /** Zone for times an article gives without an offset. */
  defaultTimeZone: string;
  /** Raw files larger than this are quarantined unread. */
  maxRawBytes: number;
}

/** raw/<any key> -> parsed/<articleId>.json, or quarantine with the parser's reason. */
export function createParseHandler(deps: ParseDependencies) {
  const { objects, observability, defaultTimeZone, maxRawBytes } = deps;
  return stageHandler(stageNamed('parse'), deps, async ({ bucket, key, sequencer }) => {
    const raw = await fetchObject(objects, bucket, key, maxRawBytes);
    const outcome = parseArticle(raw.bytes, { key, defaultTimeZone, maxBytes: maxRawBytes });
    if (!outcome.ok) throw new StageRejection(outcome.error.code, outcome.error.message);

    const article = buildParsedArticle(outcome.article, {
      bucket,
      key,
      bytes: raw.bytes,
      lastModified: raw.lastModified,
      sequencer,
    });
    const wrote = await putJsonUnlessSame(
      objects,
      bucket,
      stageDocumentKey('parsed', article.id),
      article,
      `${article.origin.contentHash}:${parserVersion}`,
    );
    observability.logger.info(wrote ? 'parsed' : 'unchanged', {
      key,
      articleId: article.id,
      title: article.title,
    });
  });
}
