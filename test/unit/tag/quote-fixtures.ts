import type { Entity } from '../../../shared/article/schema';
import { attributeQuotes, findQuotes } from '../../../shared/tag/quotes';

/** An entity with a mention at every whole-word occurrence of each of its forms in `text`. */
export function entity(
  name: string,
  text: string,
  forms: string[],
  extra: Partial<Entity> = {},
  type: Entity['type'] = 'PERSON',
): Entity {
  const mentions = [];
  for (const form of forms) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      if (/\p{L}/u.test(text[at + form.length] ?? '') || /\p{L}/u.test(text[at - 1] ?? '')) continue;
      mentions.push({ text: form, start: at, end: at + form.length });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { id: `${type}-${name}`, type, name, aliases: [], salience: 0.5, mentions, ...extra };
}

export const organisation = (name: string, text: string, forms: string[] = [name]) =>
  entity(name, text, forms, {}, 'ORGANIZATION');

/** Each quote the text holds, with the name of its speaker or null. */
export const speakers = (text: string, entities: Entity[]) =>
  attributeQuotes(text, findQuotes(text), entities).map((q) => [q.text, q.speaker ?? null]);
