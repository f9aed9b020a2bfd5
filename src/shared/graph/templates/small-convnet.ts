// Template: the course's small-dataset convnet for 150x150x3 images (cats vs dogs), 3,453,121 params.
import type { GraphDoc } from '../schema.ts';
import { GraphBuilder } from '../builder.ts';

export function smallConvnet(): GraphDoc {
  const b = new GraphBuilder('small-convnet');
  let x = b.add('InputLayer', { shape: [150, 150, 3] });
  for (const filters of [32, 64, 128, 128]) {
    x = b.chain(x, [
      ['Conv2D', { filters, kernel_size: [3, 3], activation: 'relu' }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
    ]);
  }
  b.chain(x, [
    ['Flatten'],
    ['Dropout', { rate: 0.5 }],
    ['Dense', { units: 512, activation: 'relu' }],
    ['Dense', { units: 1, activation: 'sigmoid' }],
  ]);
  return b.doc();
}
