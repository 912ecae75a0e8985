import type { DateMention, Entity, EntityType, ParsedArticle, Quote } from '../article/schema';

/** What a tagger adds to a parsed article. */
export interface TagResult {
  entities: Entity[];
  dates: DateMention[];
  quotes: Quote[];
}

/** One entity-recognition strategy (built-in model, Amazon Comprehend), chosen by configuration. */
export interface Tagger {
  readonly name: string;
  readonly version: string;
  tag(article: ParsedArticle): Promise<TagResult>;
}

/** A span found in raw text, before resolution: the `articles entities` contract. */
export interface EntitySpan {
  type: EntityType | 'DATE';
  text: string;
  start: number;
  end: number;
}
