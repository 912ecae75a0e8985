import { describe, expect, it } from 'vitest';
import { ABBREVIATION_STOP, hideAbbreviationStops } from '../../../shared/tag/resolve/abbreviation-stops';

const hidden = (text: string) => hideAbbreviationStops(text).split(ABBREVIATION_STOP).length - 1;

describe('full stops that end no sentence', () => {
  it('are hidden after titles, month and number abbreviations, initials and inside "U.S."', () => {
    const text = 'Mr. Trump met Gov. Kristi Noem on Oct. 21 with George W. Bush and the U.S. commander.';
    const out = hideAbbreviationStops(text);
    expect(out).toHaveLength(text.length);
    expect(out).toBe(
      'Mr\u2024 Trump met Gov\u2024 Kristi Noem on Oct\u2024 21 with George W\u2024 Bush and the U\u2024S\u2024 commander.',
    );
  });

  it('are kept where a sentence ends, and in web addresses', () => {
    expect(hidden('Profits rose in the U.S. The shares fell.')).toBe(1);
    expect(hidden('It is done. We are on it.')).toBe(0);
    expect(hidden('Internet provider Plus.net backed it.')).toBe(0);
  });
});
