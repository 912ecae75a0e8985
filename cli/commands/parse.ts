import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { buildParsedArticle } from '../../shared/article/parsed-article';
import type { ParsedArticle } from '../../shared/article/schema';
import { parseArticle } from '../../shared/parse/index';
import { printLine } from '../output';

export type FileOutcome =
  | { ok: true; article: ParsedArticle }
  | { ok: false; error: { code: string; message: string } };

/** Parses one local file as the parse stage would parse raw/<file name>. */
export async function parseFile(
  file: string,
  options: { timeZone: string; maxBytes: number },
): Promise<FileOutcome> {
  let bytes: Uint8Array;
  let lastModified: Date;
  try {
    bytes = await readFile(file);
    lastModified = (await stat(file)).mtime;
  } catch (error) {
    return { ok: false, error: { code: 'unreadable', message: (error as Error).message } };
  }
  const key = `raw/${basename(file)}`;
  const outcome = parseArticle(bytes, { key, defaultTimeZone: options.timeZone, maxBytes: options.maxBytes });
  if (!outcome.ok) return outcome;
  return { ok: true, article: buildParsedArticle(outcome.article, { key, bytes, lastModified }) };
}

export function register(program: Command): void {
  program
    .command('parse')
    .description('parse article files; prints one JSON object per file and line')
    .argument('<files...>')
    .option(
      '--time-zone <zone>',
      'zone for times given without an offset',
      process.env.DEFAULT_TIME_ZONE ?? 'UTC',
    )
    .option('--max-bytes <n>', 'size limit', (v) => Number(v), 5 * 1024 * 1024)
    .action(async (files: string[], options: { timeZone: string; maxBytes: number }) => {
      for (const file of files) {
        const outcome = await parseFile(file, options);
        printLine(outcome.ok ? { file, ...outcome.article } : { file, error: outcome.error });
      }
    });
}
