import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
	NodeApiError,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CANONICAL_STATES, CREDENTIAL_TYPE } from '../CxoneAgentStates/helpers/constants';
import { filterAgents, parseList } from '../CxoneAgentStates/helpers/filters';
import { normalizeAgentStates } from '../CxoneAgentStates/helpers/normalize';
import { decodeSnapshot, detectChanges, encodeSnapshot, type WatchEvent } from '../CxoneAgentStates/helpers/stateChanges';
import { getLocations, getTeams } from '../CxoneAgentStates/methods';
import { CxoneSession } from '../CxoneAgentStates/transport';
import { attachAgentLocations, fetchAgentStates } from '../CxoneAgentStates/transport/agentStates';

/** What the trigger keeps between polls in the workflow's static data: plain JSON only. */
interface TriggerState {
	/** Real CXone's lastPollTime: the next poll asks only for agents changed since. */
	cursor?: string;
	/** Every watched agent's state and since, encoded by encodeSnapshot. Absent until the baseline poll. */
	snapshot?: string;
	/** The rule and filters the snapshot was taken for: when they change, the next poll takes a new baseline. */
	watching?: string;
}

const MANUAL_SAMPLE_SIZE = 10;

const stateOptions = CANONICAL_STATES.map((value) => ({ name: value, value }));

export class CxoneAgentStatesTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CXone Agent States Trigger',
		name: 'cxoneAgentStatesTrigger',
		icon: { light: 'file:cxone.svg', dark: 'file:cxone.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ { anyChange: "Any state change", entered: "Entered state", left: "Left state", inStateFor: "In state for " + $parameter["minutes"] + " min" }[$parameter["event"]] }}',
		description: 'Starts the workflow when a NICE CXone agent\'s state changes',
		defaults: { name: 'CXone Agent States Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'Any State Change', value: 'anyChange', description: 'An agent moved from one state to another' },
					{ name: 'Entered State', value: 'entered', description: 'An agent entered one of the chosen states' },
					{ name: 'Left State', value: 'left', description: 'An agent left one of the chosen states' },
					{
						name: 'Has Been in State For',
						value: 'inStateFor',
						description: 'An agent has stayed in one of the chosen states for at least N minutes (fires once per stay)',
					},
				],
				default: 'anyChange',
			},
			{
				displayName: 'States',
				name: 'states',
				type: 'multiOptions',
				options: stateOptions,
				default: [],
				description: 'The states to watch; leave empty for every state',
				displayOptions: { show: { event: ['entered', 'left', 'inStateFor'] } },
			},
			{
				displayName: 'Minutes',
				name: 'minutes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 15,
				description: 'How long an agent must have been in the state',
				displayOptions: { show: { event: ['inStateFor'] } },
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					{
						displayName: 'Site IDs',
						name: 'siteIds',
						type: 'string',
						default: '',
						description: 'Only agents of these sites (IDs or names, comma-separated). Real tenants: matched against each agent\'s Location, which costs one request to the agents list per poll.',
					},
					{
						displayName: 'Teams',
						name: 'teams',
						type: 'string',
						default: '',
						description: 'Only agents of these teams (IDs or names, comma-separated)',
					},
					// List-based fields beside the typed ones, so saved workflows keep their strings.
					{
						displayName: 'Sites From List Names or IDs',
						name: 'siteList',
						type: 'multiOptions',
						typeOptions: { loadOptionsMethod: 'getLocations' },
						default: [],
						description: 'Only agents of these sites, picked from CXone\'s list (adds to Site IDs). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Teams From List Names or IDs',
						name: 'teamList',
						type: 'multiOptions',
						typeOptions: { loadOptionsMethod: 'getTeams' },
						default: [],
						description: 'Only agents of these teams, picked from CXone\'s list (adds to Teams). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
				],
			},
		],
	};

	methods = { loadOptions: { getLocations, getTeams } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as WatchEvent;
		const states = event === 'anyChange' ? [] : (this.getNodeParameter('states', []) as string[]);
		const minutes = event === 'inStateFor' ? (this.getNodeParameter('minutes', 15) as number) : 0;
		const filters = this.getNodeParameter('filters', {}) as { siteIds?: string; teams?: string; siteList?: string[]; teamList?: string[] };
		const sites = [...parseList(filters.siteIds), ...parseList(filters.siteList)];
		const teams = [...parseList(filters.teams), ...parseList(filters.teamList)];

		const manual = this.getMode() === 'manual';
		const staticData = this.getWorkflowStaticData('node') as TriggerState & IDataObject;
		const watching = JSON.stringify({ event, states, minutes, sites, teams });
		if (!manual && staticData.watching !== watching) {
			delete staticData.snapshot;
			delete staticData.cursor;
		}
		const session = await CxoneSession.open(this);
		// Deltas cannot tell how long an unchanged agent has been in its state: that rule needs the full list.
		let useCursor =
			session.mode === 'accessKey' && !manual && event !== 'inStateFor' && staticData.snapshot !== undefined && staticData.cursor !== undefined;
		let fetched = await fetchAgentStates(session, { updatedSince: useCursor ? staticData.cursor : undefined }).catch(
			(error: NodeApiError) => {
				// A cursor CXone no longer accepts ("Invalid Updated Since"): start again from a full list.
				if (useCursor && error.httpCode === '400') return undefined;
				return Promise.reject(error);
			},
		);
		if (fetched === undefined) {
			delete staticData.cursor;
			useCursor = false;
			fetched = await fetchAgentStates(session);
		}

		const nowMs = Date.now();
		const { agents } = normalizeAgentStates(fetched.records, nowMs);
		if (session.mode === 'accessKey' && sites.length > 0) await attachAgentLocations(session, agents);
		// Only watched agents enter the snapshot, so one who vanishes (logs out) is reported even though the
		// feed no longer says which site or team they were in.
		const watched = filterAgents(agents, { sites, teams });

		if (manual) {
			const sample = watched.slice(0, MANUAL_SAMPLE_SIZE);
			const items = sample.map((agent) => ({ ...agent, event: 'sample', previousState: null, previousStateSince: null, secondsInPreviousState: null }));
			return items.length ? [this.helpers.returnJsonArray(items as unknown as IDataObject[])] : null;
		}

		// 204/304: nothing changed; keep the cursor so the next poll asks from the same point.
		if (fetched.noContent && useCursor) return null;

		const complete = !useCursor;
		const baseline = staticData.snapshot === undefined;
		const previous = decodeSnapshot(staticData.snapshot);
		const { events, next } = detectChanges(previous, watched, { nowMs, complete, rule: { event, states, minutes } });
		staticData.snapshot = encodeSnapshot(next);
		staticData.watching = watching;
		if (fetched.lastPollTime) staticData.cursor = fetched.lastPollTime;

		// The first poll after activation (or after the rule or filters changed) only records where everyone is.
		if (baseline) return null;
		return events.length ? [this.helpers.returnJsonArray(events as unknown as IDataObject[])] : null;
	}
}
