import { countries } from 'countries-list';

/**
 * The alias lexicon resolution reads: folded alias -> canonical name. It is built here from countries-list
 * (which esbuild bundles) rather than read from the NER model file, so that every tagger (the built-in
 * one and Comprehend) resolves the same way without shipping the model.
 */
export interface Lexicon {
  /** Folded alias -> canonical place name ("us" -> "United States"). */
  placeAliases: Record<string, string>;
  /** Folded alias -> canonical organisation name ("the fed" -> "Federal Reserve"). */
  organisationAliases: Record<string, string>;
}

// Dotted forms news agencies use, and the United Kingdom's common names (its ISO code is GB).
const EXTRA_PLACES: Record<string, string> = {
  'u.s.': 'United States',
  'u.s.a.': 'United States',
  america: 'United States',
  uk: 'United Kingdom',
  'u.k.': 'United Kingdom',
  britain: 'United Kingdom',
  'great britain': 'United Kingdom',
};

// Organisation short forms news uses bare; not in any data package we ship, and short enough to keep here.
const ORGANISATIONS: Record<string, string> = {
  un: 'United Nations',
  'u.n.': 'United Nations',
  eu: 'European Union',
  'e.u.': 'European Union',
  nato: 'NATO',
  who: 'World Health Organization',
  imf: 'International Monetary Fund',
  opec: 'OPEC',
  fed: 'Federal Reserve',
  'us federal reserve': 'Federal Reserve',
  'us fed': 'Federal Reserve',
  'federal reserve board': 'Federal Reserve',
  ecb: 'European Central Bank',
  boe: 'Bank of England',
  wto: 'World Trade Organization',
  'world bank group': 'World Bank',
  bbc: 'BBC',
  fbi: 'FBI',
  cia: 'CIA',
};

let lexicon: Lexicon | undefined;

/** The lexicon, built once on first use. */
export function resolutionLexicon(): Lexicon {
  lexicon ??= build();
  return lexicon;
}

function build(): Lexicon {
  const placeAliases: Record<string, string> = {};
  for (const [code, country] of Object.entries(countries)) {
    placeAliases[code.toLowerCase()] = country.name;
    placeAliases[country.name.toLowerCase()] = country.name;
    for (const alias of (country as { alias?: string[] }).alias ?? [])
      placeAliases[alias.toLowerCase()] = country.name;
  }
  Object.assign(placeAliases, EXTRA_PLACES);
  return { placeAliases, organisationAliases: { ...ORGANISATIONS } };
}
