// Which window the stepper shows, and the play/pause timer that advances it at the chosen speed.
import { useCallback, useEffect, useState } from 'react';

export interface Stepper {
  step: number;
  playing: boolean;
  speed: number;
  setStep(i: number): void;
  setSpeed(windowsPerSecond: number): void;
  toggle(): void;
}

export function useStepper(count: number): Stepper {
  const [raw, setRaw] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(2);
  // A new size, stride or padding is a new convolution: start it from its first window.
  const [forCount, setForCount] = useState(count);
  if (forCount !== count) {
    setForCount(count);
    setRaw(0);
    setPlaying(false);
  }
  const last = Math.max(count - 1, 0);
  const step = Math.min(raw, last);

  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(() => setRaw((s) => Math.min(s + 1, last)), 1000 / speed);
    return () => window.clearInterval(id);
  }, [playing, speed, last]);

  useEffect(() => {
    if (playing && step >= last) setPlaying(false);
  }, [playing, step, last]);

  const setStep = useCallback(
    (i: number) => {
      setPlaying(false);
      setRaw(Math.min(Math.max(i, 0), last));
    },
    [last],
  );
  const toggle = useCallback(() => {
    if (playing) return setPlaying(false);
    if (step >= last) setRaw(0);
    setPlaying(true);
  }, [playing, step, last]);

  return { step, playing, speed, setStep, setSpeed, toggle };
}
