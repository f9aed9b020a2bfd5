// The `npm run cli -- <command>` entry: dispatches to src/cli/commands/<command>.ts.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Each command module exports `run(argv)` resolving to the process exit code, and a one-line `summary`. */
export interface CliCommand {
  summary: string;
  run(argv: string[]): Promise<number>;
}

const here = dirname(fileURLToPath(import.meta.url));
const NAME = /^[a-z][a-z-]*$/;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    process.stdout.write('usage: npm run cli -- <command> [options]\n\ncommands:\n');
    const { readdirSync } = await import('node:fs');
    for (const f of readdirSync(join(here, 'commands'))
      .filter((f) => f.endsWith('.ts'))
      .sort()) {
      const mod = (await import(join(here, 'commands', f))) as CliCommand;
      process.stdout.write(`  ${f.replace(/\.ts$/, '').padEnd(10)} ${mod.summary}\n`);
    }
    return name ? 0 : 2;
  }
  const file = join(here, 'commands', `${name}.ts`);
  if (!NAME.test(name) || !existsSync(file)) {
    process.stderr.write(`Unknown command "${name}". Run "npm run cli -- help" to list the commands.\n`);
    return 2;
  }
  const mod = (await import(file)) as CliCommand;
  return mod.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
