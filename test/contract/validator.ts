/**
 * Checks one HTTP exchange (a request our node sent and the reply a test gave it) against the
 * official API description: operation exists, path/query/header parameters, security header,
 * request body, and the reply body for its status. Pure: no nock, no jest.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

import { EXTRA_REQUEST_CONTENT_TYPES, FILE_HOSTS, TEST_ONLY_PATHS } from './allowList';
import { type ApiName, loadSpec, pointerOf, type Variant } from './spec';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Exchange {
	method: string;
	url: string;
	/** Request headers, any case. */
	headers: Record<string, string>;
	/** Raw request body ('' when none). */
	body: string;
	response?: { status: number; headers: Record<string, string>; body: string };
}

export interface Violation {
	/** "POST /v1/labels" */
	operation: string;
	part: 'operation' | 'path' | 'query' | 'header' | 'request body' | 'response body';
	/** Location inside the part: JSON pointer for bodies, the parameter name otherwise. */
	pointer: string;
	message: string;
}

export interface ContractResult {
	api?: ApiName;
	/** "METHOD /path/{template}" once the operation is known. */
	operation?: string;
	/** Set when the exchange was deliberately not checked (test-only path, unmodelled error reply). */
	skipped?: string;
	/** Reply not checked (status not modelled); the request still was. */
	responseSkipped?: string;
	violations: Violation[];
}

const SERA_API_HOST = /^api(\.testing)?\.stampsendicia\.com$/i;
const SERA_SIGNIN_HOST = /^signin(\.testing)?\.stampsendicia\.com$/i;
const SHIPENGINE_HOST = /^api\.shipengine\.com$/i;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** Which API a request is for, and its path relative to that API's base. */
export function classify(url: URL, headers: Record<string, string>): { api: ApiName; path: string } | { error: string } {
	const path = decodeURI(url.pathname);
	if (SERA_API_HOST.test(url.hostname)) {
		if (!/^\/sera(\/|$)/.test(path)) return { error: `SERA API paths live under ${url.origin}/sera, got ${path}` };
		return { api: 'SERA', path: path.slice('/sera'.length) || '/' };
	}
	if (SERA_SIGNIN_HOST.test(url.hostname)) return { api: 'SERA', path };
	if (SHIPENGINE_HOST.test(url.hostname)) return { api: 'ShipEngine', path };
	// A base URL overridden through the credential: tell the APIs apart by their auth header.
	const base = (p: string) => {
		const at = p.search(/\/v\d+\//);
		return at >= 0 ? p.slice(at) : p;
	};
	if (header(headers, 'api-key') !== undefined) return { api: 'ShipEngine', path: base(path) };
	if (/\/oauth\/token$/.test(path)) return { api: 'SERA', path: '/oauth/token' };
	if (/^bearer /i.test(header(headers, 'authorization') ?? '')) return { api: 'SERA', path: base(path) };
	return { error: `no API description for ${url.origin} (not a ShipEngine or SERA host, no API-Key or Bearer header)` };
}

function header(headers: Record<string, string>, name: string): string | undefined {
	const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
	return key === undefined ? undefined : headers[key];
}

interface Route {
	method: string;
	template: string;
	regex: RegExp;
	names: string[];
	literals: number;
}

interface Checker {
	ajv: Ajv;
	routes: Route[];
	compiled: Map<string, ValidateFunction>;
	docs: Record<Variant, Json>;
}

const checkers = new Map<ApiName, Checker>();

function checker(api: ApiName): Checker {
	let found = checkers.get(api);
	if (found) return found;
	const spec = loadSpec(api);
	const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, allowUnionTypes: true });
	addFormats(ajv);
	// OpenAPI's numeric and binary formats: the type keyword already checks what matters.
	for (const format of ['int32', 'int64', 'float', 'double', 'decimal', 'byte', 'binary', 'password', 'pdf', 'url']) {
		if (!ajv.formats[format]) ajv.addFormat(format, true);
	}
	ajv.addSchema(spec.request, `${api}-request`);
	ajv.addSchema(spec.response, `${api}-response`);
	const routes: Route[] = [];
	for (const [template, item] of Object.entries(spec.request.paths as Json)) {
		const names: string[] = [];
		const segments = template.split('/').map((segment) => {
			const param = /^\{(.+)\}$/.exec(segment);
			if (param) {
				names.push(param[1]);
				return '([^/]+)';
			}
			return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		});
		const literals = template.split('/').filter((s) => s && !s.startsWith('{')).length;
		for (const method of Object.keys(item).filter((m) => METHODS.includes(m))) {
			routes.push({ method: method.toUpperCase(), template, regex: new RegExp(`^${segments.join('/')}/?$`), names, literals });
		}
	}
	routes.sort((a, b) => b.literals - a.literals); // /v1/labels/external_shipment_id/{id} before /v1/labels/{label_id}
	found = { ajv, routes, compiled: new Map(), docs: { request: spec.request, response: spec.response } };
	checkers.set(api, found);
	return found;
}

function validatorFor(api: ApiName, variant: Variant, pointer: string): ValidateFunction {
	const { ajv, compiled } = checker(api);
	const key = `${variant}${pointer}`;
	let validate = compiled.get(key);
	if (!validate) {
		validate = ajv.compile({ $ref: `${api}-${variant}${pointer}` });
		compiled.set(key, validate);
	}
	return validate;
}

function describe(error: ErrorObject): string {
	const p = error.params as Json;
	switch (error.keyword) {
		case 'enum': {
			const allowed = (p.allowedValues as unknown[]).map((v) => JSON.stringify(v));
			const shown = allowed.length > 15 ? [...allowed.slice(0, 15), `… (${allowed.length} values)`] : allowed;
			return `must be one of ${shown.join(', ')}`;
		}
		case 'additionalProperties':
			return `unknown property "${p.additionalProperty}" (the schema allows no other properties)`;
		case 'required':
			return `missing required property "${p.missingProperty}"`;
		case 'type':
			return `must be ${p.type}`;
		case 'format':
			return `must be a valid ${p.format}`;
		case 'if':
			return 'must match the variant its properties select (see the errors above)';
		default:
			return error.message ?? error.keyword;
	}
}

function valueAt(data: unknown, pointer: string): unknown {
	let node = data;
	for (const part of pointer.split('/').slice(1)) {
		if (node === null || typeof node !== 'object') return undefined;
		node = (node as Json)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
	}
	return node;
}

/** Runs a compiled schema and turns ajv's errors into violations (deduplicated, capped). */
function schemaViolations(
	validate: ValidateFunction,
	data: unknown,
	operation: string,
	part: Violation['part'],
): Violation[] {
	if (validate(data)) return [];
	let errors = validate.errors ?? [];
	// A uuid/date field that fails its format also fails its pattern and length: the format says it all.
	const formatFailed = new Set(errors.filter((e) => e.keyword === 'format').map((e) => e.instancePath));
	errors = errors.filter((e) => !(formatFailed.has(e.instancePath) && ['pattern', 'minLength', 'maxLength'].includes(e.keyword)));
	const seen = new Set<string>();
	const violations: Violation[] = [];
	for (const error of errors) {
		const pointer = error.instancePath || '/';
		let message = describe(error);
		const actual = valueAt(data, error.instancePath);
		if (['enum', 'type', 'format', 'const', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength'].includes(error.keyword)) {
			message += ` (got ${JSON.stringify(actual)?.slice(0, 80)})`;
		}
		const key = `${pointer} ${message}`;
		if (seen.has(key)) continue;
		seen.add(key);
		violations.push({ operation, part, pointer, message });
	}
	const limit = 12;
	if (violations.length > limit) {
		const more = violations.length - limit + 1;
		violations.splice(limit - 1, violations.length, { operation, part, pointer: '', message: `… and ${more} more` });
	}
	return violations;
}

function mediaType(value: string | undefined): string {
	return (value ?? '').split(';')[0].trim().toLowerCase();
}

function parseBody(text: string, type: string): { ok: true; value: unknown } | { ok: false; error: string } {
	if (type === 'application/x-www-form-urlencoded') return { ok: true, value: Object.fromEntries(new URLSearchParams(text)) };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		return { ok: false, error: (error as Error).message };
	}
}

const isJsonType = (type: string) => type === 'application/json' || type.endsWith('+json');
const isEmptyBody = (text: string) => text.trim() === '' || text.trim() === '{}';

function coerce(values: string[], schema: Json): unknown {
	const one = (value: string, type: unknown): unknown => {
		if ((type === 'integer' || type === 'number') && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
		if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
		return value;
	};
	if (schema?.type === 'array') {
		return values.flatMap((value) => value.split(',')).map((value) => one(value, schema.items?.type));
	}
	return one(values[values.length - 1], schema?.type);
}

export function checkExchange(exchange: Exchange): ContractResult {
	const url = new URL(exchange.url);
	const method = exchange.method.toUpperCase();
	const fileHost = FILE_HOSTS.find((entry) => entry.host.test(url.hostname));
	if (fileHost) return { skipped: `file download ${url.hostname}: ${fileHost.why}`, violations: [] };
	const target = classify(url, exchange.headers);
	if ('error' in target) {
		return { violations: [{ operation: `${method} ${url.pathname}`, part: 'operation', pointer: '', message: target.error }] };
	}
	const { api, path } = target;
	const testOnly = TEST_ONLY_PATHS.find((entry) => entry.method === method && entry.path === path);
	if (testOnly) return { api, skipped: `test-only path ${method} ${path}: ${testOnly.why}`, violations: [] };

	const { routes, docs } = checker(api);
	const candidates = routes.filter((route) => route.regex.test(path));
	const route = candidates.find((candidate) => candidate.method === method);
	if (!route) {
		const message = candidates.length
			? `${method} is not an operation of ${candidates[0].template} (documented: ${[...new Set(candidates.map((c) => c.method))].join(', ')})`
			: `unknown path ${path}: no such operation in the ${api} spec`;
		return { api, violations: [{ operation: `${method} ${path}`, part: 'operation', pointer: '', message }] };
	}
	const operationName = `${method} ${route.template}`;
	const violations: Violation[] = [];
	const add = (part: Violation['part'], pointer: string, message: string) =>
		violations.push({ operation: operationName, part, pointer, message });
	const opPointer = ['paths', route.template, method.toLowerCase()];
	const item = docs.request.paths[route.template] as Json;
	const operation = item[method.toLowerCase()] as Json;

	// Parameters: path-level ones, overridden by operation-level ones with the same name + location.
	const parameters = new Map<string, { param: Json; pointer: string }>();
	(item.parameters ?? []).forEach((param: Json, i: number) =>
		parameters.set(`${param.in}:${param.name}`, { param, pointer: pointerOf(['paths', route.template, 'parameters', String(i), 'schema']) }),
	);
	(operation.parameters ?? []).forEach((param: Json, i: number) =>
		parameters.set(`${param.in}:${param.name}`, { param, pointer: pointerOf([...opPointer, 'parameters', String(i), 'schema']) }),
	);
	const checkValue = (part: Violation['part'], name: string, value: unknown, pointer: string, schema: unknown) => {
		if (!schema) return;
		for (const v of schemaViolations(validatorFor(api, 'request', pointer), value, operationName, part)) {
			add(part, name, v.message);
		}
	};

	const pathValues = route.regex.exec(path)!.slice(1);
	route.names.forEach((name, i) => {
		const entry = parameters.get(`path:${name}`);
		if (entry) checkValue('path', name, coerce([decodeURIComponent(pathValues[i])], entry.param.schema), entry.pointer, entry.param.schema);
	});

	const queryNames = [...new Set(url.searchParams.keys())];
	for (const name of queryNames) {
		const entry = parameters.get(`query:${name}`);
		if (!entry) {
			const documented = [...parameters.values()].filter((e) => e.param.in === 'query').map((e) => e.param.name);
			add('query', name, `unknown query parameter (documented: ${documented.join(', ') || 'none'})`);
			continue;
		}
		checkValue('query', name, coerce(url.searchParams.getAll(name), entry.param.schema), entry.pointer, entry.param.schema);
	}
	for (const { param, pointer } of parameters.values()) {
		if (param.in === 'query' && param.required && !url.searchParams.has(param.name)) add('query', param.name, 'missing required query parameter');
		if (param.in === 'header') {
			const value = header(exchange.headers, param.name);
			if (value === undefined) {
				if (param.required) add('header', param.name, 'missing required header');
			} else {
				checkValue('header', param.name, value, pointer, param.schema);
			}
		}
	}

	// Security: one of the alternatives must be met (an empty alternative means none needed).
	const security = (operation.security ?? docs.request.security ?? []) as Json[];
	const schemes = (docs.request.components?.securitySchemes ?? {}) as Json;
	const satisfied = (name: string): boolean => {
		const scheme = schemes[name] as Json | undefined;
		if (!scheme) return true;
		if (scheme.type === 'apiKey' && scheme.in === 'header') return Boolean(header(exchange.headers, scheme.name));
		if (scheme.type === 'oauth2' || (scheme.type === 'http' && scheme.scheme === 'bearer')) {
			return /^bearer \S+/i.test(header(exchange.headers, 'authorization') ?? '');
		}
		return true;
	};
	if (security.length && !security.some((alternative) => Object.keys(alternative).every(satisfied))) {
		const wanted = security.map((alternative) => Object.keys(alternative).map((name) => {
			const scheme = schemes[name] as Json;
			return scheme?.type === 'apiKey' ? `${scheme.name} header` : 'Authorization: Bearer';
		}).join(' + '));
		add('header', 'authentication', `missing credentials: expected ${[...new Set(wanted)].join(' or ')}`);
	}

	// Request body.
	const requestBody = operation.requestBody as Json | undefined;
	const requestType = mediaType(header(exchange.headers, 'content-type'));
	if (isEmptyBody(exchange.body)) {
		if (requestBody?.required && exchange.body.trim() === '') add('request body', '', 'missing required request body');
	} else if (!requestBody) {
		add('request body', '', `operation takes no request body, got ${exchange.body.slice(0, 80)}`);
	}
	if (requestBody && exchange.body.trim() !== '') {
		const content = (requestBody.content ?? {}) as Json;
		const extra = EXTRA_REQUEST_CONTENT_TYPES.find(
			(entry) => entry.api === api && entry.operation === operationName && entry.contentType === requestType,
		);
		const documentedType = content[requestType] ? requestType : extra ? Object.keys(content).find(isJsonType) : undefined;
		if (!documentedType) {
			add('request body', '', `content type "${requestType || 'none'}" is not accepted (documented: ${Object.keys(content).join(', ')})`);
		} else if (isJsonType(documentedType) && content[documentedType].schema) {
			const parsed = parseBody(exchange.body, requestType);
			if (!parsed.ok) add('request body', '', `not valid JSON: ${parsed.error}`);
			else {
				const pointer = pointerOf([...opPointer, 'requestBody', 'content', documentedType, 'schema']);
				violations.push(...schemaViolations(validatorFor(api, 'request', pointer), parsed.value, operationName, 'request body'));
			}
		}
	}

	// Reply.
	let responseSkipped: string | undefined;
	if (exchange.response) {
		const { status, body } = exchange.response;
		const responses = (operation.responses ?? {}) as Json;
		const code = [String(status), `${String(status)[0]}XX`, `${String(status)[0]}xx`, 'default'].find((c) => responses[c]);
		if (!code) {
			// ShipEngine models no 401/429, SERA only 400: such replies cannot drift from a shape that is not documented.
			if (status >= 400) responseSkipped = `HTTP ${status} not modelled for ${operationName}`;
			else add('response body', '', `HTTP ${status} is not a documented status (documented: ${Object.keys(responses).join(', ')})`);
		} else {
			const content = (responses[code].content ?? {}) as Json;
			const replyType = mediaType(header(exchange.response.headers, 'content-type'));
			const jsonType = Object.keys(content).find(isJsonType);
			if (jsonType && content[jsonType].schema && (isJsonType(replyType) || replyType === '')) {
				const pointer = pointerOf(['paths', route.template, method.toLowerCase(), 'responses', code, 'content', jsonType, 'schema']);
				if (body.trim() === '') add('response body', '', `HTTP ${status} has a documented JSON body, the reply is empty`);
				else {
					const parsed = parseBody(body, 'application/json');
					if (!parsed.ok) add('response body', '', `not valid JSON: ${parsed.error}`);
					else violations.push(...schemaViolations(validatorFor(api, 'response', pointer), parsed.value, operationName, 'response body'));
				}
			} else if (!Object.keys(content).length || content[replyType]) {
				// no body documented (SERA's 2XX) or a non-JSON body of a documented type (label files): nothing to validate
			} else if (body.trim() !== '') {
				const got = replyType ? `content type "${replyType}"` : 'a reply without Content-Type';
				add('response body', '', `${got} is not documented for HTTP ${status} (documented: ${Object.keys(content).join(', ')})`);
			}
		}
	}
	return { api, operation: operationName, responseSkipped, violations };
}

export function formatViolation(v: Violation): string {
	const where = v.pointer ? `${v.part} ${v.pointer}` : v.part;
	return `${v.operation}: ${where}: ${v.message}`;
}
