import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 p-6 text-center">
      {/* Its own title (React puts it in the head, before Next's streamed metadata): a `metadata`
          export isn't used here, so the tab kept the refused page's title, as if it had opened. */}
      <title>No access · Issuing Console</title>
      <p className="text-sm font-semibold text-brand-600">403</p>
      <h1 className="text-2xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="text-slate-600">
        Your account&apos;s role doesn&apos;t allow it. If you think it should, ask an owner of your business or the
        platform team.
      </p>
      <Link
        href="/"
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        Go to your home
      </Link>
    </main>
  );
}
