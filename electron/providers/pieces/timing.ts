/** Resolves after `ms`, or early when `wake` is called; the timer never outlives the wait. */
export function interruptibleSleep(ms: number): { done: Promise<void>; wake(): void } {
  let wake = () => undefined as void;
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  return { done, wake };
}

/** Waits for `promise` at most `ms`; true when it settled in time. Clears its timer either way. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const sleep = interruptibleSleep(ms);
  let settled = false;
  void promise.then(
    () => ((settled = true), sleep.wake()),
    () => ((settled = true), sleep.wake()),
  );
  await sleep.done;
  return settled;
}
