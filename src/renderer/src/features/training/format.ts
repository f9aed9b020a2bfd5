// Number formats shared by the training and runs views: durations, percentages, speeds.

/** 75 → "1:15", 3725 → "1:02:05". */
export function formatDuration(totalSec: number): string {
  if (!Number.isFinite(totalSec) || totalSec < 0) return '–';
  const s = Math.round(totalSec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** 0.9934 → "99.34%"; null → "–". */
export function formatPercent(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? '–'
    : `${(value * 100).toFixed(digits)}%`;
}

/** Accuracies as the course writes them: 0.9934 → "0.9934". */
export function formatFraction(value: number | null | undefined, digits = 4): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

export function formatSpeed(samplesPerSec: number): string {
  return Number.isFinite(samplesPerSec) ? Math.round(samplesPerSec).toLocaleString('en-US') : '–';
}
