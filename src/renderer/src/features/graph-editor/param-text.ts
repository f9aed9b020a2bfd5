// Text forms of list-valued params for the inspector: "3, 3" <-> [3, 3], "5" -> [5, 5], "" -> null.
import type { ParamKind } from '../../../../shared/graph/layers.ts';

/** How a param value is shown in a text field. */
export function formatParam(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/**
 * Reads what a user typed into a field of this kind. Returns undefined when it is not yet a value
 * (the field shows a hint and the document keeps its previous value); the registry still
 * validates ranges through plan().
 */
export function parseParam(kind: ParamKind, text: string): unknown {
  const t = text.trim();
  switch (kind) {
    case 'int':
    case 'float': {
      if (t === '') return undefined;
      const n = Number(t);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'pair':
    case 'pair-or-null': {
      if (t === '') return kind === 'pair-or-null' ? null : undefined;
      const nums = splitNumbers(t);
      if (!nums || nums.length > 2) return undefined;
      return nums.length === 1 ? [nums[0], nums[0]] : nums;
    }
    case 'shape':
    case 'target-shape':
      return t === '' ? undefined : splitNumbers(t);
    default:
      return t;
  }
}

function splitNumbers(t: string): number[] | undefined {
  const parts = t
    .replace(/^[[(]|[\])]$/g, '')
    .split(/\s*[,x×\s]\s*/i)
    .filter((p) => p !== '');
  const nums = parts.map(Number);
  return nums.length > 0 && nums.every((n) => Number.isInteger(n)) ? nums : undefined;
}
