import type { INodeProperties } from 'n8n-workflow';

export const chargeEventField: INodeProperties = {
	displayName: 'Charge Event',
	name: 'chargeEvent',
	type: 'options',
	options: [
		{ name: 'Carrier Default', value: 'carrier_default' },
		{ name: 'On Carrier Acceptance', value: 'on_carrier_acceptance' },
		{ name: 'On Creation', value: 'on_creation' },
	],
	default: 'carrier_default',
	description: 'When the label is charged: at creation, or only once the carrier scans it',
	routing: { send: { type: 'body', property: 'charge_event' } },
};

/** Additional Fields of a purchase with a full shipment (Create, Create With Rate Shopper). */
export function labelPurchaseAdditionalFields(): INodeProperties[] {
	return [
		chargeEventField,
		{
			displayName: 'External Order ID',
			name: 'externalOrderId',
			type: 'string',
			default: '',
			description: 'Your order ID, stored on the shipment',
			routing: { send: { type: 'body', property: 'shipment.external_order_id' } },
		},
		{
			displayName: 'External Shipment ID',
			name: 'externalShipmentId',
			type: 'string',
			default: '',
			placeholder: 'e.g. order-1001',
			description:
				'Your unique ID for this shipment (max 50 characters), e.g. the order number. Before buying, the node looks for a label with this ID and returns it instead of buying twice. When empty, an ID derived from the execution, node, run and item is used.',
			routing: { send: { type: 'body', property: 'shipment.external_shipment_id' } },
		},
		{
			displayName: 'Is Return Label',
			name: 'isReturnLabel',
			type: 'boolean',
			default: false,
			description: 'Whether this label is a return label (ship to you from the customer)',
			routing: { send: { type: 'body', property: 'is_return_label' } },
		},
		{
			displayName: 'Shipment Number',
			name: 'shipmentNumber',
			type: 'string',
			default: '',
			description: 'Your own shipment number (max 50 characters), printed on some labels',
			routing: { send: { type: 'body', property: 'shipment.shipment_number' } },
		},
	];
}
