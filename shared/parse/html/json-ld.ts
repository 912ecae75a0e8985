import type { Image } from '../../article/schema';
import { captionImage } from '../captions';

/** What schema.org NewsArticle (and its kin) says about the page, every field optional. */
export interface JsonLdArticle {
  headline?: string;
  alternativeHeadline?: string;
  description?: string;
  authors: string[];
  datePublished?: string;
  dateModified?: string;
  section?: string;
  url?: string;
  language?: string;
  publisher?: string;
  images: Image[];
  articleBody?: string;
}

type Json = Record<string, unknown>;

const articleTypes =
  /^(?:\w+:)?(?:(?:Reportage|Analysis|Opinion|Background|Review|AskPublic|Satirical)?NewsArticle|Article|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting|DiscussionForumPosting|Blog|Posting)$/i;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(node: Json): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** Every object in the JSON-LD, @graph and nested arrays flattened, with depth limited. */
function nodesOf(value: unknown, out: Json[] = [], depth = 0): Json[] {
  if (depth > 4) return out;
  if (Array.isArray(value)) for (const v of value) nodesOf(v, out, depth + 1);
  else if (isObject(value)) {
    out.push(value);
    if (value['@graph']) nodesOf(value['@graph'], out, depth + 1);
    if (isObject(value.mainEntity)) nodesOf(value.mainEntity, out, depth + 1);
  }
  return out;
}

function parseLenient(text: string): unknown {
  const trimmed = text.trim().replace(/^<!\[CDATA\[|\]\]>$/g, '');
  try {
    return JSON.parse(trimmed);
  } catch {
    try {
      // Raw line breaks and tabs inside strings are the usual fault of hand-written JSON-LD.
      return JSON.parse(trimmed.replace(/[\n\r\t]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const s = value.replace(/\s+/g, ' ').trim();
    return s === '' ? undefined : decodeEntities(s);
  }
  if (Array.isArray(value)) return text(value[0]);
  if (isObject(value)) return text(value.name ?? value['@value']);
  return undefined;
}

const entityMap: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** JSON-LD strings sometimes carry HTML entities; decode the common ones. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return entityMap[name.toLowerCase()] ?? whole;
  });
}

function names(value: unknown, byId: Map<string, Json>): { people: string[]; organizations: string[] } {
  const people: string[] = [];
  const organizations: string[] = [];
  for (const reference of Array.isArray(value) ? value : [value]) {
    // Yoast and others point at a Person node elsewhere in the graph: {"@id": "…#/schema/person/…"}.
    const id = isObject(reference) && typeof reference['@id'] === 'string' ? reference['@id'] : undefined;
    const item = id && !reference.name && byId.has(id) ? byId.get(id) : reference;
    const name = text(item);
    if (!name || /^https?:\/\//.test(name)) continue;
    const isOrganization =
      isObject(item) && typesOf(item).some((t) => /organi[sz]ation|corporation/i.test(t));
    (isOrganization ? organizations : people).push(name);
  }
  return { people, organizations };
}

function images(value: unknown): Image[] {
  const found: Image[] = [];
  for (const item of Array.isArray(value) ? value : [value]) {
    if (!isObject(item)) continue;
    const caption = text(item.caption) ?? text(item.description);
    if (!caption) continue;
    const credit = text(item.creditText) ?? text(item.copyrightHolder) ?? text(item.author);
    const url = text(item.url) ?? text(item.contentUrl);
    found.push(captionImage(caption, credit, url));
  }
  return found;
}

/** The first article-typed node in the page's JSON-LD blocks, read into plain fields. */
export function readJsonLd(blocks: readonly string[]): JsonLdArticle | undefined {
  const nodes = blocks.flatMap((block) => nodesOf(parseLenient(block)));
  const article =
    nodes.find((n) => typesOf(n).some((t) => articleTypes.test(t)) && (n.headline || n.articleBody)) ??
    nodes.find((n) => typesOf(n).some((t) => articleTypes.test(t))) ??
    // Some sites describe the article only as the WebPage that carries it.
    nodes.find(
      (n) => typesOf(n).some((t) => /^(?:\w+:)?(?:Web|Item)Page$/i.test(t)) && (n.datePublished || n.author),
    );
  if (!article) return undefined;
  const byId = new Map<string, Json>();
  for (const node of nodes)
    if (typeof node['@id'] === 'string' && !byId.has(node['@id'])) byId.set(node['@id'], node);
  const authors = names(article.author ?? article.creator, byId);
  const mainEntity = article.mainEntityOfPage;
  const section = Array.isArray(article.articleSection) ? article.articleSection[0] : article.articleSection;
  const body = typeof article.articleBody === 'string' ? decodeEntities(article.articleBody) : undefined;
  return {
    headline: text(article.headline) ?? text(article.name),
    alternativeHeadline: text(article.alternativeHeadline),
    description: text(article.description),
    authors: authors.people.length > 0 ? authors.people : authors.organizations,
    datePublished: text(article.datePublished) ?? text(article.dateCreated),
    dateModified: text(article.dateModified),
    section: text(section),
    url: text(article.url) ?? (isObject(mainEntity) ? text(mainEntity['@id']) : text(mainEntity)),
    language: text(article.inLanguage),
    publisher: text(article.publisher) ?? text(article.sourceOrganization),
    images: images(article.image),
    articleBody: body,
  };
}
