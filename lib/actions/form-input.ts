/**
 * A server action's form argument. The browser always sends a FormData; a hand-crafted request
 * can send anything (a number, an object, nothing), which reads as an empty form here so the
 * action answers with its usual validation errors instead of throwing (a 500).
 */
export function asFormData(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}
