/**
 * The purchase keys this n8n process has sent a purchase for (ShipEngine has no idempotency key).
 * A key in the record means an earlier attempt in this process could have bought, so the next
 * purchase with it first looks the label up: n8n's Retry On Fail re-running the node (same
 * execution, run and item: same default key), a second item or execution with the same rate or
 * shipment ID. A key not in the record, made from this execution's identity, cannot have bought
 * anything yet, so its purchase goes out without a lookup (one request per label).
 *
 * The record is bounded (oldest keys go first) and lives as long as the process; a default key
 * never outlives its execution, and Retry On Fail runs in the process that made the first try.
 */
const MAX_KEYS = 100_000;

const attempted = new Map<string, number>();

/** Whether a purchase with this key was sent (or about to be) before in this process. */
export function wasAttempted(key: string): boolean {
	return attempted.has(key);
}

/** Notes a purchase with this key, before it is sent. */
export function noteAttempt(key: string): void {
	attempted.delete(key);
	attempted.set(key, Date.now());
	if (attempted.size > MAX_KEYS) attempted.delete(attempted.keys().next().value as string);
}

/** Forgets every key (tests; a benchmark's cold start). */
export function resetPurchaseRecord(): void {
	attempted.clear();
}
