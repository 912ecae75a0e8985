import { titleCaseIfShouting } from './text-blocks';

/** Words that describe a job or an outlet, not a person: "AP Auto Writer", "Staff Reporter". */
const roleWords =
  /\b(?:writer|reporter|correspondent|editor|columnist|contributor|staff|press|news|bureau|desk|times|post|agency|associated|journalist)\b/i;

/**
 * Author names as people write them: "By TOM KRISHER, AP Auto Writer" -> "Tom Krisher". Role and outlet
 * suffixes after a comma or a bar go, shouted names are title-cased, duplicates and empty names are dropped.
 */
export function cleanAuthors(names: readonly string[]): string[] {
  const cleaned: string[] = [];
  for (const raw of names) {
    let name = raw
      .replace(/\s+/g, ' ')
      .replace(/^(?:written\s+)?by[:\s]+/i, '')
      .trim();
    name = name.split(/\s+\|\s+/)[0]!;
    const [person, ...rest] = name.split(/\s*,\s*/);
    if (person && rest.length > 0 && rest.every((part) => roleWords.test(part) || /\w\.\w{2,}/.test(part)))
      name = person;
    // "RT" or "AFP" is an acronym, not a shouted name.
    if (name.includes(' ')) name = titleCaseIfShouting(name);
    if (name !== '' && !cleaned.some((n) => n.toLowerCase() === name.toLowerCase())) cleaned.push(name);
  }
  return cleaned;
}
