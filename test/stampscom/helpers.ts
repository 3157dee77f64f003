/** Shared set-up for the Stamps.com node tests: credentials, hosts, fixtures, a runner. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { StampsCom } from '../../nodes/StampsCom/StampsCom.node';
import { takeContractViolations } from '../helpers/contract';
import { runNode, type NodeSettings, type RunNodeResult } from '../helpers/engine';
import { loadFixture } from '../helpers/fixtures';

export const STAGING_API = 'https://api.testing.stampsendicia.com';
export const PRODUCTION_API = 'https://api.stampsendicia.com';
export const STAGING_SIGNIN = 'https://signin.testing.stampsendicia.com';
export const PRODUCTION_SIGNIN = 'https://signin.stampsendicia.com';
export const LABEL_HOST = 'https://labels.testing.stampsendicia.com';

export const ACCESS_TOKEN = 'at-staging-1';
export const BEARER = `Bearer ${ACCESS_TOKEN}`;

export function credentials(overrides: ICredentialDataDecryptedObject = {}): Record<string, ICredentialDataDecryptedObject> {
	return {
		stampsComOAuth2Api: {
			environment: 'staging',
			clientId: 'client-123',
			clientSecret: 'secret-456',
			oauthTokenData: { access_token: ACCESS_TOKEN, refresh_token: 'rt-1', token_type: 'Bearer', expires_in: '900' },
			...overrides,
		},
	};
}

export function fixture<T = IDataObject>(name: string): T {
	return loadFixture<T>('sera', name);
}

export interface RunOptions {
	input?: INodeExecutionData[];
	settings?: NodeSettings;
	executionId?: string;
	nodeId?: string;
	creds?: ICredentialDataDecryptedObject;
	instanceId?: string;
	workflowId?: string;
}

export async function run(parameters: INodeParameters, options: RunOptions = {}): Promise<RunNodeResult> {
	return await runNode({
		node: new StampsCom(),
		parameters,
		credentials: credentials(options.creds),
		input: options.input,
		settings: { continueOnFail: false, ...options.settings },
		executionId: options.executionId,
		nodeId: options.nodeId,
		instanceId: options.instanceId,
		workflowId: options.workflowId,
	});
}

/**
 * validate() and version() of the `uuid` dev package for each value. uuid 14 is ESM-only, which
 * jest's CommonJS module loader cannot parse, so it runs in a plain Node process (Node >= 20.19
 * requires ES modules natively).
 */
export function uuidInfo(values: string[]): Array<{ valid: boolean; version: number | null }> {
	const script =
		"const { validate, version } = require('uuid');" +
		"const values = JSON.parse(process.argv[1]);" +
		"process.stdout.write(JSON.stringify(values.map((v) => ({ valid: validate(v), version: validate(v) ? version(v) : null }))));";
	const out = execFileSync(process.execPath, ['-e', script, JSON.stringify(values)], { cwd: path.resolve(__dirname, '../..') });
	return JSON.parse(out.toString()) as Array<{ valid: boolean; version: number | null }>;
}

/** Asserts that every value is a v4 UUID according to the uuid package (not our own regex). */
export function expectUuidV4(...values: unknown[]): void {
	for (const value of values) expect(typeof value).toBe('string');
	expect(uuidInfo(values as string[])).toEqual(values.map(() => ({ valid: true, version: 4 })));
}

/** Ship From / Ship To in the node's fixedCollection shape. */
export const SHIP_FROM = {
	address: {
		name: 'Michael M',
		addressLine1: '1150 Magic Way',
		city: 'Anaheim',
		stateProvince: 'CA',
		postalCode: '92802',
		countryCode: 'US',
		email: 'michael@example.com',
	},
};
export const SHIP_TO = {
	address: {
		name: 'Minerva M',
		addressLine1: '351 S Studio Dr',
		city: 'Lake Buena Vista',
		stateProvince: 'FL',
		postalCode: '32830',
		countryCode: 'US',
	},
};
export const FROM_ADDRESS = {
	name: 'Michael M',
	address_line1: '1150 Magic Way',
	city: 'Anaheim',
	state_province: 'CA',
	postal_code: '92802',
	country_code: 'US',
	email: 'michael@example.com',
};
export const TO_ADDRESS = {
	name: 'Minerva M',
	address_line1: '351 S Studio Dr',
	city: 'Lake Buena Vista',
	state_province: 'FL',
	postal_code: '32830',
	country_code: 'US',
};

/**
 * Label-file downloads are not SERA API calls: the contract hook (test/contract) reports them as
 * requests to an unknown host without a Bearer header. Takes those reports, and only those.
 * (Whether the download carries no Authorization header is asserted by the nock mocks.)
 */
export async function takeDownloadReports(): Promise<void> {
	const violations = await takeContractViolations();
	for (const v of violations) expect(v).toMatch(/labels\.testing\.stampsendicia\.com.*no API-Key or Bearer header/);
}

/**
 * SERA's spec (test/contract/specs/sera-openapi.json) types the bodies of POST /v1/pickups,
 * /v1/manifests, /v1/container-labels and /v1/carriers/{carrier} as oneOf variants without
 * required fields or a discriminator, so a valid body matches several variants and "oneOf"
 * fails. Takes exactly that report for `operation` (a spec defect, not a request defect).
 */
export async function takeAmbiguousOneOfReport(operation: string): Promise<void> {
	const violations = await takeContractViolations();
	const others = violations.filter(
		(v) =>
			!/labels\.testing\.stampsendicia\.com/.test(v) &&
			!(v.startsWith(`${operation}: request body /:`) && /(must match exactly one schema in oneOf|missing required property)/.test(v)),
	);
	expect(others).toEqual([]);
}

/** The label host, refusing any request that carries credentials. */
export const labelHost = () => nock(LABEL_HOST, { badheaders: ['authorization'] });

/** Label > Create parameters as the label tests start from, with overrides. */
export function labelCreateParameters(extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'label',
		operation: 'create',
		shipFrom: SHIP_FROM,
		shipTo: SHIP_TO,
		serviceType: 'usps_priority_mail',
		packagingType: 'package',
		weight: 4,
		weightUnit: 'ounce',
		...extra,
	};
}
