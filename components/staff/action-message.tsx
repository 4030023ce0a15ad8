import type { AdminActionResult } from '@/lib/staff/account-input';

/** An action's outcome: a success is announced politely, a refusal at once. */
export function ActionMessage({ result, className = '' }: { result: AdminActionResult | null; className?: string }) {
  if (!result) return null;
  return result.ok ? (
    <p role="status" className={`text-sm text-emerald-700 ${className}`}>
      {result.message}
    </p>
  ) : (
    <p role="alert" className={`text-sm text-red-700 ${className}`}>
      {result.error}
    </p>
  );
}
