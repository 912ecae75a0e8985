import { Command } from 'commander';
import { register as registerEntities } from './commands/entities';
import { register as registerFailures } from './commands/failures';
import { register as registerParse } from './commands/parse';
import { register as registerRedrive } from './commands/redrive';
import { register as registerRepairCounts } from './commands/repair-counts';
import { register as registerReprocess } from './commands/reprocess';
import { register as registerTag } from './commands/tag';

const program = new Command('articles').description('article-pipeline: parse, tag and operate the pipeline');

registerParse(program);
registerTag(program);
registerEntities(program);
registerFailures(program);
registerReprocess(program);
registerRedrive(program);
registerRepairCounts(program);

await program.parseAsync(process.argv);
