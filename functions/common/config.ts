import { env } from '../../shared/pipeline/definition';

/**
 * The settings a function's entry module reads from the environment the stack gives it, when the
 * container starts. Handlers themselves take their settings as arguments (see each create*Handler).
 */
export const config = {
  table: () => required(env.table),
  tagger: () => process.env[env.tagger] ?? 'builtin',
  defaultTimeZone: () => process.env[env.defaultTimeZone] ?? 'UTC',
  maxRawBytes: () => Number(process.env[env.maxRawBytes] ?? defaultMaxRawBytes),
};

export const defaultMaxRawBytes = 5 * 1024 * 1024;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}
