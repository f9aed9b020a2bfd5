// Channels of the graph core: plan a document, list and fetch the templates.
import type { Plan } from '../../graph/plan';
import type { GraphDoc } from '../../graph/schema';
import { v } from '../check';
import { graphDocValidator } from '../payloads';

export interface TemplateInfo {
  name: string;
  /** One line about the template, in English and Spanish. */
  doc: { en: string; es: string };
}

export const graphInvoke = {
  'graph:plan': { arg: v.object({ doc: graphDocValidator }), result: v.returns<Plan>() },
  'templates:list': { arg: v.none(), result: v.returns<TemplateInfo[]>() },
  'templates:get': {
    arg: v.object({ name: v.string({ nonEmpty: true, maxLength: 100 }) }),
    result: v.returns<GraphDoc>(),
  },
};
