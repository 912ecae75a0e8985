import type { Command } from 'commander';
import { CountRepair } from '../../shared/store/count-repair';
import { printLine } from '../output';
import { addTableOptions, resolveTableTarget, type TableTarget } from './entities-target';

/** `articles repair-counts`: make entity counts and trend counters equal to the entities' timelines. */
export function register(program: Command): void {
  addTableOptions(
    program
      .command('repair-counts')
      .description(
        "set each entity's article count and trend counters to what its timeline holds (after a crash), and finish cut-short merges; idempotent",
      )
      .option('--entity <ids...>', 'only these entity ids (default: every entity, listed by a Scan)'),
  ).action(
    async (options: { entity?: string[] } & Parameters<typeof resolveTableTarget>[0], command: Command) => {
      let target: TableTarget | undefined;
      try {
        target = await resolveTableTarget(options);
        const report = await new CountRepair(target.db, target.table).run(options.entity);
        printLine(report);
        console.error(
          `${report.entitiesChecked} entities checked in ${target.description}: ${report.countsFixed.length} counts and ${report.trendsFixed} trend counters fixed, ${report.mergesFinished} articles of merges moved`,
        );
      } catch (error) {
        command.error(`error: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        target?.close();
      }
    },
  );
}
