/**
 * Ship To / Ship From Service Point ID: the two service-point fields the spec gives a label
 * purchase (POST /v1/labels) and a rate request (POST /v1/rates). Spread into those operations'
 * Additional Fields. A service_point_id comes from Service Point › Get Many.
 */
import type { INodeProperties } from 'n8n-workflow';

import { trimmed } from '../../shared/requestShaping';

const servicePointId = (displayName: string, name: string, property: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder: 'e.g. 614940',
	description,
	routing: { send: { type: 'body', property, preSend: [trimmed('body', property)] } },
});

export const servicePointAdditionalFields: INodeProperties[] = [
	servicePointId(
		'Ship From Service Point ID',
		'shipFromServicePointId',
		'ship_from_service_point_id',
		'Carrier drop-off point where you hand the parcel in (service_point_id from Service Point › Get Many); takes precedence over the ship-from address for the carrier',
	),
	servicePointId(
		'Ship To Service Point ID',
		'shipToServicePointId',
		'ship_to_service_point_id',
		'Carrier pickup point or parcel locker the parcel is delivered to (service_point_id from Service Point › Get Many); takes precedence over the ship-to address for the carrier',
	),
];
