/**
 * Local mock servers for tests, end-to-end runs, benchmarks and `npm run demo`.
 * See test/mock/README.md for the API.
 */
export type { MockServer, RecordedRequest, ScriptedReply } from './server';
export { startShipEngineMock, signDelivery, jwks, WEBHOOK_KEY_ID } from './shipEngine';
export type { ShipEngineMockOptions, ShipEngineMockServer } from './shipEngine';
export { startSeraMock } from './sera';
export type { SeraMockOptions, SeraMockServer } from './sera';
export { startChatModelMock, MOCK_MODEL } from './chatModel';
export type { ChatCompletionRequest, ChatModelMockServer, ChatReply, ChatTool, ChatToolCall } from './chatModel';
