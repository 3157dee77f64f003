/**
 * `npm run demo`: a realistic shipping flow through n8n's real engine (WorkflowExecute →
 * RoutingNode) with the compiled ShipEngine node from dist/:
 *   carriers → validate the address → get rates → pick the cheapest → buy the label →
 *   save the label file to ./demo-output/ → track it.
 * Without SHIPENGINE_API_KEY it runs against the local ShipEngine mock (no network needed).
 * With SHIPENGINE_API_KEY=TEST_... it runs the same flow against the ShipEngine sandbox
 * (SHIPENGINE_BASE_URL overrides the host).
 * Run: node -r ./scripts/register-ts.js scripts/demo.ts (after npm run build).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { IDataObject, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { runNode } from '../test/helpers/engine';
import { startShipEngineMock } from '../test/mock';

type Json = IDataObject;

const root = path.resolve(__dirname, '..');
const outputDir = path.join(root, 'demo-output');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ShipEngine } = require(path.join(root, 'dist/nodes/ShipEngine/ShipEngine.node.js')) as { ShipEngine: new () => INodeType };
const node = new ShipEngine();

const SHIP_FROM = {
	name: 'Mock Coffee Roasters',
	phone: '512-555-0100',
	company_name: 'Mock Coffee Roasters',
	address_line1: '4009 Marathon Blvd',
	city_locality: 'Austin',
	state_province: 'TX',
	postal_code: '78756',
	country_code: 'US',
};
const SHIP_TO = {
	name: 'Amanda Miller',
	phone: '408-555-0199',
	address_line1: '525 S Winchester Blvd',
	city_locality: 'San Jose',
	state_province: 'CA',
	postal_code: '95128',
	country_code: 'US',
};
const PACKAGE = { weight: { value: 20, unit: 'ounce' } };

const NODE_ADDRESS_KEYS: Record<string, string> = {
	name: 'name',
	phone: 'phone',
	company_name: 'companyName',
	address_line1: 'addressLine1',
	city_locality: 'cityLocality',
	state_province: 'stateProvince',
	postal_code: 'postalCode',
	country_code: 'countryCode',
};

/** An API address as the node's Address fields (camelCase names). */
const nodeAddress = (address: Json): INodeParameters =>
	Object.fromEntries(
		Object.entries(NODE_ADDRESS_KEYS)
			.filter(([apiKey]) => address[apiKey] !== undefined && address[apiKey] !== null)
			.map(([apiKey, nodeKey]) => [nodeKey, String(address[apiKey])]),
	);

const money = (value: unknown) => {
	const amount = (value ?? {}) as Json;
	return `${Number(amount.amount ?? 0).toFixed(2)} ${String(amount.currency ?? 'usd').toUpperCase()}`;
};
const print = (line = '') => console.log(line);
const heading = (step: number, title: string, how: string) => print(`\n${step}. ${title}  [${how}]`);

async function runOperation(apiKey: string, baseUrl: string, parameters: INodeParameters): Promise<INodeExecutionData[]> {
	const { items, error } = await runNode({
		node,
		parameters,
		credentials: { shipEngineApi: { apiKey, baseUrl } },
	});
	if (error) {
		const description = error.description ? `\n   ${error.description}` : '';
		throw new Error(`${String(parameters.resource)} > ${String(parameters.operation)} failed: ${error.message}${description}`);
	}
	return items;
}

function saveBinary(item: INodeExecutionData): string | undefined {
	const binary = item.binary?.data;
	if (!binary?.data || binary.id) return undefined;
	mkdirSync(outputDir, { recursive: true });
	const file = path.join(outputDir, binary.fileName ?? `label.${binary.fileExtension ?? 'pdf'}`);
	writeFileSync(file, Buffer.from(binary.data, 'base64'));
	return path.relative(process.cwd(), file);
}

async function flow(apiKey: string, baseUrl: string): Promise<void> {
	// 1. Carriers
	heading(1, 'Carriers connected to the account', 'node: Carrier > Get Many');
	const carriers = (await runOperation(apiKey, baseUrl, { resource: 'carrier', operation: 'getAll' })).map((item) => item.json);
	for (const carrier of carriers) {
		const balance = carrier.requires_funded_amount ? `, balance ${Number(carrier.balance).toFixed(2)} USD` : '';
		print(`   ${String(carrier.friendly_name)} (${String(carrier.carrier_id)}, ${String(carrier.carrier_code)})${balance}`);
	}
	if (!carriers.length) throw new Error('No carriers are connected to this ShipEngine account.');

	// 2. Address validation
	heading(2, `Validate the recipient address: ${SHIP_TO.address_line1}, ${SHIP_TO.city_locality} ${SHIP_TO.state_province}`, 'node: Address > Validate');
	let shipTo: Json = SHIP_TO;
	try {
		const { addressLine1, cityLocality, stateProvince, postalCode, countryCode, ...rest } = nodeAddress(SHIP_TO);
		const [result] = (
			await runOperation(apiKey, baseUrl, {
				resource: 'address',
				operation: 'validate',
				addressLine1,
				cityLocality,
				stateProvince,
				postalCode,
				countryCode,
				additionalFields: rest,
			})
		).map((item) => item.json);
		print(`   status: ${String(result.status)}`);
		const matched = result.matched_address as Json | null;
		if (matched) {
			print(`   matched: ${String(matched.address_line1)}, ${String(matched.city_locality)} ${String(matched.state_province)} ${String(matched.postal_code)}`);
			if (result.status === 'verified') shipTo = { ...matched, name: SHIP_TO.name, phone: SHIP_TO.phone };
		}
		for (const message of (result.messages as Json[]) ?? []) print(`   ${String(message.type)}: ${String(message.message)}`);
	} catch (error) {
		// Address validation needs a paid plan on the real API; the label can still be bought.
		print(`   skipped: ${(error as Error).message}`);
	}

	// 3. Rates
	const carrierIds = carriers.map((carrier) => String(carrier.carrier_id));
	heading(3, `Rates for ${PACKAGE.weight.value} ${PACKAGE.weight.unit}s from ${SHIP_FROM.city_locality} to ${String(shipTo.city_locality)}`, 'node: Rate > Calculate, one item per rate');
	let rates = (
		await runOperation(apiKey, baseUrl, {
			resource: 'rate',
			operation: 'calculate',
			rateSource: 'shipmentDetails',
			carrierIds,
			shipTo: { address: nodeAddress(shipTo) },
			shipFrom: { address: nodeAddress(SHIP_FROM) },
			packages: { package: [{ weight: PACKAGE.weight.value, weightUnit: PACKAGE.weight.unit }] },
			output: 'eachRate',
		})
	).map((item) => item.json);
	rates = rates.filter((rate) => rate.rate_id && rate.validation_status !== 'invalid');
	if (!rates.length) throw new Error('No rates were returned for this shipment.');
	const total = (rate: Json) => ['shipping_amount', 'insurance_amount', 'confirmation_amount', 'other_amount'].reduce((sum, key) => sum + Number(((rate[key] ?? {}) as Json).amount ?? 0), 0);
	const sorted = [...rates].sort((a, b) => total(a) - total(b));
	for (const rate of sorted.slice(0, 6)) {
		const tags = ((rate.rate_attributes as string[] | undefined) ?? []).join(', ');
		const service = String(rate.service_type);
		const name = service.startsWith(String(rate.carrier_friendly_name)) ? service : `${String(rate.carrier_friendly_name)} ${service}`;
		print(`   ${total(rate).toFixed(2).padStart(7)} USD  ${String(rate.delivery_days ?? '?')} day(s)  ${name}${tags ? `  (${tags})` : ''}`);
	}
	if (sorted.length > 6) print(`   … ${sorted.length - 6} more`);
	const cheapest = sorted[0];
	print(`   → cheapest: ${String(cheapest.service_type)}, ${total(cheapest).toFixed(2)} USD (rate ${String(cheapest.rate_id)})`);

	// 4. Label
	heading(4, 'Buy the label for the cheapest rate', 'node: Label > Create From Rate');
	const [labelItem] = await runOperation(apiKey, baseUrl, {
		resource: 'label',
		operation: 'createFromRate',
		rateId: String(cheapest.rate_id),
		downloadLabel: true,
		binaryPropertyName: 'data',
	});
	const label = labelItem.json;
	print(`   label ${String(label.label_id)}: ${String(label.status)}, cost ${money(label.shipment_cost)}`);
	print(`   tracking number: ${String(label.tracking_number)}`);
	const saved = saveBinary(labelItem);
	const binary = labelItem.binary?.data;
	print(saved ? `   saved ${binary?.mimeType} (${binary?.fileSize ?? '?'}) to ${saved}` : '   no label file was returned as binary data');

	// 5. Tracking
	heading(5, 'Track the package', 'node: Label > Get Tracking');
	const [tracking] = await runOperation(apiKey, baseUrl, { resource: 'label', operation: 'getTracking', labelId: String(label.label_id) });
	const info = tracking.json;
	print(`   ${String(info.status_code)} ${String(info.status_description)}${info.estimated_delivery_date ? `, estimated delivery ${String(info.estimated_delivery_date).slice(0, 10)}` : ''}`);
	for (const event of ((info.events as Json[]) ?? []).slice(0, 3)) {
		print(`   ${String(event.occurred_at)}  ${String(event.description)}  ${String(event.city_locality ?? '')} ${String(event.state_province ?? '')}`.trimEnd());
	}
}

async function main(): Promise<void> {
	const realKey = process.env.SHIPENGINE_API_KEY;
	const mock = realKey ? undefined : await startShipEngineMock();
	const apiKey = realKey ?? 'TEST_demo_key';
	const baseUrl = (realKey ? process.env.SHIPENGINE_BASE_URL || 'https://api.shipengine.com' : mock!.url).replace(/\/+$/, '');
	print(`ShipEngine demo against ${realKey ? `${baseUrl} (${realKey.startsWith('TEST_') ? 'sandbox' : 'PRODUCTION: real postage!'})` : `the local mock at ${baseUrl}`}`);
	try {
		await flow(apiKey, baseUrl);
		if (mock) print(`\nThe mock saw ${mock.requests.length} requests and ${mock.purchases} label purchase(s).`);
		print('Every step ran through the ShipEngine node, inside n8n\'s workflow engine.');
	} finally {
		await mock?.close();
	}
}

main().catch((error: Error) => {
	console.error(`\nDemo failed: ${error.message}`);
	process.exitCode = 1;
});
