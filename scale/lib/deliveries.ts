/**
 * Signed ShipEngine tracking deliveries with a unique id, and the lost / duplicated count of
 * the executions they produced.
 */
import { signDelivery } from '../../test/mock';
import type { ExecutionRow } from './db';
import type { Delivery, LoadRequest } from './load';

/** The unique id of delivery `index` ("<tag>-d000042"); warm-up "-w", the latency probe "-p". */
export const deliveryId = (tag: string, index: number, kind: 'd' | 'w' | 'p' = 'd') =>
	`${tag}-${kind}${String(index).padStart(6, '0')}`;

/** A tracking-update delivery (resource_type API_TRACK) as ShipEngine sends it, signed like ShipEngine. */
export function signedDelivery(id: string): LoadRequest {
	const body = JSON.stringify({
		resource_url: `https://api.shipengine.com/v1/tracking?carrier_code=ups&tracking_number=${id}`,
		resource_type: 'API_TRACK',
		data: {
			tracking_number: id,
			status_code: 'IT',
			status_description: 'In Transit',
			carrier_status_code: 'I',
			carrier_status_description: 'Departed FedEx location',
			ship_date: '2026-01-15T00:00:00.000Z',
			estimated_delivery_date: '2026-01-19T00:00:00.000Z',
			actual_delivery_date: null,
			exception_description: null,
			events: [],
		},
	});
	return { body, headers: { ...signDelivery(body) } };
}

export interface DeliveryCount {
	sent: number;
	accepted: number;
	rejected: Record<string, number>;
	executions: number;
	executionStatuses: Record<string, number>;
	lost: string[];
	duplicated: Array<{ id: string; executions: number }>;
	/** Executions whose data holds no delivery id, or more than one. */
	unattributed: number[];
	/** Deliveries n8n refused (non-2xx) that nevertheless ran. */
	rejectedButExecuted: string[];
	/** Accepted delivery id → its single execution (for latency), when it has exactly one. */
	executionOf: Map<string, ExecutionRow>;
}

export function countDeliveries(ids: string[], deliveries: Delivery[], rows: ExecutionRow[]): DeliveryCount {
	const byId = new Map<string, ExecutionRow[]>();
	const unattributed: number[] = [];
	const executionStatuses: Record<string, number> = {};
	for (const row of rows) {
		executionStatuses[row.status] = (executionStatuses[row.status] ?? 0) + 1;
		if (row.ids.length !== 1) unattributed.push(row.id);
		for (const id of row.ids) byId.set(id, [...(byId.get(id) ?? []), row]);
	}
	const rejected: Record<string, number> = {};
	const lost: string[] = [];
	const rejectedButExecuted: string[] = [];
	const executionOf = new Map<string, ExecutionRow>();
	let accepted = 0;
	for (const delivery of deliveries) {
		const id = ids[delivery.index];
		const runs = byId.get(id) ?? [];
		if (delivery.status >= 200 && delivery.status < 300) {
			accepted++;
			if (runs.length === 0) lost.push(id);
			if (runs.length === 1) executionOf.set(id, runs[0]);
		} else {
			const key = delivery.status ? `HTTP ${delivery.status}` : (delivery.error ?? 'network error');
			rejected[key] = (rejected[key] ?? 0) + 1;
			if (runs.length > 0) rejectedButExecuted.push(id);
		}
	}
	const sentIds = new Set(deliveries.map((delivery) => ids[delivery.index]));
	const duplicated = [...byId.entries()]
		.filter(([id, runs]) => sentIds.has(id) && runs.length > 1)
		.map(([id, runs]) => ({ id, executions: runs.length }));
	return {
		sent: deliveries.length,
		accepted,
		rejected,
		executions: rows.length,
		executionStatuses,
		lost,
		duplicated,
		unattributed,
		rejectedButExecuted,
		executionOf,
	};
}
