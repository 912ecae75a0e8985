import type { Command } from 'commander';
import { createConfiguredTagger } from '../../shared/tag/configured';
import { printLine } from '../output';
import { type ParseFileOptions, parseFile, rootOption } from './parse';

export function register(program: Command): void {
  program
    .command('tag')
    .description('parse and tag article files; prints the article with entities, dates and quotes')
    .argument('<files...>')
    .option('--tagger <name>', 'builtin or comprehend', process.env.TAGGER ?? 'builtin')
    .option(
      '--time-zone <zone>',
      'zone for times given without an offset',
      process.env.DEFAULT_TIME_ZONE ?? 'UTC',
    )
    .option('--max-bytes <n>', 'size limit', (v) => Number(v), 5 * 1024 * 1024)
    .option(...rootOption)
    .action(async (files: string[], options: ParseFileOptions & { tagger: string }) => {
      const tagger = createConfiguredTagger(options.tagger);
      for (const file of files) {
        const outcome = await parseFile(file, options);
        if (!outcome.ok) {
          printLine({ file, error: outcome.error });
          continue;
        }
        const result = await tagger.tag(outcome.article);
        printLine({
          file,
          ...outcome.article,
          ...result,
          tagger: { name: tagger.name, version: tagger.version },
        });
      }
    });
}
