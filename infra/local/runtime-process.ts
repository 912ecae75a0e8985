import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { endpointsFileName, type RuntimeEndpoints, readEndpointsFile } from './endpoints';
import { runtimeNodeFlags } from './heap-limits';

const here = dirname(fileURLToPath(import.meta.url));
const mainModule = join(here, 'main.ts');
const repositoryRoot = join(here, '..', '..');

export interface RuntimeProcess {
  pid: number;
  endpoints: RuntimeEndpoints;
  /** Peak resident set size so far in bytes (Linux VmHWM), if the platform reports it. */
  peakRss(): number | undefined;
  /** SIGKILL: no drain, no cleanup, as a crash or an OOM kill. */
  kill(): Promise<void>;
  /** SIGTERM: the runtime finishes the batches in flight and exits. */
  stop(): Promise<void>;
}

/**
 * Runs `npm start` (infra/local/main.ts under tsx) as a child process on the given data folder, for
 * tests and benchmarks that kill it mid-burst. Its output goes to `logFile`.
 */
export async function startRuntimeProcess(options: {
  dataDir: string;
  inbox: string;
  logFile: string;
  env?: Record<string, string>;
}): Promise<RuntimeProcess> {
  rmSync(join(options.dataDir, endpointsFileName), { force: true });
  const child: ChildProcess = spawn(process.execPath, [...runtimeNodeFlags, '--import', 'tsx', mainModule], {
    env: { ...process.env, ...options.env, DATA_DIR: options.dataDir, INBOX: options.inbox, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: repositoryRoot,
  });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });

  let endpoints: RuntimeEndpoints | undefined;
  for (let waited = 0; !endpoints; waited += 100) {
    if (exitCode !== undefined)
      throw new Error(`the runtime exited with ${exitCode} before it was ready; see ${options.logFile}`);
    if (waited > 120_000) throw new Error(`the runtime was not ready after 120 s; see ${options.logFile}`);
    if (existsSync(join(options.dataDir, endpointsFileName))) endpoints = readEndpointsFile(options.dataDir);
    if (!endpoints) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  let lastPeak: number | undefined;
  const peakRss = () => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
      if (kb) lastPeak = Number(kb) * 1024;
    } catch {
      // exited or not Linux: keep the last reading
    }
    return lastPeak;
  };
  const end = async (signal: NodeJS.Signals) => {
    peakRss();
    if (exitCode === undefined) child.kill(signal);
    await exited;
    log.end();
  };
  return {
    pid: child.pid!,
    endpoints,
    peakRss,
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}
