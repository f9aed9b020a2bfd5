// Picks the tf backend for a training job (wasm with the app's training kernels, or cpu when asked).
import * as tf from '@tensorflow/tfjs';
import { registerWasmTrainingKernels } from '../wasm/register.ts';

export async function useBackend(name?: string): Promise<{ name: string; message: string }> {
  const wanted = name ?? 'wasm';
  if (wanted === 'wasm') registerWasmTrainingKernels();
  if (wanted !== 'wasm' && wanted !== 'cpu') {
    throw new Error(`Unknown backend "${wanted}": use wasm or cpu.`);
  }
  if (tf.getBackend() !== wanted && !(await tf.setBackend(wanted))) {
    throw new Error(`The ${wanted} backend could not start; try --backend cpu.`);
  }
  await tf.ready();
  const message =
    wanted === 'cpu'
      ? 'Training on the cpu backend (pure JavaScript): very slow for convnets.'
      : 'Training on the wasm backend.';
  return { name: wanted, message };
}
