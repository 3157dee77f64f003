/**
 * The ShipEngine node's versions. 1.1 changed defaults only (n8n does not save a parameter left
 * at its default, so a new default would change what a saved workflow does): a new node starts
 * on Tracking > Get (a read; 1 started on Label > Create, which buys a label), Label's operation
 * starts on Get, and package weights start in ounces like the Stamps.com node's (1: pounds).
 * Workflows saved with version 1 keep every version-1 default.
 */
import type { INodeProperties } from 'n8n-workflow';

export const SHIPENGINE_VERSIONS = [1, 1.1];
export const SHIPENGINE_DEFAULT_VERSION = 1.1;

export const ONLY_V1 = { '@version': [1] };
export const SINCE_V1_1 = { '@version': [{ _cnd: { gte: 1.1 } }] };

/**
 * The field as version 1.1 defines it, plus a version-1 twin with `v1` applied (same name, so a
 * saved value fills whichever one the node's version shows).
 */
export function byVersion(field: INodeProperties, v1: Partial<INodeProperties>): INodeProperties[] {
	const show = field.displayOptions?.show ?? {};
	return [
		{ ...field, ...v1, displayOptions: { ...field.displayOptions, show: { ...show, ...ONLY_V1 } } },
		{ ...field, displayOptions: { ...field.displayOptions, show: { ...show, ...SINCE_V1_1 } } },
	];
}
