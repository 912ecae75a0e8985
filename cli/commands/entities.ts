import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { EntityEditor } from '../../shared/store/entity-editor';
import { findEntities } from '../../shared/tag/index';
import { printLine } from '../output';
import { addTableOptions, resolveTableTarget, type TableOptions, type TableTarget } from './entities-target';

/**
 * `articles entities`: find entity spans in text files (`find`, or files given directly), and the
 * editor's corrections of the archive (`merge`, `split`, `rename`), stored in the table so that they
 * survive `articles reprocess` and show in the API at once.
 */
export function register(program: Command): void {
  const entities = program
    .command('entities')
    .description(
      'find entity spans in text files (`entities FILE...` = `entities find FILE...`), or correct the archive: merge, split, rename',
    )
    .argument('[files...]', 'plain UTF-8 text files, taken exactly as given (no layout parsing)')
    .action(async (files: string[], _options: unknown, command: Command) => {
      if (files.length === 0) command.help({ error: true });
      await printSpans(files);
    });

  entities
    .command('find')
    .description('find entity spans in plain UTF-8 text files taken exactly as given (no layout parsing)')
    .argument('<files...>')
    .action(printSpans);

  addTableOptions(
    entities
      .command('merge')
      .description(
        'merge the first entity into the second: its articles, counts, trends, quotes and names move; its id answers 301',
      )
      .argument('<from>', 'the entity id that goes away, e.g. per-blair')
      .argument('<into>', 'the entity id that stays, e.g. per-tony-blair'),
  ).action(
    editAction((editor, [from, into]) =>
      editor.merge(from as string, into as string).then((o) => ({ merged: from, ...o, into: o.entityId })),
    ),
  );

  addTableOptions(
    entities
      .command('split')
      .description(
        "take an entity off some articles: there it becomes the entity the tagger gave, or --into NAME's",
      )
      .argument('<id>', 'the entity id, e.g. per-tony-blair')
      .argument('<articles...>', 'the article ids to take it off')
      .option('--into <name>', 'the canonical name of the entity those articles mention instead'),
  ).action(
    editAction((editor, [id, articles], options: TableOptions & { into?: string }) =>
      editor.split(id as string, articles as string[], options.into).then((o) => ({ split: id, ...o })),
    ),
  );

  addTableOptions(
    entities
      .command('rename')
      .description("set an entity's name; the old one stays an alias")
      .argument('<id>', 'the entity id')
      .argument('<name...>', 'the new name'),
  ).action(
    editAction((editor, [id, name]) =>
      editor.rename(id as string, (name as string[]).join(' ')).then((o) => ({ renamed: id, ...o })),
    ),
  );
}

async function printSpans(files: string[]): Promise<void> {
  for (const file of files) {
    let text: string;
    try {
      // Buffer decoding keeps a BOM as U+FEFF, so offsets index the file's text exactly.
      text = (await readFile(file)).toString('utf8');
    } catch (error) {
      printLine({ file, error: { code: 'unreadable', message: (error as Error).message } });
      continue;
    }
    const spans = findEntities(text).map(({ type, text, start, end }) => ({ type, text, start, end }));
    printLine({ file, entities: spans });
  }
}

/** Runs a correction against the table the options name; an error ends the command with its message. */
export function editAction<O extends TableOptions>(
  edit: (
    editor: EntityEditor,
    args: (string | string[])[],
    options: O,
    target: TableTarget,
  ) => Promise<unknown>,
) {
  return async (...received: unknown[]) => {
    const command = received[received.length - 1] as Command;
    const options = received[received.length - 2] as O;
    const args = received.slice(0, -2) as (string | string[])[];
    let target: TableTarget | undefined;
    try {
      target = await resolveTableTarget(options);
      printLine(await edit(new EntityEditor(target.db, target.table), args, options, target));
    } catch (error) {
      command.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      target?.close();
    }
  };
}
