/**
 * Is a label found by a purchase key this item's shipment? A key (external shipment ID) can
 * find another order's label: an order number used twice, or a key another n8n installation
 * made. Before such a label is returned instead of buying, what the item asks for is compared
 * with what the label was bought for: ship-to name, postal code and first address line,
 * carrier and service (when the item names them), package count and weights. Only fields both
 * sides have are compared; text ignores case, accents, punctuation and spacing; a ZIP matches
 * its ZIP+4; weights match within 1 % (ShipEngine may convert units).
 */
import type { IDataObject } from 'n8n-workflow';

export interface ShipmentDifference {
	/** The API field that differs, e.g. `ship_to.postal_code` or `packages[1].weight`. */
	field: string;
	asked: string;
	found: string;
}

const OUNCES: Record<string, number> = { ounce: 1, pound: 16, gram: 0.03527396195, kilogram: 35.27396195 };

function text(value: unknown): string {
	return String(value ?? '')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

function postal(value: unknown): string {
	return String(value ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function given(value: unknown): boolean {
	return value !== undefined && value !== null && String(value).trim() !== '';
}

function samePostal(a: unknown, b: unknown): boolean {
	const [x, y] = [postal(a), postal(b)];
	if (x === y) return true;
	const [short, long] = x.length < y.length ? [x, y] : [y, x];
	return short.length >= 5 && long.startsWith(short);
}

function ounces(weight: unknown): number | undefined {
	const w = (weight ?? {}) as IDataObject;
	const factor = OUNCES[String(w.unit ?? '').toLowerCase()];
	const value = Number(w.value);
	return factor === undefined || !Number.isFinite(value) ? undefined : value * factor;
}

function weightText(weight: unknown): string {
	const w = (weight ?? {}) as IDataObject;
	return `${String(w.value)} ${String(w.unit)}`;
}

function sameWeight(a: unknown, b: unknown): boolean {
	const [x, y] = [ounces(a), ounces(b)];
	if (x === undefined || y === undefined) return true;
	return Math.abs(x - y) <= Math.max(0.05, 0.01 * Math.max(x, y));
}

/** The first difference between the shipment an item asks for and a label found for its key. */
export function shipmentDifference(asked: IDataObject, label: IDataObject): ShipmentDifference | undefined {
	const askedTo = (asked.ship_to ?? {}) as IDataObject;
	const foundTo = (label.ship_to ?? {}) as IDataObject;
	const checks: Array<[string, unknown, unknown, (a: unknown, b: unknown) => boolean]> = [
		['ship_to.name', askedTo.name, foundTo.name, (a, b) => text(a) === text(b)],
		['ship_to.postal_code', askedTo.postal_code, foundTo.postal_code, samePostal],
		['ship_to.address_line1', askedTo.address_line1, foundTo.address_line1, (a, b) => text(a) === text(b)],
		['carrier_id', asked.carrier_id, label.carrier_id, (a, b) => text(a) === text(b)],
		['service_code', asked.service_code, label.service_code, (a, b) => text(a) === text(b)],
	];
	for (const [field, a, b, same] of checks) {
		if (given(a) && given(b) && !same(a, b)) return { field, asked: String(a), found: String(b) };
	}
	const askedPackages = Array.isArray(asked.packages) ? (asked.packages as IDataObject[]) : undefined;
	const foundPackages = Array.isArray(label.packages) ? (label.packages as IDataObject[]) : undefined;
	if (!askedPackages || !foundPackages || foundPackages.length === 0) return undefined;
	if (askedPackages.length !== foundPackages.length) {
		return { field: 'packages', asked: `${askedPackages.length} package(s)`, found: `${foundPackages.length} package(s)` };
	}
	for (let i = 0; i < askedPackages.length; i++) {
		const [a, b] = [askedPackages[i].weight, foundPackages[i].weight];
		if (a && b && !sameWeight(a, b)) return { field: `packages[${i}].weight`, asked: weightText(a), found: weightText(b) };
	}
	return undefined;
}
