// `npm run cli -- summary`: a Keras-style model.summary() of a project file, a Keras/tfjs model JSON or a template.
// Plans only (no tfjs import), so `--json` keeps stdout to the JSON alone and starts fast.
import type { GraphDoc } from '../../shared/graph/schema.ts';
import { plan, type GraphError, type Plan } from '../../shared/graph/plan.ts';
import { KerasJsonError } from '../../shared/graph/keras.ts';
import { TEMPLATE_NAMES } from '../../shared/graph/templates/index.ts';
import { resolveGraphSource, SourceError } from '../source.ts';

export const summary =
  "print a table like Keras's model.summary() for a project file, a Keras JSON or a template";

const USAGE = `usage: npm run cli -- summary <file | template name> [--json]
  file: a project file (JSON with a "graph" field), a bare graph document, or a Keras/tfjs model JSON
  templates: ${TEMPLATE_NAMES.join(', ')}
  --json  print {"layers", "total_params", "trainable_params", "non_trainable_params", "errors"} only
          (run it as \`npm run -s cli -- summary ... --json\`: without -s, npm prints its own header on stdout)
Exits 0 for a valid graph, 1 for an invalid one (listing every error), 2 when the input cannot be read.
`;

interface Row {
  id: string;
  name: string;
  className: string;
  shape: (number | null)[] | null;
  params: number;
  sources: string[];
}

function rows(doc: GraphDoc, p: Plan): Row[] {
  const inOrder = new Set(p.order);
  const ids = [...p.order, ...doc.nodes.map((n) => n.id).filter((id) => !inOrder.has(id))];
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  return ids.map((id) => {
    const n = byId.get(id);
    const planned = p.nodes[id];
    return {
      id,
      name: nameOf(id),
      className: String(n?.type),
      shape: planned?.outputShape ?? null,
      params: planned?.params ?? 0,
      sources: (planned?.sources ?? []).map(nameOf),
    };
  });
}

const maxLen = (xs: string[]) => Math.max(0, ...xs.map((x) => x.length));
const thousands = (n: number) => n.toLocaleString('en-US');
const pyShape = (s: (number | null)[] | null) =>
  s ? `(${s.map((d) => (d === null ? 'None' : String(d))).join(', ')}${s.length === 1 ? ',' : ''})` : '?';

function errorLine(e: GraphError, doc: GraphDoc): string {
  const where = e.nodeId ? doc.nodes.find((n) => n.id === e.nodeId)?.name : undefined;
  return `  - [${e.code}]${where ? ` ${where}:` : ''} ${e.message}`;
}

/** The table Keras's model.summary() prints, with "Connected to" when the graph is not a plain stack. */
function table(doc: GraphDoc, p: Plan): string {
  const all = rows(doc, p);
  const stack = all.every((r) => r.sources.length <= 1) && p.inputs.length === 1 && p.outputs.length === 1;
  const head = ['Layer (type)', 'Output Shape', 'Param #', 'Connected to'].slice(0, stack ? 3 : 4);
  const cells = all.map((r) => [
    `${r.name} (${r.className})`,
    pyShape(r.shape),
    thousands(r.params),
    ...r.sources.map((s) => `${s}[0][0]`),
  ]);
  const cols = head.map(
    (h, i) => 4 + Math.max(h.length, ...cells.map((c) => (i < 3 ? c[i].length : maxLen(c.slice(3))))),
  );
  const line = (row: string[]) =>
    row
      .map((c, i) => ` ${c}`.padEnd(cols[i]))
      .join('')
      .trimEnd();
  const width = cols.reduce((a, b) => a + b, 0);
  const out = [`Model: "${doc.name}"`, '_'.repeat(width), line(head), '='.repeat(width)];
  all.forEach((_r, i) => {
    const [layer, shape, params, ...links] = cells[i];
    out.push(line([layer, shape, params, links[0] ?? ''].slice(0, cols.length)));
    if (!stack) for (const l of links.slice(1)) out.push(line(['', '', '', l]));
    out.push(i === all.length - 1 ? '='.repeat(width) : stack ? '' : '_'.repeat(width));
  });
  out.push(`Total params: ${thousands(p.totalParams)}`);
  out.push(`Trainable params: ${thousands(p.trainableParams)}`);
  out.push(`Non-trainable params: ${thousands(p.nonTrainableParams)}`);
  out.push('_'.repeat(width));
  if (!p.ok) {
    out.push(`\nThe graph has ${p.errors.length} error${p.errors.length === 1 ? '' : 's'}:`);
    for (const e of p.errors) out.push(errorLine(e, doc));
  }
  return `${out.filter((l, i, a) => !(l === '' && a[i - 1] === '')).join('\n')}\n`;
}

function json(doc: GraphDoc, p: Plan): string {
  const nameOf = new Map(doc.nodes.map((n) => [n.id, n.name]));
  return `${JSON.stringify({
    layers: rows(doc, p).map((r) => ({
      name: r.name,
      class_name: r.className,
      output_shape: r.shape,
      params: r.params,
    })),
    total_params: p.totalParams,
    trainable_params: p.trainableParams,
    non_trainable_params: p.nonTrainableParams,
    errors: p.errors.map((e) => ({
      ...e,
      layer: e.nodeId === undefined ? null : (nameOf.get(e.nodeId) ?? null),
    })),
  })}\n`;
}

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const asJson = argv.includes('--json');
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--json');
  const sources = argv.filter((a) => !a.startsWith('-'));
  if (unknown.length || sources.length !== 1) {
    process.stderr.write(
      unknown.length
        ? `Unknown option "${unknown[0]}".\n${USAGE}`
        : `Give one file or template name.\n${USAGE}`,
    );
    return 2;
  }
  let doc: GraphDoc;
  try {
    doc = resolveGraphSource(sources[0]).graph;
  } catch (err) {
    if (err instanceof SourceError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    if (err instanceof KerasJsonError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const p = plan(doc);
  process.stdout.write(asJson ? json(doc, p) : table(doc, p));
  return p.ok ? 0 : 1;
}
