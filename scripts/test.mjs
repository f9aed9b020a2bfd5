// `npm test`: typecheck, lint, build the web UI, then every test file under test/ with node's runner.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function run(label, cmd, args) {
  console.log(`\n> ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  if (r.status !== 0) {
    console.log(`\n${label} failed.`);
    process.exit(r.status ?? 1);
  }
}

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}

const only = process.argv.slice(2);
const bin = (name) => join('node_modules', '.bin', name);
if (only.length === 0) {
  run('typecheck', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']);
  run('typecheck (web)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']);
  run('lint', bin('eslint'), ['.', '--max-warnings', '0']);
  run('format', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
  run('build web UI', bin('vite'), ['build', '--config', 'vite.web.config.ts', '--logLevel', 'warn']);
}
const files = only.length ? only : findTests('test');
run('tests', process.execPath, [
  '--import',
  'tsx',
  '--test',
  '--test-concurrency=1',
  '--test-reporter=spec',
  ...files,
]);
