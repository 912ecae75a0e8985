/**
 * Article files in the seed layout (headline; desk and publication time; headline again; photo caption
 * with credit; paragraphs with a heading or two; closing source line), written for these tests: varied
 * enough that every generated file is a different article, and never any third party's text.
 */
const people = [
  ['Maria', 'Okonkwo'],
  ['Tomas', 'Lindqvist'],
  ['Aiko', 'Fujimura'],
  ['Rafael', 'Oyelaran'],
  ['Greta', 'Halvorsen'],
  ['Daniel', 'Mbeki-Ross'],
  ['Ines', 'Carvalho'],
  ['Pavel', 'Novotny'],
] as const;
const places = [
  'Lisbon',
  'Nairobi',
  'Oslo',
  'Montevideo',
  'Hanoi',
  'Tallinn',
  'Accra',
  'Valparaiso',
] as const;
const organizations = [
  'the World Health Organization',
  'the European Commission',
  'the African Union',
  'the International Monetary Fund',
  'Greenpeace',
  'the Red Cross',
] as const;
const desks = ['International', 'Business', 'Science', 'Sports', 'Culture'] as const;
const sources = ['Reuters', 'AFP', 'Associated Press', 'Al Jazeera'] as const;
const topics = [
  ['harbour expansion', 'ferry terminal'],
  ['water treatment', 'desalination plant'],
  ['rail link', 'high-speed line'],
  ['vaccine programme', 'rural clinics'],
  ['wind farm', 'offshore turbines'],
  ['book festival', 'translation prize'],
] as const;
const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
];

export interface FixtureArticle {
  text: string;
  title: string;
  section: string;
  /** ISO 8601, as the parser should report it (the layout gives no zone: UTC). */
  publishedAt: string;
  source: string;
  person: string;
  place: string;
}

/** The n-th generated article; the same n always gives the same text. */
export function fixtureArticle(n: number): FixtureArticle {
  const pick = <T>(list: readonly T[], salt: number) => list[(n * 7 + salt) % list.length]!;
  const [first, last] = pick(people, 1);
  const person = `${first} ${last}`;
  const place = pick(places, 2);
  const organization = pick(organizations, 3);
  const section = pick(desks, 4);
  const source = pick(sources, 5);
  const [topic, project] = pick(topics, 6);
  const day = (n % 27) + 1;
  const monthIndex = n % months.length;
  const hour = (n % 12) + 1;
  const minute = (n * 13) % 60;
  const pm = n % 2 === 1;
  const hour24 = (hour % 12) + (pm ? 12 : 0);
  const title = `${place} backs ${project} plan as ${last} seeks support (report ${n})`;
  const published = `${day} ${months[monthIndex]} 2026, ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} ${pm ? 'PM' : 'AM'}`;
  const publishedAt = new Date(Date.UTC(2026, monthIndex, day, hour24, minute)).toISOString();
  const text = [
    title,
    '',
    `${section} Desk Published: ${published}`,
    title,
    `${person} speaks to reporters at the city hall in ${place} on Tuesday.—${source} photo`,
    '',
    `${person}, the mayor of ${place}, said on Tuesday that the city would go ahead with the ${project} after months of debate over the ${topic}, a project first proposed ${(n % 9) + 2} years ago.`,
    '',
    `Officials from ${organization} visited the site last week and said the plan met their standards. The council is expected to vote on the final budget before the end of the month.`,
    '',
    'What comes next',
    '',
    `“We have waited long enough, and the people of ${place} deserve an answer,” ${last} said at a press conference.`,
    '',
    `Critics argue that the ${topic} will cost more than planned. Residents near the site have asked for public hearings, and a petition has gathered ${1000 + n * 37} signatures.`,
    '',
    `Source: ${source}`,
    '',
  ].join('\n');
  return { text, title, section, publishedAt, source, person, place };
}
