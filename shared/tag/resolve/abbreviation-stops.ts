/**
 * Full stops that end no sentence, hidden for the speaker rules: "Mr. Trump said", "Gov. Kristi Noem",
 * "George W. Bush", "the U.S. commander", "on Oct. 21". Those rules find a sentence's end at the first
 * ".", so in American style "“…,” Mr. Trump said" ended its sentence at "Mr." and the quote lost its
 * speaker. Each such stop becomes ABBREVIATION_STOP, one UTF-16 unit like the stop, so every offset
 * into the text stays valid.
 */
export const ABBREVIATION_STOP = '\u2024';

/** Titles and honorifics: never the last word of a sentence in news copy. */
const TITLES =
  'Mr|Mrs|Ms|Messrs|Dr|Prof|Rev|Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|Cmdr|Adm|Maj|Pres|Supt|Insp|Det|Hon|Fr|Sr|Jr';
const MONTHS = 'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';

const STOPS = new RegExp(
  [
    `\\b(?:${TITLES})\\.(?=\\s)`, // "Mr. Trump", "Gov. Noem"
    `\\b(?:${MONTHS}|No|Nos|St|Inc|Corp|Co|Ltd|Bros|vs)\\.(?=\\s+\\d)`, // "Oct. 21", "No. 10"
    `(?<=(?:^|[\\s(])\\p{Lu})\\.(?=\\s+\\p{Lu}\\p{Ll})`, // the initial of "George W. Bush"
    '(?<=(?:^|[^\\p{L}])\\p{L})\\.(?=\\p{L}\\.)', // the first stop of "U.S." or "a.m." (not "Plus.net")
    `\\.(?=\\s+\\p{Ll})`, // before a lower-case word: "the U.S. commander", "Apple Inc. said"
  ].join('|'),
  'gu',
);

export function hideAbbreviationStops(text: string): string {
  // Every alternative ends with the stop itself: only that character changes.
  return text.replace(STOPS, (match) => match.slice(0, -1) + ABBREVIATION_STOP);
}
