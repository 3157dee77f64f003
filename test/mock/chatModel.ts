/**
 * An OpenAI-compatible chat model on 127.0.0.1 for AI Agent runs: n8n's OpenAI Chat Model
 * (credential `openAiApi`, Base URL = `${url}/v1`) talks to it like to api.openai.com.
 * `POST /v1/chat/completions` records the request (the `tools` offered to the model among it)
 * and answers with what `respond` returns for it: tool calls or a final text, as one JSON
 * completion or, when the request asks for `stream`, as server-sent chunks. `GET /v1/models`
 * lists one model. Any key is accepted; the key sent is recorded with the request.
 */
import { randomUUID } from 'node:crypto';

import { json, startMockServer, type MockServer, type RecordedRequest, type Reply } from './server';

export interface ChatToolCall {
	name: string;
	arguments: Record<string, unknown>;
}

/** What the model says next: tool calls, or a final answer. */
export type ChatReply = { toolCalls: ChatToolCall[] } | { text: string };

export interface ChatMessage {
	role: string;
	content?: unknown;
	tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}

export interface ChatTool {
	type: 'function';
	function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

export interface ChatCompletionRequest {
	model: string;
	messages: ChatMessage[];
	tools?: ChatTool[];
	stream?: boolean;
	[key: string]: unknown;
}

export interface ChatModelMockOptions {
	port?: number;
	/** The model's next turn for a request (`turn` counts completions from 0). */
	respond: (request: ChatCompletionRequest, turn: number) => ChatReply;
}

export interface ChatModelMockServer extends MockServer {
	/** The chat-completion requests received, parsed. */
	completions: ChatCompletionRequest[];
}

export const MOCK_MODEL = 'mock-gpt';

function message(reply: ChatReply): ChatMessage {
	if ('text' in reply) return { role: 'assistant', content: reply.text };
	return {
		role: 'assistant',
		content: null,
		tool_calls: reply.toolCalls.map((call) => ({
			id: `call_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
			type: 'function',
			function: { name: call.name, arguments: JSON.stringify(call.arguments) },
		})) as ChatMessage['tool_calls'],
	};
}

const usage = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };

function completion(reply: ChatReply): Reply {
	const answer = message(reply);
	return json(200, {
		id: `chatcmpl-${randomUUID()}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: MOCK_MODEL,
		choices: [{ index: 0, message: answer, finish_reason: answer.tool_calls ? 'tool_calls' : 'stop', logprobs: null }],
		usage,
	});
}

/** The same answer as `chat.completion.chunk` events: role, then content or each tool call, then the finish. */
function stream(reply: ChatReply): Reply {
	const answer = message(reply);
	const id = `chatcmpl-${randomUUID()}`;
	const created = Math.floor(Date.now() / 1000);
	const chunk = (delta: Record<string, unknown>, finish: string | null = null, extra: Record<string, unknown> = {}) =>
		`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: MOCK_MODEL, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }], ...extra })}\n\n`;
	const parts = [chunk({ role: 'assistant', content: answer.tool_calls ? null : '' })];
	if (answer.tool_calls) {
		answer.tool_calls.forEach((call, index) => parts.push(chunk({ tool_calls: [{ index, ...call }] })));
	} else {
		parts.push(chunk({ content: answer.content }));
	}
	parts.push(chunk({}, answer.tool_calls ? 'tool_calls' : 'stop', { usage }));
	parts.push('data: [DONE]\n\n');
	return { status: 200, headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' }, raw: parts.join('') };
}

export async function startChatModelMock(options: ChatModelMockOptions): Promise<ChatModelMockServer> {
	const completions: ChatCompletionRequest[] = [];
	const server = await startMockServer({
		port: options.port,
		routes: () => [
			{
				method: 'POST',
				path: /^\/v1\/chat\/completions$/,
				handle: (req: RecordedRequest) => {
					const body = req.body as ChatCompletionRequest;
					const turn = completions.push(body) - 1;
					const reply = options.respond(body, turn);
					return body.stream ? stream(reply) : completion(reply);
				},
			},
			{
				method: 'GET',
				path: /^\/v1\/models$/,
				handle: () => json(200, { object: 'list', data: [{ id: MOCK_MODEL, object: 'model', created: 0, owned_by: 'mock' }] }),
			},
		],
		notFound: (req) => json(404, { error: { message: `mock chat model: no route for ${req.method} ${req.path}`, type: 'invalid_request_error' } }),
		resetState: () => completions.splice(0),
	});
	return { ...server, completions };
}
