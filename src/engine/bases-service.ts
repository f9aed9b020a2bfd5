// The pretrained-base service behind the bases:* channels: run ids resolved in the data folder, tfjs loaded lazily.
import { join } from 'node:path';
import type { BaseInfo, BasePick, PlacedBaseInfo } from '../shared/ipc/channels/bases.ts';
import type { BaseSource, GraphDoc } from '../shared/graph/schema.ts';

export interface BasesService {
  inspect(pick: BasePick): Promise<BaseInfo>;
  place(doc: GraphDoc, pick: BasePick, upTo?: string): Promise<PlacedBaseInfo>;
}

/** `dataDir` defaults to the app's data folder, where training writes runs. */
export function createBasesService(opts: { dataDir?: string } = {}): BasesService {
  const engine = async () => {
    const { initBackend } = await import('./backend.ts');
    await initBackend({ prefer: 'cpu' });
    const bases = await import('./bases.ts');
    const { runsDir, defaultDataDir } = await import('./runs.ts');
    const { plan } = await import('../shared/graph/plan.ts');
    const toSource = (pick: BasePick): BaseSource =>
      pick.kind === 'url'
        ? { kind: 'url', url: pick.url }
        : {
            kind: 'run',
            runDir: join(runsDir(opts.dataDir ?? defaultDataDir()), pick.id),
            which: pick.which ?? 'best',
          };
    return { bases, plan, toSource };
  };
  return {
    async inspect(pick) {
      const { bases, plan, toSource } = await engine();
      const model = await bases.loadBaseModel(toSource(pick));
      try {
        const doc = bases.graphOfModel(model);
        const p = plan(doc);
        return {
          name: model.name,
          layers: p.order.map((id) => {
            const n = doc.nodes.find((x) => x.id === id)!;
            return {
              name: n.name,
              className: n.type,
              outputShape: p.nodes[id].outputShape,
              params: p.nodes[id].params,
            };
          }),
        };
      } finally {
        model.dispose();
      }
    },
    async place(doc, pick, upTo) {
      const { bases, toSource } = await engine();
      const right = Math.max(0, ...doc.nodes.map((n) => n.position.x)) + 320;
      return bases.addBaseFrom(doc, toSource(pick), {
        ...(upTo ? { upTo } : {}),
        origin: { x: right, y: 0 },
      });
    },
  };
}
