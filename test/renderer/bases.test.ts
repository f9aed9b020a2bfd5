// The bases feature's pure parts: the default cut, one layer's trainable flag, a block's counts, the project export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeBase } from '../../src/shared/graph/bases.ts';
import { plan } from '../../src/shared/graph/plan.ts';
import { getTemplate } from '../../src/shared/graph/templates/index.ts';
import { parseProject, serializeProject } from '../../src/shared/project/project-file.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../src/shared/training.ts';
import {
  blockCounts,
  defaultCut,
  keptLayers,
  setLayerTrainable,
} from '../../src/renderer/src/features/bases/base-model.ts';
import { ExportRefused, projectExport } from '../../src/renderer/src/features/export/project-export.ts';
import { pySettingsOf } from '../../src/shared/export/py-settings.ts';

const layers = (types: string[]) =>
  types.map((className, i) => ({ name: `l${i}`, className, outputShape: null, params: i }));

test('the default cut is the last convolution or pooling before the head', () => {
  const convnet = layers(['InputLayer', 'Conv2D', 'MaxPooling2D', 'Conv2D', 'Flatten', 'Dense', 'Dense']);
  assert.equal(defaultCut(convnet), 'l3');
  assert.equal(
    defaultCut(layers(['InputLayer', 'Conv2D', 'Conv2D', 'GlobalAveragePooling2D', 'Dense'])),
    'l2',
  );
  assert.equal(defaultCut(layers(['InputLayer', 'Conv2D', 'MaxPooling2D'])), 'l2');
  assert.equal(defaultCut(layers(['InputLayer', 'Dense'])), 'l1', 'no conv: the whole model');
  assert.equal(defaultCut([]), null);
  assert.deepEqual([...keptLayers(convnet, 'l2')], ['l0', 'l1', 'l2']);
});

const mnist = () => {
  const base = getTemplate('mnist-convnet')!;
  const upTo = base.nodes.find((n) => n.type === 'MaxPooling2D' && n.name.endsWith('_1'))!.name;
  return placeBase(
    { version: 1, name: 'transfer', nodes: [], edges: [] },
    base,
    { kind: 'url', url: 'http://x/model.json' },
    { upTo },
  );
};

test("one layer's switch changes the counts as Keras counts them", () => {
  const { doc, baseId } = mnist();
  const conv = doc.nodes.filter((n) => n.type === 'Conv2D');
  assert.deepEqual(blockCounts(doc.nodes, plan(doc)), { trainable: 0, frozen: 320 + 18_496 });
  const thawed = setLayerTrainable(doc, conv[1].id, true);
  assert.deepEqual(blockCounts(thawed.nodes, plan(thawed)), { trainable: 18_496, frozen: 320 });
  assert.equal(plan(thawed).nonTrainableParams, 320);
  const input = doc.nodes.find((n) => n.type === 'InputLayer')!;
  assert.equal(
    setLayerTrainable(doc, input.id, false).nodes.find((n) => n.id === input.id)!.trainable,
    undefined,
  );
  // A project file keeps the block and its frozen layers.
  const parsed = parseProject(serializeProject(thawed, {}, []));
  assert.ok(parsed.ok);
  assert.equal(parsed.project.graph.bases?.[0].id, baseId);
  assert.equal(plan(parsed.project.graph).nonTrainableParams, 320);
});

test('the project exports as Keras Python with its training settings, and refuses a broken graph', () => {
  const doc = getTemplate('mnist-convnet')!;
  const file = projectExport(
    doc,
    plan(doc),
    { ...DEFAULT_TRAIN_CONFIG, optimizer: 'adam', learningRate: 0.0003 },
    'keras-py',
  );
  assert.match(file.name, /\.py$/);
  assert.match(String(file.bytes), /0\.0003/);
  const json = projectExport(doc, plan(doc), DEFAULT_TRAIN_CONFIG, 'keras-json');
  assert.ok(JSON.parse(String(json.bytes)).config);
  const empty = { version: 1 as const, name: 'e', nodes: [], edges: [] };
  assert.throws(() => projectExport(empty, plan(empty), {}, 'keras-py'), ExportRefused);
  const broken = { ...doc, edges: [] };
  assert.throws(
    () => projectExport(broken, plan(broken), {}, 'keras-py'),
    (e: unknown) => e instanceof ExportRefused && e.key === 'refused.errors',
  );
});

test('momentum goes to the script only with SGD', () => {
  assert.equal(pySettingsOf({ optimizer: 'adam', momentum: 0.9 }).momentum, undefined);
  assert.equal(pySettingsOf({ optimizer: 'sgd', momentum: 0.9 }).momentum, 0.9);
});
