// Template: the course's MNIST convnet (Conv32-Pool-Conv64-Pool-Conv64-Flatten-Dense64-Dense10), 93,322 params.
import type { GraphDoc } from '../schema.ts';
import { sequential } from '../builder.ts';

export function mnistConvnet(): GraphDoc {
  return sequential(
    'mnist-convnet',
    [28, 28, 1],
    [
      ['Conv2D', { filters: 32, kernel_size: [3, 3], activation: 'relu' }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
      ['Conv2D', { filters: 64, kernel_size: [3, 3], activation: 'relu' }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
      ['Conv2D', { filters: 64, kernel_size: [3, 3], activation: 'relu' }],
      ['Flatten'],
      ['Dense', { units: 64, activation: 'relu' }],
      ['Dense', { units: 10, activation: 'softmax' }],
    ],
  );
}
