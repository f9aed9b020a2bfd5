// The lab's pure logic: output sizes and the formula, window enumeration (the course's 4 then 3), gallery, matrices, colours.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { colorOf, scaleFor } from '../../src/shared/conv-lab/colormap.ts';
import { axisGeometry, formulaText } from '../../src/shared/conv-lab/geometry.ts';
import { kernelsFromConvWeights, rgbaToGrey, downscale } from '../../src/shared/conv-lab/image.ts';
import { GALLERY, galleryKernel } from '../../src/shared/conv-lab/kernels.ts';
import {
  COURSE_INPUT,
  COURSE_KERNEL,
  checkKernel,
  parseMatrix,
  resizeMatrix,
} from '../../src/shared/conv-lab/matrix.ts';
import { enumerateWindows, productsText } from '../../src/shared/conv-lab/windows.ts';

test('valid padding: 5x5 with 3x3 gives 3x3, and the formula shows its numbers', () => {
  const g = axisGeometry(5, 3, 1, 'valid');
  assert.deepEqual([g.out, g.padBefore, g.padAfter], [3, 0, 0]);
  assert.equal(formulaText(g), '⌊(5 + 2·0 − 3) / 1⌋ + 1 = 2 + 1 = 3');
});

test('same padding keeps 5x5 at stride 1 with one zero on each side', () => {
  const g = axisGeometry(5, 3, 1, 'same');
  assert.deepEqual([g.out, g.padBefore, g.padAfter], [5, 1, 1]);
  assert.equal(formulaText(g), '⌊(5 + 2·1 − 3) / 1⌋ + 1 = 4 + 1 = 5');
});

test('stride 2 halves the size as the formula says', () => {
  assert.equal(axisGeometry(8, 3, 2, 'same').out, 4);
  assert.equal(axisGeometry(6, 3, 2, 'same').out, 3);
  const g = axisGeometry(6, 3, 2, 'same');
  assert.deepEqual([g.padBefore, g.padAfter], [0, 1], 'TF pads the odd zero after');
  assert.equal(formulaText(g), '⌊(6 + 0 + 1 − 3) / 2⌋ + 1 = 2 + 1 = 3');
  const v = axisGeometry(5, 3, 2, 'valid');
  assert.equal(v.out, 2);
  assert.equal(formulaText(axisGeometry(6, 3, 2, 'valid')), '⌊(6 + 2·0 − 3) / 2⌋ + 1 = ⌊3/2⌋ = 1 + 1 = 2');
});

test('a window larger than the input gives 0 under valid, and bad sizes are refused with a sentence', () => {
  assert.equal(axisGeometry(2, 3, 1, 'valid').out, 0);
  assert.match(formulaText(axisGeometry(2, 3, 1, 'valid')), /: 0$/);
  assert.throws(() => axisGeometry(5, 3, 0, 'valid'), /stride must be a whole number/);
});

test("the course's windows: the first gives 4, the next 3, and all nine give its feature map", () => {
  const wins = enumerateWindows(COURSE_INPUT, COURSE_KERNEL, 1, 'valid');
  assert.equal(wins.length, 9);
  assert.equal(wins[0].sum, 4);
  assert.equal(wins[1].sum, 3);
  assert.equal(productsText(wins[0]), '1×1 + 1×0 + 1×1 + 0×0 + 1×1 + 1×0 + 0×1 + 0×0 + 1×1 = 4');
  const map = [0, 1, 2].map((r) => wins.filter((w) => w.outRow === r).map((w) => w.sum));
  assert.deepEqual(map, [
    [4, 3, 4],
    [2, 4, 3],
    [2, 3, 4],
  ]);
  assert.deepEqual([wins[4].top, wins[4].left], [1, 1]);
});

test('same padding: the first window starts in the padding and reads zeros there', () => {
  const wins = enumerateWindows(COURSE_INPUT, COURSE_KERNEL, 1, 'same');
  assert.equal(wins.length, 25);
  assert.deepEqual([wins[0].top, wins[0].left], [-1, -1]);
  assert.equal(wins[0].cells.filter((c) => !c.inside).length, 5);
  assert.equal(wins[0].sum, 2);
});

test('stride 2 visits every other window', () => {
  const wins = enumerateWindows(COURSE_INPUT, COURSE_KERNEL, 2, 'valid');
  assert.deepEqual(
    wins.map((w) => [w.top, w.left, w.sum]),
    [
      [0, 0, 4],
      [0, 2, 4],
      [2, 0, 2],
      [2, 2, 4],
    ],
  );
});

test('the gallery holds the course kernels exactly and explains each in both languages', () => {
  assert.deepEqual(galleryKernel('horizontal-edge')?.kernel, [
    [1, 1, 1],
    [0, 0, 0],
    [-1, -1, -1],
  ]);
  assert.deepEqual(galleryKernel('vertical-edge')?.kernel, [
    [1, 0, -1],
    [1, 0, -1],
    [1, 0, -1],
  ]);
  assert.deepEqual(galleryKernel('edge')?.kernel, [
    [1, 1, 1],
    [1, -7, 1],
    [1, 1, 1],
  ]);
  for (const name of ['identity', 'sobel-x', 'sobel-y', 'blur', 'box-blur', 'sharpen'])
    assert.ok(galleryKernel(name), name);
  for (const k of GALLERY) {
    assert.match(k.name, /^[a-z-]+$/);
    assert.ok(k.text.en.length > 20 && k.text.es.length > 20 && k.label.es, k.name);
  }
  const blurSum =
    galleryKernel('blur')
      ?.kernel.flat()
      .reduce((a, b) => a + b, 0) ?? 0;
  assert.ok(Math.abs(blurSum - 1) < 1e-12, 'a blur keeps brightness');
});

test('matrices: JSON is parsed, ragged rows and oversized kernels are refused with what to do', () => {
  assert.deepEqual(parseMatrix('[[1,2],[3,4]]', 'input'), [
    [1, 2],
    [3, 4],
  ]);
  assert.throws(
    () => parseMatrix('[[1,2],[3]]', 'input'),
    /Row 2 of the input has 1 numbers but row 1 has 2/,
  );
  assert.throws(() => parseMatrix('[[1,"a"]]', 'kernel'), /use plain numbers/);
  assert.throws(() => parseMatrix('nope', 'kernel'), /not valid JSON/);
  assert.throws(() => checkKernel(resizeMatrix([[1]], 8, 8)), /between 1x1 and 7x7/);
  assert.deepEqual(resizeMatrix([[1, 2]], 2, 3), [
    [1, 2, 0],
    [0, 0, 0],
  ]);
});

test('colour scales: signed maps diverge around white, non-negative maps are grey', () => {
  const signed = scaleFor({ height: 1, width: 3, data: Float32Array.from([-2, 0, 1]) });
  assert.deepEqual(signed, { kind: 'diverging', min: -2, max: 2 });
  assert.deepEqual(colorOf(0, signed), [247, 247, 247]);
  assert.ok(colorOf(-2, signed)[2] > colorOf(-2, signed)[0], 'negative is blue');
  assert.ok(colorOf(2, signed)[0] > colorOf(2, signed)[2], 'positive is red');
  const grey = scaleFor({ height: 1, width: 2, data: Float32Array.from([0, 4]) });
  assert.deepEqual([grey.kind, colorOf(4, grey), colorOf(0, grey)], ['grey', [255, 255, 255], [0, 0, 0]]);
});

test('pictures: RGBA to grey, box downscaling, and kernels out of Conv2D weights', () => {
  const grey = rgbaToGrey([255, 255, 255, 255, 0, 0, 0, 255], 2, 1);
  assert.ok(Math.abs(grey.data[0] - 1) < 1e-6 && grey.data[1] === 0);
  const small = downscale({ height: 4, width: 4, data: Float32Array.from({ length: 16 }, (_, i) => i) }, 2);
  assert.deepEqual([small.height, small.width, ...small.data], [2, 2, 2.5, 4.5, 10.5, 12.5]);
  // [kh=1, kw=2, in=2, out=2]: value index ((i*kw + j)*cin + c)*cout + f.
  const ks = kernelsFromConvWeights([1, 10, 2, 20, 3, 30, 4, 40], [1, 2, 2, 2]);
  assert.deepEqual(ks, [[[3, 7]], [[30, 70]]]);
  assert.throws(() => kernelsFromConvWeights([1], [1, 1]), /4 dimensions/);
});
