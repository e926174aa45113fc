/**
 * Runs `fn` with console.error silenced: the code under test logs refusals (Stripe's own words, a
 * refused upload) server-side, which a test that expects them needn't print.
 */
export async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const log = console.error;
  console.error = () => {};
  try {
    return await fn();
  } finally {
    console.error = log;
  }
}
