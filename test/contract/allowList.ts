/**
 * Every place where the contract check knowingly departs from the two API descriptions.
 * Keep it short: each entry needs a reason and the evidence for it. Anything not listed here
 * is checked strictly against test/contract/specs/*.
 */
import type { ApiName } from './spec';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface SchemaPatch {
	api: ApiName;
	/** JSON pointer into the OpenAPI document (before the allOf merge). */
	pointer: string;
	why: string;
	apply: (schema: Json) => void;
}

/** Corrections of schemas that are demonstrably wrong in the published spec. */
export const SCHEMA_PATCHES: SchemaPatch[] = [
	{
		api: 'ShipEngine',
		pointer: '#/components/schemas/calculate_rates_request_body',
		why:
			'POST /v1/rates takes a shipment_id OR an inline shipment: the schema says so itself with ' +
			'oneOf [shipment_id_request, rate_shipment_request], yet also lists both as required, which no ' +
			'request can satisfy (shipengine-endpoints.md, Rates: "Either shipment_id or shipment{…}").',
		apply: (schema) => {
			delete schema.required;
			schema.oneOf = [
				{ allOf: [{ $ref: '#/components/schemas/shipment_id_request' }], required: ['shipment_id'] },
				{ allOf: [{ $ref: '#/components/schemas/rate_shipment_request' }], required: ['shipment'] },
			];
		},
	},
];

export interface TestOnlyPath {
	method: string;
	path: string;
	why: string;
}

/**
 * Requests that belong to no real API and are skipped on purpose (counted, not validated).
 * Matched on method + path after the API base; anything else on an unknown path is a violation.
 */
export const TEST_ONLY_PATHS: TestOnlyPath[] = [
	{ method: 'POST', path: '/v1/echo', why: 'test/harness.test.ts: a tiny example node proving the harness itself' },
];

/** Request content types accepted in addition to the ones the spec lists, per operation. */
export const EXTRA_REQUEST_CONTENT_TYPES: Array<{ api: ApiName; operation: string; contentType: string; why: string }> = [
	{
		api: 'SERA',
		operation: 'POST /oauth/token',
		contentType: 'application/x-www-form-urlencoded',
		why:
			"n8n's OAuth2 client always sends a form-encoded token request; the spec documents JSON. The " +
			'/authorize + /oauth/token pair is an Auth0-style server, whose token endpoint accepts both ' +
			'(spec README, "Pitfalls"). The form fields are still validated against the JSON schema.',
	},
];
