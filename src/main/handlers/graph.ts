// Handlers of the graph:* and templates:* channels: the same plan() and templates the renderer and CLI use.
import { plan } from '../../shared/graph/plan';
import { getTemplate, TEMPLATES } from '../../shared/graph/templates';
import type { HandlerGroup } from './types';

export function graphHandlers(): HandlerGroup<'graph:plan' | 'templates:list' | 'templates:get'> {
  return {
    'graph:plan': ({ doc }) => plan(doc),
    'templates:list': () => TEMPLATES.map((t) => ({ name: t.name, doc: { en: t.doc.en, es: t.doc.es } })),
    'templates:get': ({ name }) => {
      const doc = getTemplate(name);
      if (!doc) {
        throw new Error(
          `There is no template named "${name}": choose one of ${TEMPLATES.map((t) => t.name).join(', ')}.`,
        );
      }
      return doc;
    },
  };
}
