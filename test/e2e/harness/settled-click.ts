// Clicks inside a dialog (Modal, modal.confirm, Popconfirm, Drawer) once the dialog has stopped moving.
//
// Why (seen, not guessed): on a loaded 2-core machine the dialog's zoom-in can stall at its first keyframe
// (`scale(0.2)`, the animation `running` but at currentTime 0 while Chromium waits to start it). Playwright's own
// "stable" check (the same box in two frames) passes on that stalled frame, so it presses the tiny button; the zoom
// then moves on before the release, the release lands beside the button and no click reaches it. Playwright checks the
// hit target of the press only. Logged in CI-like runs under two CPU burners: 继续填写 pressed at scale(0.2).
//
// Why here and not motion turned off: antd's motion decides when dialogs mount, focus and unmount (rc-motion steps,
// afterOpenChange, destroyOnHidden); turning it off for tests would test another app than the one that ships. So the
// harness waits, before the click, for what a user's eye waits for: no motion class (…-appear/-enter/-leave) on the
// element or any ancestor, no unfinished finite animation on them, and the element's box the same in three frames.
import type { Locator } from 'playwright-core';

/** rc-motion marks an element in motion with `<motionName>-appear|enter|leave`, from its prepare step to its end. */
const MOTION_CLASS = String.raw`(^|\s)[\w-]+-(appear|enter|leave)(\s|$)`;
const STABLE_FRAMES = 3;

/** Waits until `target` and its ancestors are at rest (see the header), then clicks it. */
export async function clickSettled(target: Locator, options: { timeout?: number } = {}): Promise<void> {
  await settled(target, options.timeout);
  await target.click(options);
}

let calls = 0;

/** Waits until `target` and the dialog around it are at rest: no zoom, fade or slide still moving it. */
export async function settled(target: Locator, timeout?: number): Promise<void> {
  await target.waitFor({ state: 'visible', timeout });
  const handle = await target.elementHandle({ timeout });
  if (handle === null) throw new Error('clickSettled: the element went away');
  try {
    await target.page().waitForFunction(
      ([el, key, motionClass, frames]) => {
        // Re-rendered meanwhile: the click finds the new element and makes its own checks.
        if (!el.isConnected) return true;
        const moving = (node: Element) =>
          new RegExp(motionClass).test(node.getAttribute('class') ?? '') ||
          node.getAnimations().some((a) => {
            const finite = a.effect?.getComputedTiming().iterations !== Infinity;
            return finite && (a.pending || a.playState === 'running');
          });
        let calm = true;
        for (let node: Element | null = el; calm && node !== null; node = node.parentElement) calm = !moving(node);
        // The box must stay the same from frame to frame (the check runs once a frame); counted per call.
        const r = el.getBoundingClientRect();
        const box = `${r.x},${r.y},${r.width},${r.height}`;
        const w = window as unknown as { __settle?: Map<string, { box: string; frames: number }> };
        const seen = (w.__settle ??= new Map());
        const last = seen.get(key);
        const count = calm && last?.box === box ? last.frames + 1 : 0;
        if (count < frames) seen.set(key, { box, frames: count });
        else seen.delete(key);
        return count >= frames;
      },
      [handle, `${process.pid}-${++calls}`, MOTION_CLASS, STABLE_FRAMES] as const,
      { polling: 'raf', timeout },
    );
  } finally {
    await handle.dispose();
  }
}
