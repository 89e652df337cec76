let audio: AudioContext | undefined;

/** A short two-tone alarm made in the browser: no sound file to ship, nothing fetched. */
export const beep = (): void => {
  try {
    audio ??= new AudioContext();
    for (const [i, freq] of [880, 660, 880].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = freq;
      gain.gain.value = 0.15;
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + i * 0.2);
      osc.stop(audio.currentTime + i * 0.2 + 0.18);
    }
  } catch {
    /* no audio device: the banner is still there */
  }
};
