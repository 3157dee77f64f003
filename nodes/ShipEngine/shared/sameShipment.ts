/**
 * Is a label found by a purchase key this item's shipment? A key (external shipment ID) can
 * find another order's label: an order number used twice, or a key another n8n installation
 * made. Before such a label is returned instead of buying, what the item asks for is compared
 * with what the label was bought for: ship-to name, postal code and first address line,
 * carrier and service (when the item names them), package count and weights (the comparison
 * rules are shared with Stamps.com: ../../shared/sameShipment.ts).
 */
import type { IDataObject } from 'n8n-workflow';

import { firstDifference, samePostal, sameText, sameWeight, type ShipmentDifference } from '../../shared/sameShipment';

export type { ShipmentDifference } from '../../shared/sameShipment';

/** The first difference between the shipment an item asks for and a label found for its key. */
export function shipmentDifference(asked: IDataObject, label: IDataObject): ShipmentDifference | undefined {
	const askedTo = (asked.ship_to ?? {}) as IDataObject;
	const foundTo = (label.ship_to ?? {}) as IDataObject;
	const difference = firstDifference([
		['ship_to.name', askedTo.name, foundTo.name, sameText],
		['ship_to.postal_code', askedTo.postal_code, foundTo.postal_code, samePostal],
		['ship_to.address_line1', askedTo.address_line1, foundTo.address_line1, sameText],
		['carrier_id', asked.carrier_id, label.carrier_id, sameText],
		['service_code', asked.service_code, label.service_code, sameText],
	]);
	if (difference) return difference;
	const askedPackages = Array.isArray(asked.packages) ? (asked.packages as IDataObject[]) : undefined;
	const foundPackages = Array.isArray(label.packages) ? (label.packages as IDataObject[]) : undefined;
	if (!askedPackages || !foundPackages || foundPackages.length === 0) return undefined;
	if (askedPackages.length !== foundPackages.length) {
		return { field: 'packages', asked: `${askedPackages.length} package(s)`, found: `${foundPackages.length} package(s)` };
	}
	return firstDifference(
		askedPackages.map((pkg, i) => [`packages[${i}].weight`, pkg.weight, foundPackages[i].weight, sameWeight]),
	);
}
