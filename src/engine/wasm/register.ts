// Registers the app's training kernels on tfjs's wasm backend (added and replaced ones); idempotent.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { conv2DBackpropFilterWasm, conv2DBackpropInputWasm } from './conv-grads.ts';
import { replaceWasmKernel } from './internals.ts';
import { identityWasm, makeBatchMatMulWasm } from './matmul-identity.ts';
import { maxPoolGradWasm } from './max-pool-grad.ts';
import { makeSumWasm } from './sum-leading.ts';

let registered = false;

/**
 * Adds Conv2DBackpropFilter, a faster Conv2DBackpropInput, a faster and cpu-exact MaxPoolGrad, a
 * zero-copy Identity, XNNPACK BatchMatMul for transposed operands and a copy-free Sum over leading axes to the 'wasm' backend. Must run before
 * the backend is initialised so that the kernels' setup functions run with it (tfjs calls them then).
 */
export function registerWasmTrainingKernels(): void {
  if (registered) return;
  registered = true;
  replaceWasmKernel({
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: conv2DBackpropFilterWasm as unknown as tf.KernelFunc,
  });
  const shippedInput = tf.getKernel('Conv2DBackpropInput', 'wasm');
  replaceWasmKernel({
    kernelName: 'Conv2DBackpropInput',
    backendName: 'wasm',
    // The shipped kernel still serves NCHW (ours is NHWC only); it needs its own setup to have run.
    setupFunc: shippedInput?.setupFunc,
    kernelFunc: ((args: Parameters<tf.KernelFunc>[0]) => {
      if (args.attrs?.dataFormat === 'NCHW' && shippedInput != null) return shippedInput.kernelFunc(args);
      return conv2DBackpropInputWasm(args as Parameters<typeof conv2DBackpropInputWasm>[0]);
    }) as tf.KernelFunc,
  });
  replaceWasmKernel({
    kernelName: 'MaxPoolGrad',
    backendName: 'wasm',
    kernelFunc: maxPoolGradWasm as unknown as tf.KernelFunc,
  });
  replaceWasmKernel({
    kernelName: 'Identity',
    backendName: 'wasm',
    kernelFunc: identityWasm as unknown as tf.KernelFunc,
  });
  const shippedMatMul = tf.getKernel('BatchMatMul', 'wasm');
  if (shippedMatMul != null) {
    replaceWasmKernel({
      kernelName: 'BatchMatMul',
      backendName: 'wasm',
      setupFunc: shippedMatMul.setupFunc,
      kernelFunc: makeBatchMatMulWasm(shippedMatMul),
    });
  }
  const shippedSum = tf.getKernel('Sum', 'wasm');
  if (shippedSum != null) {
    replaceWasmKernel({
      kernelName: 'Sum',
      backendName: 'wasm',
      setupFunc: shippedSum.setupFunc,
      kernelFunc: makeSumWasm(shippedSum),
    });
  }
}
