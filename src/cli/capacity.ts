/**
 * The capacity command: the cluster-capacity picture (src/capacity.ts) of the
 * inputs, printed as text bars or JSON (src/capacity-report.ts). Both are
 * loaded only when this command runs. It takes lint's inputs and Helm flags,
 * so a chart's capacity is that of the same render lint checks; each
 * deployment unit (a chart, the raw manifests) is its own picture.
 */
import { Option } from 'commander';
import { resolveInputs, useColor, type Io } from './io.js';
import { addHelmOptions, baseProgram, helmOptions } from './program.js';

export async function capacityCommand(argv: string[], io: Io): Promise<number> {
  const program = baseProgram(io, 'k8s-todo-lint capacity')
    .description('Cluster capacity: replicas x requests/limits per workload against allocatable and the 70% bar')
    .argument('[paths...]', 'files, directories, globs, or -', [])
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
    .option('-c, --config <path>', 'config file');
  addHelmOptions(program).option('--no-color', 'no colour');
  program.parse(argv, { from: 'user' });
  const o = program.opts();
  const helm = helmOptions(o);
  const inputs = await resolveInputs(program.processedArgs[0] as string[], io);
  const { capacityReport } = await import('../capacity.js');
  const data = await capacityReport({ ...inputs, cwd: io.cwd, configFile: o.config, ...helm });
  const { renderCapacityJson, renderCapacityText } = await import('../capacity-report.js');
  io.stdout(o.format === 'json' ? renderCapacityJson(data) : renderCapacityText(data, { color: useColor(o.color !== false, io) }));
  return 0;
}
