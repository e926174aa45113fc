/** A form's confirmation of what it just did, shown in place until the next submit (the counterpart of FormAlert). */
export function FormSuccess({ children, testId }: { children: React.ReactNode; testId?: string }) {
  return (
    <p role="status" data-testid={testId} className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
      {children}
    </p>
  );
}
