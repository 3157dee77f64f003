/**
 * 500 label purchases per node (1000 in all) through the real engine, with faults injected on about half of
 * the purchase attempts by a proxy in front of the mock API, half of them AFTER the API bought
 * the label (the client sees a 500 or a dropped connection). Counted: items lost, labels bought
 * twice. Stamps.com relies on the policy's retries with the same Idempotency-Key; ShipEngine
 * never repeats a purchase itself and relies on n8n's Retry On Fail plus the lookup by
 * external shipment ID. Counts go to test/faults/results.json and the console.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/engine';
import { pool, seraHarness, SERA_LABEL_CREATE, SE_LABEL_CREATE, SE_SHIPMENT, SHIPENGINE_KEY, shipEngineHarness, type Harness } from './cases';
import type { ShipEngineMockServer } from '../mock';
import { startChaosProxy, type ChaosProxy } from './chaosProxy';

// 500 items per node, 1000 in all; attempts 1-3 of a purchase may fault (65 %), so well over
// 1000 purchase attempts fail and are retried in all.
const ITEMS = 500;
const CHUNK = 50;
const FAULT_RATE = 0.65;
const CLEAN_FROM = 4;

/** Enough postage for every label (the mocks start with a small balance). */
async function addFunds(h: Harness): Promise<void> {
	const sera = h as Harness & { accessToken?: string; mock: { apiUrl?: string } };
	const res = sera.accessToken
		? await fetch(`${sera.mock.apiUrl}/v1/balance/add-funds`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${sera.accessToken}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
				body: JSON.stringify({ amount: 100_000 }),
			})
		: await fetch(`${h.mock.url}/v1/carriers/se-100001/add_funds`, {
				method: 'PUT',
				headers: { 'API-Key': String(h.credentials.shipEngineApi.apiKey), 'Content-Type': 'application/json' },
				body: JSON.stringify({ currency: 'usd', amount: 100_000 }),
			});
	expect(res.status).toBe(200);
}

interface NodeCounts {
	itemsIn: number;
	itemsOut: number;
	itemsLost: number;
	purchaseAttempts: number;
	retriedPurchases: number;
	faults: Record<string, number>;
	labelsBought: number;
	distinctLabels: number;
	duplicatePurchases: number;
	repeatedPostsAfterSuccess: number;
	reusedExistingLabels?: number;
}

const counts: Record<string, NodeCounts> = {};

async function purchaseAll(
	h: Harness,
	parameters: INodeParameters,
	credentials: Harness['credentials'],
): Promise<INodeExecutionData[]> {
	// Chunks run side by side (each its own execution), as several executions would in n8n.
	const starts = Array.from({ length: ITEMS / CHUNK }, (_, i) => i * CHUNK);
	const chunks = await pool(
		starts.map((start) => async () => {
			const input = Array.from({ length: CHUNK }, (_, i) => ({ json: { order: `ORD-${start + i}` } }));
			const { items, error } = await runNode({
				node: h.node(),
				parameters,
				credentials,
				input,
				executionId: `faults-exec-${start}`,
				// n8n reads waitBetweenTries 0 as its default of 1000 ms: 1 ms is the shortest wait.
				settings: { retryOnFail: true, maxTries: CLEAN_FROM + 1, waitBetweenTries: 1 },
			});
			expect(error).toBeUndefined();
			expect(items.map((item) => item.pairedItem)).toEqual(input.map((_, item) => ({ item })));
			return items;
		}),
		5,
	);
	return chunks.flat();
}

function tally(items: INodeExecutionData[], proxy: ChaosProxy, bought: number): NodeCounts {
	const ids = new Set(items.map((item) => String(item.json.label_id)));
	const faults = { ...proxy.stats.faults };
	const retried = Object.values(faults).reduce((a, b) => a + b, 0);
	return {
		itemsIn: ITEMS,
		itemsOut: items.length,
		itemsLost: ITEMS - items.filter((item) => !item.error && item.json.label_id).length,
		purchaseAttempts: proxy.stats.attempts,
		retriedPurchases: retried,
		faults,
		labelsBought: bought,
		distinctLabels: ids.size,
		duplicatePurchases: bought - ids.size,
		repeatedPostsAfterSuccess: proxy.stats.repeatsAfterSuccess,
	};
}

describe(`${ITEMS} purchases per node with injected faults`, () => {
	afterAll(() => {
		const total = Object.values(counts);
		const summary = {
			itemsLost: total.reduce((a, c) => a + c.itemsLost, 0),
			duplicatePurchases: total.reduce((a, c) => a + c.duplicatePurchases, 0),
			retriedPurchases: total.reduce((a, c) => a + c.retriedPurchases, 0),
			items: total.reduce((a, c) => a + c.itemsIn, 0),
		};
		if (total.length === 3) {
			writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify({ summary, ...counts }, null, '\t')}\n`);
		}
		// eslint-disable-next-line no-console
		console.log(
			`faults: items ${summary.items}, items lost ${summary.itemsLost}, duplicate purchases ${summary.duplicatePurchases} over ${summary.retriedPurchases} retried purchases`,
		);
	});

	it('Stamps.com Label > Create: every item bought exactly once (retries carry the same Idempotency-Key)', async () => {
		const h = await seraHarness();
		await addFunds(h);
		const origin = new URL(h.mock.url).origin;
		const proxy = await startChaosProxy({
			target: origin,
			isPurchase: (method, p) => method === 'POST' && p === '/sera/v1/labels',
			keyOf: (headers) => String(headers['idempotency-key']),
			faultRate: FAULT_RATE,
			cleanFrom: CLEAN_FROM,
			seed: 'sera',
		});
		try {
			const sera = h.credentials.stampsComOAuth2Api;
			const credentials = { stampsComOAuth2Api: { ...sera, useCustomHosts: true, apiBaseUrl: `${proxy.url}/sera` } };
			const items = await purchaseAll(h, SERA_LABEL_CREATE, credentials);
			const c = tally(items, proxy, h.mock.purchases);
			counts['Stamps.com Label > Create'] = c;
			expect(c.itemsLost).toBe(0);
			expect(c.distinctLabels).toBe(ITEMS);
			expect(c.labelsBought).toBe(ITEMS);
			expect(c.duplicatePurchases).toBe(0);
			// Faults after the purchase were repeated, and SERA replayed them instead of buying.
			expect(c.repeatedPostsAfterSuccess).toBe(c.faults['500-after'] + c.faults['reset-after']);
			expect(c.retriedPurchases).toBeGreaterThan(ITEMS * 0.7);
		} finally {
			await proxy.close();
			await h.close();
		}
	}, 240_000);

	it('ShipEngine Label > Create: never repeats a purchase; Retry On Fail finds the label an unanswered purchase bought', async () => {
		const h = await shipEngineHarness();
		await addFunds(h);
		const proxy = await startChaosProxy({
			target: h.mock.url,
			isPurchase: (method, p) => method === 'POST' && p === '/v1/labels',
			keyOf: (_headers, body) => String(((body as IDataObject)?.shipment as IDataObject)?.external_shipment_id),
			faultRate: FAULT_RATE,
			cleanFrom: CLEAN_FROM,
			seed: 'shipengine',
		});
		try {
			const credentials = { shipEngineApi: { ...h.credentials.shipEngineApi, baseUrl: proxy.url } };
			const items = await purchaseAll(h, SE_LABEL_CREATE, credentials);
			const c = tally(items, proxy, h.mock.purchases);
			c.reusedExistingLabels = items.filter((item) => item.json.reused_existing_label === true).length;
			counts['ShipEngine Label > Create'] = c;
			expect(c.itemsLost).toBe(0);
			expect(c.distinctLabels).toBe(ITEMS);
			expect(c.labelsBought).toBe(ITEMS);
			expect(c.duplicatePurchases).toBe(0);
			// Not one purchase request was sent again for an item whose label was already bought.
			expect(c.repeatedPostsAfterSuccess).toBe(0);
			// Every label bought by an unanswered purchase was found and returned (Retry On Fail re-runs
			// all items of the node, so labels bought in an earlier try are found as well).
			expect(c.reusedExistingLabels).toBeGreaterThanOrEqual(c.faults['500-after'] + c.faults['reset-after']);
			expect(c.retriedPurchases).toBeGreaterThan(ITEMS * 0.7);
		} finally {
			await proxy.close();
			await h.close();
		}
	}, 240_000);

	it('ShipEngine Batch > Process: 500 labels in 10 batches, faults on the process requests; every batch processed once, no label bought twice', async () => {
		const BATCHES = 10;
		const h = await shipEngineHarness();
		await addFunds(h);
		const headers = { 'API-Key': SHIPENGINE_KEY, 'Content-Type': 'application/json' };
		const post = async (path: string, payload: unknown) =>
			(await (await fetch(`${h.mock.url}${path}`, { method: 'POST', headers, body: JSON.stringify(payload) })).json()) as IDataObject;
		const batchIds: string[] = [];
		for (let b = 0; b < BATCHES; b++) {
			const shipments = Array.from({ length: ITEMS / BATCHES }, (_, i) => ({ ...SE_SHIPMENT, external_shipment_id: `ORD-${b}-${i}` }));
			const created = (await post('/v1/shipments', { shipments })).shipments as IDataObject[];
			batchIds.push(String((await post('/v1/batches', { shipment_ids: created.map((s) => s.shipment_id) })).batch_id));
		}
		const bought = h.mock.purchases;
		const proxy = await startChaosProxy({
			target: h.mock.url,
			isPurchase: (method, p) => method === 'POST' && p.endsWith('/process/labels'),
			keyOf: (_headers, _body, p) => p,
			faultRate: FAULT_RATE,
			cleanFrom: CLEAN_FROM,
			seed: 'shipengine-batch',
		});
		try {
			const { items, error } = await runNode({
				node: h.node(),
				parameters: { resource: 'batch', operation: 'process', batchId: '={{ $json.batchId }}', options: { pollSeconds: 0.1 } },
				credentials: { shipEngineApi: { ...h.credentials.shipEngineApi, baseUrl: proxy.url } },
				input: batchIds.map((batchId) => ({ json: { batchId } })),
				executionId: 'faults-exec-batches',
				settings: { retryOnFail: true, maxTries: CLEAN_FROM + 1, waitBetweenTries: 1 },
			});
			expect(error).toBeUndefined();
			const labels = h.mock.purchases - bought;
			const c: NodeCounts = {
				itemsIn: ITEMS,
				itemsOut: items.reduce((n, item) => n + Number(item.json.completed ?? 0), 0),
				itemsLost: ITEMS - items.filter((item) => item.json.status === 'completed').reduce((n, item) => n + Number(item.json.completed ?? 0), 0),
				purchaseAttempts: proxy.stats.attempts,
				retriedPurchases: Object.values(proxy.stats.faults).reduce((a, b) => a + b, 0),
				faults: { ...proxy.stats.faults },
				labelsBought: labels,
				distinctLabels: new Set(batchIds).size * (ITEMS / BATCHES),
				duplicatePurchases: labels - ITEMS,
				repeatedPostsAfterSuccess: proxy.stats.repeatsAfterSuccess,
			};
			counts['ShipEngine Batch > Process (10 batches of 50)'] = c;
			expect(items.map((item) => item.json.batch_id)).toEqual(batchIds);
			expect(c.itemsLost).toBe(0);
			expect(c.labelsBought).toBe(ITEMS);
			expect(c.duplicatePurchases).toBe(0);
			expect(c.repeatedPostsAfterSuccess).toBe(0);
			// Each batch reached the API once: a fault after sending left it queued, and the retry only waited for it.
			expect((h.mock as ShipEngineMockServer).batchStats.processRequests).toBe(BATCHES);
			// Some process requests failed after the API had started the batch (the dangerous case).
			expect(c.faults['500-after'] + c.faults['reset-after']).toBeGreaterThan(0);
		} finally {
			await proxy.close();
			await h.close();
		}
	}, 120_000);
});
