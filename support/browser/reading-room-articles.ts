/**
 * Articles in the seed layout (headline; desk and publication time; headline again; photo caption with
 * credit; paragraphs; closing source line) about one person, written for the browser test: enough of
 * them to page through an entity's articles, each with a quote of his, and never any third party's text.
 */
export interface ReadingRoomArticle {
  fileName: string;
  title: string;
  text: string;
}

const cities = ['Brussels', 'Kyiv', 'Warsaw', 'Vilnius', 'Berlin'] as const;
const topics = [
  ['air defence', 'winter'],
  ['grain corridor', 'harvest'],
  ['energy grid', 'repairs'],
  ['reconstruction fund', 'donors'],
  ['border crossings', 'trade'],
] as const;

export function readingRoomArticle(n: number): ReadingRoomArticle {
  const city = cities[n % cities.length]!;
  const [topic, concern] = topics[n % topics.length]!;
  const day = 10 + n;
  const title = `Zelenskyy presses allies on ${topic} in ${city}`;
  const text = [
    title,
    '',
    `International Desk Published: ${day} November 2026, 0${(n % 9) + 1}:30 PM`,
    title,
    `Volodymyr Zelenskyy arrives for talks in ${city} on Monday.—Reuters photo`,
    '',
    `Ukrainian President Volodymyr Zelenskyy met European ministers in ${city} on Monday to ask for faster help with the ${topic} before the ${concern}.`,
    '',
    `Officials from the European Commission said a new package would be discussed at the next summit. Dmytro Kuleba, a former foreign minister, joined the talks.`,
    '',
    'What was said',
    '',
    `“Every week of delay on the ${topic} costs us towns and lives, and our partners know it,” Zelenskyy said after the meeting.`,
    '',
    `Diplomats in ${city} said the talks had been frank and that another round would follow before the end of the month.`,
    '',
    'Source: Reuters',
    '',
  ].join('\n');
  return { fileName: `zelenskyy-${n}.txt`, title, text };
}
