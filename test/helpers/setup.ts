/**
 * Runs before every test file: no request may reach the network, every expected request
 * must have been made, and a request nobody expected fails the test even when the node
 * itself swallowed the error (Continue On Fail).
 */
import nock from 'nock';

import { resetPurchaseRecord } from '../../nodes/ShipEngine/shared/purchaseRecord';
import { resetRateLimits } from '../../nodes/shared/retry';
import { assertNoContractViolations, installContractHook } from './contract';
import { installNockGuard, takeUnmatchedRequests } from './nockGuard';

installNockGuard();
installContractHook();

beforeAll(() => {
	nock.disableNetConnect();
	nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
});

// What a test taught the per-credential rate-limit gate (429s, a learned pace) stays with it, and
// so do the purchase keys it sent (tests reuse execution ids: a key in the record means a lookup).
beforeEach(() => {
	resetRateLimits();
	resetPurchaseRecord();
});

afterEach(() => {
	const pending = nock.pendingMocks();
	const stray = takeUnmatchedRequests();
	nock.cleanAll();
	if (pending.length) throw new Error(`Expected requests were not made:\n  ${pending.join('\n  ')}`);
	if (stray.length) throw new Error(`Unexpected requests were made:\n  ${stray.join('\n  ')}`);
});

// Every request nock answered must match the official API description (test/contract).
afterEach(assertNoContractViolations);

afterAll(() => {
	nock.enableNetConnect();
	// Jest gives every test file a fresh nock, but Node's http module is shared by the files of a
	// worker: take this file's interceptor out so the next file starts with exactly one.
	nock.restore();
});
