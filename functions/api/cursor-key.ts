import type { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { env } from '../../shared/pipeline/definition';

/**
 * How long a container trusts the key it fetched: one GetSecretValue per container per quarter hour,
 * and a key put into the secret by hand reaches every container within that time.
 */
export const cursorKeyMaxAgeSeconds = 15 * 60;

export interface CursorKeySettings {
  /** A Secrets Manager secret holding the key (deployed); wins over `key`. */
  arn?: string;
  /** The key itself (the local runtime, tests). */
  key?: string;
  /** Reads the secret; it keeps the value in memory for maxAge, so one provider per container. */
  secrets?: Pick<SecretsProvider, 'get'>;
}

/** The settings as the stack passes them to the api function. */
export function cursorKeySettingsFromEnvironment(): Omit<CursorKeySettings, 'secrets'> {
  return {
    arn: process.env[env.cursorSecretArn] || undefined,
    key: process.env[env.cursorSecret] || undefined,
  };
}

/**
 * The key that signs page cursors. Deployed, the stack passes the ARN of a generated secret; the local
 * runtime and the tests pass the key itself. There is deliberately no built-in fallback: a key anyone
 * can read in this source would let anyone forge cursors.
 */
export function cursorKeySource({ arn, key, secrets }: CursorKeySettings): () => Promise<string> {
  return async () => {
    if (arn) {
      if (!secrets) throw new Error(`no secrets provider to read ${arn} with`);
      const value = await secrets.get(arn, { maxAge: cursorKeyMaxAgeSeconds });
      if (typeof value !== 'string' || value.length === 0) {
        throw new Error(`the secret ${arn} has no SecretString to sign cursors with`);
      }
      return value;
    }
    if (key) return key;
    throw new Error(`no cursor signing key: set ${env.cursorSecretArn} or ${env.cursorSecret}`);
  };
}
