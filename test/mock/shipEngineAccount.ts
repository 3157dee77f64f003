/**
 * The account-level part of the ShipEngine mock: warehouses, custom package types, tags, carrier
 * connections and their settings, Shipsurance connection, account settings and label images,
 * service points and downloads under /v1/downloads. Plugged into startShipEngineMock's routes;
 * state is its own and is cleared with the mock's reset().
 */
import { LABEL_CONTENT_TYPES, labelFile } from './labelFiles';
import { json, noContent, route, type RecordedRequest, type Reply, type Route } from './server';
import { CARRIERS, type Json } from './shipEngineData';

type ErrorReply = (status: number, code: string, message: string, fieldName?: string) => Reply;

export interface AccountMockContext {
	nextId: () => string;
	now: () => string;
	error: ErrorReply;
	/** Start with SEEDED_RECORDS (ShipEngineMockOptions.records). */
	records?: boolean;
}

/** The records a mock started with `records: true` holds (one of each list a dropdown reads). */
export const SEEDED_RECORDS = {
	webhook: { webhook_id: 'se-300001', url: 'https://example.com/webhook/reports', event: 'report_complete', headers: [], name: 'Reports', store_id: null },
	customPackage: { package_id: 'se-400001', package_code: 'laptop_box', name: 'Laptop box', description: 'Packaging for laptops', dimensions: { unit: 'inch', length: 16, width: 12, height: 4 } },
	labelImage: { label_image_id: 'img_seeded01', name: 'Shop logo', is_default: true, image_content_type: 'image/png', created_at: '2026-01-05T18:12:35Z', modified_at: '2026-01-05T18:12:35Z' },
	tag: 'Fragile',
};

/** The default warehouse the mock starts with: the one labels fall back to. */
export const DEFAULT_WAREHOUSE_ID = 'se-200001';

const MAIN_HQ_ADDRESS: Json = {
	name: 'Warehouse A',
	phone: '512-555-1234',
	address_line1: '4009 Marathon Blvd',
	city_locality: 'Austin',
	state_province: 'TX',
	postal_code: '78756',
	country_code: 'US',
	address_residential_indicator: 'no',
};

const CARRIER_NAMES = new Set([
	'access_worldwide', 'amazon_buy_shipping', 'amazon_shipping_uk', 'apc', 'asendia', 'australia_post', 'canada_post',
	'dhl_ecommerce', 'dhl_express', 'dhl_express_au', 'dhl_express_ca', 'dhl_express_uk', 'dpd', 'endicia', 'fedex',
	'fedex_uk', 'firstmile', 'imex', 'newgistics', 'ontrac', 'purolator_canada', 'royal_mail', 'rr_donnelley', 'seko',
	'sendle', 'stamps_com', 'ups', 'lasership',
]);

/** Two pickup points / lockers per carrier code near any address. */
const servicePoints = (carrierCode: string, countryCode: string): Json[] => [
	{
		carrier_code: carrierCode,
		service_codes: ['chronoclassic'],
		service_point_id: '614940',
		company_name: 'Relay Shop Canada',
		address_line1: 'PLACE DU CANADA',
		city_locality: 'TRUN',
		state_province: 'TRUN',
		postal_code: '61160',
		country_code: countryCode,
		phone_number: '555-555-5555',
		lat: 48.842608,
		long: 0.032875,
		distance_in_meters: 450,
		hours_of_operation: { monday: [{ open: '09:00', close: '18:00' }] },
		features: ['drop_off_point', 'pickup_point'],
		type: 'pudo',
	},
	{
		carrier_code: carrierCode,
		service_codes: ['chronoclassic'],
		service_point_id: '614941',
		company_name: 'Parcel Locker 24/7',
		address_line1: '2 RUE DE LA GARE',
		city_locality: 'TRUN',
		state_province: 'TRUN',
		postal_code: '61160',
		country_code: countryCode,
		lat: 48.84,
		long: 0.03,
		distance_in_meters: 900,
		features: ['drop_off_point', 'pickup_point'],
		type: 'locker',
	},
];

interface AccountState {
	warehouses: Json[];
	packages: Json[];
	tags: string[];
	connections: Map<string, { carrierName: string; settings: Json }>;
	images: Json[];
	shipsurance: boolean;
	/** Carriers disconnected here (the main mock keeps listing them: its list is static data). */
	disconnected: Set<string>;
}

export function accountMock(ctx: AccountMockContext): { routes: () => Route[]; reset: () => void } {
	let state: AccountState;
	const fresh = (): AccountState => ({
		warehouses: [
			{
				warehouse_id: DEFAULT_WAREHOUSE_ID,
				is_default: true,
				name: 'Main HQ',
				created_at: '2026-01-05T18:12:35.583Z',
				origin_address: MAIN_HQ_ADDRESS,
				return_address: MAIN_HQ_ADDRESS,
			},
		],
		packages: ctx.records ? [structuredClone(SEEDED_RECORDS.customPackage)] : [],
		tags: ctx.records ? [SEEDED_RECORDS.tag] : [],
		connections: new Map(),
		images: ctx.records ? [{ ...SEEDED_RECORDS.labelImage }] : [],
		shipsurance: false,
		disconnected: new Set(),
	});
	state = fresh();

	const body = (req: RecordedRequest): Json =>
		req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Json) : {};
	const notFound = (what: string, id: string) => ctx.error(404, 'invalid_identifier', `${what} ${id} was not found.`);
	const byId = (list: 'warehouses' | 'packages' | 'images', key: string, handle: (item: Json, req: RecordedRequest) => Reply) =>
		(req: RecordedRequest, [id]: string[]) => {
			const item = state[list].find((candidate) => candidate[key] === decodeURIComponent(id));
			return item ? handle(item, req) : notFound(key, decodeURIComponent(id));
		};
	const remove = (list: 'warehouses' | 'packages' | 'images', item: Json) => {
		state[list] = state[list].filter((candidate) => candidate !== item) as Json[];
	};

	// ---- warehouses ----------------------------------------------------------------------------

	const checkWarehouse = (input: Json): Reply | undefined => {
		if (typeof input.name !== 'string' || !input.name) return ctx.error(400, 'field_value_required', 'name is required.', 'name');
		const origin = input.origin_address as Json | undefined;
		for (const field of ['name', 'phone', 'address_line1', 'city_locality', 'state_province', 'postal_code', 'country_code']) {
			if (!origin?.[field]) return ctx.error(400, 'field_value_required', `origin_address.${field} is required.`, `origin_address.${field}`);
		}
		return undefined;
	};
	const makeDefault = (warehouse: Json) => {
		for (const other of state.warehouses) other.is_default = other === warehouse;
	};
	const createWarehouse = (req: RecordedRequest): Reply => {
		const input = body(req);
		const invalid = checkWarehouse(input);
		if (invalid) return invalid;
		const warehouse: Json = {
			warehouse_id: ctx.nextId(),
			is_default: false,
			name: input.name,
			created_at: ctx.now(),
			origin_address: input.origin_address,
			return_address: input.return_address ?? input.origin_address,
		};
		state.warehouses.push(warehouse);
		if (input.is_default === true) makeDefault(warehouse);
		return json(200, warehouse);
	};

	// ---- package types -------------------------------------------------------------------------

	const checkPackage = (input: Json): Reply | undefined => {
		if (!input.name) return ctx.error(400, 'field_value_required', 'name is required.', 'name');
		if (!input.package_code || !/^[a-z0-9_]+$/.test(String(input.package_code))) {
			return ctx.error(400, 'invalid_field_value', 'package_code must be lower case letters, digits and underscores.', 'package_code');
		}
		if (state.packages.some((other) => other.package_code === input.package_code && other.package_id !== input.package_id)) {
			return ctx.error(400, 'identifier_conflict', `A package type with code ${String(input.package_code)} already exists.`, 'package_code');
		}
		return undefined;
	};
	const PACKAGE_FIELDS = ['name', 'package_code', 'dimensions', 'description'];

	// ---- tags ----------------------------------------------------------------------------------

	const tagConflict = (name: string) => ctx.error(400, 'identifier_conflict', `The tag ${name} already exists.`, 'name');
	const withTag = (handle: (name: string, params: string[]) => Reply) => (_req: RecordedRequest, params: string[]) => {
		const name = decodeURIComponent(params[0]);
		return state.tags.includes(name) ? handle(name, params) : notFound('tag', name);
	};

	// ---- carrier connections -------------------------------------------------------------------

	const knownCarrier = (carrierId: string) =>
		!state.disconnected.has(carrierId) && (state.connections.has(carrierId) || CARRIERS.some((carrier) => carrier.carrier_id === carrierId));
	const disconnect = (carrierId: string) => {
		state.connections.delete(carrierId);
		state.disconnected.add(carrierId);
	};

	const withConnection = (handle: (carrierId: string, carrierName: string, req: RecordedRequest) => Reply) =>
		(req: RecordedRequest, [carrierName, carrierId]: string[]) => {
			const connection = state.connections.get(carrierId);
			if (!knownCarrier(carrierId) || (connection && connection.carrierName !== carrierName)) {
				return notFound('carrier_id', carrierId);
			}
			if (!connection) state.connections.set(carrierId, { carrierName, settings: {} });
			return handle(carrierId, carrierName, req);
		};

	const connectCarrier = (req: RecordedRequest, [carrierName]: string[]): Reply => {
		if (!CARRIER_NAMES.has(carrierName)) return ctx.error(400, 'invalid_field_value', `carrier_name ${carrierName} is not supported.`);
		const input = body(req);
		if (!input.nickname) return ctx.error(400, 'field_value_required', 'nickname is required.', 'nickname');
		if (/wrong|invalid/i.test(String(input.password ?? ''))) {
			return ctx.error(400, 'verification_failure', 'The carrier rejected the account credentials.');
		}
		const carrierId = ctx.nextId();
		state.connections.set(carrierId, { carrierName, settings: { nickname: input.nickname } });
		return json(200, { carrier_id: carrierId });
	};

	const reset = () => {
		state = fresh();
	};

	const routes = (): Route[] => [
		route('GET', /^\/v1\/warehouses$/, () => json(200, { warehouses: state.warehouses })),
		route('POST', /^\/v1\/warehouses$/, createWarehouse),
		route('GET', /^\/v1\/warehouses\/([^/]+)$/, byId('warehouses', 'warehouse_id', (warehouse) => json(200, warehouse))),
		route('PUT', /^\/v1\/warehouses\/([^/]+)$/, byId('warehouses', 'warehouse_id', (warehouse, req) => {
			const input = body(req);
			const invalid = checkWarehouse(input);
			if (invalid) return invalid;
			Object.assign(warehouse, { name: input.name, origin_address: input.origin_address, return_address: input.return_address ?? input.origin_address });
			if (typeof input.is_default === 'boolean' && input.is_default) makeDefault(warehouse);
			return noContent();
		})),
		route('PUT', /^\/v1\/warehouses\/([^/]+)\/settings$/, byId('warehouses', 'warehouse_id', (warehouse, req) => {
			if (body(req).is_default === true) makeDefault(warehouse);
			else warehouse.is_default = false;
			return noContent();
		})),
		route('DELETE', /^\/v1\/warehouses\/([^/]+)$/, byId('warehouses', 'warehouse_id', (warehouse) => {
			if (warehouse.is_default) return ctx.error(400, 'default_warehouse_cannot_be_deleted', 'The default warehouse cannot be deleted.');
			remove('warehouses', warehouse);
			return noContent();
		})),

		route('GET', /^\/v1\/packages$/, () => json(200, { packages: state.packages })),
		route('POST', /^\/v1\/packages$/, (req) => {
			const input = body(req);
			const invalid = checkPackage(input);
			if (invalid) return invalid;
			const created: Json = { package_id: ctx.nextId() };
			for (const field of PACKAGE_FIELDS) if (input[field] !== undefined) created[field] = input[field];
			state.packages.push(created);
			return json(200, created);
		}),
		route('GET', /^\/v1\/packages\/([^/]+)$/, byId('packages', 'package_id', (item) => json(200, item))),
		route('PUT', /^\/v1\/packages\/([^/]+)$/, byId('packages', 'package_id', (item, req) => {
			const input: Json = { ...body(req), package_id: item.package_id };
			const invalid = checkPackage(input);
			if (invalid) return invalid;
			for (const field of PACKAGE_FIELDS) if (input[field] !== undefined) item[field] = input[field];
			return noContent();
		})),
		route('DELETE', /^\/v1\/packages\/([^/]+)$/, byId('packages', 'package_id', (item) => {
			remove('packages', item);
			return noContent();
		})),

		route('GET', /^\/v1\/tags$/, () => json(200, { tags: state.tags.map((name) => ({ name })) })),
		route('POST', /^\/v1\/tags$/, (req) => {
			const name = String(body(req).name ?? '');
			if (!name) return ctx.error(400, 'field_value_required', 'name is required.', 'name');
			if (state.tags.includes(name)) return tagConflict(name);
			state.tags.push(name);
			return json(200, { name });
		}),
		route('DELETE', /^\/v1\/tags\/([^/]+)$/, withTag((name) => {
			state.tags = state.tags.filter((tag) => tag !== name);
			return noContent();
		})),
		route('PUT', /^\/v1\/tags\/([^/]+)\/([^/]+)$/, withTag((name, [, renamed]) => {
			const newName = decodeURIComponent(renamed);
			if (state.tags.includes(newName)) return tagConflict(newName);
			state.tags = state.tags.map((tag) => (tag === name ? newName : tag));
			return noContent();
		})),

		route('POST', /^\/v1\/service_points\/list$/, (req) => {
			const input = body(req);
			const providers = Array.isArray(input.providers) ? (input.providers as Json[]) : [];
			if (!providers.length) return ctx.error(400, 'field_value_required', 'providers is required.', 'providers');
			const address = (input.address ?? {}) as Json;
			const country = String(address.country_code ?? 'FR');
			const points = providers.flatMap((provider) => servicePoints(String(provider.carrier_id) === 'se-100002' ? 'ups' : 'chronopost', country));
			const max = Number(input.max_results ?? points.length);
			return json(200, { lat: 48.842608, long: 0.032875, service_points: points.slice(0, max) });
		}),
		route('GET', /^\/v1\/service_points\/([^/]+)\/([^/]+)\/([^/]+)$/, (_req, [carrierCode, countryCode, id]) => {
			const point = servicePoints(carrierCode, countryCode).find((candidate) => candidate.service_point_id === id);
			return point ? json(200, { service_point: point }) : notFound('service_point_id', id);
		}),

		route('POST', /^\/v1\/connections\/carriers\/([^/]+)$/, connectCarrier),
		route('DELETE', /^\/v1\/connections\/carriers\/([^/]+)\/([^/]+)$/, withConnection((carrierId) => {
			disconnect(carrierId);
			return noContent();
		})),
		route('GET', /^\/v1\/connections\/carriers\/([^/]+)\/([^/]+)\/settings$/, withConnection((carrierId) =>
			json(200, state.connections.get(carrierId)!.settings),
		)),
		route('PUT', /^\/v1\/connections\/carriers\/([^/]+)\/([^/]+)\/settings$/, withConnection((carrierId, _name, req) => {
			Object.assign(state.connections.get(carrierId)!.settings, body(req));
			return noContent();
		})),
		route('DELETE', /^\/v1\/carriers\/([^/]+)$/, (_req, [carrierId]) => {
			if (!knownCarrier(carrierId)) return notFound('carrier_id', carrierId);
			disconnect(carrierId);
			return noContent();
		}),

		route('POST', /^\/v1\/connections\/insurance\/shipsurance$/, (req) => {
			const input = body(req);
			if (!input.email || !input.policy_id) return ctx.error(400, 'field_value_required', 'email and policy_id are required.');
			state.shipsurance = true;
			return json(200, {});
		}),
		route('DELETE', /^\/v1\/connections\/insurance\/shipsurance$/, () => {
			state.shipsurance = false;
			return json(200, {});
		}),

		route('GET', /^\/v1\/account\/settings$/, () =>
			json(200, { default_label_layout: '4x6' }),
		),
		route('GET', /^\/v1\/account\/settings\/images$/, () => json(200, { images: state.images })),
		route('POST', /^\/v1\/account\/settings\/images$/, (req) => {
			const input = body(req);
			if (!input.name || !input.image_data) return ctx.error(400, 'field_value_required', 'name and image_data are required.');
			const image: Json = {
				label_image_id: ctx.nextId(),
				name: input.name,
				is_default: input.is_default === true,
				image_content_type: input.image_content_type ?? 'image/png',
				created_at: ctx.now(),
				modified_at: ctx.now(),
			};
			state.images.push(image);
			return json(200, image);
		}),
		route('GET', /^\/v1\/account\/settings\/images\/([^/]+)$/, byId('images', 'label_image_id', (image) => json(200, image))),
		route('PUT', /^\/v1\/account\/settings\/images\/([^/]+)$/, byId('images', 'label_image_id', (image, req) => {
			const input = body(req);
			for (const field of ['name', 'is_default']) if (input[field] !== undefined) image[field] = input[field];
			image.modified_at = ctx.now();
			return noContent();
		})),
		route('DELETE', /^\/v1\/account\/settings\/images\/([^/]+)$/, byId('images', 'label_image_id', (image) => {
			remove('images', image);
			return noContent();
		})),

		route('GET', /^\/v1\/downloads\/([^/]+)\/([^/]+)\/([^/]+)$/, (_req, [dir, subdir, filename]) => {
			const name = decodeURIComponent(filename);
			const format = name.endsWith('.zpl') ? 'zpl' : name.endsWith('.png') ? 'png' : 'pdf';
			return { status: 200, raw: labelFile(format, [`${dir}/${subdir}`], name), headers: { 'Content-Type': LABEL_CONTENT_TYPES[format] } };
		}),
	];

	return { routes, reset };
}
