/**
 * Parse time on hostile input: every shape of bench/hostile-inputs.ts with runs of white space and
 * punctuation, at 256 KB and 1 MB, in CPU time (not wall time: other processes stretch the wall
 * clock, not this). Prints, per shape, the slowest unit's time per MB, how many times an ordinary
 * article of the same format and size that is, and how time grows with size (the exponent: 1 is linear,
 * 2 quadratic; between these two sizes a parse of 20-40 ms at 256 KB reads anywhere from 1 to 1.7 from
 * collection pauses alone). Exits 1 when a parse grows faster than size^1.8 and takes over 250 ms at 1 MB:
 * a quadratic pattern on a 1 MB run takes seconds to minutes, so it cannot hide under that line.
 *
 *   npm run bench:parse-hostile
 */

import { parseArticle } from '../shared/parse/index';
import {
  type Format,
  fillers,
  hostileDocument,
  ordinaryDocument,
  shapes,
  whiteSpace,
} from './hostile-inputs';

const small = 256 * 1024;
const large = 1024 * 1024;

function cpuMillis(input: Uint8Array, key: string): number {
  const start = process.cpuUsage();
  parseArticle(input, { key });
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

/** The better of two parses: a pause for garbage collection or a neighbour counts once at most. */
const best = (input: Uint8Array, key: string) => Math.min(cpuMillis(input, key), cpuMillis(input, key));

const ordinaryMillis = new Map<Format, number>();
for (const format of ['text', 'markdown', 'json', 'html', 'xml'] as const)
  ordinaryMillis.set(format, best(ordinaryDocument(format, large), `raw/a.${format}`));

interface Worst {
  unit: string;
  millis: number;
  exponent: number;
}

const rows: string[] = [];
let superLinear = 0;
for (const [name, shape] of Object.entries(shapes)) {
  let worst: Worst | undefined;
  let steepest: Worst | undefined;
  // fillers begins with the white space; the Set keeps each unit once whatever the order.
  for (const unit of new Set([...whiteSpace, ...fillers])) {
    const millis = best(hostileDocument(shape, unit, large), shape.key);
    const smallMillis = Math.max(0.5, best(hostileDocument(shape, unit, small), shape.key));
    const exponent = Math.log(Math.max(millis, 0.5) / smallMillis) / Math.log(large / small);
    const measured = { unit, millis, exponent };
    if (!worst || millis > worst.millis) worst = measured;
    if (millis > 100 && (!steepest || exponent > steepest.exponent)) steepest = measured;
    if (millis > 250 && exponent > 1.8) {
      superLinear++;
      console.error(
        `super-linear: ${name}, a run of ${JSON.stringify(unit)}: ${millis.toFixed(0)} ms at 1 MB, exponent ${exponent.toFixed(2)}`,
      );
    }
  }
  const ordinary = ordinaryMillis.get(shape.format)!;
  rows.push(
    `| ${name} | ${JSON.stringify(worst!.unit)} | ${worst!.millis.toFixed(0)} | ${(worst!.millis / ordinary).toFixed(1)}x | ${worst!.exponent.toFixed(2)} | ${steepest ? `${steepest.exponent.toFixed(2)} (${JSON.stringify(steepest.unit)})` : '-'} |`,
  );
}

console.log(
  `Ordinary 1 MB articles, CPU ms: ${[...ordinaryMillis].map(([format, ms]) => `${format} ${ms.toFixed(0)}`).join(', ')}\n`,
);
console.log(
  '| shape | slowest run | CPU ms at 1 MB | vs ordinary | growth exponent | steepest over 100 ms |',
);
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(`\n${superLinear} super-linear (exponent > 1.8 and over 250 ms at 1 MB)`);
if (superLinear > 0) process.exitCode = 1;
