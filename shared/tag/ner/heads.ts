import type { EntityType } from '../../article/schema';
import type { TokenSpan } from './spans';
import type { Token } from './tokenize';

// The last word of a name of two or more words that says what kind of thing it is, whatever the context
// made the model think: "Bosphorus Strait" and "Kodak Theatre" are places (CoNLL counts venues as
// places), "Financial Services Authority" and "Natural History Museum" organisations, "Brit Awards" MISC.
const HEADS: [EntityType, RegExp][] = [
  [
    'LOCATION',
    /^(?:Sea|Seas|Strait|Straits|Ocean|Gulf|Bay|River|Lake|Mountains|Mount|Island|Islands|Peninsula|Canal|Valley|Desert|Channel|Coast|Basin|Plateau|Archipelago|Theatre|Theater|Castle|Palace|Stadium|Arena|Pavilion|Amphitheatre|Amphitheater|Square|Airport|Bridge|Cathedral|Abbey)$/,
  ],
  [
    'ORGANIZATION',
    /^(?:Authority|Office|Service|Department|Ministry|Commission|Council|Committee|Agency|Institute|University|College|Museum|Association|Foundation|Party|Corporation|Company|Board|Bureau|Trust|Society|Orchestra|Federation|Police|Consortium|Films|Pictures|Records|Studios)$/,
  ],
  // Awards and events are MISC in CoNLL ("Whitbread Prize", "Brit Awards", "Berlin Film Festival", "World Cup").
  ['MISC', /^(?:Award|Awards|Prize|Prizes|Festival|Cup|Championship|Championships|Olympics|Trophy)$/],
];

// A work's kind written right before its title ("the film Million Dollar Baby", "her single So High",
// "biopic Ray"): the title is MISC, not the person or company it often reads like.
const WORK_BEFORE =
  /^(?:film|films|movie|movies|album|single|song|book|novel|show|sitcom|programme|program|musical|drama|comedy|biopic|opera|documentary|thriller|blockbuster|epic|sequel|soap)$/;

// A company's kind written right before its name ("US aircraft firm Boeing", "oil giant Yukos", "the
// carrier Ryanair", "rock band Muse": CoNLL counts bands as organisations): the name is an organisation
// even where the model read a person. An honorific
// before the name still wins later ("rival Mr Howard" never gets here: the span starts after "Mr").
export const COMPANY_BEFORE =
  /^(?:firm|company|group|giant|maker|carrier|retailer|airline|insurer|conglomerate|manufacturer|supermarket|brewer|broadcaster|publisher|bank|chain|operator|club|band|label|watchdog|regulator|housebuilder|carmaker|drugmaker|chipmaker|steelmaker)$/;

/** Types a span by its last word (HEADS) or by a work's or company's kind written right before it. */
export function typeByHead(spans: TokenSpan[], tokens: Token[]): TokenSpan[] {
  const companies = new Set<string>();
  for (const span of spans) {
    const before = tokens[span.first - 1];
    if (before && WORK_BEFORE.test(before.text)) {
      span.type = 'MISC';
      continue;
    }
    if (before && COMPANY_BEFORE.test(before.text)) {
      span.type = 'ORGANIZATION';
      companies.add(surface(span, tokens));
      continue;
    }
    if (span.last === span.first) continue;
    const head = tokens[span.last]!.text;
    for (const [type, words] of HEADS) if (words.test(head)) span.type = type;
  }
  // Once the story has called a name a company, its other mentions are that company too.
  if (companies)
    for (const span of spans) if (companies.has(surface(span, tokens))) span.type = 'ORGANIZATION';
  return spans;
}

function surface(span: TokenSpan, tokens: Token[]): string {
  let text = tokens[span.first]!.text;
  for (let i = span.first + 1; i <= span.last; i++) text += ` ${tokens[i]!.text}`;
  return text;
}
