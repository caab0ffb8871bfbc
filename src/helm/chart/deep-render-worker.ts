/**
 * Entry of the big-stack worker (see deep-render.ts): renders the chart it is
 * given with renderChart and posts back the result or the error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readDeepRenderJob, type DeepRenderAnswer, type DeepRenderJob } from './deep-render.js';
import { ChartRenderError } from './render-error.js';
import { renderChart, type RenderOptions, type RenderResult } from './render.js';

async function run(): Promise<DeepRenderAnswer<RenderResult>> {
  const { chart, values, options } = readDeepRenderJob(workerData as DeepRenderJob);
  try {
    return { ok: await renderChart(chart, options as RenderOptions, values) };
  } catch (e) {
    const err = e as Error;
    return {
      error: {
        message: err.message,
        afterRender: e instanceof ChartRenderError ? e.afterRender : false,
        partialOutput: e instanceof ChartRenderError ? e.partialOutput : '',
        ...(e instanceof ChartRenderError ? { detail: e.detail } : {}),
      },
    };
  }
}

void run().then((answer) => parentPort?.postMessage(answer));
