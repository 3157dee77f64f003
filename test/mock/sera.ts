/**
 * A stateful local Stamps.com/Endicia SERA, shaped like test/contract/specs/sera-openapi.json:
 *  - sign-in host at `signinUrl`: GET /authorize (302 back to redirect_uri with ?code=&state=)
 *    and POST /oauth/token (form-encoded OR JSON body, client credentials in the body or as
 *    HTTP Basic; authorization_code and refresh_token grants; `expires_in` as a string).
 *  - API at `apiUrl` (/sera/v1/...): needs `Authorization: Bearer <live access token>` (401
 *    otherwise) and on every POST an `Idempotency-Key` UUID v4 (400 800002 missing, 800001
 *    malformed); a key seen within 24 h replays the first response and charges nothing again.
 * Errors are HTTP 400 `{errors:[{error_code, error_message}]}` (SERA's body is undocumented).
 */
import { randomBytes, randomUUID } from 'node:crypto';

import { labelFile, asLabelFormat, tinyPdf } from './labelFiles';
import { isBadAddress, trackingNumberFor, type Json } from './shipEngineData';
import { isUuidV4, json, noContent, route, startMockServer, type MockServer, type RecordedRequest, type Reply, type Route } from './server';

export interface SeraMockOptions {
	port?: number;
	/** Access token lifetime in seconds (default 900, as seen on staging). */
	accessTokenTtlSeconds?: number;
	/** Return a new refresh token on every refresh and revoke the old one (default false). */
	rotateRefreshTokens?: boolean;
}

export interface SeraMockServer extends MockServer {
	signinUrl: string;
	apiUrl: string;
	/** Labels actually bought (idempotent replays do not count). */
	readonly purchases: number;
	/** Token grants issued, by grant type. */
	readonly tokenGrants: { authorization_code: number; refresh_token: number };
	readonly balance: number;
	/** Makes every issued access token expire now (the next API call answers 401). */
	expireAccessTokens(): void;
	/** Issues a valid access token directly (for tests that skip the OAuth dance). */
	issueAccessToken(): string;
}

interface State {
	seq: number;
	purchases: number;
	balance: number;
	codes: Map<string, { clientId: string; redirectUri: string; scope: string }>;
	accessTokens: Map<string, number>;
	refreshTokens: Set<string>;
	grants: { authorization_code: number; refresh_token: number };
	idempotency: Map<string, { at: number; reply: Reply }>;
	labels: Map<string, Json>;
}

const DAY_MS = 24 * 3_600_000;
const SIGNIN = '/signin';
const API = '/sera';

export const seraError = (code: number | string, message: string, status = 400): Reply =>
	json(status, { errors: [{ error_code: code, error_message: message }] });

const asObject = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});

const SERVICES: Array<{ service_type: string; carrier: string; packaging: string; base: number; days: string }> = [
	{ service_type: 'usps_ground_advantage', carrier: 'usps', packaging: 'package', base: 5.4, days: '2-5' },
	{ service_type: 'usps_priority_mail', carrier: 'usps', packaging: 'package', base: 8.7, days: '1-3' },
	{ service_type: 'usps_priority_mail_express', carrier: 'usps', packaging: 'package', base: 28.75, days: '1-2' },
];

function rateFor(service: (typeof SERVICES)[number], request: Json): Json {
	const pkg = asObject(request.package);
	const ounces = Number(pkg.weight ?? 1) * (pkg.weight_unit === 'pound' ? 16 : 1);
	const postage = Math.round((service.base + Math.ceil(ounces / 16) * 0.85) * 100) / 100;
	return {
		carrier: service.carrier,
		service_type: service.service_type,
		packaging_type: pkg.packaging_type ?? service.packaging,
		estimated_delivery_days: service.days,
		estimated_delivery_date: null,
		is_guaranteed_service: service.service_type.endsWith('express'),
		trackable: 'yes',
		is_return_label: Boolean(request.is_return_label),
		is_customs_required: false,
		shipment_cost: {
			total_amount: postage,
			currency: 'usd',
			cost_details: [{ fee_code: 'postage', fee_type: 'service', amount: postage }],
		},
	};
}

export async function startSeraMock(options: SeraMockOptions = {}): Promise<SeraMockServer> {
	const ttl = options.accessTokenTtlSeconds ?? 900;
	let state: State;
	let baseUrl = '';
	const freshState = (): State => ({
		seq: 0,
		purchases: 0,
		balance: 500,
		codes: new Map(),
		accessTokens: new Map(),
		refreshTokens: new Set(),
		grants: { authorization_code: 0, refresh_token: 0 },
		idempotency: new Map(),
		labels: new Map(),
	});
	const token = (prefix: string) => `${prefix}_${randomBytes(18).toString('base64url')}`;
	const issueAccessToken = () => {
		const accessToken = token('at');
		state.accessTokens.set(accessToken, Date.now() + ttl * 1000);
		return accessToken;
	};

	// ---- OAuth ----------------------------------------------------------------------------------

	const authorize = (req: RecordedRequest): Reply => {
		const { client_id: clientId, redirect_uri: redirectUri, response_type: responseType, scope = '', state: oauthState } = req.query;
		if (!clientId || !redirectUri || responseType !== 'code') {
			return json(400, { error: 'invalid_request', error_description: 'client_id, redirect_uri and response_type=code are required.' });
		}
		const code = token('code');
		state.codes.set(code, { clientId, redirectUri, scope });
		const location = new URL(redirectUri);
		location.searchParams.set('code', code);
		if (oauthState) location.searchParams.set('state', oauthState);
		return { status: 302, headers: { Location: location.toString() } };
	};

	const oauthError = (status: number, error: string, description: string) =>
		json(status, { error, error_description: description });

	const tokenEndpoint = (req: RecordedRequest): Reply => {
		const body = asObject(req.body);
		const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
		const [basicId, basicSecret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [];
		const clientId = String(body.client_id ?? (basicId ? decodeURIComponent(basicId) : ''));
		const clientSecret = String(body.client_secret ?? (basicSecret ? decodeURIComponent(basicSecret) : ''));
		if (!clientId || !clientSecret) return oauthError(401, 'access_denied', 'Unauthorized: client_id and client_secret are required.');
		let scope = 'offline_access';
		if (body.grant_type === 'authorization_code') {
			const grant = state.codes.get(String(body.code));
			state.codes.delete(String(body.code));
			if (!grant || grant.clientId !== clientId) return oauthError(403, 'invalid_grant', 'Invalid authorization code');
			if (body.redirect_uri !== grant.redirectUri) return oauthError(403, 'invalid_grant', 'Invalid redirect_uri: it must equal the one sent to /authorize.');
			scope = grant.scope;
			state.grants.authorization_code += 1;
		} else if (body.grant_type === 'refresh_token') {
			if (!state.refreshTokens.has(String(body.refresh_token))) return oauthError(403, 'invalid_grant', 'Unknown or invalid refresh token.');
			state.grants.refresh_token += 1;
			const accessToken = issueAccessToken();
			const reply: Json = { access_token: accessToken, token_type: 'Bearer', expires_in: String(ttl), scope };
			if (options.rotateRefreshTokens) {
				state.refreshTokens.delete(String(body.refresh_token));
				reply.refresh_token = token('rt');
				state.refreshTokens.add(String(reply.refresh_token));
			}
			return json(200, reply);
		} else {
			return oauthError(403, 'unsupported_grant_type', `Unsupported grant type: ${String(body.grant_type)}`);
		}
		const reply: Json = { access_token: issueAccessToken(), id_token: token('id'), token_type: 'Bearer', expires_in: String(ttl), scope };
		if (scope.split(/[ ,]+/).includes('offline_access')) {
			reply.refresh_token = token('rt');
			state.refreshTokens.add(String(reply.refresh_token));
		}
		return json(200, reply);
	};

	// ---- API --------------------------------------------------------------------------------------

	const need = (body: Json, fields: string[]): Reply | undefined => {
		const missing = fields.find((field) => body[field] === undefined || body[field] === '');
		return missing ? seraError(800000, `The request is invalid: '${missing}' is required.`) : undefined;
	};

	const rates = (req: RecordedRequest): Reply => {
		const body = asObject(req.body);
		const invalid = need(body, ['from_address', 'to_address', 'package']);
		if (invalid) return invalid;
		return json(200, SERVICES.filter((service) => !body.service_type || body.service_type === service.service_type).map((service) => rateFor(service, body)));
	};

	const labelImages = (label: Json, labelOptions: Json): Json[] => {
		const format = asLabelFormat(labelOptions.label_format);
		const id = String(label.label_id);
		if (labelOptions.label_output_type === 'base64') {
			const file = labelFile(format, [`USPS ${String(label.service_type)}`], String(label.tracking_number));
			return [{ label_data: file.toString('base64') }];
		}
		return [{ href: `${baseUrl}/downloads/sera/${id}.${format}` }];
	};

	const createLabel = (req: RecordedRequest): Reply => {
		const body = asObject(req.body);
		const invalid = need(body, ['from_address', 'to_address', 'service_type', 'package']);
		if (invalid) return invalid;
		if (isBadAddress(asObject(body.to_address))) return seraError(800000, 'The to_address could not be verified.');
		const service = SERVICES.find((candidate) => candidate.service_type === body.service_type);
		if (!service) return seraError(800000, `The request is invalid: service_type '${String(body.service_type)}' is not available.`);
		const rate = rateFor(service, body);
		const cost = Number(asObject(rate.shipment_cost).total_amount);
		const test = body.is_test_label === true;
		if (!test) {
			if (state.balance < cost) return seraError(800000, 'Insufficient postage balance.');
			state.balance = Math.round((state.balance - cost) * 100) / 100;
			state.purchases += 1;
		}
		state.seq += 1;
		const label: Json = {
			label_id: randomUUID(),
			tracking_number: trackingNumberFor('usps', state.seq + 500),
			...rate,
			is_gap: false,
			is_smartsaver: false,
			is_etoe: false,
			account_balance: { amount_available: state.balance, max_balance_amount_allowed: 500, currency: 'usd' },
			forms: null,
			branding_id: null,
			notification_setting_id: null,
		};
		label.labels = labelImages(label, asObject(body.label_options));
		state.labels.set(String(label.label_id), { ...label, voided: false });
		return json(200, label);
	};

	const withLabel = (handle: (label: Json, req: RecordedRequest) => Reply) => (req: RecordedRequest, [id]: string[]) => {
		const label = state.labels.get(id);
		return label ? handle(label, req) : seraError(800010, 'The label_id specified is invalid');
	};

	const validate = (req: RecordedRequest): Reply => {
		if (!Array.isArray(req.body)) return seraError(800000, 'The request is invalid: the body must be an array of addresses.');
		return json(200, (req.body as unknown[]).map((item) => {
			const address = asObject(item);
			const bad = isBadAddress(address);
			const formatted = { ...address, formatted_address: [address.address_line1, `${String(address.city ?? '')} ${String(address.state_province ?? '')} ${String(address.postal_code ?? '')}`].join('\n') };
			return {
				original_address: formatted,
				matched_address: bad ? null : { ...formatted, address_line1: String(address.address_line1 ?? '').toUpperCase(), city: String(address.city ?? '').toUpperCase() },
				candidate_addresses: [],
				is_po_box: /p\.?o\.? box/i.test(String(address.address_line1 ?? '')),
				is_apo_fpo: false,
				validation_results: bad
					? { result_code: 'E001', result_description: 'Address not verified', result_details: null }
					: { result_code: 'V001', result_description: 'Verified', result_details: null },
			};
		}));
	};

	const parse = (req: RecordedRequest): Reply => {
		const text = String(asObject(req.body).full_address ?? '');
		if (!text.trim()) return seraError(800000, "The request is invalid: 'full_address' is required.");
		const [name = '', line1 = '', rest = ''] = text.split(/\s*[\n,]\s*/);
		const match = /^(.*?)\s+([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$/.exec(rest) ?? [];
		return json(200, { name, address_line1: line1, city: match[1] ?? rest, state_province: match[2] ?? '', postal_code: match[3] ?? '', country_code: 'US', formatted_address: text });
	};

	const tracking = (req: RecordedRequest): Reply => {
		if (!req.query.tracking_number) return seraError(800000, "The request is invalid: 'tracking_number' is required.");
		const known = [...state.labels.values()].some((label) => label.tracking_number === req.query.tracking_number);
		return json(200, {
			tracking_number: req.query.tracking_number,
			carrier_name: req.query.carrier ?? 'usps',
			status_code: known ? 'in_transit' : 'awaiting_shipment',
			carrier_status_description: known ? 'Arrived at USPS Regional Facility' : 'Pre-Shipment Info Sent to USPS',
			estimated_delivery_date: new Date(Date.now() + 3 * DAY_MS).toISOString().slice(0, 10),
			destination: { city: 'AUSTIN', state_province: 'TX', postal_code: '78701', country_code: 'US' },
			tracking_events: known
				? [{ occurred_at: new Date().toISOString(), event_description: 'Arrived at USPS Regional Facility', city: 'AUSTIN', state_province: 'TX', postal_code: '78701', country_code: 'US', signed_by: '', carrier_status_code: '10' }]
				: [],
		});
	};

	const labelsByIds = (body: Json): Reply | Json[] => {
		const ids = Array.isArray(body.label_ids) ? body.label_ids.map(String) : [];
		if (!ids.length) return seraError(800000, "The request is invalid: 'label_ids' is required.");
		const unknown = ids.find((id) => !state.labels.has(id));
		return unknown ? seraError(800010, 'The label_id specified is invalid') : ids.map((id) => state.labels.get(id)!);
	};

	const manifest = (req: RecordedRequest): Reply => {
		const labels = labelsByIds(asObject(req.body));
		if (!Array.isArray(labels)) return labels;
		const id = randomUUID();
		return json(200, { manifest_id: id, carrier: 'usps', ship_date: new Date().toISOString().slice(0, 10), number_of_items_in_manifest: labels.length, labels: [{ href: `${baseUrl}/downloads/sera/manifest-${id}.pdf` }] });
	};

	const pickup = (req: RecordedRequest): Reply => {
		const body = asObject(req.body);
		const labels = labelsByIds(body);
		if (!Array.isArray(labels)) return labels;
		const window = asObject(body.pickup_window);
		if (window.start_at && new Date(String(window.start_at)).getUTCDay() === 0) return seraError(800103, 'USPS pickups are not allowed on Sundays.');
		return json(200, { pickup_id: randomUUID(), carrier: 'usps', pickup_window: window, number_of_items_in_pickup: labels.length, estimated_cost: { amount: 0, currency: 'usd' } });
	};

	const addFunds = (req: RecordedRequest): Reply => {
		const amount = Number(asObject(req.body).amount);
		if (!Number.isFinite(amount) || amount <= 0) return seraError(800000, "The request is invalid: 'amount' must be a positive number.");
		state.balance = Math.round((state.balance + amount) * 100) / 100;
		return json(200, balanceJson());
	};

	const balanceJson = () => ({ amount_available: state.balance, max_balance_amount_allowed: 500, currency: 'usd' });

	const account = () =>
		json(200, {
			account: {
				customer_id: 1234567,
				user_id: 7654321,
				account_id: 1234567,
				corporation_id: 42,
				account_status: 'active',
				gmt_offset_minutes: '-360',
				daylight_savings_time: true,
				meter_details: { meter_number: 99887766, meter_address: { company_name: 'Mock Shop', address_line1: '4 Jersey St', city: 'Boston', state_province: 'MA', postal_code: '02215', country_code: 'US' }, meter_provider: 'stamps_com' },
				customer_details: { username: 'mockshop', creation_date: '2024-01-15T10:00:00Z', per_print_limit: 500, max_image_count: 5 },
				capabilities: ['usps_return', 'parcelguard_insurance'],
			},
		});

	const carrierServices = () =>
		json(200, {
			shipping_options: [
				{
					carrier: 'usps',
					services: SERVICES.map((service) => ({
						service_type: service.service_type,
						service_name: service.service_type.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()).replace('Usps', 'USPS'),
						packaging_options: [{ packaging_type: 'package', packaging_name: 'Package', content_options: [] }],
					})),
				},
			],
		});

	const securityQuestions = () =>
		json(200, [
			{ security_question: "What was your childhood nickname?", security_question_type: 'childhood_nickname' },
			{ security_question: "What is your mother's maiden name?", security_question_type: 'mothers_maiden_name' },
			{ security_question: 'What was the name of your first pet?', security_question_type: 'first_pet_name' },
		]);

	const api = (path: string) => new RegExp(`^${API}/v1${path}$`);

	const routes = (): Route[] => [
		route('GET', new RegExp(`^${SIGNIN}/authorize$`), authorize),
		route('POST', new RegExp(`^${SIGNIN}/oauth/token$`), tokenEndpoint),
		route('GET', /^\/downloads\/sera\/([^/]+)\.(pdf|png|zpl)$/, (_req, [name, format]) => {
			const fmt = asLabelFormat(format);
			return { status: 200, raw: fmt === 'pdf' ? tinyPdf([`SERA ${name}`]) : labelFile(fmt, [name], name), headers: { 'Content-Type': fmt === 'png' ? 'image/png' : fmt === 'zpl' ? 'application/zpl' : 'application/pdf' } };
		}),
		route('GET', api('/account'), account),
		route('GET', api('/balance'), () => json(200, balanceJson())),
		route('POST', api('/balance/add-funds'), addFunds),
		route('GET', api('/url'), (req) =>
			req.query.url_type
				? json(200, { url: `https://mock.stampsendicia.example/${req.query.url_type}?session=${randomUUID()}` })
				: seraError(800000, "The request is invalid: 'url_type' is required."),
		),
		route('GET', api('/carrier-services'), carrierServices),
		route('GET', api('/security_questions'), securityQuestions),
		route('POST', api('/rates'), rates),
		route('POST', api('/labels'), createLabel),
		route('GET', api('/labels/([^/]+)'), withLabel((label, req) => json(200, { labels: labelImages(label, req.query), forms: null }))),
		route('PUT', api('/labels/([^/]+)/void'), withLabel((label) => {
			if (label.voided) return seraError(800000, 'The label has already been voided.');
			label.voided = true;
			return noContent();
		})),
		route('POST', api('/addresses/validate'), validate),
		route('POST', api('/addresses/parse'), parse),
		route('GET', api('/tracking'), tracking),
		route('POST', api('/manifests'), manifest),
		route('POST', api('/pickups'), pickup),
		route('DELETE', api('/pickups/([^/]+)'), () => noContent()),
	];

	const guard = (req: RecordedRequest): Reply | undefined => {
		if (!req.path.startsWith(`${API}/`)) return undefined;
		const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
		const expiresAt = bearer ? state.accessTokens.get(bearer) : undefined;
		if (!expiresAt || expiresAt <= Date.now()) {
			return json(401, { errors: [{ error_code: 'unauthorized', error_message: 'The access token is missing, invalid or expired.' }] });
		}
		if (req.method !== 'POST') return undefined;
		const key = req.headers['idempotency-key'];
		if (key === undefined) return seraError(800002, 'Idempotency-Key header not found for enforced idempotent endpoint.');
		if (!isUuidV4(key)) return seraError(800001, 'Idempotency-Key provided was invalid.');
		const seen = state.idempotency.get(key);
		return seen && req.at - seen.at < DAY_MS ? seen.reply : undefined;
	};

	const remember = (req: RecordedRequest, reply: Reply) => {
		const key = req.headers['idempotency-key'];
		if (req.method === 'POST' && req.path.startsWith(`${API}/`) && key) state.idempotency.set(key, { at: req.at, reply });
	};

	state = freshState();
	const server = await startMockServer({
		port: options.port,
		guard,
		afterReply: remember,
		routes,
		notFound: (req) => seraError(800000, `No route for ${req.method} ${req.path} in the SERA mock.`, 404),
		resetState: () => {
			state = freshState();
		},
	});
	baseUrl = server.url;

	return {
		url: server.url,
		signinUrl: `${server.url}${SIGNIN}`,
		apiUrl: `${server.url}${API}`,
		requests: server.requests,
		script: server.script,
		reset: server.reset,
		close: server.close,
		get purchases() {
			return state.purchases;
		},
		get tokenGrants() {
			return { ...state.grants };
		},
		get balance() {
			return state.balance;
		},
		expireAccessTokens() {
			for (const accessToken of state.accessTokens.keys()) state.accessTokens.set(accessToken, 0);
		},
		issueAccessToken,
	};
}
