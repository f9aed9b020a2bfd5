// Stop, pause and resume for a running training loop: set from outside, checked between batches.

export class TrainControl {
  private stopRequested = false;
  private paused = false;
  private wake: (() => void) | null = null;

  get stopping(): boolean {
    return this.stopRequested;
  }
  get isPaused(): boolean {
    return this.paused;
  }
  /** The run ends after the batch in progress; completed epochs stay saved. */
  stop(): void {
    this.stopRequested = true;
    this.release();
  }
  pause(): void {
    this.paused = true;
  }
  resume(): void {
    this.paused = false;
    this.release();
  }
  /** Resolves at once unless paused; then when resumed or stopped. */
  async waitWhilePaused(): Promise<void> {
    while (this.paused && !this.stopRequested) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }
  private release(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }
}
