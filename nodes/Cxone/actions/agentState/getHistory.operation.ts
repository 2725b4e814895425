/** Agent State → Get History: each state change in a period, or per agent the seconds a daily report needs. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CANONICAL_STATES } from '../../helpers/states';
import { canonicalState } from '../../helpers/normalize';
import { DistinctHistoryRows, HistorySummarizer, MAX_HISTORY_DAYS, normalizeHistory, type HistoryRow } from '../../helpers/history';
import type { CxoneSession } from '../../transport';
import { fetchStateHistory } from '../../transport/reports';
import { requireRealTenant } from '../realTenantOnly';
import { listParameter, requestCallFromOptions, withRequestBounds, type RequestBounds } from './options';

const show = { show: { resource: ['agentState'], operation: ['getHistory'] } };

// The same choices as Get Many's States option (helpers/states.ts).
const stateOptions = CANONICAL_STATES.map((state) => ({
	name: state
		.split('_')
		.map((word) => word[0] + word.slice(1).toLowerCase())
		.join(' '),
	value: state,
}));

export const description: INodeProperties[] = [
	{
		displayName: 'Start',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Start of the period (a time without a zone is in the workflow\'s timezone). Yesterday: <code>{{ $today.minus({ days: 1 }) }}</code>.',
		displayOptions: show,
	},
	{
		displayName: 'End',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: `End of the period, at most ${MAX_HISTORY_DAYS} days after the start. Yesterday: <code>{{ $today }}</code>.`,
		displayOptions: show,
	},
	{
		displayName: 'Agent ID',
		name: 'agentId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1001',
		description: 'Only this agent (leave empty for every agent)',
		displayOptions: show,
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'One Item per State Change', value: 'changes', description: 'Each state an agent was in, with its start, end and duration' },
			{
				name: 'One Summary Item per Agent',
				value: 'summary',
				description: 'Seconds per state and per Not Ready reason, logged-in seconds and occupancy within the period',
			},
		],
		default: 'summary',
		displayOptions: show,
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		// A summary counts every agent over the whole period: Return All and Limit are for state changes only.
		displayOptions: { show: { ...show.show, output: ['changes'] } },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...show.show, output: ['changes'], returnAll: [false] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: withRequestBounds([
			{
				displayName: 'States',
				name: 'states',
				type: 'multiOptions',
				options: stateOptions,
				default: [],
				description: 'Only these states (leave empty for all)',
			},
			{
				displayName: 'Teams',
				name: 'teams',
				type: 'string',
				default: '',
				placeholder: 'e.g. 12, 14',
				description: 'Only agents in these teams: team IDs, comma-separated (CXone\'s history names no team)',
			},
		]),
	},
];

interface HistoryOptions extends RequestBounds {
	states?: unknown;
	teams?: unknown;
}

/** Offset of `timeZone` from UTC at an instant, in ms (from Intl: n8n nodes have no date library of their own). */
function zoneOffsetMs(timeZone: string, atMs: number): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(atMs));
	const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
	const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
	return wall - Math.floor(atMs / 1000) * 1000;
}

/** ISO 8601 as n8n's date picker and Luxon write it: a date, a time (optional), a zone (optional). */
const ISO_8601 = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d{1,9}))?)?(Z|[+-]\d\d(?::?\d\d)?)?)?$/i;

/**
 * A date parameter as epoch ms: ISO 8601 strings (zoneless ones in the workflow's timezone), Dates, Luxon DateTimes.
 * Anything else is NaN: Date.parse would guess ("March 7" is 2001-03-07, "2026/11/22 00:00" is in the server's zone).
 */
export function parseDateParameter(value: unknown, timeZone: string): number {
	if (value instanceof Date) return value.getTime();
	if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
	if (typeof value === 'object' && value !== null && typeof (value as { toMillis?: unknown }).toMillis === 'function') {
		return (value as { toMillis: () => number }).toMillis();
	}
	if (typeof value !== 'string') return Number.NaN;
	const match = ISO_8601.exec(value.trim());
	if (!match) return Number.NaN;
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = ''] = match;
	const zone: string | undefined = match[8];
	const parts = [year, month, day, hour, minute, second].map(Number);
	const asUtc = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5], Number(fraction.padEnd(3, '0').slice(0, 3)));
	const back = new Date(asUtc);
	// Date.UTC rolls 2026-02-30 over to March 2 and 24:00 to the next day: a date that does not exist is not a date.
	if (back.getUTCFullYear() !== parts[0] || back.getUTCMonth() !== parts[1] - 1 || back.getUTCDate() !== parts[2] || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) {
		return Number.NaN;
	}
	if (zone !== undefined) {
		if (zone.toUpperCase() === 'Z') return asUtc;
		const offsetMinutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3).replace(':', '') || '0');
		return asUtc - (zone.startsWith('-') ? -1 : 1) * offsetMinutes * 60_000;
	}
	try {
		// Twice: the offset at the guessed instant can differ from the offset at the wall time (DST changes).
		const guess = asUtc - zoneOffsetMs(timeZone, asUtc);
		return asUtc - zoneOffsetMs(timeZone, guess);
	} catch {
		return asUtc;
	}
}

function readPeriod(context: IExecuteFunctions, itemIndex: number): { startMs: number; endMs: number } {
	const node = context.getNode();
	const timeZone = context.getTimezone();
	const read = (name: 'startDate' | 'endDate', label: string) => {
		const value = context.getNodeParameter(name, itemIndex, '') as unknown;
		const ms = parseDateParameter(value, timeZone);
		if (Number.isNaN(ms)) {
			throw new NodeOperationError(node, `${label} is not a date: ${JSON.stringify(String(value ?? '')).slice(0, 60)}`, {
				itemIndex,
				description: `${label} takes an ISO 8601 date such as 2026-11-22, 2026-11-22T08:00 (in the workflow's timezone) or 2026-11-22T08:00:00Z. Pick a date, or use an expression such as {{ $today.minus({ days: 1 }) }}.`,
			});
		}
		return ms;
	};
	const startMs = read('startDate', 'Start');
	const endMs = read('endDate', 'End');
	if (endMs <= startMs) {
		throw new NodeOperationError(node, 'End must be after Start', {
			itemIndex,
			description: `Start is ${new Date(startMs).toISOString()} and End is ${new Date(endMs).toISOString()}.`,
		});
	}
	if (endMs - startMs > MAX_HISTORY_DAYS * 86_400_000) {
		throw new NodeOperationError(node, `The period is longer than ${MAX_HISTORY_DAYS} days`, {
			itemIndex,
			description: `CXone's reporting data is read one day at a time for at most ${MAX_HISTORY_DAYS} days per run. Split the period over several runs (for example one per week).`,
		});
	}
	return { startMs, endMs };
}

export async function execute(this: IExecuteFunctions, session: CxoneSession, itemIndex: number): Promise<IDataObject[]> {
	requireRealTenant(session, 'Get History', 'read state history', itemIndex);
	const { startMs, endMs } = readPeriod(this, itemIndex);
	const agentId = String(this.getNodeParameter('agentId', itemIndex, '') ?? '').trim();
	const summary = this.getNodeParameter('output', itemIndex, 'summary') === 'summary';
	// A summary ignores Limit (hidden for it in the editor, but a saved value may remain): it counts every agent.
	const returnAll = summary || (this.getNodeParameter('returnAll', itemIndex, false) as boolean);
	const limit = returnAll ? Number.POSITIVE_INFINITY : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const options = this.getNodeParameter('options', itemIndex, {}) as HistoryOptions;
	const call = requestCallFromOptions(this, options, itemIndex);
	// Any case and CXone's own names, as on Get Many: "ready" and "Available" both mean READY.
	const stateList = listParameter(this, options.states, 'States', itemIndex).map(canonicalState);
	const states = stateList.length ? new Set(stateList) : null;
	const teams = listParameter(this, options.teams, 'Teams', itemIndex);
	const teamSet = teams.length ? new Set(teams) : null;

	// Both count a row CXone lists twice (repeated pages, day windows meeting at their edges) once.
	const summarizer = summary ? new HistorySummarizer(startMs, endMs) : null;
	const changes = new DistinctHistoryRows();
	let skipped = 0;
	const visit = (row: HistoryRow) => {
		if (states && !states.has(row.state)) return;
		if (teamSet && (row.teamId === null || !teamSet.has(row.teamId))) return;
		if (summarizer) summarizer.add(row);
		else if (changes.rows.length < limit) changes.add(row);
	};
	await fetchStateHistory(session, { ...call, startMs, endMs, agentId: agentId || undefined }, (records) => {
		skipped += normalizeHistory(records, visit);
		// A summary needs the whole period; state changes are kept in CXone's order, so the first Limit are final.
		return summarizer !== null || changes.rows.length < limit;
	});

	if (skipped > 0) {
		this.addExecutionHints({ message: `${skipped} history record(s) from CXone named no agent ID and were skipped.`, location: 'outputPane' });
	}
	const out = summarizer ? summarizer.result() : changes.rows;
	if (out.length === 0) {
		this.addExecutionHints({
			message: 'CXone returned no state history for this period: check Start and End, the Agent ID, and that agents were logged in then.',
			location: 'outputPane',
		});
	}
	return out as unknown as IDataObject[];
}
