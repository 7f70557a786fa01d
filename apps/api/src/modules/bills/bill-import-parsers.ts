import Papa from 'papaparse';
import { actorFromText, classifyActionText } from '@coalesce/domain';
import { billActionCreateSchema, billCreateSchema } from '@coalesce/protocol';
import type {
  BillActionCreate,
  BillCreate,
  BillImportFormat,
  BillImportIssue,
} from '@coalesce/protocol';
import type { z } from 'zod';

/** One bill read from an import file, validated, with the fields the file actually gave. */
export interface ImportedBill {
  line: number;
  bill: BillCreate;
  provided: Array<keyof BillCreate>;
  actions: BillActionCreate[];
}

export interface ParsedImport {
  bills: ImportedBill[];
  issues: BillImportIssue[];
}

/** The CSV columns, in the documented order (docs/bills.md). */
export const CSV_COLUMNS = [
  'jurisdiction',
  'session',
  'identifier',
  'type',
  'origin_chamber',
  'title',
  'subjects',
  'introduced_at',
  'session_ended',
  'congress_gov_id',
  'open_states_id',
  'legiscan_id',
  'source_url',
  'sponsor_name',
  'sponsor_party',
  'sponsor_district',
  'sponsor_role',
  'action_date',
  'action_actor',
  'action_text',
  'action_classifications',
] as const;
const REQUIRED_COLUMNS = ['jurisdiction', 'session', 'identifier', 'origin_chamber', 'title'];

export function parseImport(format: BillImportFormat, content: string): ParsedImport {
  return format === 'csv' ? parseCsv(content) : parseOpenStatesJson(content);
}

function issuesOf(error: z.ZodError, line: number, prefix = ''): BillImportIssue[] {
  return error.issues.map((i) => ({
    line,
    field: prefix + i.path.map(String).join('.'),
    message: i.message,
  }));
}

// ---------------- Open States JSON ----------------

type Json = Record<string, unknown>;
const obj = (v: unknown): Json =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim() : undefined;

/** Accepts a list of Open States v3 bills, `{ "results": [...] }` (the API's page), or one bill. */
export function parseOpenStatesJson(content: string): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    return {
      bills: [],
      issues: [{ line: 0, field: '', message: `Not valid JSON: ${(error as Error).message}` }],
    };
  }
  const list = Array.isArray(data)
    ? data
    : Array.isArray(obj(data).results)
      ? arr(obj(data).results)
      : [data];
  const bills: ImportedBill[] = [];
  const issues: BillImportIssue[] = [];
  list.forEach((item, index) => {
    const line = index + 1;
    const b = obj(item);
    const jurisdiction = obj(b.jurisdiction);
    const from = obj(b.from_organization);
    const ext = obj(b.external_ids);
    const raw = {
      jurisdiction: str(jurisdiction.name) ?? str(b.jurisdiction),
      session: str(b.session) ?? str(obj(b.legislative_session).identifier),
      identifier: str(b.identifier),
      type: str(arr(b.classification)[0]) ?? 'bill',
      originChamber: str(from.classification) ?? str(b.from_organization),
      title: str(b.title),
      shortTitles: arr(b.other_titles)
        .map((t) => str(obj(t).title) ?? str(t))
        .filter(Boolean),
      subjects: arr(b.subject).filter((s) => typeof s === 'string'),
      introducedAt: str(b.first_action_date)?.slice(0, 10) ?? null,
      sessionEnded: b.session_ended === true,
      sessionEndDate: str(b.session_end_date) ?? null,
      externalIds: {
        openStates: str(b.id) ?? str(ext.open_states) ?? null,
        congressGov: str(ext.congress_gov) ?? null,
        legiscan: str(ext.legiscan) ?? null,
      },
      sources: arr(b.sources).map((s) => ({
        url: str(obj(s).url),
        note: str(obj(s).note) ?? null,
      })),
      sponsorships: arr(b.sponsorships).map((s) => {
        const sp = obj(s);
        const person = obj(sp.person);
        return {
          name: str(sp.name) ?? str(person.name),
          party: str(person.party) ?? str(sp.party) ?? null,
          district: str(obj(person.current_role).district) ?? str(sp.district) ?? null,
          primary: sp.primary === true || sp.classification === 'primary',
          date: str(sp.date) ?? null,
        };
      }),
      versions: arr(b.versions).map((v) => ({
        note: str(obj(v).note),
        date: str(obj(v).date)?.slice(0, 10) ?? null,
        url: str(obj(arr(obj(v).links)[0]).url) ?? null,
      })),
      votes: arr(b.votes).map((v) => {
        const vote = obj(v);
        const count = (option: string) =>
          Number(obj(arr(vote.counts).find((c) => obj(c).option === option)).value ?? 0);
        return {
          date: str(vote.start_date)?.slice(0, 10),
          chamber: str(obj(vote.organization).classification) ?? str(vote.chamber),
          motion: str(vote.motion_text) ?? str(vote.motion),
          result: str(vote.result),
          yes: count('yes'),
          no: count('no'),
          other: count('other') + count('absent') + count('not voting') + count('abstain'),
        };
      }),
    };
    const parsed = billCreateSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...issuesOf(parsed.error, line));
      return;
    }
    const actions: BillActionCreate[] = [];
    arr(b.actions).forEach((a, i) => {
      const action = obj(a);
      const text = str(action.description) ?? str(action.text) ?? '';
      const classes = arr(action.classification).filter((c): c is string => typeof c === 'string');
      const org = obj(action.organization);
      const result = billActionCreateSchema.safeParse({
        date: str(action.date)?.slice(0, 10),
        actor: str(org.classification) ?? str(action.actor) ?? actorFromText(text),
        actorName: str(org.name) ?? null,
        text,
        classifications: classes.length ? classes : classifyActionText(text),
      });
      if (result.success) actions.push(result.data);
      else issues.push(...issuesOf(result.error, line, `actions.${i}.`));
    });
    bills.push({
      line,
      bill: parsed.data,
      provided: Object.keys(parsed.data) as Array<keyof BillCreate>,
      actions,
    });
  });
  return { bills, issues };
}

// ---------------- CSV ----------------

const splitList = (v: string | undefined) =>
  (v ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * One row per action; the bill columns are repeated on each row of the same bill (the first row
 * wins) and a row may add a sponsor. Rows of a bill need not be adjacent. Line numbers count the
 * header as line 1.
 */
export function parseCsv(content: string): ParsedImport {
  const result = Papa.parse<Record<string, string>>(content.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const issues: BillImportIssue[] = result.errors.map((e) => ({
    line: (e.row ?? 0) + 2,
    field: '',
    message: e.message,
  }));
  const headers = result.meta.fields ?? [];
  const missing = REQUIRED_COLUMNS.filter((c) => !headers.includes(c));
  if (missing.length) {
    issues.push({
      line: 1,
      field: missing.join(', '),
      message: `Missing column(s): ${missing.join(', ')}.`,
    });
    return { bills: [], issues };
  }
  const unknown = headers.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length)
    issues.push({
      line: 1,
      field: unknown.join(', '),
      message: `Unknown column(s): ${unknown.join(', ')}.`,
    });

  const byKey = new Map<
    string,
    { line: number; raw: Record<string, string>; sponsors: unknown[]; actions: BillActionCreate[] }
  >();
  result.data.forEach((row, index) => {
    const line = index + 2;
    const key = [
      row.jurisdiction,
      row.session,
      (row.identifier ?? '').toUpperCase().replace(/[.\s]/g, ''),
    ].join('|');
    let entry = byKey.get(key);
    if (!entry) {
      entry = { line, raw: row, sponsors: [], actions: [] };
      byKey.set(key, entry);
    }
    const sponsorName = row.sponsor_name?.trim();
    if (
      sponsorName &&
      !entry.sponsors.some((sp) => (sp as { name: string }).name === sponsorName)
    ) {
      entry.sponsors.push({
        name: sponsorName,
        party: row.sponsor_party || null,
        district: row.sponsor_district || null,
        primary: (row.sponsor_role ?? '').trim().toLowerCase() === 'primary',
      });
    }
    if (row.action_date?.trim() || row.action_text?.trim()) {
      const text = row.action_text ?? '';
      const given = splitList(row.action_classifications);
      const action = billActionCreateSchema.safeParse({
        date: row.action_date?.trim(),
        actor: row.action_actor?.trim() || actorFromText(text),
        text,
        classifications: given.length ? given : classifyActionText(text),
      });
      if (action.success) entry.actions.push(action.data);
      else issues.push(...issuesOf(action.error, line, 'action_'));
    }
  });

  const bills: ImportedBill[] = [];
  for (const { line, raw, sponsors, actions } of byKey.values()) {
    const candidate: Record<string, unknown> = {
      jurisdiction: raw.jurisdiction,
      session: raw.session,
      identifier: raw.identifier,
      type: raw.type?.trim() || 'bill',
      originChamber: raw.origin_chamber?.trim(),
      title: raw.title,
    };
    if (raw.subjects?.trim()) candidate.subjects = splitList(raw.subjects);
    if (raw.introduced_at?.trim()) candidate.introducedAt = raw.introduced_at.trim();
    if (raw.session_ended?.trim())
      candidate.sessionEnded = /^(true|yes|1)$/i.test(raw.session_ended.trim());
    const ext = {
      congressGov: raw.congress_gov_id?.trim() || null,
      openStates: raw.open_states_id?.trim() || null,
      legiscan: raw.legiscan_id?.trim() || null,
    };
    if (ext.congressGov || ext.openStates || ext.legiscan) candidate.externalIds = ext;
    if (raw.source_url?.trim()) candidate.sources = [{ url: raw.source_url.trim() }];
    if (sponsors.length) candidate.sponsorships = sponsors;
    const parsed = billCreateSchema.safeParse(candidate);
    if (!parsed.success) {
      issues.push(
        ...issuesOf(parsed.error, line).map((i) => ({ ...i, field: csvColumn(i.field) })),
      );
      continue;
    }
    bills.push({
      line,
      bill: parsed.data,
      provided: Object.keys(candidate) as Array<keyof BillCreate>,
      actions,
    });
  }
  return { bills, issues: issues.sort((a, b) => a.line - b.line) };
}

const CSV_NAMES: Record<string, string> = {
  originChamber: 'origin_chamber',
  introducedAt: 'introduced_at',
  sessionEnded: 'session_ended',
  'externalIds.congressGov': 'congress_gov_id',
  'externalIds.openStates': 'open_states_id',
  'externalIds.legiscan': 'legiscan_id',
  'sources.0.url': 'source_url',
};
function csvColumn(field: string): string {
  if (CSV_NAMES[field]) return CSV_NAMES[field];
  if (field.startsWith('sponsorships.')) return 'sponsor_' + (field.split('.').pop() ?? '');
  return field;
}
