/** The trigger's parameters read and checked once per poll: the rule, the site and team filters, and their key. */
import type { IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ListParameterError, parseList } from '../helpers/filters';
import { canonicalState } from '../helpers/normalize';
import type { WatchEvent, WatchRule } from '../helpers/stateChanges';

export interface TriggerSettings {
	rule: WatchRule;
	sites: string[];
	teams: string[];
	/** The rule and filters as one string: when it changes, the snapshot was taken for other settings. */
	watching: string;
}

export function readTriggerSettings(context: IPollFunctions): TriggerSettings {
	const event = context.getNodeParameter('event') as WatchEvent;
	let states: string[];
	let sites: string[];
	let teams: string[];
	try {
		// Any case and CXone's own names: "ready" and "Available" both mean READY.
		states = event === 'anyChange' ? [] : parseList(context.getNodeParameter('states', []), 'States').map(canonicalState);
		const filters = context.getNodeParameter('filters', {}) as { siteIds?: unknown; teams?: unknown; siteList?: unknown; teamList?: unknown };
		sites = [...parseList(filters.siteIds, 'Site IDs'), ...parseList(filters.siteList, 'Sites From List')];
		teams = [...parseList(filters.teams, 'Teams'), ...parseList(filters.teamList, 'Teams From List')];
	} catch (error) {
		const description = error instanceof ListParameterError ? error.description : undefined;
		throw new NodeOperationError(context.getNode(), error as Error, { description });
	}
	const minutesValue = event === 'inStateFor' ? context.getNodeParameter('minutes', 15) : 0;
	const minutes = typeof minutesValue === 'string' && minutesValue.trim() ? Number(minutesValue) : minutesValue;
	if (typeof minutes !== 'number' || !Number.isFinite(minutes) || (event === 'inStateFor' && minutes <= 0)) {
		throw new NodeOperationError(context.getNode(), `Minutes must be a number greater than 0, not ${JSON.stringify(minutesValue) ?? String(minutesValue)}`, {
			description: 'Set Minutes (Has Been in State For) to how long an agent must stay in the state, e.g. 15.',
		});
	}
	return { rule: { event, states, minutes }, sites, teams, watching: JSON.stringify({ event, states, minutes, sites, teams }) };
}
