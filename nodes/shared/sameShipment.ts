/**
 * Is a label found (or replayed) for a purchase key this item's shipment? Both nodes compare what
 * an item asks for with what a label was bought for before they hand that label out instead of
 * buying: ShipEngine's lookup by external shipment ID (../ShipEngine/shared/sameShipment.ts),
 * SERA's replay of a repeated Idempotency-Key (../StampsCom/shared/sameLabel.ts). Only values
 * both sides have are compared; text ignores case, accents, punctuation and spacing; a ZIP
 * matches its ZIP+4; weights match within 1 % across units.
 */
export interface ShipmentDifference {
	/** The API field that differs, e.g. `ship_to.postal_code` or `packages[1].weight`. */
	field: string;
	asked: string;
	found: string;
}

/** One value to compare: the API field's name, what the item asks for, what the label has. */
export type ShipmentCheck = [field: string, asked: unknown, found: unknown, same: (a: unknown, b: unknown) => boolean];

export interface Weight {
	value: unknown;
	unit: unknown;
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

/** Names, streets, codes: case, accents, punctuation and spacing ignored. */
export function sameText(a: unknown, b: unknown): boolean {
	return text(a) === text(b);
}

/** A ZIP matches its ZIP+4. */
export function samePostal(a: unknown, b: unknown): boolean {
	const [x, y] = [postal(a), postal(b)];
	if (x === y) return true;
	const [short, long] = x.length < y.length ? [x, y] : [y, x];
	return short.length >= 5 && long.startsWith(short);
}

function ounces(weight: unknown): number | undefined {
	const w = (weight ?? {}) as Partial<Weight>;
	const factor = OUNCES[String(w.unit ?? '').toLowerCase()];
	const value = Number(w.value);
	return factor === undefined || !Number.isFinite(value) ? undefined : value * factor;
}

/** Weights within 1 % (the API may convert units); an unreadable weight is not compared. */
export function sameWeight(a: unknown, b: unknown): boolean {
	const [x, y] = [ounces(a), ounces(b)];
	if (x === undefined || y === undefined) return true;
	return Math.abs(x - y) <= Math.max(0.05, 0.01 * Math.max(x, y));
}

function shown(value: unknown): string {
	if (value && typeof value === 'object' && 'value' in value) {
		const w = value as Weight;
		return `${String(w.value)} ${String(w.unit)}`;
	}
	return String(value);
}

/** The first check whose two sides are both given and differ. */
export function firstDifference(checks: ShipmentCheck[]): ShipmentDifference | undefined {
	for (const [field, asked, found, same] of checks) {
		const present = (v: unknown) => (v && typeof v === 'object' && 'value' in v ? given((v as Weight).value) : given(v));
		if (present(asked) && present(found) && !same(asked, found)) return { field, asked: shown(asked), found: shown(found) };
	}
	return undefined;
}
