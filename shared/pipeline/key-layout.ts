import { createHash } from 'node:crypto';
import { articleIdFromKey } from '../article/article-id';

/**
 * Where everything lives in the archive bucket, in one place: the zones, the key of an article's
 * stage document, the quarantine key of a source object, and the article id a key belongs to.
 */

export const stageNames = ['parse', 'tag', 'store'] as const;
export type StageName = (typeof stageNames)[number];

export const zones = {
  raw: 'raw/',
  parsed: 'parsed/',
  tagged: 'tagged/',
  quarantine: 'quarantine/',
} as const;

/** The zones holding one JSON document per article, named by the article id. */
export type DocumentZone = 'parsed' | 'tagged';

export function stageDocumentKey(zone: DocumentZone, articleId: string): string {
  return `${zones[zone]}${articleId}.json`;
}

/**
 * The article a key belongs to: a raw key is hashed into the id (see article-id.ts); a stage document
 * carries the id in its name.
 */
export function articleIdOfKey(key: string): string {
  if (key.startsWith(zones.raw)) return articleIdFromKey(key);
  return key.slice(key.lastIndexOf('/') + 1).replace(/\.json$/, '');
}

/** S3 refuses keys over 1,024 bytes of UTF-8. */
export const maxKeyBytes = 1024;
const longSegment = 'long/';

/**
 * quarantine/<stage>/<source key>.json, so the record sits beside the untouched source object; a
 * source key too long for that (raw keys may use all 1,024 bytes) gets
 * quarantine/<stage>/long/<sha256 of the source key>.json instead, and the record inside names the
 * source. `long/` cannot clash with a source key: every source key starts with its zone.
 */
export function quarantineKey(stage: StageName, sourceKey: string): string {
  const beside = `${zones.quarantine}${stage}/${sourceKey}.json`;
  if (Buffer.byteLength(beside, 'utf8') <= maxKeyBytes) return beside;
  const digest = createHash('sha256').update(sourceKey, 'utf8').digest('hex');
  return `${zones.quarantine}${stage}/${longSegment}${articleIdOfKey(sourceKey)}-${digest}.json`;
}

/** The stage and article of a quarantine key, or undefined for a key outside the quarantine layout. */
export function quarantinedArticle(key: string): { stage: StageName; articleId: string } | undefined {
  if (!key.startsWith(zones.quarantine) || !key.endsWith('.json')) return undefined;
  const rest = key.slice(zones.quarantine.length, -'.json'.length);
  const slash = rest.indexOf('/');
  const stage = rest.slice(0, slash) as StageName;
  if (slash < 0 || !stageNames.includes(stage)) return undefined;
  const source = rest.slice(slash + 1);
  if (source.startsWith(longSegment)) {
    const name = source.slice(longSegment.length);
    return { stage, articleId: name.slice(0, name.indexOf('-')) };
  }
  return { stage, articleId: articleIdOfKey(source) };
}

/**
 * The raw key of a file at a path relative to a folder of articles (the inbox, or the folder the CLI
 * reads from): `business/001.txt` and `politics/001.txt` are two articles, not one.
 */
export function rawKeyOfPath(relativePath: string): string {
  const segments = relativePath
    .split(/[\\/]+/)
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
  if (segments.length === 0) throw new Error(`no file name in ${JSON.stringify(relativePath)}`);
  return `${zones.raw}${segments.join('/')}`;
}

/** The folder of one stage's quarantine records. */
export function quarantineZone(stage: StageName): string {
  return `${zones.quarantine}${stage}/`;
}
