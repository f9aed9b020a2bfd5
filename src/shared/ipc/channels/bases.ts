// Channels of pretrained bases: look at a saved model's layers, then place it (cut at a layer) into a graph.
import type { GraphDoc } from '../../graph/schema';
import { isRecord, v, type Validator } from '../check';
import { graphDocValidator } from '../payloads';

/** A saved model the UI can name: one of the user's runs, or a model.json URL. */
export type BasePick = { kind: 'run'; id: string; which?: 'best' | 'last' } | { kind: 'url'; url: string };

export interface BaseLayerInfo {
  name: string;
  className: string;
  /** Keras style: [null, 13, 13, 32]. */
  outputShape: (number | null)[] | null;
  params: number;
}

export interface BaseInfo {
  name: string;
  layers: BaseLayerInfo[];
}

export interface PlacedBaseInfo {
  doc: GraphDoc;
  baseId: string;
  outputNodeId: string;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$/;

export const basePickValidator: Validator<BasePick> = v.custom<BasePick>((x, p) => {
  if (!isRecord(x)) return `${p} should be {kind: 'run', id} or {kind: 'url', url}`;
  if (x.kind === 'run') {
    if (typeof x.id !== 'string' || !ID.test(x.id)) return `${p}.id should be a run id`;
    if (x.which !== undefined && x.which !== 'best' && x.which !== 'last')
      return `${p}.which should be 'best' or 'last'`;
    return null;
  }
  if (x.kind === 'url') {
    if (typeof x.url !== 'string' || x.url.length > 2000 || !/^https?:\/\/\S+$/.test(x.url))
      return `${p}.url should be an http(s) address of a model.json`;
    return null;
  }
  return `${p}.kind should be 'run' or 'url'`;
});

export const basesInvoke = {
  'bases:inspect': { arg: v.object({ source: basePickValidator }), result: v.returns<BaseInfo>() },
  'bases:place': {
    arg: v.object({
      doc: graphDocValidator,
      source: basePickValidator,
      upTo: v.optional(v.string({ nonEmpty: true, maxLength: 200 })),
    }),
    result: v.returns<PlacedBaseInfo>(),
  },
};
