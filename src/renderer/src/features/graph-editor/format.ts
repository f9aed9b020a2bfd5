// Number and field formatting shared by the editor's panels.

/** 93322 -> "93,322" in English, "93.322" in Spanish (grouping even for 4 digits, as Keras prints). */
export function formatInt(n: number, language: string): string {
  const grouped = Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, language.startsWith('es') ? '.' : ',');
  return grouped;
}
