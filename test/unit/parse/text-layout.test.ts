import { describe, expect, it } from 'vitest';
import { fixtureText, paragraphsOf, parseOk } from './fixtures';

describe('plain text as a website prints it (the seed layout)', () => {
  const article = parseOk(fixtureText('desk-layout.txt'), { key: 'raw/desk-layout.txt' });

  it('reads headline, desk and publication time', () => {
    expect(article.format).toBe('text');
    expect(article.title).toBe('Harbour city approves light rail line after decade of debate');
    expect(article.section).toBe('Business');
    expect(article.publishedAt).toBe('2026-03-03T09:15:00Z');
    expect(article.publishedAtAssumedZone).toBe(true);
  });

  it('takes the photo caption and its credit out of the body', () => {
    expect(article.images).toEqual([
      {
        caption:
          'Commuters wait at a bus stop on Quay Road in Port Elmsworth on January 8, 2025, where the new line is planned to run.',
        credit: 'Reuters',
      },
    ]);
    expect(article.body).not.toContain('Commuters wait');
  });

  it('keeps the section headings as their own paragraphs and lists them', () => {
    expect(article.headings).toEqual(['Funding and timetable', 'What residents say']);
    expect(paragraphsOf(article.body)).toContain('Funding and timetable');
  });

  it('has a body from the first paragraph to the last, without headline or source line', () => {
    const paragraphs = paragraphsOf(article.body);
    expect(paragraphs[0]).toMatch(/^The council of Port Elmsworth has approved/);
    expect(paragraphs.at(-1)).toMatch(/from 40 minutes to 15\.$/);
    expect(article.body).not.toContain('Harbour city approves');
    expect(article.body).not.toContain('Source:');
    expect(article.source).toBe('Elmsworth Gazette');
    expect(paragraphs).toHaveLength(10);
  });

  it('does not take the caption date for the publication date', () => {
    expect(article.publishedAt).not.toContain('2025-01-08');
  });

  it('places a zoneless time in the configured zone', () => {
    const inOslo = parseOk(fixtureText('desk-layout.txt'), { defaultTimeZone: 'Europe/Oslo' });
    expect(inOslo.publishedAt).toBe('2026-03-03T09:15:00+01:00');
    expect(inOslo.publishedAtAssumedZone).toBe(true);
    const inDhaka = parseOk(fixtureText('desk-layout.txt'), { defaultTimeZone: 'Asia/Dhaka' });
    expect(inDhaka.publishedAt).toBe('2026-03-03T09:15:00+06:00');
  });

  it('reads the same article with CRLF line ends and trailing spaces', () => {
    const crlf = parseOk(fixtureText('desk-layout.txt').replace(/\n/g, '  \r\n'));
    expect(crlf.body).toBe(article.body);
    expect(crlf.headings).toEqual(article.headings);
  });

  it('never invents fields the text does not give', () => {
    expect(article.authors).toEqual([]);
    expect(article).not.toHaveProperty('dateline');
    expect(article).not.toHaveProperty('modifiedAt');
    expect(article).not.toHaveProperty('canonicalUrl');
  });

  it('reads a byline and an updated time in the header', () => {
    const text = [
      'Library reopens after flood repairs',
      '',
      'By Nora Lindgren and Ole Bakke',
      'Published: 12 May 2026, 10:00 AM | Updated: 12 May 2026, 01:30 PM',
      '',
      'The central library reopened on Monday after eight months of repairs to its flooded basement, with a new children’s room and longer opening hours.',
      '',
      'Visitors queued before the doors opened at nine, and staff handed out coffee to those waiting in the rain.',
    ].join('\n');
    const parsed = parseOk(text);
    expect(parsed.authors).toEqual(['Nora Lindgren', 'Ole Bakke']);
    expect(parsed.publishedAt).toBe('2026-05-12T10:00:00Z');
    expect(parsed.modifiedAt).toBe('2026-05-12T13:30:00Z');
    expect(paragraphsOf(parsed.body)).toHaveLength(2);
  });

  it('joins hard-wrapped lines into paragraphs', () => {
    const text = [
      'Storm closes mountain pass',
      '',
      'The pass road was closed on Tuesday morning after heavy snow and strong',
      'winds made driving dangerous, the road authority said in a statement',
      'published on its website.',
      '',
      'Snow ploughs will try to clear the road overnight.',
    ].join('\n');
    expect(paragraphsOf(parseOk(text).body)).toEqual([
      'The pass road was closed on Tuesday morning after heavy snow and strong winds made driving dangerous, the road authority said in a statement published on its website.',
      'Snow ploughs will try to clear the road overnight.',
    ]);
  });
});

describe('wire copy', () => {
  it('reads a dateline on its own line (Reuters and CoNLL style)', () => {
    const article = parseOk(fixtureText('wire-dateline.txt'));
    expect(article.title).toBe('Dutch grain exports rise on strong Asian demand');
    expect(article.dateline).toEqual({ place: 'Rotterdam', date: '1996-09-12' });
    expect(article.publishedAt).toBe('1996-09-12');
    expect(article.publishedAtAssumedZone).toBeUndefined();
    expect(article.body).toMatch(/^Dutch grain exports rose 12 percent/);
    expect(article.body).not.toContain('ROTTERDAM');
  });

  it('reads an inline dateline with its agency and the reporting credits', () => {
    const article = parseOk(fixtureText('wire-agency.txt'));
    expect(article.dateline).toEqual({ place: 'Frankfurt' });
    expect(article.source).toBe('Reuters');
    expect(article.authors).toEqual(['Anna Lindqvist', 'Marco Bellini']);
    expect(article.body).toMatch(/^FRANKFURT \(Reuters\) - The central bank/);
    expect(article.body).not.toContain('Editing by');
    expect(article.publishedAt).toBeUndefined();
  });

  it('does not take a leading acronym before a dash for a dateline', () => {
    const article = parseOk(
      'Alliance meets\n\nNATO — the alliance of thirty-two countries — met in Brussels on Monday to discuss air defence.',
    );
    expect(article.dateline).toBeUndefined();
  });
});

describe('layout variations', () => {
  it('reads a dateline with a date and agency, and keeps it in the lede', () => {
    const article = parseOk(
      'Copper hits two-year high\n\nLONDON, Aug 30 (Reuters) - Copper prices rose to their highest in two years on Friday as supply worries grew in Chile and Peru.\n\nAluminium also gained.',
    );
    expect(article.dateline).toEqual({ place: 'London' });
    expect(article.source).toBe('Reuters');
    expect(article.body).toMatch(/^LONDON, Aug 30 \(Reuters\) - Copper/);
  });

  it('takes captions in the body out, with their various credit forms', () => {
    const text = [
      'Flood waters recede in river towns',
      '',
      'Star Online Report Published: 2 August 2026, 06:10 PM',
      '',
      'Water levels in the northern rivers fell for a second day on Sunday, allowing thousands of families to return to their homes.',
      '',
      'Volunteers hand out drinking water in a flooded street. Photo: Collected',
      '',
      'Officials warned that the danger was not over, as more rain is forecast for the coming week in the hills upstream.',
      '',
      'A boat carries villagers across a submerged road near the town. (Photo: Star)',
      '',
      'Relief agencies said clean water and medicine were the most urgent needs in the worst-hit districts.',
    ].join('\n');
    const article = parseOk(text);
    expect(article.authors).toEqual(['Star Online Report']);
    expect(article.images).toEqual([
      { caption: 'Volunteers hand out drinking water in a flooded street.', credit: 'Collected' },
      { caption: 'A boat carries villagers across a submerged road near the town.', credit: 'Star' },
    ]);
    expect(paragraphsOf(article.body)).toHaveLength(3);
    expect(article.publishedAt).toBe('2026-08-02T18:10:00Z');
  });

  it('finds the dateline of wire copy in other formats too', () => {
    const article = parseOk(
      JSON.stringify({
        headline: 'Port strike ends',
        body: 'HAMBURG (dpa) - Dock workers returned to work on Monday after a three-day strike over pay.',
      }),
    );
    expect(article.dateline).toEqual({ place: 'Hamburg' });
  });
});

describe('header lines on their own', () => {
  it('reads a desk line, a byline label and a date line given separately', () => {
    const text = [
      'Rail fares to rise in January',
      '',
      'Business Desk',
      'Staff Correspondent',
      '14 November 2026, 08:30 AM',
      '',
      'Train fares will rise by an average of 3.1 percent from January, the transport ministry said on Friday, the smallest increase in four years.',
      '',
      'Season tickets for commuters will be frozen for a second year.',
    ].join('\n');
    const article = parseOk(text);
    expect(article.section).toBe('Business');
    expect(article.authors).toEqual(['Staff Correspondent']);
    expect(article.publishedAt).toBe('2026-11-14T08:30:00Z');
    expect(paragraphsOf(article.body)).toHaveLength(2);
  });
});

describe('text without a headline', () => {
  it('keeps a first line that reads as a paragraph in the body and invents no title', () => {
    const lede =
      'The harbour authority said on Monday that the old grain terminal would be turned into a ferry station, after twenty years of standing empty at the end of the quay.';
    const article = parseOk(`${lede}\n\nWork is due to start in the autumn.`);
    expect(article.title).toBe('');
    expect(paragraphsOf(article.body)).toEqual([lede, 'Work is due to start in the autumn.']);
  });
});

describe('BBC news as the BBC files print it (headline, blank line, paragraphs)', () => {
  const rest =
    'The company said sales rose by 12% in the three months to December, helped by demand in Asia. Analysts had expected a smaller rise.';

  it.each([
    'By any measure, it has been a remarkable year for the budget airline.',
    'By early 2005, the firm had opened more than forty new routes across Europe.',
    'By then the shares had fallen by a third.',
  ])('keeps a first sentence that begins with "By" in the body: %s', (lede) => {
    const article = parseOk(`Budget airline lifts profits\n\n${lede}\n\n${rest}`, {
      key: 'raw/business/001.txt',
    });
    expect(article.authors).toEqual([]);
    expect(paragraphsOf(article.body)).toEqual([lede, rest]);
  });

  it('still reads a real byline line', () => {
    const article = parseOk(`Budget airline lifts profits\nBy Jane Roe\n\n${rest}`);
    expect(article.authors).toEqual(['Jane Roe']);
  });

  it('does not take two sentences about high-resolution pictures for a caption with a credit', () => {
    const p = 'The new handset has a built-in camera. It can take high-resolution images.';
    const article = parseOk(`Phone makers race to add cameras\n\n${rest}\n\n${p}\n\nMore text follows here.`);
    expect(article.images).toEqual([]);
    expect(paragraphsOf(article.body)).toContain(p);
  });

  it('still splits a caption from a credit after a spaced dash', () => {
    const caption = 'Passengers queue at the check-in desks at Stansted airport - Reuters photo';
    const article = parseOk(
      `Budget airline lifts profits\n\n${rest}\n\n${caption}\n\nMore text follows here.`,
    );
    expect(article.images).toEqual([
      { caption: 'Passengers queue at the check-in desks at Stansted airport', credit: 'Reuters' },
    ]);
  });
});
