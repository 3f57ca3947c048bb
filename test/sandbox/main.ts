import { startSandbox } from './server.js';
import { isMisbehaveSwitch, MISBEHAVE_SWITCHES, type Misbehave } from './options.js';

/**
 * `npm run sandbox [-- --misbehave name,name]`: starts the reference sandbox and prints how to run the
 * scenarios against it. Ctrl-C closes it.
 */
async function run(): Promise<void> {
  const sandbox = await startSandbox({ misbehave: misbehaveFromArgs(process.argv.slice(2)) });
  const switches = Object.keys(sandbox.misbehave);
  process.stdout.write(
    [
      'stepdoc reference sandbox',
      `  main base URL:     ${sandbox.baseUrl}`,
      `  fallback base URL: ${sandbox.fallbackUrl}`,
      switches.length > 0 ? `  misbehaving on purpose: ${switches.join(', ')}` : '  behaving as documented',
      '',
      'Run every scenario against it:',
      `  npx stepdoc run scenarios --base-url ${sandbox.baseUrl} --fallback-url ${sandbox.fallbackUrl} --token staff=sandbox-staff --token synctera=sandbox-key`,
      '',
      'Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  const shutdown = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

function misbehaveFromArgs(args: string[]): Misbehave {
  const index = args.indexOf('--misbehave');
  if (index < 0 || !args[index + 1]) return {};
  const misbehave: Misbehave = {};
  for (const raw of args[index + 1].split(',')) {
    const name = raw.trim();
    if (!isMisbehaveSwitch(name)) throw new Error(`unknown misbehave switch ${name}; known: ${MISBEHAVE_SWITCHES.join(', ')}`);
    misbehave[name] = true;
  }
  return misbehave;
}

run().catch((error: unknown) => {
  process.stderr.write(`sandbox failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
