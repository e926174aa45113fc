const STYLES: Record<string, string> = {
  owner: "bg-brand-50 text-brand-700",
  admin: "bg-emerald-50 text-emerald-700",
  member: "bg-slate-100 text-slate-700",
  cardholder: "bg-sky-50 text-sky-700",
};

export function RoleBadge({ role }: { role: string }) {
  return (
    <span
      data-testid="role"
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium capitalize ${STYLES[role] ?? STYLES.member}`}
    >
      {role}
    </span>
  );
}
