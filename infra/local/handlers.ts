import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { apiFunction, stages } from '../../shared/pipeline/definition';
import type { StageName } from '../../shared/pipeline/key-layout';
import type { StageHandler } from './poller';

export type ApiHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyResultV2>;

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Loads the handler modules the pipeline definition names, after the runtime has pointed the
 * environment at its endpoints (the shared SDK clients read it when first used). A handler whose
 * module does not exist yet is reported as missing rather than failing the whole runtime.
 */
export async function loadHandlers(): Promise<{
  stages: Partial<Record<StageName, StageHandler>>;
  api?: ApiHandler;
  missing: string[];
}> {
  const missing: string[] = [];
  const stageHandlers: Partial<Record<StageName, StageHandler>> = {};
  for (const stage of stages) {
    const handler = await load<StageHandler>(stage.entry, missing);
    if (handler) stageHandlers[stage.name] = handler;
  }
  const api = await load<ApiHandler>(apiFunction.entry, missing);
  return { stages: stageHandlers, api, missing };
}

async function load<T>(entry: string, missing: string[]): Promise<T | undefined> {
  const path = join(repositoryRoot, entry);
  if (!existsSync(path)) {
    missing.push(entry);
    return undefined;
  }
  const module = (await import(pathToFileURL(path).href)) as { handler?: T };
  if (!module.handler) throw new Error(`${entry} does not export a handler`);
  return module.handler;
}
