import type { EntityType } from './schema';

const typePrefix: Record<EntityType, string> = {
  PERSON: 'per',
  ORGANIZATION: 'org',
  LOCATION: 'loc',
  MISC: 'misc',
};

/**
 * The id of a real-world thing across the archive: its type and canonical name, folded to a URL-safe
 * slug ("Recep Tayyip Erdoğan" -> "per-recep-tayyip-erdogan"), so that every article that resolves a
 * mention to the same canonical name links to the same entity.
 */
export function entityId(type: EntityType, canonicalName: string): string {
  return `${typePrefix[type]}-${slugify(canonicalName)}`;
}

/** Lower case, no diacritics or apostrophes, words separated by one space: how names are compared and indexed. */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function slugify(text: string): string {
  return foldName(text).replace(/ /g, '-');
}
