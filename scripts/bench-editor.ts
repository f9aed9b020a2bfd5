// Editor benchmark: a 300-layer graph in Chromium; time from an inspector edit to re-planned, re-rendered nodes.
//
// Usage: node --import tsx scripts/bench-editor.ts [--layers 300] [--samples 40]
// Builds the web UI into a temporary folder, serves it, opens a generated project and types into
// the inspector. "sync" is the edit's own work (plan() + React render + DOM commit + layout);
// "frame" adds waiting for the next painted frame (vsync-bound, so up to 16.7 ms of it is idle).
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { plan } from '../src/shared/graph/plan.ts';
import { bigGraph } from './big-graph.ts';
import { serializeProject } from '../src/shared/project/project-file.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

async function main(): Promise<void> {
  const layers = arg('layers', 300);
  const samples = arg('samples', 40);
  const doc = bigGraph(layers);
  const t0 = performance.now();
  const p = plan(doc);
  const planMs = performance.now() - t0;
  if (!p.ok) throw new Error(`The generated graph has errors: ${p.errors[0]?.message}`);

  const dir = mkdtempSync(join(tmpdir(), 'bench-editor-'));
  const web = join(dir, 'web');
  const built = spawnSync(
    join('node_modules', '.bin', 'vite'),
    [
      'build',
      '--config',
      'vite.web.config.ts',
      '--outDir',
      web,
      '--logLevel',
      'error',
      ...(process.env.BENCH_PROFILE ? ['--minify', 'false'] : []),
    ],
    { stdio: 'inherit' },
  );
  if (built.status !== 0) throw new Error('vite build failed');
  const projectFile = join(dir, 'bench.convnet.json');
  writeFileSync(projectFile, serializeProject(doc));

  const server = createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0];
    const path = url === '/' ? '/index.html' : url;
    try {
      const body = readFileSync(join(web, path));
      res.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--test-type',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(180_000);
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByTestId('palette-Conv2D').waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Control+o');
    await (await chooser).setFiles(projectFile);
    await page
      .locator('.react-flow__node')
      .nth(doc.nodes.length - 1)
      .waitFor({ state: 'attached' });
    const rendered = await page.locator('.react-flow__node').count();
    // Select a Conv2D in the middle of the graph through the keyboard (focus + Enter), as a user could.
    const target = doc.nodes.find((n) => n.type === 'Conv2D' && Number(n.id.slice(1)) > layers / 2)!;
    await page.locator(`.react-flow__node[data-id="${target.id}"]`).focus();
    await page.keyboard.press('Enter');
    const field = page.getByTestId('inspector').getByLabel('filters', { exact: true });
    await field.waitFor();
    const cdp = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    // Sent as text: tsx's helpers (__name) do not exist in the page.
    const timings = (await page.evaluate(`(async (input, n) => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const shapeOf = () => document.querySelector('.react-flow__node.selected [data-testid="node-shape"]')?.textContent ?? '';
      const sync = [];
      const frame = [];
      for (let i = 0; i < n; i++) {
        const value = String(17 + (i % 2));
        const start = performance.now();
        setValue.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        void document.body.offsetHeight; // style + layout of the new DOM
        sync.push(performance.now() - start);
        if (!shapeOf().endsWith(value + ']')) throw new Error('node shape did not update: ' + shapeOf());
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        frame.push(performance.now() - start);
        await new Promise((done) => setTimeout(done, 30));
      }
      return { sync, frame };
    })(document.activeElement && document.activeElement.tagName === 'INPUT' ? document.activeElement : document.querySelector('[data-testid=inspector] input[aria-describedby]') && [...document.querySelectorAll('[data-testid=inspector] label')].find((l) => l.textContent === 'filters').control, ${samples})`)) as {
      sync: number[];
      frame: number[];
    };
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
    }
    const stat = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return {
        min: s[0],
        median: s[Math.floor(s.length / 2)],
        p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))],
      };
    };
    const sync = stat(timings.sync.slice(2));
    const frame = stat(timings.frame.slice(2));
    console.log(
      `graph: ${doc.nodes.length} layers, ${doc.edges.length} edges, ${rendered} nodes rendered, ${p.totalParams.toLocaleString('en-US')} params`,
    );
    console.log(`plan() in Node: ${planMs.toFixed(2)} ms (first call)`);
    const show = (x: { min: number; median: number; p95: number }) =>
      `min ${x.min.toFixed(1)} ms, median ${x.median.toFixed(1)} ms, p95 ${x.p95.toFixed(1)} ms`;
    console.log(`edit -> re-plan -> re-render (sync, incl. layout): ${show(sync)}`);
    console.log(`edit -> next frame (vsync-bound):              ${show(frame)}`);
    console.log(
      `machine load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores (figures stretch with load)`,
    );
    console.log(`budget 16 ms: ${sync.median < 16 ? 'met' : 'NOT met'} (median of the edit's own work)`);
  } finally {
    await browser.close();
    server.close();
    if (!process.env.BENCH_PROFILE) rmSync(dir, { recursive: true, force: true });
    else console.log(`profiled build kept in ${web}`);
  }
}

await main();
