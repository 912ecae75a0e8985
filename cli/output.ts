/** One JSON object per line on stdout: the CLI's machine-readable contract. */
export function printLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
