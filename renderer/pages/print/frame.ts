// "Once this is painted" for the print window. It is never shown, and a hidden page may get no animation frames,
// so a short timer stands in if no frame comes (the DOM is final either way; the frame only lets it paint first).
const FRAME_FALLBACK_MS = 50;

export function afterPaint(fn: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  requestAnimationFrame(run);
  setTimeout(run, FRAME_FALLBACK_MS);
}
