// Template: the dense baseline the convnet is compared with (Flatten-Dense512-Dense10), 407,050 params.
import type { GraphDoc } from '../schema.ts';
import { sequential } from '../builder.ts';

/** Takes [28, 28, 1] like the convnet (and flattens it) so both train on the same MNIST tensors. */
export function mnistDense(): GraphDoc {
  return sequential(
    'mnist-dense',
    [28, 28, 1],
    [
      ['Flatten'],
      ['Dense', { units: 512, activation: 'relu' }],
      ['Dense', { units: 10, activation: 'softmax' }],
    ],
  );
}
