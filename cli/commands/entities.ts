import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { findEntities } from '../../shared/tag/index';
import { printLine } from '../output';

export function register(program: Command): void {
  program
    .command('entities')
    .description('find entity spans in plain UTF-8 text files taken exactly as given (no layout parsing)')
    .argument('<files...>')
    .action(async (files: string[]) => {
      for (const file of files) {
        let text: string;
        try {
          // Buffer decoding keeps a BOM as U+FEFF, so offsets index the file's text exactly.
          text = (await readFile(file)).toString('utf8');
        } catch (error) {
          printLine({ file, error: { code: 'unreadable', message: (error as Error).message } });
          continue;
        }
        const entities = findEntities(text).map(({ type, text, start, end }) => ({ type, text, start, end }));
        printLine({ file, entities });
      }
    });
}
