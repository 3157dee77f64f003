/**
 * A stateful local ShipEngine: carriers, address validation and recognition, rates, labels
 * (bought, listed, voided, tracked, downloaded), tracking, manifests, pickups, carrier funding,
 * webhooks and the webhook JWKS, shaped like test/contract/specs/shipengine-openapi.yaml.
 * Requests need an `API-Key` header (401 otherwise); an optional per-key rate limit answers 429
 * with `Retry-After` (seconds). Errors use ShipEngine's `{request_id, errors[]}` envelope.
 */
import { labelFile, LABEL_CONTENT_TYPES, asLabelFormat, realisticPdf, tinyPdf, type LabelFormat } from './labelFiles';
import {
	carrierJson,
	CARRIERS,
	computeRates,
	estimateRates,
	findCarrier,
	optionsJson,
	packagesJson,
	warehousesJson,
	recognizeAddress,
	servicesJson,
	STARTING_BALANCE,
	totalPounds,
	trackingInfo,
	trackingNumberFor,
	trackingUrl,
	validateAddress,
	type Json,
} from './shipEngineData';
import {
	json,
	noContent,
	paginate,
	requestId,
	route,
	startMockServer,
	type MockServer,
	type RecordedRequest,
	type Reply,
	type Route,
} from './server';
import { accountMock, SEEDED_RECORDS } from './shipEngineAccount';
import { batchMock, type BatchMockOptions } from './shipEngineBatches';
import { jwks } from './webhookSigning';

export { signDelivery, jwks, WEBHOOK_KEY_ID } from './webhookSigning';

export interface ShipEngineMockOptions extends BatchMockOptions {
	port?: number;
	/** Time a label purchase takes (POST /v1/labels, /labels/rates/{id}, /labels/shipment/{id}); default 0. */
	purchaseMs?: number;
	rateLimit?: { limit: number; windowMs: number };
	/** Largest page_size honoured on paged lists; bigger requests are capped (default 500). */
	pageSizeMax?: number;
	/**
	 * Largest page_size accepted on paged lists: a bigger one is refused with 400
	 * invalid_field_value (field page_size, the maximum named in the message) instead of capped.
	 * Off by default (requests are capped at pageSizeMax).
	 */
	pageSizeRejectAbove?: number;
	/** pre-seeded labels for list tests */
	labels?: number;
	/**
	 * Size in bytes of every PDF label file (inline base64, download links, batch files), like a
	 * real 4x6 carrier label (30–100 KB; the benchmarks use 60 000). Default: a tiny PDF (< 1 KB).
	 */
	labelBytes?: number;
	/**
	 * Start with one webhook, custom package type, label image and tag (SEEDED_RECORDS), so every
	 * dropdown of the account's own records has an entry (the browser test). Off: those lists start empty.
	 */
	records?: boolean;
}

export interface ShipEngineMockServer extends MockServer {
	/** Labels bought since start/reset (POST /v1/labels, /labels/rates/{id}, /labels/shipment/{id}). */
	readonly purchases: number;
	/** Current balance of the funded carrier (se-100001, Stamps.com). */
	readonly balance: number;
	/** POST /v1/batches/{id}/process/labels requests received, and labels bought by batches. */
	readonly batchStats: { processRequests: number; batchLabels: number };
}

interface LabelRecord {
	json: Json;
	/** The shipment's origin, for tracking events (labels do not echo ship_from). */
	shipFrom: Json;
	/** The shipment's customs, for the commercial invoice of an international label. */
	customs?: unknown;
	format: LabelFormat;
	file: Buffer;
}

interface State {
	seq: number;
	purchases: number;
	balance: number;
	shipments: Map<string, Json>;
	rates: Map<string, Json>;
	labels: LabelRecord[];
	manifests: Json[];
	pickups: Json[];
	webhooks: Json[];
	tracked: Set<string>;
	windows: Map<string, { start: number; count: number }>;
}

const ERROR_TYPES: Record<string, string> = {
	unauthorized: 'security',
	rate_limit_exceeded: 'security',
	insufficient_funds: 'business_rules',
	auto_fund_not_supported: 'business_rules',
	webhook_event_type_conflict: 'business_rules',
	identifier_conflict: 'business_rules',
	unspecified: 'system',
};

export function shipEngineError(
	status: number,
	code: string,
	message: string,
	fieldName?: string,
	headers?: Record<string, string>,
): Reply {
	const error: Json = {
		error_source: 'shipengine',
		error_type: ERROR_TYPES[code] ?? 'validation',
		error_code: code,
		message,
	};
	if (fieldName) error.field_name = fieldName;
	return json(status, { request_id: requestId(), errors: [error] }, headers);
}

const notFound = (what: string, id: string) =>
	shipEngineError(404, 'invalid_identifier', `${what} ${id} was not found.`, undefined);

const WEBHOOK_EVENTS = [
	'batch',
	'carrier_connected',
	'order_source_refresh_complete',
	'rate',
	'report_complete',
	'sales_orders_imported',
	'track',
];

const PUBLIC_PATHS = /^\/(jwks|downloads\/)/;

export async function startShipEngineMock(options: ShipEngineMockOptions = {}): Promise<ShipEngineMockServer> {
	const pageSizeMax = options.pageSizeMax ?? 500;
	let state: State;
	let baseUrl = '';
	const asObject = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
	const nextId = () => `se-${++state.seq + 1000000}`;
	const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

	const freshState = (): State => ({
		seq: 0,
		purchases: 0,
		balance: STARTING_BALANCE,
		shipments: new Map(),
		rates: new Map(),
		labels: [],
		manifests: [],
		pickups: [],
		webhooks: options.records ? [{ ...SEEDED_RECORDS.webhook }] : [],
		tracked: new Set(),
		windows: new Map(),
	});

	// ---- labels --------------------------------------------------------------------------

	const downloadUrl = (kind: string, id: string, format: string) => `${baseUrl}/downloads/${kind}/${id}.${format}`;

	const labelView = (label: LabelRecord, downloadType: unknown): Json => {
		const id = String(label.json.label_id);
		const label_download =
			downloadType === 'inline'
				? { href: label.file.toString('base64') }
				: {
						pdf: downloadUrl('labels', id, 'pdf'),
						png: downloadUrl('labels', id, 'png'),
						zpl: downloadUrl('labels', id, 'zpl'),
						href: downloadUrl('labels', id, label.format),
					};
		return { ...label.json, label_download };
	};

	const findLabel = (id: string) => state.labels.find((label) => label.json.label_id === id);

	/** Creates a label record; `charge` false for pre-seeded labels. */
	const createLabel = (shipment: Json, rate: Json, body: Json, charge: boolean): LabelRecord | Reply => {
		const carrier = findCarrier(String(rate.carrier_id))!;
		const cost = Number((rate.shipping_amount as Json).amount);
		if (charge && carrier.requires_funded_amount) {
			if (state.balance < cost) {
				return shipEngineError(400, 'insufficient_funds', `Insufficient funds: the ${carrier.friendly_name} balance is ${state.balance.toFixed(2)} USD, the label costs ${cost.toFixed(2)} USD.`);
			}
			state.balance = Math.round((state.balance - cost) * 100) / 100;
		}
		const format = asLabelFormat(body.label_format);
		const seq = ++state.seq;
		const labelId = `se-${seq + 1000000}`;
		const trackingNumber = trackingNumberFor(carrier.carrier_code, seq);
		const shipTo = asObject(shipment.ship_to);
		const shipFrom = asObject(shipment.ship_from);
		const service = carrier.services.find((candidate) => candidate.service_code === rate.service_code);
		const lines = [`${carrier.friendly_name} - ${service?.name ?? rate.service_code}`, `TO: ${String(shipTo.name ?? '')}`, `${String(shipTo.city_locality ?? '')} ${String(shipTo.state_province ?? '')}`];
		const labelBytes = options.labelBytes;
		// A realistic-size PDF is built when served, so 1000 labels do not sit in the mock's memory.
		const file = labelBytes && format === 'pdf' ? undefined : labelFile(format, lines, trackingNumber);
		const created = now();
		const record: LabelRecord = {
			shipFrom,
			customs: shipment.customs,
			format,
			get file() {
				return file ?? realisticPdf([...lines, trackingNumber], labelBytes ?? 0);
			},
			json: {
				label_id: labelId,
				status: 'completed',
				shipment_id: shipment.shipment_id ?? `se-${seq + 2000000}`,
				external_shipment_id: shipment.external_shipment_id ?? null,
				external_order_id: null,
				ship_date: `${created.slice(0, 10)}T00:00:00Z`,
				created_at: created,
				shipment_cost: { currency: 'usd', amount: cost },
				insurance_cost: { currency: 'usd', amount: 0 },
				requested_comparison_amount: { currency: 'usd', amount: 0 },
				rate_details: [{ rate_detail_type: 'shipping', carrier_description: 'Shipping', carrier_billing_code: 'BaseRate', carrier_memo: null, amount: { currency: 'usd', amount: cost }, billing_source: 'Carrier' }],
				tracking_number: trackingNumber,
				is_return_label: Boolean(body.is_return_label),
				rma_number: null,
				is_international: Boolean(shipTo.country_code && shipFrom.country_code && shipTo.country_code !== shipFrom.country_code),
				batch_id: '',
				carrier_id: carrier.carrier_id,
				charge_event: body.charge_event ?? 'carrier_default',
				service_code: rate.service_code,
				package_code: 'package',
				voided: false,
				voided_at: null,
				label_format: format,
				display_scheme: body.display_scheme ?? 'label',
				label_layout: body.label_layout ?? '4x6',
				trackable: true,
				label_image_id: null,
				carrier_code: carrier.carrier_code,
				tracking_status: 'in_transit',
				// An international label with customs gets a commercial invoice (served below as a PDF).
				form_download: shipment.customs && shipTo.country_code !== shipFrom.country_code ? { href: downloadUrl('forms', labelId, 'pdf'), type: 'application/pdf' } : null,
				qr_code_download: null,
				paperless_download: null,
				insurance_claim: null,
				packages: (Array.isArray(shipment.packages) ? (shipment.packages as Json[]) : []).map((pkg, index) => ({
					package_id: 100 + index,
					package_code: pkg.package_code ?? 'package',
					weight: pkg.weight,
					dimensions: pkg.dimensions ?? { unit: 'inch', length: 0, width: 0, height: 0 },
					tracking_number: trackingNumber,
					sequence: index + 1,
				})),
				alternative_identifiers: [],
				tracking_url: trackingUrl(carrier.carrier_code, trackingNumber),
				ship_to: shipTo,
			},
		};
		state.labels.push(record);
		if (charge) state.purchases += 1;
		return record;
	};

	const labelReply = (result: LabelRecord | Reply, body: Json): Reply =>
		'file' in result ? json(200, labelView(result, body.label_download_type)) : result;

	/** Checks what POST /v1/labels needs; returns the first error as ShipEngine would. */
	const checkShipment = (shipment: Json, needService: boolean): Reply | undefined => {
		const required = needService ? ['carrier_id', 'service_code', 'ship_to', 'packages'] : ['ship_to', 'packages'];
		for (const field of required) {
			if (shipment[field] === undefined || shipment[field] === '') {
				return shipEngineError(400, 'field_value_required', `shipment.${field} is required.`, `shipment.${field}`);
			}
		}
		if (!shipment.ship_from && !shipment.warehouse_id) {
			return shipEngineError(400, 'field_value_required', 'Either shipment.ship_from or shipment.warehouse_id is required.', 'shipment.ship_from');
		}
		const packages = shipment.packages as Json[];
		if (!Array.isArray(packages) || packages.length === 0 || packages.some((pkg) => !asObject(pkg).weight)) {
			return shipEngineError(400, 'field_value_required', 'Every package needs a weight.', 'shipment.packages[0].weight');
		}
		if (needService && !findCarrier(String(shipment.carrier_id))) {
			return shipEngineError(400, 'invalid_identifier', `carrier_id ${String(shipment.carrier_id)} was not found.`, 'shipment.carrier_id');
		}
		return undefined;
	};

	const buyLabel = (req: RecordedRequest): Reply => {
		const body = asObject(req.body);
		if (!req.body) return shipEngineError(400, 'request_body_required', 'A request body is required.');
		const shipment = asObject(body.shipment);
		const invalid = checkShipment(shipment, true);
		if (invalid) return invalid;
		const external = shipment.external_shipment_id;
		if (external && state.labels.some((label) => label.json.external_shipment_id === external)) {
			return shipEngineError(400, 'identifier_conflict', `A shipment with external_shipment_id '${String(external)}' already exists.`, 'shipment.external_shipment_id');
		}
		const carrier = findCarrier(String(shipment.carrier_id))!;
		const { rates } = computeRates([carrier.carrier_id], [String(shipment.service_code)], '', totalPounds(shipment.packages), () => '');
		if (!rates.length) {
			return shipEngineError(400, 'invalid_field_value', `service_code ${String(shipment.service_code)} is not offered by ${carrier.friendly_name}.`, 'shipment.service_code');
		}
		return labelReply(createLabel(shipment, rates[0], body, true), body);
	};

	const buyRate = (req: RecordedRequest, [rateId]: string[]): Reply => {
		const body = asObject(req.body);
		const rate = state.rates.get(rateId);
		if (!rate) return notFound('rate_id', rateId);
		if (state.labels.some((label) => label.json.rate_id === rateId)) {
			return shipEngineError(400, 'invalid_status', `A label was already purchased for rate ${rateId}.`, 'rate_id');
		}
		const result = createLabel(state.shipments.get(String(rate.shipment_id)) ?? {}, rate, body, true);
		if ('file' in result) result.json.rate_id = rateId;
		return labelReply(result, body);
	};

	const buyShipment = (req: RecordedRequest, [shipmentId]: string[]): Reply => {
		const body = asObject(req.body);
		const shipment = state.shipments.get(shipmentId);
		if (!shipment) return notFound('shipment_id', shipmentId);
		const invalid = checkShipment(shipment, true);
		if (invalid) return invalid;
		const { rates } = computeRates([String(shipment.carrier_id)], [String(shipment.service_code)], shipmentId, totalPounds(shipment.packages), () => '');
		return labelReply(createLabel(shipment, rates[0], body, true), body);
	};

	const listLabels = (req: RecordedRequest): Reply => {
		const q = req.query;
		const filters: Array<[string, string]> = [
			['label_status', 'status'],
			['carrier_id', 'carrier_id'],
			['service_code', 'service_code'],
			['tracking_number', 'tracking_number'],
			['shipment_id', 'shipment_id'],
			['batch_id', 'batch_id'],
			['rate_id', 'rate_id'],
		];
		let labels = state.labels.map((label) => label.json);
		for (const [param, field] of filters) {
			if (q[param]) labels = labels.filter((label) => label[field] === q[param]);
		}
		labels.sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)) || String(a.label_id).localeCompare(String(b.label_id)));
		if ((q.sort_dir ?? 'desc') === 'desc') labels.reverse();
		return pagedReply(req, 'labels', labels.map((label) => labelView(findLabel(String(label.label_id))!, q.label_download_type)));
	};

	// ---- paging --------------------------------------------------------------------------

	const pagedReply = (req: RecordedRequest, root: string, items: Json[]): Reply => {
		const page = Number(req.query.page ?? 1);
		const pageSize = Number(req.query.page_size ?? 25);
		if (!Number.isInteger(page) || page < 1) return shipEngineError(400, 'invalid_field_value', 'page must be an integer of 1 or more.', 'page');
		if (!Number.isInteger(pageSize) || pageSize < 1) return shipEngineError(400, 'invalid_field_value', 'page_size must be an integer of 1 or more.', 'page_size');
		const rejectAbove = options.pageSizeRejectAbove;
		if (rejectAbove !== undefined && pageSize > rejectAbove) {
			return shipEngineError(400, 'invalid_field_value', `page_size must be between 1 and ${rejectAbove}.`, 'page_size');
		}
		const size = Math.min(pageSize, pageSizeMax);
		const { slice, pages } = paginate(items, page, size);
		const link = (target: number) => {
			const query = new URLSearchParams({ ...req.query, page: String(target), page_size: String(size) });
			return { href: `${baseUrl}${req.path}?${query.toString()}`, type: null };
		};
		const links: Json = { first: link(1), last: link(Math.max(pages, 1)) };
		if (page >= 2) links.prev = link(page - 1);
		if (page < pages) links.next = link(page + 1);
		return json(200, { [root]: slice, total: items.length, page, pages, links });
	};

	// ---- rates ---------------------------------------------------------------------------

	const getRates = (req: RecordedRequest): Reply => {
		const body = asObject(req.body);
		const rateOptions = asObject(body.rate_options);
		let shipment: Json;
		if (body.shipment_id) {
			const stored = state.shipments.get(String(body.shipment_id));
			if (!stored) return notFound('shipment_id', String(body.shipment_id));
			shipment = stored;
		} else {
			shipment = asObject(body.shipment);
			const invalid = checkShipment(shipment, false);
			if (invalid) return invalid;
		}
		const carrierIds = rateOptions.carrier_ids;
		if (!Array.isArray(carrierIds) || carrierIds.length === 0) {
			return shipEngineError(400, 'field_value_required', 'rate_options.carrier_ids must contain at least one carrier_id.', 'rate_options.carrier_ids');
		}
		const shipmentId = String(shipment.shipment_id ?? nextId());
		shipment = { shipment_status: 'pending', created_at: now(), ...shipment, shipment_id: shipmentId };
		state.shipments.set(shipmentId, shipment);
		const { rates, errors } = computeRates(carrierIds.map(String), rateOptions.service_codes as string[] | undefined, shipmentId, totalPounds(shipment.packages), nextId);
		for (const rate of rates) state.rates.set(String(rate.rate_id), rate);
		return json(200, {
			...shipment,
			rate_response: {
				rates,
				invalid_rates: [],
				rate_request_id: nextId(),
				shipment_id: shipmentId,
				created_at: now(),
				status: errors.length ? (rates.length ? 'partial' : 'error') : 'completed',
				errors,
			},
		});
	};

	const estimate = (req: RecordedRequest): Reply => {
		const body = asObject(req.body);
		for (const field of ['from_country_code', 'from_postal_code', 'to_country_code', 'to_postal_code', 'weight']) {
			if (!body[field]) return shipEngineError(400, 'field_value_required', `${field} is required.`, field);
		}
		const carrierIds = Array.isArray(body.carrier_ids) ? body.carrier_ids.map(String) : body.carrier_id ? [String(body.carrier_id)] : [];
		if (!carrierIds.length) return shipEngineError(400, 'field_value_required', 'carrier_ids is required.', 'carrier_ids');
		return json(200, estimateRates(carrierIds, totalPounds([{ weight: body.weight }])));
	};

	// ---- addresses ---------------------------------------------------------------------------

	const validate = (req: RecordedRequest): Reply => {
		if (!Array.isArray(req.body)) return shipEngineError(400, 'invalid_field_value', 'The request body must be an array of addresses.');
		if (req.body.length > 250) return shipEngineError(400, 'invalid_field_value', 'At most 250 addresses can be validated per request.');
		return json(200, (req.body as unknown[]).map((address) => validateAddress(asObject(address))));
	};

	const recognize = (req: RecordedRequest): Reply => {
		const body = asObject(req.body);
		if (typeof body.text !== 'string' || !body.text.trim()) return shipEngineError(400, 'field_value_required', 'text is required.', 'text');
		return json(200, recognizeAddress(body.text, asObject(body.address)));
	};

	// ---- tracking ----------------------------------------------------------------------------

	const trackingFor = (trackingNumber: string, carrierCode: string): Json => {
		const label = state.labels.find((candidate) => candidate.json.tracking_number === trackingNumber);
		return label
			? trackingInfo(trackingNumber, carrierCode, String(label.json.created_at), label.shipFrom, asObject(label.json.ship_to))
			: trackingInfo(trackingNumber, carrierCode, null);
	};

	const trackingQuery = (req: RecordedRequest): { carrierCode: string; trackingNumber: string } | Reply => {
		const carrierCode = req.query.carrier_code ?? findCarrier(req.query.carrier_id ?? '')?.carrier_code;
		if (!carrierCode) return shipEngineError(400, 'field_value_required', 'carrier_code or carrier_id is required.', 'carrier_code');
		if (!req.query.tracking_number) return shipEngineError(400, 'field_value_required', 'tracking_number is required.', 'tracking_number');
		return { carrierCode, trackingNumber: req.query.tracking_number };
	};

	const withTracking = (handle: (query: { carrierCode: string; trackingNumber: string }) => Reply) => (req: RecordedRequest) => {
		const query = trackingQuery(req);
		return 'status' in query ? query : handle(query);
	};

	// ---- manifests and pickups -------------------------------------------------------------

	const unknownLabel = (ids: unknown): Reply | undefined => {
		const missing = (Array.isArray(ids) ? ids : []).find((id) => !findLabel(String(id)));
		return missing ? shipEngineError(400, 'invalid_identifier', `label_id ${String(missing)} was not found.`, 'label_ids') : undefined;
	};

	const createManifest = (req: RecordedRequest): Reply => {
		const body = asObject(req.body);
		let labelIds: string[];
		if (Array.isArray(body.label_ids) && !body.carrier_id) {
			const invalid = unknownLabel(body.label_ids);
			if (invalid) return invalid;
			labelIds = body.label_ids.map(String);
		} else {
			for (const field of ['carrier_id', 'warehouse_id', 'ship_date']) {
				if (!body[field]) return shipEngineError(400, 'field_value_required', `${field} is required.`, field);
			}
			const excluded = new Set((body.excluded_label_ids as string[] | undefined) ?? []);
			labelIds = state.labels
				.filter((label) => label.json.carrier_id === body.carrier_id && !label.json.voided && !excluded.has(String(label.json.label_id)))
				.map((label) => String(label.json.label_id));
		}
		const first = findLabel(labelIds[0] ?? '');
		const manifestId = nextId();
		const manifest: Json = {
			manifest_id: manifestId,
			form_id: nextId(),
			created_at: now(),
			ship_date: body.ship_date ?? now(),
			shipments: labelIds.length,
			label_ids: labelIds,
			warehouse_id: body.warehouse_id ?? 'se-200001',
			submission_id: `SUB${manifestId.replace(/\D/g, '')}`,
			carrier_id: body.carrier_id ?? first?.json.carrier_id ?? null,
			manifest_download: { href: downloadUrl('manifests', manifestId, 'pdf') },
		};
		state.manifests.push(manifest);
		return json(200, {
			manifests: [manifest],
			manifest_requests: [{ manifest_request_id: nextId(), status: 'completed' }],
			request_id: requestId(),
			errors: [],
			...manifest,
		});
	};

	const schedulePickup = (req: RecordedRequest): Reply => {
		const body = asObject(req.body);
		if (!Array.isArray(body.label_ids) || !body.label_ids.length) return shipEngineError(400, 'field_value_required', 'label_ids is required.', 'label_ids');
		const invalid = unknownLabel(body.label_ids);
		if (invalid) return invalid;
		const contact = asObject(body.contact_details);
		for (const field of ['name', 'email', 'phone']) {
			if (!contact[field]) return shipEngineError(400, 'field_value_required', `contact_details.${field} is required.`, `contact_details.${field}`);
		}
		const window = asObject(body.pickup_window);
		if (!window.start_at || !window.end_at) return shipEngineError(400, 'field_value_required', 'pickup_window.start_at and end_at are required.', 'pickup_window');
		const label = findLabel(String(body.label_ids[0]))!;
		const pickup: Json = {
			pickup_id: `pik_${(state.seq += 1)}`,
			label_ids: body.label_ids,
			created_at: now(),
			cancelled_at: null,
			carrier_id: label.json.carrier_id,
			confirmation_number: `WTC${String(state.seq).padStart(8, '0')}`,
			warehouse_id: body.warehouse_id ?? 'se-200001',
			pickup_address: body.pickup_address ?? label.json.ship_to,
			contact_details: contact,
			pickup_notes: body.pickup_notes ?? '',
			pickup_window: window,
			pickup_windows: [window],
		};
		state.pickups.push(pickup);
		return json(200, { ...pickup, request_id: requestId(), errors: [] });
	};

	type ListName = 'manifests' | 'pickups' | 'webhooks';
	const findIn = (list: ListName, key: string, handle: (item: Json, req: RecordedRequest) => Reply) => (req: RecordedRequest, [id]: string[]) => {
		const item = state[list].find((candidate) => candidate[key] === id);
		return item ? handle(item, req) : notFound(key, id);
	};

	// ---- carriers and funds ------------------------------------------------------------------

	const withCarrier = (handle: (carrier: (typeof CARRIERS)[number], req: RecordedRequest) => Reply) => (req: RecordedRequest, [id]: string[]) => {
		const carrier = findCarrier(id);
		return carrier ? handle(carrier, req) : notFound('carrier_id', id);
	};

	const addFunds = withCarrier((carrier, req) => {
		const body = asObject(req.body);
		const amount = Number(body.amount);
		if (!body.currency || !Number.isFinite(amount) || amount <= 0) {
			return shipEngineError(400, 'invalid_field_value', 'amount must be a positive number and currency is required.', 'amount');
		}
		if (!carrier.requires_funded_amount) {
			return shipEngineError(400, 'auto_fund_not_supported', `${carrier.friendly_name} does not need funding: it bills your carrier account directly.`, 'carrier_id');
		}
		state.balance = Math.round((state.balance + amount) * 100) / 100;
		return json(200, { balance: { currency: 'usd', amount: state.balance } });
	});

	// ---- webhooks ----------------------------------------------------------------------------

	const createWebhook = (req: RecordedRequest): Reply => {
		const body = asObject(req.body);
		if (!WEBHOOK_EVENTS.includes(String(body.event))) {
			return shipEngineError(400, 'invalid_field_value', `event must be one of: ${WEBHOOK_EVENTS.join(', ')}.`, 'event');
		}
		if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url)) return shipEngineError(400, 'invalid_field_value', 'url must be an http(s) URL.', 'url');
		if (state.webhooks.some((webhook) => webhook.event === body.event)) {
			return shipEngineError(409, 'webhook_event_type_conflict', `A webhook for the ${String(body.event)} event already exists.`, 'event');
		}
		const webhook: Json = { webhook_id: nextId(), url: body.url, event: body.event, headers: body.headers ?? [], name: body.name ?? null, store_id: body.store_id ?? null };
		state.webhooks.push(webhook);
		return json(201, webhook);
	};

	// ---- shipments and batches (./shipEngineBatches.ts) ----------------------------------------

	const batches = batchMock(
		{
			shipments: () => state.shipments,
			rates: () => state.rates,
			nextId,
			now,
			baseUrl: () => baseUrl,
			error: shipEngineError,
			notFound,
			checkShipment,
			createLabel,
			pagedReply,
		},
		options,
	);
	const slowPurchase = (handle: (req: RecordedRequest, params: string[]) => Reply) => async (req: RecordedRequest, params: string[]) => {
		if (options.purchaseMs) await new Promise((resolve) => setTimeout(resolve, options.purchaseMs));
		return handle(req, params);
	};

	// ---- seed, routes, guard -----------------------------------------------------------------

	const seedLabels = (count: number) => {
		const carrier = CARRIERS[0];
		const shipment = {
			ship_to: { name: 'Seeded Customer', address_line1: '1 Main St', city_locality: 'Austin', state_province: 'TX', postal_code: '78701', country_code: 'US' },
			ship_from: { name: 'Seeded Shop', address_line1: '4 Jersey St', city_locality: 'Boston', state_province: 'MA', postal_code: '02215', country_code: 'US' },
			packages: [{ weight: { value: 1, unit: 'pound' } }],
		};
		const { rates } = computeRates([carrier.carrier_id], ['usps_ground_advantage'], '', 1, () => '');
		const base = Date.now() - count * 60_000;
		for (let i = 0; i < count; i++) {
			const record = createLabel(shipment, rates[0], {}, false) as LabelRecord;
			record.json.created_at = new Date(base + i * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
		}
	};

	const routes = (): Route[] => [
		route('GET', /^\/jwks$/, () => json(200, jwks())),
		route('GET', /^\/downloads\/labels\/([^/]+)\.(pdf|png|zpl)$/, (_req, [id, format]) => {
			const label = findLabel(id);
			if (!label) return notFound('label_id', id);
			const file = format === label.format ? label.file : labelFile(format as LabelFormat, [String(label.json.service_code)], String(label.json.tracking_number));
			return { status: 200, raw: file, headers: { 'Content-Type': LABEL_CONTENT_TYPES[format as LabelFormat] } };
		}),
		route('GET', /^\/downloads\/forms\/([^/]+)\.pdf$/, (_req, [id]) => {
			const label = findLabel(id);
			if (!label?.json.form_download) return notFound('label_id', id);
			const items = (asObject(label.customs).customs_items as Json[] | undefined) ?? [];
			const lines = ['Commercial invoice', `Label ${id}`, ...items.map((item) => `${String(item.quantity)} x ${String(item.description)} ${String(item.value ?? '')} ${String(item.value_currency ?? '')}`)];
			return { status: 200, raw: tinyPdf(lines), headers: { 'Content-Type': 'application/pdf' } };
		}),
		route('GET', /^\/downloads\/manifests\/([^/]+)\.pdf$/, (_req, [id]) => ({ status: 200, raw: tinyPdf([`Manifest ${id}`]), headers: { 'Content-Type': 'application/pdf' } })),

		route('GET', /^\/v1\/carriers$/, () => json(200, { carriers: CARRIERS.map((carrier) => carrierJson(carrier, state.balance)), request_id: requestId(), errors: [] })),
		route('GET', /^\/v1\/carriers\/([^/]+)$/, withCarrier((carrier) => json(200, carrierJson(carrier, state.balance)))),
		route('GET', /^\/v1\/carriers\/([^/]+)\/services$/, withCarrier((carrier) => json(200, { services: servicesJson(carrier) }))),
		route('GET', /^\/v1\/carriers\/([^/]+)\/packages$/, withCarrier(() => json(200, { packages: packagesJson() }))),
		route('GET', /^\/v1\/carriers\/([^/]+)\/options$/, withCarrier(() => json(200, { options: optionsJson() }))),
		route('PUT', /^\/v1\/carriers\/([^/]+)\/add_funds$/, addFunds),

		route('GET', /^\/v1\/warehouses$/, () => json(200, { warehouses: warehousesJson() })),

		route('POST', /^\/v1\/addresses\/validate$/, validate),
		route('PUT', /^\/v1\/addresses\/recognize$/, recognize),

		route('POST', /^\/v1\/rates$/, getRates),
		route('POST', /^\/v1\/rates\/estimate$/, estimate),
		route('GET', /^\/v1\/rates\/([^/]+)$/, (_req, [id]) => (state.rates.has(id) ? json(200, state.rates.get(id)) : notFound('rate_id', id))),

		route('POST', /^\/v1\/labels$/, slowPurchase(buyLabel)),
		route('POST', /^\/v1\/labels\/rates\/([^/]+)$/, slowPurchase(buyRate)),
		route('POST', /^\/v1\/labels\/shipment\/([^/]+)$/, slowPurchase(buyShipment)),
		...batches.routes(),
		route('GET', /^\/v1\/labels$/, listLabels),
		route('GET', /^\/v1\/labels\/external_shipment_id\/([^/]+)$/, (req, [id]) => {
			const label = state.labels.find((candidate) => candidate.json.external_shipment_id === id);
			return label ? json(200, labelView(label, req.query.label_download_type)) : notFound('external_shipment_id', id);
		}),
		route('GET', /^\/v1\/labels\/([^/]+)$/, (req, [id]) => {
			const label = findLabel(id);
			return label ? json(200, labelView(label, req.query.label_download_type)) : notFound('label_id', id);
		}),
		route('PUT', /^\/v1\/labels\/([^/]+)\/void$/, (_req, [id]) => {
			const label = findLabel(id);
			if (!label) return notFound('label_id', id);
			if (label.json.voided) {
				return json(200, { approved: false, message: 'This label has already been voided.', reason_code: 'label_already_voided' });
			}
			Object.assign(label.json, { voided: true, voided_at: now(), status: 'voided', void_type: 'refund_assist' });
			return json(200, { approved: true, message: 'Request for refund submitted.  This label has been voided.', reason_code: 'unspecified' });
		}),
		route('GET', /^\/v1\/labels\/([^/]+)\/track$/, (_req, [id]) => {
			const label = findLabel(id);
			return label ? json(200, trackingFor(String(label.json.tracking_number), String(label.json.carrier_code))) : notFound('label_id', id);
		}),

		route('GET', /^\/v1\/tracking$/, withTracking(({ carrierCode, trackingNumber }) => json(200, trackingFor(trackingNumber, carrierCode)))),
		route('POST', /^\/v1\/tracking\/start$/, withTracking(({ carrierCode, trackingNumber }) => {
			state.tracked.add(`${carrierCode}:${trackingNumber}`);
			return noContent();
		})),
		route('POST', /^\/v1\/tracking\/stop$/, withTracking(({ carrierCode, trackingNumber }) => {
			state.tracked.delete(`${carrierCode}:${trackingNumber}`);
			return noContent();
		})),

		route('POST', /^\/v1\/manifests$/, createManifest),
		route('GET', /^\/v1\/manifests$/, (req) => pagedReply(req, 'manifests', state.manifests.filter((manifest) => !req.query.carrier_id || manifest.carrier_id === req.query.carrier_id))),
		route('GET', /^\/v1\/manifests\/([^/]+)$/, findIn('manifests', 'manifest_id', (manifest) => json(200, manifest))),

		route('POST', /^\/v1\/pickups$/, schedulePickup),
		route('GET', /^\/v1\/pickups$/, (req) => pagedReply(req, 'pickups', state.pickups.filter((pickup) => !req.query.carrier_id || pickup.carrier_id === req.query.carrier_id))),
		route('GET', /^\/v1\/pickups\/([^/]+)$/, findIn('pickups', 'pickup_id', (pickup) => json(200, pickup))),
		route('DELETE', /^\/v1\/pickups\/([^/]+)$/, findIn('pickups', 'pickup_id', (pickup) => {
			pickup.cancelled_at = now();
			return json(200, { pickup_id: pickup.pickup_id, request_id: requestId(), errors: [] });
		})),

		route('GET', /^\/v1\/environment\/webhooks$/, () => json(200, state.webhooks)),
		route('POST', /^\/v1\/environment\/webhooks$/, createWebhook),
		route('GET', /^\/v1\/environment\/webhooks\/([^/]+)$/, findIn('webhooks', 'webhook_id', (webhook) => json(200, webhook))),
		route('PUT', /^\/v1\/environment\/webhooks\/([^/]+)$/, findIn('webhooks', 'webhook_id', (webhook, req) => {
			const body = asObject(req.body);
			for (const field of ['url', 'headers', 'name', 'store_id']) if (body[field] !== undefined) webhook[field] = body[field];
			return noContent();
		})),
		route('DELETE', /^\/v1\/environment\/webhooks\/([^/]+)$/, findIn('webhooks', 'webhook_id', (webhook) => {
			state.webhooks = state.webhooks.filter((candidate) => candidate !== webhook);
			return noContent();
		})),
	];

	const guard = (req: RecordedRequest): Reply | undefined => {
		if (PUBLIC_PATHS.test(req.path)) return undefined;
		const apiKey = req.headers['api-key'];
		if (!apiKey || /invalid|revoked/i.test(apiKey)) {
			return shipEngineError(401, 'unauthorized', 'The API key is invalid. Please see https://www.shipengine.com/docs/auth');
		}
		if (options.rateLimit) {
			const { limit, windowMs } = options.rateLimit;
			const current = state.windows.get(apiKey);
			const window = current && req.at - current.start < windowMs ? current : { start: req.at, count: 0 };
			window.count += 1;
			state.windows.set(apiKey, window);
			if (window.count > limit) {
				const retryAfter = Math.max(1, Math.ceil((window.start + windowMs - req.at) / 1000));
				return shipEngineError(429, 'rate_limit_exceeded', 'You have exceeded the rate limit. Please see https://www.shipengine.com/docs/rate-limits', undefined, { 'Retry-After': String(retryAfter) });
			}
		}
		return undefined;
	};

	state = freshState();
	// Warehouses, package types, tags, carrier connections, account images, service points, downloads.
	const account = accountMock({ nextId, now, error: shipEngineError, records: options.records });
	const server = await startMockServer({
		port: options.port,
		guard,
		routes: () => [...routes(), ...account.routes()],
		notFound: (req) => shipEngineError(404, 'unspecified', `No route for ${req.method} ${req.path} in the ShipEngine mock.`),
		resetState: () => {
			state = freshState();
			account.reset();
			batches.reset();
			seedLabels(options.labels ?? 0);
		},
	});
	baseUrl = server.url;
	seedLabels(options.labels ?? 0);

	return {
		url: server.url,
		requests: server.requests,
		script: server.script,
		reset: server.reset,
		close: server.close,
		get purchases() {
			return state.purchases;
		},
		get balance() {
			return state.balance;
		},
		get batchStats() {
			return { ...batches.stats };
		},
	};
}
