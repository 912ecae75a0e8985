import type { EntityType } from '../../article/schema';

/** A span found in the body by a recognizer (offsets into the body). */
export interface FoundMention {
  type: EntityType;
  start: number;
  end: number;
}

/** A name found outside the body (title, captions, source, image credits): no offsets into the body. */
export interface OutsideMention {
  type: EntityType;
  text: string;
  where: 'title' | 'caption' | 'source' | 'credit';
}
