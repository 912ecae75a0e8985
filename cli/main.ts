import { Command } from 'commander';
import { register as registerEntities } from './commands/entities';
import { register as registerParse } from './commands/parse';
import { register as registerTag } from './commands/tag';

const program = new Command('articles').description('article-pipeline: parse, tag and operate the pipeline');

registerParse(program);
registerTag(program);
registerEntities(program);

await program.parseAsync(process.argv);
