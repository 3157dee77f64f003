/**
 * Idempotency-Key for every SERA POST ("never buy twice").
 *
 * SERA replays the first response for 24 hours when a POST arrives again with the same
 * Idempotency-Key (a version-4 UUID). The node derives the key from
 *   sha256(n8n instance id, workflow id, execution id, node id, run index, item index, resource:operation)
 * formatted as a v4 UUID (nodes/shared/itemIdentity.ts), so:
 * - the SAME key is sent when the same item of the same node run is sent again: the shared retry
 *   policy's own retries (5xx, timeouts, 429), n8n's node setting "Retry On Fail" (it re-runs the
 *   node inside the same execution with the same run index), and a token refresh after a 401;
 * - a NEW key is used for another n8n installation (its own instance id: the same workflow
 *   imported elsewhere, whose executions are numbered from 1 again, never replays this one's
 *   labels), another workflow, another item, another run of the node in the same execution (loops,
 *   Loop Over Items batches: the run index changes), another operation, and every new execution
 *   (a new trigger event, a manual "Execute step", "Retry" of a failed execution in the UI:
 *   n8n starts a new execution with a new id).
 * When the user fills Options > Idempotency Key (e.g. an expression over an order ID), that
 * value wins: a v4 UUID is sent as is, any other text is hashed with the resource and operation
 * into a v4-format UUID, so the same text always gives the same key for the same operation,
 * across executions as well (within SERA's 24-hour replay window).
 */
import { createHash, randomUUID } from 'crypto';
import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { identitySeed, itemIdentity, type ItemIdentity } from '../../shared/itemIdentity';

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** A v4-format UUID made from the SHA-256 of `seed` (version nibble 4, RFC 4122 variant bits). */
export function uuidV4FromSeed(seed: string): string {
	const h = createHash('sha256').update(seed).digest('hex');
	const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface KeyParts extends ItemIdentity {
	operation: string;
}

/** The automatic key: stable for one item of one node run, different for anything else. */
export function derivedIdempotencyKey(parts: KeyParts): string {
	return uuidV4FromSeed(JSON.stringify(['n8n-stampscom', identitySeed(parts), parts.operation]));
}

/** The user's key: kept when it is a v4 UUID, otherwise hashed (with the operation) into one. */
export function userIdempotencyKey(value: string, operation: string): string {
	const text = value.trim();
	if (UUID_V4.test(text)) return text.toLowerCase();
	return uuidV4FromSeed(JSON.stringify(['n8n-stampscom-user', operation, text]));
}

/** preSend for every POST operation: sets the Idempotency-Key header. */
export async function seraIdempotencyKey(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const operation = `${this.getNodeParameter('resource', '') as string}:${this.getNodeParameter('operation', '') as string}`;
	const custom = String(this.getNodeParameter('options.idempotencyKey', '') ?? '');
	let key: string;
	if (custom.trim()) {
		key = userIdempotencyKey(custom, operation);
	} else {
		const executionId = this.getExecutionId();
		// Without an execution id (should not happen in a workflow run) a random key still makes
		// the policy's own retries safe, because this preSend runs once per request, not per attempt.
		key = executionId ? derivedIdempotencyKey({ ...itemIdentity(this), operation }) : randomUUID();
	}
	requestOptions.headers = { ...(requestOptions.headers ?? {}), 'Idempotency-Key': key };
	return requestOptions;
}
