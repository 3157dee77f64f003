import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';

const showOnlyForSetQuestions = { resource: ['account'], operation: ['setSecurityQuestions'] };

const ANSWERS: Array<[string, string]> = [
	['answer1', 'Answer 1'],
	['answer2', 'Answer 2'],
];

/** preSend: SERA takes answers of 2 to 33 characters and two different questions. */
export async function checkSecurityAnswers(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	for (const [name, displayName] of ANSWERS) {
		const length = String(this.getNodeParameter(name, '')).length;
		if (length < 2 || length > 33) {
			throw inputError(this, displayName, `must have 2 to 33 characters (has ${length})`);
		}
	}
	if (this.getNodeParameter('question1', '') === this.getNodeParameter('question2', '')) {
		throw inputError(this, 'Question 2 Name or ID', 'must be a different question from Question 1');
	}
	return requestOptions;
}

const question = (index: number): INodeProperties => ({
	displayName: `Question ${index} Name or ID`,
	name: `question${index}`,
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getSecurityQuestions' },
	required: true,
	default: '',
	description:
		'Security question type. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	displayOptions: { show: showOnlyForSetQuestions },
	routing: { send: { type: 'body', property: `security_question${index}_type` } },
});

const answer = (index: number): INodeProperties => ({
	displayName: `Answer ${index}`,
	name: `answer${index}`,
	type: 'string',
	typeOptions: { password: true },
	required: true,
	default: '',
	description: 'Answer of 2 to 33 characters',
	displayOptions: { show: showOnlyForSetQuestions },
	routing: { send: { type: 'body', property: `security_question${index}_value` } },
});

export const accountSetSecurityQuestionsDescription: INodeProperties[] = [question(1), answer(1), question(2), answer(2)];
