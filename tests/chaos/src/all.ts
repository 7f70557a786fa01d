/**
 * Runs the three chaos scenarios one after the other (never in parallel: they share the local
 * PostgreSQL cluster, which restart-postgres restarts, and the Redis adapter key), each in its own
 * process, and prints one line per scenario. Exits 1 if any failed.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCENARIOS = ['kill-server', 'restart-postgres', 'drop-broadcast'] as const;
const results: Array<{ name: string; code: number | null; seconds: number }> = [];

for (const name of SCENARIOS) {
  const started = Date.now();
  const script = fileURLToPath(new URL(`./${name}.js`, import.meta.url));
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [script, ...process.argv.slice(2)], { stdio: 'inherit' });
    child.once('exit', (c) => resolve(c));
  });
  results.push({ name, code, seconds: (Date.now() - started) / 1000 });
}

console.log('\nChaos scenarios:');
for (const r of results)
  console.log(
    `  ${r.code === 0 ? 'PASS' : 'FAIL'}  ${r.name.padEnd(18)} ${r.seconds.toFixed(1)} s`,
  );
const failed = results.filter((r) => r.code !== 0).length;
console.log(failed ? `${failed} of ${results.length} scenarios FAILED` : 'all scenarios PASSED');
process.exit(failed ? 1 : 0);
