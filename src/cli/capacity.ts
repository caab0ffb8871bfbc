/**
 * The capacity command: the cluster-capacity picture (src/capacity.ts) of the
 * inputs, printed as text bars or JSON (src/capacity-report.ts). Both are
 * loaded only when this command runs.
 */
import { Option } from 'commander';
import { useColor, type Io } from './io.js';
import { baseProgram } from './program.js';

export async function capacityCommand(argv: string[], io: Io): Promise<number> {
  const program = baseProgram(io, 'k8s-todo-lint capacity')
    .description('Cluster capacity: replicas x requests/limits per workload against allocatable and the 70% bar')
    .argument('[paths...]', 'files, directories, globs, or -', [])
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
    .option('-c, --config <path>', 'config file')
    .option('--namespace <ns>', 'default namespace')
    .option('--no-color', 'no colour');
  program.parse(argv, { from: 'user' });
  const o = program.opts();
  const paths = program.processedArgs[0] as string[];
  const stdinText = paths.includes('-') ? await io.readStdin() : undefined;
  const { capacityData } = await import('../capacity.js');
  const data = await capacityData({ paths: paths.length ? paths : ['.'], cwd: io.cwd, configFile: o.config, stdinText, namespace: o.namespace });
  const { renderCapacityJson, renderCapacityText } = await import('../capacity-report.js');
  io.stdout(o.format === 'json' ? renderCapacityJson(data) : renderCapacityText(data, { color: useColor(o.color !== false, io) }));
  return 0;
}
