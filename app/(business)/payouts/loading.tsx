import { PageSkeleton } from "@/components/payouts/page-skeleton";

export default function Loading() {
  return <PageSkeleton title="Payouts" />;
}
