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
	{
		api: 'ShipEngine',
		pointer: '#/components/schemas/address_validating_shipment',
		why:
			'The inline shipment of POST /v1/rates asks which carriers and services are available, so it cannot ' +
			'require carrier_id and service_code (rate_options.carrier_ids chooses the carriers). The spec reuses ' +
			'a schema that requires them; shipengine-endpoints.md (Rates row, "checked against that file") lists ' +
			'only ship_to*, ship_from* (or warehouse_id) and packages[].weight* as required.',
		apply: (schema) => {
			schema.required = schema.required.filter((name: string) => !['carrier_id', 'service_code'].includes(name));
		},
	},
	{
		api: 'ShipEngine',
		pointer: '#/components/schemas/label_download/properties/href',
		why:
			'With label_download_type "inline" the label itself comes back Base64-encoded in the response ' +
			'(shipengine-labels-reference.txt, label_download_type: "inline: You will receive the Base64-encoded ' +
			'label as part of the response"; shipengine-endpoints.md, Label files), and label_download.href is the ' +
			'only field that can carry it, so href is not always a URL as its format: url claims.',
		apply: (schema) => {
			delete schema.allOf;
			Object.assign(schema, { type: 'string', minLength: 1 });
		},
	},
	{
		api: 'ShipEngine',
		pointer: '#/components/schemas/address_validating_shipment',
		why:
			'The shipment schema says "Either ship_from or warehouse_id must be set" (its own note), yet the ' +
			'schema of POST /v1/shipments and /v1/rates lists ship_from as required, refusing a shipment that ' +
			'ships from a warehouse (shipengine-endpoints.md, Rates row: "ship_from* (or warehouse_id)").',
		apply: (schema) => {
			schema.required = schema.required.filter((name: string) => name !== 'ship_from');
			schema.anyOf = [{ required: ['ship_from'] }, { required: ['warehouse_id'] }];
		},
	},
	{
		api: 'ShipEngine',
		pointer: '#/components/schemas/update_shipment_response_body',
		why:
			'PUT /v1/shipments/{id} answers the shipment (allOf create_and_validate_shipment, additionalProperties ' +
			'false), yet the schema requires has_errors, which that schema does not define and so forbids: no ' +
			'body can satisfy both (has_errors belongs to the create_shipments answer).',
		apply: (schema) => {
			schema.required = (schema.required as string[]).filter((key) => key !== 'has_errors');
		},
	},
	{
		api: 'ShipEngine',
		pointer: '#/components/schemas/create_batch_request_body/properties/external_batch_id',
		why:
			'external_batch_id is the caller\'s own ID: the batch schema types it as a plain string, and the ' +
			'spec\'s own example for GET /v1/batches/external_batch_id/{id} is a UUID ' +
			'(13553d7f-3c87-4771-bae1-c49bacef11cb), yet the create body ties it to se_id ("se-…").',
		apply: (schema) => {
			delete schema.allOf;
			Object.assign(schema, { type: 'string', minLength: 1 });
		},
	},
	{
		api: 'ShipEngine',
		pointer: '#/components/schemas/create_and_process_batch_request_body/properties/external_batch_id',
		why:
			'external_batch_id is the caller\'s own ID: the batch schema types it as a plain string, and the ' +
			'spec\'s own example for GET /v1/batches/external_batch_id/{id} is a UUID ' +
			'(13553d7f-3c87-4771-bae1-c49bacef11cb), yet the create-and-process body ties it to se_id ("se-…").',
		apply: (schema) => {
			delete schema.allOf;
			Object.assign(schema, { type: 'string', minLength: 1 });
		},
	},
	// Spec errors met by the Rate resource tests (added by the Label/Rate/Address helper).
	{
		api: 'ShipEngine',
		pointer: '#/components/schemas/rates_information',
		why:
			'rates_information.created_at is declared a date-time AND allOf se_id ("se-…"), which no ' +
			'timestamp can satisfy; every other created_at in the spec is a plain date-time.',
		apply: (schema) => {
			delete schema.properties.created_at.allOf;
		},
	},
	{
		api: 'ShipEngine',
		pointer: '#/components/schemas/get_rate_by_id_response_body',
		why:
			'GET /v1/rates/{rate_id} returns one rate (allOf rate, additionalProperties false), yet the ' +
			'schema also requires the rates_information keys (rates, invalid_rates, …) that it forbids.',
		apply: (schema) => {
			delete schema.required;
		},
	},
	// Spec error met by the Pickup resource tests (added by the Tracking/Manifest/Pickup helper).
	{
		api: 'ShipEngine',
		pointer: '#/components/schemas/pickup_response_body',
		why:
			'GET /v1/pickups/{pickup_id} returns the pickup (allOf pickup, additionalProperties false), yet ' +
			'the schema requires "pickup" and "notes", which the pickup schema does not define and so forbids ' +
			'(its notes field is pickup_notes): no body can satisfy both.',
		apply: (schema) => {
			schema.required = (schema.required as string[]).filter((key) => key !== 'pickup' && key !== 'notes');
		},
	},
	{
		api: 'SERA',
		pointer: '#/components/schemas/Address',
		why:
			'SERA returns null for address fields it has no value for: sera-api-reference.txt, address ' +
			'validation sample (request email: null; response company_name, name, address_line2/3, phone, ' +
			'email, residential_indicator: null). The reconstructed spec types them as plain strings.',
		apply: (schema) => {
			for (const property of Object.values(schema.properties as Json)) if (property.type === 'string') property.nullable = true;
		},
	},
	{
		api: 'SERA',
		pointer: '#/components/schemas/AddressWithFormatted/allOf/1/properties/formatted_address',
		why: 'Same sample: "formatted_address": null (sera-api-reference.txt, address validation response).',
		apply: (schema) => {
			schema.nullable = true;
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
	{
		method: 'GET',
		path: '/jwks',
		why:
			'ShipEngine webhook signing keys (JWKS, no auth): real, but absent from the OpenAPI spec ' +
			'(shipengine-webhook-signatures.md, fact 9); used by the ShipEngine Trigger tests',
	},
];

/** Hosts that serve files, not an API: their links come from API replies and need no credentials. */
export const FILE_HOSTS: Array<{ host: RegExp; why: string }> = [
	{
		host: /^labels(\.testing)?\.stampsendicia\.com$/i,
		why: 'SERA label/manifest files (label_download.href in SERA replies); no API description exists for them',
	},
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
