/**
 * Shipments and batches of the ShipEngine mock: POST/GET/PUT /v1/shipments (tags, cancel, rates)
 * and /v1/batches (create, add, remove, errors, process/labels, delete) with the combined label
 * file of a processed batch at /downloads/batches/{id}.pdf.
 *
 * Processing is asynchronous as in ShipEngine: POST process/labels answers 204 at once and sets
 * the batch `queued`; then `processing` while the labels are bought, `batchLabelMs` each,
 * `batchParallel` at a time (ShipEngine buys a batch's labels in parallel on its side), then
 * `completed` (or `completed_with_errors`). What ShipEngine does with a second process request is
 * not documented, so the mock assumes the worst: processing a batch that is no longer open buys
 * every label of it again. A client that sends it twice is caught by the purchase count.
 */
import { labelFile, tinyPdf, type LabelFormat } from './labelFiles';
import { computeRates, totalPounds, type Json } from './shipEngineData';
import { json, noContent, route, requestId, type RecordedRequest, type Reply, type Route } from './server';

export interface BatchMockOptions {
	/** Time ShipEngine takes per label of a batch (default 0). */
	batchLabelMs?: number;
	/** Labels of a batch bought at the same time (default 10). */
	batchParallel?: number;
}

interface LabelLike {
	json: Json;
	file: Buffer;
	format: LabelFormat;
}

export interface BatchMockDeps {
	shipments: () => Map<string, Json>;
	rates: () => Map<string, Json>;
	nextId: () => string;
	now: () => string;
	baseUrl: () => string;
	error: (status: number, code: string, message: string, field?: string) => Reply;
	notFound: (what: string, id: string) => Reply;
	checkShipment: (shipment: Json, needService: boolean) => Reply | undefined;
	createLabel: (shipment: Json, rate: Json, body: Json, charge: boolean) => LabelLike | Reply;
	pagedReply: (req: RecordedRequest, root: string, items: Json[]) => Reply;
}

interface BatchRecord {
	json: Json;
	shipmentIds: string[];
	rateIds: string[];
	labels: LabelLike[];
	errors: Json[];
	processRequests: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const asObject = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const ids = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export function batchMock(deps: BatchMockDeps, options: BatchMockOptions) {
	let batches = new Map<string, BatchRecord>();
	const stats = { processRequests: 0, batchLabels: 0 };

	const shipmentJson = (shipment: Json): Json => ({ errors: [], ...shipment });

	const storeShipment = (input: Json): Json => {
		const at = deps.now();
		const shipment: Json = {
			shipment_id: deps.nextId(),
			carrier_id: null,
			service_code: null,
			external_shipment_id: null,
			ship_date: `${at.slice(0, 10)}T00:00:00Z`,
			created_at: at,
			modified_at: at,
			shipment_status: 'pending',
			warehouse_id: null,
			return_to: input.ship_from ?? null,
			confirmation: 'none',
			customs: null,
			advanced_options: {},
			insurance_provider: 'none',
			tags: [],
			...input,
			total_weight: { value: totalPounds(input.packages), unit: 'pound' },
		};
		deps.shipments().set(String(shipment.shipment_id), shipment);
		return shipment;
	};

	const createShipments = (req: RecordedRequest): Reply => {
		const list = asObject(req.body).shipments;
		if (!Array.isArray(list) || !list.length) return deps.error(400, 'field_value_required', 'shipments must contain at least one shipment.', 'shipments');
		for (const [index, item] of list.entries()) {
			const invalid = deps.checkShipment(asObject(item), false);
			if (invalid) return { ...invalid, body: { ...asObject(invalid.body), errors: (asObject(invalid.body).errors as Json[]).map((e) => ({ ...e, field_name: `shipments[${index}].${String(e.field_name ?? '')}` })) } };
		}
		return json(200, { has_errors: false, shipments: list.map((item) => shipmentJson(storeShipment(asObject(item)))) });
	};

	const withShipment = (handle: (shipment: Json, req: RecordedRequest) => Reply) => (req: RecordedRequest, [id]: string[]) => {
		const shipment = deps.shipments().get(id);
		return shipment ? handle(shipment, req) : deps.notFound('shipment_id', id);
	};

	const listShipments = (req: RecordedRequest): Reply => {
		const q = req.query;
		const list = [...deps.shipments().values()].filter(
			(s) =>
				(!q.shipment_status || s.shipment_status === q.shipment_status) &&
				(!q.batch_id || s.batch_id === q.batch_id) &&
				(!q.tag || (s.tags as Json[]).some((t) => t.name === q.tag)),
		);
		return deps.pagedReply(req, 'shipments', list);
	};

	// ---- batches --------------------------------------------------------------------------

	const batchJson = (record: BatchRecord): Json => record.json;

	const findBatch = (id: string) => batches.get(id);

	const withBatch = (handle: (batch: BatchRecord, req: RecordedRequest) => Reply | Promise<Reply>) => (req: RecordedRequest, [id]: string[]) => {
		const batch = findBatch(id);
		return batch ? handle(batch, req) : deps.notFound('batch_id', id);
	};

	const unknownIds = (body: Json): Reply | undefined => {
		const missingShipment = ids(body.shipment_ids).find((id) => !deps.shipments().has(id));
		if (missingShipment) return deps.error(400, 'invalid_identifier', `shipment_id ${missingShipment} was not found.`, 'shipment_ids');
		const missingRate = ids(body.rate_ids).find((id) => !deps.rates().has(id));
		return missingRate ? deps.error(400, 'invalid_identifier', `rate_id ${missingRate} was not found.`, 'rate_ids') : undefined;
	};

	const createBatch = (req: RecordedRequest): Reply => {
		const body = asObject(req.body);
		if (!ids(body.shipment_ids).length && !ids(body.rate_ids).length) {
			return deps.error(400, 'field_value_required', 'shipment_ids or rate_ids is required.', 'shipment_ids');
		}
		const invalid = unknownIds(body);
		if (invalid) return invalid;
		const batchId = deps.nextId();
		const record: BatchRecord = {
			shipmentIds: ids(body.shipment_ids),
			rateIds: ids(body.rate_ids),
			labels: [],
			errors: [],
			processRequests: 0,
			json: {
				label_layout: '4x6',
				label_format: 'pdf',
				batch_id: batchId,
				batch_number: `B${batchId.replace(/\D/g, '')}`,
				external_batch_id: body.external_batch_id ?? null,
				batch_notes: body.batch_notes ?? '',
				created_at: deps.now(),
				processed_at: null,
				errors: 0,
				process_errors: [],
				warnings: 0,
				completed: 0,
				forms: 0,
				count: 0,
				batch_shipments_url: { href: `${deps.baseUrl()}/v1/shipments?batch_id=${batchId}` },
				batch_labels_url: { href: `${deps.baseUrl()}/v1/labels?batch_id=${batchId}` },
				batch_errors_url: { href: `${deps.baseUrl()}/v1/batches/${batchId}/errors` },
				label_download: {},
				form_download: {},
				paperless_download: {},
				status: 'open',
			},
		};
		for (const id of record.shipmentIds) deps.shipments().get(id)!.batch_id = batchId;
		record.json.count = record.shipmentIds.length + record.rateIds.length;
		batches.set(batchId, record);
		return json(200, batchJson(record));
	};

	const modify = (change: 'add' | 'remove') =>
		withBatch((batch, req) => {
			if (batch.json.status !== 'open') return deps.error(400, 'batch_cannot_be_modified', `Batch ${String(batch.json.batch_id)} is ${String(batch.json.status)} and cannot be modified.`);
			const body = asObject(req.body);
			const invalid = unknownIds(body);
			if (invalid) return invalid;
			const apply = (list: string[], given: string[]) => (change === 'add' ? [...new Set([...list, ...given])] : list.filter((id) => !given.includes(id)));
			batch.shipmentIds = apply(batch.shipmentIds, ids(body.shipment_ids));
			batch.rateIds = apply(batch.rateIds, ids(body.rate_ids));
			batch.json.count = batch.shipmentIds.length + batch.rateIds.length;
			return noContent();
		});

	/** Buys the labels of a batch, `batchParallel` at a time, `batchLabelMs` each. */
	const run = async (batch: BatchRecord, body: Json): Promise<void> => {
		await sleep(5);
		batch.json.status = 'processing';
		const work: Array<() => Promise<void>> = [
			...batch.shipmentIds.map((id) => async () => {
				const shipment = deps.shipments().get(id)!;
				const invalid = deps.checkShipment(shipment, true);
				if (invalid) {
					batch.errors.push({ error: String((asObject(invalid.body).errors as Json[])[0].message), shipment_id: id, external_shipment_id: shipment.external_shipment_id ?? '' });
					return;
				}
				const { rates } = computeRates([String(shipment.carrier_id)], [String(shipment.service_code)], id, totalPounds(shipment.packages), () => '');
				const label = deps.createLabel(shipment, rates[0], body, true);
				if ('file' in label) {
					label.json.batch_id = batch.json.batch_id;
					shipment.shipment_status = 'label_purchased';
					batch.labels.push(label);
				} else {
					batch.errors.push({ error: String((asObject(label.body).errors as Json[])[0].message), shipment_id: id });
				}
			}),
			...batch.rateIds.map((id) => async () => {
				const rate = deps.rates().get(id)!;
				const label = deps.createLabel(deps.shipments().get(String(rate.shipment_id)) ?? {}, rate, body, true);
				if ('file' in label) batch.labels.push({ ...label, json: Object.assign(label.json, { batch_id: batch.json.batch_id, rate_id: id }) });
				else batch.errors.push({ error: String((asObject(label.body).errors as Json[])[0].message) });
			}),
		];
		const parallel = Math.max(1, options.batchParallel ?? 10);
		let next = 0;
		await Promise.all(
			Array.from({ length: Math.min(parallel, work.length) }, async () => {
				while (next < work.length) {
					const task = work[next++];
					if (options.batchLabelMs) await sleep(options.batchLabelMs);
					await task();
					stats.batchLabels++;
				}
			}),
		);
		const format = String(body.label_format ?? 'pdf');
		const href = `${deps.baseUrl()}/downloads/batches/${String(batch.json.batch_id)}.${format}`;
		Object.assign(batch.json, {
			status: batch.errors.length ? 'completed_with_errors' : 'completed',
			processed_at: deps.now(),
			completed: batch.labels.length,
			errors: batch.errors.length,
			label_format: format,
			label_layout: body.label_layout ?? '4x6',
			label_download: { href, [format]: href },
		});
	};

	const processBatch = withBatch((batch, req) => {
		stats.processRequests++;
		batch.processRequests++;
		// Worst case for a repeat (undocumented): the labels are bought again.
		batch.json.status = batch.json.status === 'open' ? 'queued' : batch.json.status;
		void run(batch, asObject(req.body));
		return noContent();
	});

	const combinedFile = (batch: BatchRecord, format: string): Buffer => {
		if (format !== 'pdf') return Buffer.concat(batch.labels.map((label) => labelFile(format as LabelFormat, [String(label.json.tracking_number)], String(label.json.tracking_number))));
		// One page per label in a real label run; here the label files one after the other plus a cover page.
		return Buffer.concat([tinyPdf([`Batch ${String(batch.json.batch_id)}`, `${batch.labels.length} labels`]), ...batch.labels.map((label) => label.file)]);
	};

	const routes = (): Route[] => [
		route('POST', /^\/v1\/shipments$/, createShipments),
		route('GET', /^\/v1\/shipments$/, listShipments),
		route('PUT', /^\/v1\/shipments\/recognize$/, (req) => json(200, { score: 0.8, shipment: {}, entities: [], text: asObject(req.body).text })),
		route('PUT', /^\/v1\/shipments\/tags$/, (req) => {
			for (const entry of (asObject(req.body).shipments_tags as Json[] | undefined) ?? []) {
				const shipment = deps.shipments().get(String(entry.shipment_id));
				if (shipment) shipment.tags = ids(entry.tags).map((name) => ({ name }));
			}
			return noContent();
		}),
		route('GET', /^\/v1\/shipments\/external_shipment_id\/([^/]+)$/, (_req, [id]) => {
			const shipment = [...deps.shipments().values()].find((s) => s.external_shipment_id === id);
			return shipment ? json(200, shipment) : deps.notFound('external_shipment_id', id);
		}),
		route('GET', /^\/v1\/shipments\/([^/]+)$/, withShipment((shipment) => json(200, shipment))),
		route('PUT', /^\/v1\/shipments\/([^/]+)$/, withShipment((shipment, req) => {
			Object.assign(shipment, asObject(req.body), { modified_at: deps.now() });
			return json(200, shipmentJson(shipment));
		})),
		route('PUT', /^\/v1\/shipments\/([^/]+)\/cancel$/, withShipment((shipment) => {
			shipment.shipment_status = 'cancelled';
			return noContent();
		})),
		route('GET', /^\/v1\/shipments\/([^/]+)\/rates$/, withShipment((shipment) => {
			const { rates } = computeRates([String(shipment.carrier_id ?? 'se-100001')], undefined, String(shipment.shipment_id), totalPounds(shipment.packages), deps.nextId);
			for (const rate of rates) deps.rates().set(String(rate.rate_id), rate);
			return json(200, { rates, invalid_rates: [], rate_request_id: deps.nextId(), shipment_id: shipment.shipment_id, created_at: deps.now(), status: 'completed', errors: [] });
		})),
		route('GET', /^\/v1\/shipments\/([^/]+)\/tags$/, withShipment((shipment) => json(200, { tags: (shipment.tags as Json[]).map((t) => t.name) }))),
		route('POST', /^\/v1\/shipments\/([^/]+)\/tags\/([^/]+)$/, (req, [id, tag]) =>
			withShipment((shipment) => {
				const name = tag;
				if (!(shipment.tags as Json[]).some((t) => t.name === name)) (shipment.tags as Json[]).push({ name });
				return json(200, { tags: (shipment.tags as Json[]).map((t) => t.name) });
			})(req, [id]),
		),
		route('DELETE', /^\/v1\/shipments\/([^/]+)\/tags\/([^/]+)$/, (req, [id, tag]) =>
			withShipment((shipment) => {
				shipment.tags = (shipment.tags as Json[]).filter((t) => t.name !== tag);
				return noContent();
			})(req, [id]),
		),

		route('POST', /^\/v1\/batches$/, createBatch),
		route('GET', /^\/v1\/batches$/, (req) => deps.pagedReply(req, 'batches', [...batches.values()].map(batchJson).filter((b) => !req.query.status || b.status === req.query.status))),
		route('GET', /^\/v1\/batches\/external_batch_id\/([^/]+)$/, (_req, [id]) => {
			const batch = [...batches.values()].find((b) => b.json.external_batch_id === id);
			return batch ? json(200, batchJson(batch)) : deps.notFound('external_batch_id', id);
		}),
		route('GET', /^\/v1\/batches\/([^/]+)$/, withBatch((batch) => json(200, batchJson(batch)))),
		route('DELETE', /^\/v1\/batches\/([^/]+)$/, withBatch((batch) => {
			batches.delete(String(batch.json.batch_id));
			return noContent();
		})),
		route('POST', /^\/v1\/batches\/([^/]+)\/add$/, modify('add')),
		route('POST', /^\/v1\/batches\/([^/]+)\/remove$/, modify('remove')),
		route('GET', /^\/v1\/batches\/([^/]+)\/errors$/, withBatch((batch, req) => {
			const page = Number(req.query.page ?? 1);
			const size = Number(req.query.pagesize ?? 25);
			return json(200, { errors: batch.errors.slice((page - 1) * size, page * size), links: {}, request_id: requestId() });
		})),
		route('POST', /^\/v1\/batches\/([^/]+)\/process\/labels$/, processBatch),
		route('GET', /^\/downloads\/batches\/([^/]+)\.(pdf|png|zpl)$/, (_req, [id, format]) => {
			const batch = findBatch(id);
			if (!batch || !batch.labels.length) return deps.notFound('batch_id', id);
			return { status: 200, raw: combinedFile(batch, format), headers: { 'Content-Type': format === 'pdf' ? 'application/pdf' : format === 'png' ? 'image/png' : 'application/zpl' } };
		}),
	];

	return {
		routes,
		stats,
		reset: () => {
			batches = new Map();
			stats.processRequests = 0;
			stats.batchLabels = 0;
		},
	};
}
