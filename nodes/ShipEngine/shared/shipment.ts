/**
 * Builds ShipEngine's `shipment` object from the structured fields (Ship To, Ship From,
 * Packages, Shipment JSON) and validates it before any request is sent. Plain one-to-one fields
 * (confirmation, warehouse, ...) are routed declaratively; this preSend only does the structural
 * part and the cross-field checks.
 */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { inputError } from '../../shared/validation';
import { ADDRESS_LABELS, toApiAddress as toSharedApiAddress } from '../../shared/descriptions/address';
import { packageWeight } from '../../shared/descriptions/package';
import { checkShipEngineCustoms, shipEngineCustoms } from './customs';
import { ADDRESS_API, V1_WEIGHT_UNIT } from './descriptions';
import { toUtcDateTime } from './input';

export { inputError };

/** Structured address values → ShipEngine address; empty strings and the "unknown" default are left out. */
export function toApiAddress(values: IDataObject | undefined): IDataObject | undefined {
	if (!values) return undefined;
	const address = toSharedApiAddress(ADDRESS_API, values);
	return Object.keys(address).length ? address : undefined;
}

/** Checks an API-shaped address; `label` is the field name the user sees ("Ship To"). */
export function checkAddress(
	ctx: IExecuteSingleFunctions,
	label: string,
	address: IDataObject | undefined,
	required: string[],
	itemIndex = ctx.getItemIndex(),
): void {
	const names: Record<string, string> = Object.fromEntries(
		Object.entries(ADDRESS_API.property).map(([part, property]) => [property, ADDRESS_LABELS[part as keyof typeof ADDRESS_LABELS]]),
	);
	if (!address) throw inputError(ctx, label, 'an address is required', itemIndex);
	for (const key of required) {
		const value = address[key];
		if (value === undefined || value === null || String(value).trim() === '') {
			throw inputError(ctx, `${label} > ${names[key] ?? key}`, 'is required', itemIndex);
		}
	}
	if (address.country_code !== undefined && !/^[A-Za-z]{2}$/.test(String(address.country_code))) {
		throw inputError(ctx, `${label} > Country Code`, `"${String(address.country_code)}" is not a two-letter ISO country code (e.g. US, CA, GB)`, itemIndex);
	}
}

function positive(value: unknown): boolean {
	return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** Packages fixedCollection → packages[]. */
export function toApiPackages(ctx: IExecuteSingleFunctions, raw: IDataObject | undefined): IDataObject[] {
	const list = ((raw?.package as IDataObject[] | undefined) ?? []).filter(Boolean);
	return list.map((p, i) => {
		const field = `Packages > Package ${i + 1}`;
		const weight = packageWeight(p.weight);
		if (weight === undefined) throw inputError(ctx, `${field} > Weight`, `must be above zero (got ${String(p.weight ?? '')})`);
		const pkg: IDataObject = { weight: { value: weight, unit: p.weightUnit ?? V1_WEIGHT_UNIT } };
		const dims = [Number(p.length ?? 0), Number(p.width ?? 0), Number(p.height ?? 0)];
		if (dims.some((d) => d !== 0)) {
			if (!dims.every(positive)) {
				throw inputError(ctx, `${field} > Length / Width / Height`, 'give all three dimensions above zero, or leave all three at 0');
			}
			pkg.dimensions = { unit: p.dimensionUnit ?? 'inch', length: dims[0], width: dims[1], height: dims[2] };
		}
		if (p.packageCode) pkg.package_code = String(p.packageCode).trim().toLowerCase();
		const insured = Number(p.insuredValue ?? 0);
		if (insured < 0 || Number.isNaN(insured)) throw inputError(ctx, `${field} > Insured Value`, 'must be zero or more');
		if (insured > 0) pkg.insured_value = { currency: String(p.insuredCurrency || 'usd').toLowerCase(), amount: insured };
		return pkg;
	});
}

/** Parses a JSON parameter (string or object) into an object, naming the field on failure. */
export function parseJsonObject(ctx: IExecuteSingleFunctions, field: string, value: unknown): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			throw inputError(ctx, field, `is not valid JSON (${(error as Error).message})`);
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw inputError(ctx, field, 'must be a JSON object');
	return parsed as IDataObject;
}

/**
 * The shipment built from this item's fields, merged with Shipment JSON, and validated.
 * `needsCarrier`: purchase with a chosen service (carrier_id + service_code come from their fields).
 */
export function buildShipment(ctx: IExecuteSingleFunctions, base: IDataObject): IDataObject {
	const shipment: IDataObject = { ...base };
	const shipTo = toApiAddress((ctx.getNodeParameter('shipTo', {}) as IDataObject).address as IDataObject);
	const shipFrom = toApiAddress((ctx.getNodeParameter('shipFrom', {}) as IDataObject).address as IDataObject);
	if (shipTo) shipment.ship_to = shipTo;
	if (shipFrom) shipment.ship_from = shipFrom;
	const packages = toApiPackages(ctx, ctx.getNodeParameter('packages', {}) as IDataObject);
	if (packages.length) shipment.packages = packages;
	const extra = parseJsonObject(
		ctx,
		'Additional Fields > Shipment JSON',
		(ctx.getNodeParameter('additionalFields', {}) as IDataObject).shipmentJson,
	);
	Object.assign(shipment, shipEngineCustoms(ctx), extra);

	checkAddress(ctx, 'Ship To', shipment.ship_to as IDataObject | undefined, ['name', 'address_line1', 'city_locality', 'postal_code', 'country_code']);
	if (!shipment.warehouse_id) {
		checkAddress(ctx, 'Ship From', shipment.ship_from as IDataObject | undefined, ['name', 'address_line1', 'city_locality', 'postal_code', 'country_code']);
	}
	if (!Array.isArray(shipment.packages) || shipment.packages.length === 0) {
		throw inputError(ctx, 'Packages', 'add at least one package with a weight');
	}
	const shipDate = shipment.ship_date;
	if (shipDate !== undefined && shipDate !== '' && !toUtcDateTime(String(shipDate), 'UTC')) {
		throw inputError(ctx, 'Additional Fields > Ship Date', `"${String(shipDate)}" is not a date (use e.g. 2026-04-10)`);
	}
	const externalId = shipment.external_shipment_id;
	if (externalId !== undefined && String(externalId).length > 50) {
		throw inputError(ctx, 'Additional Fields > External Shipment ID', 'must be at most 50 characters');
	}
	checkShipEngineCustoms(ctx, shipment);
	return shipment;
}

/** preSend: puts the built shipment into body.shipment (keeping the routed shipment.* fields). */
export async function shipmentPreSend(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	body.shipment = buildShipment(this, (body.shipment as IDataObject | undefined) ?? {});
	requestOptions.body = body;
	return requestOptions;
}
