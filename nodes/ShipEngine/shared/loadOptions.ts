/**
 * The ShipEngine node's dropdowns as coded `methods.loadOptions`, sent through the shared request
 * path (transport.ts: the credential's authenticate and Base URL, the retry policy and the
 * per-host rate-limit gate, ShipEngine's errors as NodeApiError).
 *
 * Why coded and not declarative `typeOptions.loadOptions.routing`: n8n builds a node's tool
 * version ("ShipEngine Tool", under an AI Agent) as an object whose description inherits from
 * the node's through the prototype chain (packages/cli src/node-types.ts `getByNameAndVersion`),
 * and runs a declarative dropdown on a copy made with object spread
 * (dynamic-node-parameters.service.ts `getOptionsViaLoadOptions`), which keeps only own
 * properties: the copy has no `requestDefaults`, so every routed dropdown of the tool failed
 * with "Invalid URL". A coded method is called on the node type itself (`getOptionsViaMethodName`)
 * and works the same in the plain node and in the tool.
 *
 * A list that depends on a carrier stays empty until one is chosen (its field says so), instead
 * of calling `/v1/carriers//services` and showing an error.
 */
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { shipEngineApiRequest } from './transport';

interface Carrier {
	carrier_id?: string;
	carrier_code?: string;
	friendly_name?: string;
	nickname?: string;
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** The entries of a list answer: `body[rootProperty]`, or the body itself when the API answers an array (webhooks). */
async function list<T>(ctx: ILoadOptionsFunctions, url: string, rootProperty?: string): Promise<T[]> {
	const body = (await shipEngineApiRequest(ctx, 'GET', url)) as IDataObject | IDataObject[] | undefined;
	const entries = rootProperty === undefined ? body : (body as IDataObject | undefined)?.[rootProperty];
	return Array.isArray(entries) ? (entries as T[]) : [];
}

/** The value of another parameter of the node as the user set it: a plain value, never an unresolved expression. */
function chosen(ctx: ILoadOptionsFunctions, name: string): string[] {
	const raw = ctx.getCurrentNodeParameter(name) as unknown;
	const values = Array.isArray(raw) ? raw : [raw];
	return values
		.filter((value): value is string => typeof value === 'string')
		.map((value) => value.trim())
		.filter((value) => value !== '' && !value.startsWith('='));
}

const carrierLabel = (c: Carrier) =>
	c.nickname && c.nickname !== c.friendly_name ? `${c.friendly_name ?? c.carrier_id} (${c.nickname})` : String(c.friendly_name ?? c.carrier_id);

/** Connected carrier accounts: "Stamps.com (My account)" → carrier_id. */
export async function getCarriers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await list<Carrier>(this, '/v1/carriers', 'carriers'))
		.filter((c) => c.carrier_id)
		.map((c) => ({ name: carrierLabel(c), value: String(c.carrier_id) }))
		.sort(byName);
}

/** Carrier codes of the connected accounts: "Stamps.com (stamps_com)" → carrier_code, once each. */
export async function getCarrierCodes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const codes = new Map<string, INodePropertyOptions>();
	for (const c of await list<Carrier>(this, '/v1/carriers', 'carriers')) {
		if (!c.carrier_code || codes.has(c.carrier_code)) continue;
		codes.set(c.carrier_code, { name: `${c.friendly_name ?? c.carrier_code} (${c.carrier_code})`, value: c.carrier_code });
	}
	return [...codes.values()].sort(byName);
}

/** Services of the carrier chosen in Carrier: "USPS Priority Mail" → service_code; empty until one is chosen. */
export async function getServices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const [carrier] = chosen(this, 'carrierId');
	if (!carrier) return [];
	const services = await list<{ name?: string; service_code?: string }>(this, `/v1/carriers/${encodeURIComponent(carrier)}/services`, 'services');
	return services
		.filter((s) => s.service_code)
		.map((s) => ({ name: s.name ?? String(s.service_code), value: String(s.service_code) }))
		.sort(byName);
}

/**
 * The first package type: no package_code at all, which ShipEngine takes as a custom package
 * (its code `package`) with the weight and dimensions given. Its value is the field's default
 * '', so n8n's editor, which flags a value missing from the loaded options, shows no issue.
 */
export const CUSTOM_PACKAGE: INodePropertyOptions = {
	name: 'Custom Package (Use Dimensions)',
	value: '',
	description: 'Your own box: no package code is sent, ShipEngine uses the weight and dimensions given',
};

/**
 * Package types of the chosen carrier(s) (Carrier, or Carriers in Rate > Calculate), once each:
 * "Flat Rate Envelope" → package_code, after the custom package. Only the custom package until
 * a carrier is chosen.
 */
export async function getPackageTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const carriers = [...chosen(this, 'carrierId'), ...chosen(this, 'carrierIds')];
	const types = new Map<string, INodePropertyOptions>();
	for (const carrier of new Set(carriers)) {
		const packages = await list<{ name?: string; package_code?: string; description?: string }>(
			this,
			`/v1/carriers/${encodeURIComponent(carrier)}/packages`,
			'packages',
		);
		for (const p of packages) {
			if (!p.package_code || types.has(p.package_code)) continue;
			types.set(p.package_code, { name: p.name ?? p.package_code, value: p.package_code, description: p.description });
		}
	}
	return [CUSTOM_PACKAGE, ...[...types.values()].sort(byName)];
}

/** Warehouses (ship-from locations): "Main HQ (default)" → warehouse_id. */
export async function getWarehouses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await list<{ name?: string; warehouse_id?: string; is_default?: boolean }>(this, '/v1/warehouses', 'warehouses'))
		.filter((w) => w.warehouse_id)
		.map((w) => ({ name: w.is_default ? `${w.name ?? w.warehouse_id} (default)` : String(w.name ?? w.warehouse_id), value: String(w.warehouse_id) }))
		.sort(byName);
}

/** Webhooks: "Batches (batch)" → webhook_id, the URL as the option's description. */
export async function getWebhooks(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await list<{ webhook_id?: string; name?: string; event?: string; url?: string }>(this, '/v1/environment/webhooks'))
		.filter((w) => w.webhook_id)
		.map((w) => ({ name: `${w.name || w.event || w.webhook_id} (${w.event ?? 'no event'})`, value: String(w.webhook_id), description: w.url }))
		.sort(byName);
}

/** Custom package types: "laptop_box (laptop_box)" → package_id. */
export async function getCustomPackages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await list<{ package_id?: string; name?: string; package_code?: string; description?: string | null }>(this, '/v1/packages', 'packages'))
		.filter((p) => p.package_id)
		.map((p) => ({ name: `${p.name ?? p.package_id} (${p.package_code ?? ''})`, value: String(p.package_id), description: p.description ?? undefined }))
		.sort(byName);
}

/** Label images (logos): "Shop logo (default)" → label_image_id. */
export async function getLabelImages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await list<{ label_image_id?: string; name?: string; is_default?: boolean }>(this, '/v1/account/settings/images', 'images'))
		.filter((i) => i.label_image_id)
		.map((i) => {
			const name = String(i.name ?? i.label_image_id);
			return { name: i.is_default ? `${name} (default)` : name, value: String(i.label_image_id) };
		})
		.sort(byName);
}

/** Tags of the account: the tag's name is its ID. */
export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await list<{ name?: string }>(this, '/v1/tags', 'tags'))
		.filter((t) => t.name)
		.map((t) => ({ name: String(t.name), value: String(t.name) }))
		.sort(byName);
}

export const shipEngineLoadOptions = {
	getCarriers,
	getCarrierCodes,
	getCustomPackages,
	getLabelImages,
	getPackageTypes,
	getServices,
	getTags,
	getWarehouses,
	getWebhooks,
};
