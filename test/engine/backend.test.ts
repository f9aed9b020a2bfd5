// The backend ladder: what it picks on this machine, why it skips native TensorFlow, forcing, errors, the banner.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { explainNativeError, initBackend, tfjsCoreLocations } from '../../src/engine/backend.ts';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '../..');

/** Whether a native addon was downloaded for this package (independently of the code under test). */
function hasBinding(pkg: string): boolean {
  let dir: string;
  try {
    dir = dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    return false;
  }
  const lib = join(dir, 'lib');
  return existsSync(lib) && readdirSync(lib).some((d) => existsSync(join(lib, d, 'tfjs_binding.node')));
}
const nativeMissing = !hasBinding('@tensorflow/tfjs-node') && !hasBinding('@tensorflow/tfjs-node-gpu');

function runChild(code: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: root,
    encoding: 'utf8',
  });
}

describe('backend ladder', () => {
  it('uses one tfjs-core for tfjs, the wasm backend and tfjs-node(-gpu)', () => {
    assert.equal(tfjsCoreLocations().length, 1, tfjsCoreLocations().join(', '));
  });

  it(
    'skips tfjs-node-gpu and tfjs-node with a reason the user can act on, and picks wasm',
    { skip: !nativeMissing && 'a native TensorFlow addon is installed here' },
    async () => {
      const choice = await initBackend();
      assert.equal(choice.name, 'wasm');
      assert.equal(tf.getBackend(), 'wasm');
      assert.deepEqual(
        choice.skipped.map((s) => s.name),
        ['tensorflow-gpu', 'tensorflow'],
      );
      assert.match(
        choice.skipped[0].why,
        /^tfjs-node-gpu: .*npm rebuild @tensorflow\/tfjs-node-gpu.*training on the CPU \(wasm\) instead$/,
      );
      assert.match(
        choice.skipped[1].why,
        /^tfjs-node: the native TensorFlow library was not downloaded at install time \(run `npm rebuild @tensorflow\/tfjs-node` with network access\)/,
      );
      assert.ok(choice.threads >= 1);
      assert.match(choice.reason, /WebAssembly/);
    },
  );

  it('forcing cpu works and says it is slow', async () => {
    const choice = await initBackend({ prefer: 'cpu' });
    assert.equal(choice.name, 'cpu');
    assert.equal(tf.getBackend(), 'cpu');
    assert.deepEqual(choice.skipped, []);
    assert.match(choice.reason, /slow/);
  });

  it('forcing wasm after cpu switches back', async () => {
    const choice = await initBackend({ prefer: 'wasm', threads: 1 });
    assert.equal(choice.name, 'wasm');
    assert.equal(tf.getBackend(), 'wasm');
    const kept = tf.tensor([1, 2]).square();
    await initBackend({ prefer: 'wasm', threads: 1 });
    assert.deepEqual(
      Array.from(kept.dataSync()),
      [1, 4],
      'asking again for the same backend keeps its tensors',
    );
  });

  it('forcing an unknown name fails with the valid choices', async () => {
    await assert.rejects(
      initBackend({ prefer: 'metal' }),
      /Unknown backend 'metal': choose one of tensorflow-gpu, tensorflow, wasm, cpu/,
    );
  });

  it(
    'forcing an unavailable native backend fails with the reason',
    { skip: !nativeMissing && 'a native TensorFlow addon is installed here' },
    async () => {
      await assert.rejects(
        initBackend({ prefer: 'tensorflow' }),
        /The 'tensorflow' backend cannot start: tfjs-node: .*npm rebuild @tensorflow\/tfjs-node/,
      );
    },
  );

  it('explains native load errors', () => {
    const cuda = 'libcudart.so.11.0: cannot open shared object file: No such file or directory';
    assert.equal(
      explainNativeError('tensorflow-gpu', cuda),
      'libcudart.so.11.0 not found — CUDA 11.2 and cuDNN 8.1 are needed',
    );
    assert.match(
      explainNativeError('tensorflow-gpu', 'libcudnn.so.8: cannot open shared object file'),
      /^libcudnn\.so\.8 not found — CUDA 11\.2 and cuDNN 8\.1/,
    );
    assert.match(
      explainNativeError('tensorflow', 'libtensorflow.so.2: cannot open shared object file: No such file'),
      /^libtensorflow\.so\.2 not found .*npm rebuild @tensorflow\/tfjs-node/,
    );
    assert.match(
      explainNativeError('tensorflow', "/lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.38' not found"),
      /GLIBC_2\.38/,
    );
    assert.match(
      explainNativeError(
        'tensorflow',
        'The Node.js native addon module (tfjs_binding.node) can not be found at path: /x',
      ),
      /was not downloaded at install time/,
    );
  });

  it('keeps the tfjs "running in Node.js" banner out of a command\'s output', () => {
    const use =
      "const tf = await import('@tensorflow/tfjs'); await tf.setBackend('cpu'); tf.tensor([1]).dataSync();";
    const plain = runChild(`${use} console.log('{}');`);
    assert.match(
      plain.stderr,
      /looks like you are running TensorFlow\.js in Node\.js/,
      'control: tfjs prints the banner when not silenced',
    );
    const quiet = runChild(
      `const { initBackend } = await import('./src/engine/backend.ts'); await initBackend({ prefer: 'cpu' }); ${use} console.log('{}');`,
    );
    assert.equal(quiet.status, 0, quiet.stderr);
    assert.equal(quiet.stdout, '{}\n');
    assert.doesNotMatch(quiet.stderr, /looks like you are running/);
  });
});
