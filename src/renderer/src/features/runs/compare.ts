// Comparing two runs as the course does: error rates and the error-rate reduction factor.

/** The share of test images the model gets wrong. */
export function errorRate(accuracy: number): number {
  return 1 - accuracy;
}

/**
 * How much of run A's error run B removes: 1 - err_b / err_a. The course's dense net (0.978)
 * against its convnet (0.993) gives 1 - 0.007 / 0.022 = 0.682. Null when A makes no error.
 */
export function errorReduction(accuracyA: number, accuracyB: number): number | null {
  const errA = errorRate(accuracyA);
  if (errA <= 0) return null;
  return 1 - errorRate(accuracyB) / errA;
}
