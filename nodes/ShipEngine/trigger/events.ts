/**
 * ShipEngine's webhook events: the `webhook_event` enum of the official OpenAPI spec
 * (shipengine-openapi.yaml 1.1.202604070904). ShipEngine accepts one webhook per event.
 *
 * `resourceType` is the payload's `resource_type`. Only API_TRACK is documented officially; the
 * others come from a community SDK (shipengine-endpoints.md, section 9) and are used only to
 * name the event in the output and to skip deliveries of events the node did not ask for.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

interface WebhookEvent extends INodePropertyOptions {
	value: string;
	resourceType: string;
}

export const WEBHOOK_EVENTS: WebhookEvent[] = [
	{
		name: 'Batch Processed',
		value: 'batch',
		resourceType: 'API_BATCH',
		description: 'A label batch finished processing; the payload links to the batch (resource_url)',
	},
	{
		name: 'Carrier Connected',
		value: 'carrier_connected',
		resourceType: 'API_CARRIER_CONNECTED',
		description: 'A carrier account was connected to ShipEngine',
	},
	{
		name: 'Order Source Refresh Complete',
		value: 'order_source_refresh_complete',
		resourceType: 'API_ORDER_SOURCE_REFRESH_COMPLETE',
		description: 'An order source (store) finished refreshing its orders (beta in ShipEngine)',
	},
	{
		name: 'Rate Updated',
		value: 'rate',
		resourceType: 'API_RATE',
		description: 'The rates of a shipment were updated',
	},
	{
		name: 'Report Complete',
		value: 'report_complete',
		resourceType: 'API_REPORT_COMPLETE',
		description: 'A report you requested is ready to download',
	},
	{
		name: 'Sales Orders Imported',
		value: 'sales_orders_imported',
		resourceType: 'API_SALES_ORDERS_IMPORTED',
		description: 'Sales orders were imported from an order source (beta in ShipEngine)',
	},
	{
		name: 'Tracking Update',
		value: 'track',
		resourceType: 'API_TRACK',
		description:
			'A tracked package changed status (labels bought through ShipEngine, or numbers registered with Tracking > Start)',
	},
];

/** The editor's options: name, value and description only, sorted by name. */
export const webhookEventOptions: INodePropertyOptions[] = WEBHOOK_EVENTS.map(({ name, value, description }) => ({
	name,
	value,
	description,
}));

/** The event a payload's `resource_type` stands for, or undefined when it is not a known one. */
export function eventForResourceType(resourceType: unknown): string | undefined {
	if (typeof resourceType !== 'string') return undefined;
	return WEBHOOK_EVENTS.find((event) => event.resourceType === resourceType.toUpperCase())?.value;
}
