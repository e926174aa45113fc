/** Shared with the browser (no zod here, to keep client bundles small). */
export const PASSWORD_MIN = 10;
