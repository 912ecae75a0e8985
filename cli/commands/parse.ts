import { readFile, stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import type { ParsedArticle } from '../../shared/article/schema';
import { parseArticle } from '../../shared/parse/index';
import { buildParsedArticle } from '../../shared/parse/parsed-article';
import { rawKeyOfPath } from '../../shared/pipeline/key-layout';
import { printLine } from '../output';

export type FileOutcome =
  | { ok: true; article: ParsedArticle }
  | { ok: false; error: { code: string; message: string } };

export interface ParseFileOptions {
  timeZone: string;
  maxBytes: number;
  /** The folder the file's raw key is relative to, as the inbox's files are to the inbox (default: cwd). */
  root?: string;
}

/**
 * Parses one local file as the parse stage would parse it uploaded under raw/ at its path relative to
 * `root`, so the article id is the one the pipeline would give it.
 */
export async function parseFile(file: string, options: ParseFileOptions): Promise<FileOutcome> {
  let bytes: Uint8Array;
  let lastModified: Date;
  try {
    bytes = await readFile(file);
    lastModified = (await stat(file)).mtime;
  } catch (error) {
    return { ok: false, error: { code: 'unreadable', message: (error as Error).message } };
  }
  const key = rawKeyOf(file, options.root ?? process.cwd());
  const outcome = parseArticle(bytes, { key, defaultTimeZone: options.timeZone, maxBytes: options.maxBytes });
  if (!outcome.ok) return outcome;
  return { ok: true, article: buildParsedArticle(outcome.article, { key, bytes, lastModified }) };
}

/** A file outside the root keeps its absolute path as its key, so it still cannot collide with another. */
export function rawKeyOf(file: string, root: string): string {
  const path = relative(resolve(root), resolve(file));
  return rawKeyOfPath(path.startsWith('..') ? resolve(file) : path);
}

export const rootOption = [
  '--root <dir>',
  'the folder whose relative paths become raw keys, as the inbox does (default: the current folder)',
] as const;

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
    .option(...rootOption)
    .action(async (files: string[], options: ParseFileOptions) => {
      for (const file of files) {
        const outcome = await parseFile(file, options);
        printLine(outcome.ok ? { file, ...outcome.article } : { file, error: outcome.error });
      }
    });
}
