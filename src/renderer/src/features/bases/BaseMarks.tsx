// Marks a pretrained base's layers on the canvas (a coloured band; a lock and a tint when frozen) with a style
// sheet keyed on the data-id React Flow puts on each node, so the node component needs no change.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppStore } from '../../store/app-store.ts';
import { useAppStore } from '../../store/StoreProvider.tsx';
import './bases.css';

/** "id|1" for a frozen base layer, "id|0" for a trainable one: primitives, so a shallow compare spots changes. */
const selectMarks = (s: AppStore): string[] =>
  s.doc.nodes.flatMap((n) =>
    n.base ? [`${n.id}|${n.type !== 'InputLayer' && n.trainable === false ? 1 : 0}`] : [],
  );

const at = (id: string) => `.react-flow__node[data-id="${CSS.escape(id)}"] .layer-node`;

export function BaseMarks() {
  const marks = useAppStore(useShallow(selectMarks));
  const css = useMemo(() => {
    const all = marks.map((m) => at(m.slice(0, m.lastIndexOf('|'))));
    const frozen = marks.filter((m) => m.endsWith('|1')).map((m) => at(m.slice(0, -2)));
    const rules: string[] = [];
    if (all.length) {
      rules.push(`${all.join(',')} { position: relative; }`);
      rules.push(`${all.map((s) => `${s}::before`).join(',')} { ${'content: ""'}; ${BAND} }`);
    }
    if (frozen.length) {
      rules.push(`${frozen.map((s) => `${s}:not(.has-error)`).join(',')} { ${FROZEN} }`);
      rules.push(`${frozen.map((s) => `${s}::before`).join(',')} { background: var(--base-frozen); }`);
      rules.push(`${frozen.map((s) => `${s}::after`).join(',')} { content: ""; ${LOCK} }`);
    }
    return rules.join('\n');
  }, [marks]);
  return css ? <style data-testid="base-marks">{css}</style> : null;
}

// The looks live in bases.css as custom properties; these rules only place them on the right nodes.
const BAND =
  'position: absolute; inset: -1px -1px auto -4px; height: 4px; border-radius: var(--radius) var(--radius) 0 0; background: var(--base-trainable);';
const FROZEN = 'background: var(--base-frozen-bg);';
const LOCK =
  'position: absolute; top: 7px; right: 8px; width: 12px; height: 12px; background: var(--base-frozen); -webkit-mask: var(--base-lock) center / contain no-repeat; mask: var(--base-lock) center / contain no-repeat;';
