// report.mjs -- the figures of `fazhi report --data DIR --all-regions --year Y
// --format json`, computed in SQL on DuckDB from the same CSV folder: a peer
// to measure fazhi's end-to-end speed and memory against.
//
//   node report.mjs --data DIR [--year 2019] [--out FILE] [--threads 2]
//                   [--calendar data/cn_workday_calendar.csv]
//
// It writes one JSON array, one entry per region (every district a record
// names, and its city and province), each {"region": "110101", "metrics":
// {id: {"value": V, "previous": V}}}, V a count, [num, den] for an exact
// fraction (rates as fractions of 1, money in yuan, days), or null where
// fazhi's figure is undefined; and the report's default tables
// (src/render/table_specs.cpp, docs/breakdowns.md): "breakdowns", each
// {"metric", "by", "total": {"value", "previous"}, "rows": [{"key", "value",
// "previous"}]} (the rows in no order; key null for an empty value), and
// "series", each {"metric", "by": "month", "points": [{"period": "2019-01",
// "value", "previous"}]}. The ids and the definitions are fazhi's
// (README.md, docs/, src/metrics/<family>.cpp); check.mjs compares the two outputs.
//
// What the peer does not do, and fazhi does: validate every row (aliases,
// other date and boolean spellings, GB18030), the lottery's chi-square p,
// the tables' labels, shares, changes, ranks and order, a profile's own
// tables, narrative and text. It reads the generator's dialect only
// (canonical headers, ISO dates, 1/0 booleans, English codes).
import { DuckDBInstance } from '@duckdb/node-api';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = { year: 2019, threads: 2, calendar: path.join(here, '../../data/cn_workday_calendar.csv') };
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i].replace(/^--/, '');
  if (!['data', 'year', 'out', 'threads', 'calendar'].includes(key) || i + 1 >= process.argv.length) {
    console.error('usage: node report.mjs --data DIR [--year 2019] [--out FILE] [--threads 2] [--calendar CSV]');
    process.exit(2);
  }
  args[key] = process.argv[i + 1];
}
if (!args.data) {
  console.error('report.mjs: --data is required');
  process.exit(2);
}
const year = Number(args.year);
const days_in_year = (y) => ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365);
// [0] the report's period, [1] the previous one (a whole year: the year before).
const periods = [year, year - 1].map((y) => ({ from: `DATE '${y}-01-01'`, to: `DATE '${y}-12-31'`, days: days_in_year(y) }));
const csv = (kind) => `'${path.join(args.data, `${kind}.csv`).replaceAll("'", "''")}'`;
const sql_text = (s) => `'${s.replaceAll("'", "''")}'`;
// columnsOf(kind, types) is read_csv's `columns` for the file's own header:
// each name in the header's order, typed from `types` (else VARCHAR). The
// generator writes no respondent_level, act_type, defendant_level or
// org_type: a column the file lacks is every record's empty value, not
// stored but put in where the tables group by it (optional, below).
const headers = new Map();
function header(kind) {
  if (!headers.has(kind)) {
    const fd = openSync(path.join(args.data, `${kind}.csv`), 'r');
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    closeSync(fd);
    headers.set(kind, buf.subarray(0, n).toString('utf8').split('\n')[0].replace(/\r$/, '').split(','));
  }
  return headers.get(kind);
}
const columnsOf = (kind, types) => `{${header(kind).map((name) => `'${name}': '${types[name] ?? 'VARCHAR'}'`).join(', ')}}`;
// The columns of a family's table that its file may lack, by family: its file and the columns.
const optional = {
  recon: ['reconsideration', ['respondent_level', 'act_type']], litigation: ['litigation', ['defendant_level']],
  legal: ['legal_aid', []], mediation: ['mediation', ['org_type']],
};
// present(f, from): a select list's optional columns the file has; absent(f): the others, as NULL.
const present = (f, from) => optional[f][1].filter((n) => header(optional[f][0]).includes(n))
  .map((n) => `, ${from}.${n}`).join('');
const absent = (f) => optional[f][1].filter((n) => !header(optional[f][0]).includes(n))
  .map((n) => `, CAST(NULL AS VARCHAR) AS ${n}`).join('');

// ---- SQL helpers ------------------------------------------------------------
const inP = (col, p) => `(${col} BETWEEN ${p.from} AND ${p.to})`;
// A case opened on `opened` and closed on `closed` (NULL: not yet) is open at
// the end of `day` when opened <= day < closed.
const openAt = (day, opened, closed) => `(${opened} <= ${day} AND (${closed} IS NULL OR ${day} < ${closed}))`;
// counters(spec) makes `name_0, name_1` aggregate columns, one per period,
// from spec = {name: (p) => [aggregate, filter]}.
function counters(spec) {
  const cols = [];
  for (const [name, f] of Object.entries(spec)) {
    periods.forEach((p, k) => {
      const [agg, where] = f(p);
      cols.push(`${agg} FILTER (WHERE ${where}) AS ${name}_${k}`);
    });
  }
  return cols.join(',\n  ');
}
const count = (where) => (p) => ['count(*)', where(p)];
const total = (expr, where) => (p) => [`sum(${expr})`, where(p)];
const most = (expr, where) => (p) => [`max(${expr})`, where(p)];

// ---- The run ------------------------------------------------------------------
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
// PEER_TIMING=1 prints each statement's seconds to stderr.
const timing = process.env.PEER_TIMING === '1';
async function timed(q, f) {
  const t0 = performance.now();
  const out = await f(q);
  if (timing) console.error(`${((performance.now() - t0) / 1000).toFixed(3)} s  ${q.trim().split('\n')[0].slice(0, 70)}`);
  return out;
}
const run = (q) => timed(q, (s) => db.run(s));
const rows = (q) => timed(q, async (s) => (await db.runAndReadAll(s)).getRowObjectsJS());
await run(`SET threads = ${Number(args.threads)}`);

// The working-day calendar: every day of the years the notices cover, a day
// working when a notice says so, else when Monday to Friday and not a notice's
// holiday. cum counts the working days up to and including the day, so
// workdays_between(a, b) (working days d, a < d <= b) is cum(b) - cum(a).
await run(`CREATE TABLE notice AS SELECT * FROM read_csv(${sql_text(args.calendar)}, header = true,
  columns = {'date': 'DATE', 'kind': 'VARCHAR', 'holiday': 'VARCHAR'})`);
await run(`CREATE TABLE cal AS
WITH span AS (SELECT make_date(min(year(date)), 1, 1) AS first, make_date(max(year(date)) + 1, 1, 1) AS stop FROM notice),
days AS (SELECT CAST(range AS DATE) AS d FROM span, range(span.first, span.stop, INTERVAL 1 DAY)),
kinds AS (SELECT days.d, COALESCE(notice.kind = 'workday', isodow(days.d) <= 5) AS work
          FROM days LEFT JOIN notice ON notice.date = days.d)
SELECT d, work, CAST(sum(CAST(work AS INTEGER)) OVER (ORDER BY d) AS INTEGER) AS cum,
       min(CASE WHEN work THEN d END) OVER (ORDER BY d ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS next_work
FROM kinds`);
// lim: for every start day s, the statutory periods' last days. N days: s + N,
// rolled over to the next working day; N months: the same day N months on (or
// that month's last), rolled over; N working days: the N-th working day after
// s. NULL where the calendar cannot answer.
const daysAfter = (n) => `LEFT JOIN cal a${n} ON a${n}.d = c.d + ${n}`;
const monthsAfter = (n) => `LEFT JOIN cal m${n} ON m${n}.d = CAST(c.d + INTERVAL ${n} MONTH AS DATE)`;
await run(`CREATE TABLE lim AS
SELECT c.d AS s, c.cum, a15.next_work AS d15, a30.next_work AS d30, a60.next_work AS d60, a90.next_work AS d90,
       w5.d AS w5, m1.next_work AS m1, m6.next_work AS m6
FROM cal c ${daysAfter(15)} ${daysAfter(30)} ${daysAfter(60)} ${daysAfter(90)}
LEFT JOIN (SELECT d, cum FROM cal WHERE work) w5 ON w5.cum = c.cum + 5
${monthsAfter(1)} ${monthsAfter(6)}`);

// ---- The tables' shapes -------------------------------------------------------------
// fazhi's default breakdowns and series (src/render/table_specs.cpp), in its
// order. A breakdown's row is the metric over the region's records with one
// value of the dimension (empty: the key null); a value is a row when one of
// its records touches the period or the one compared with (counts under the
// family's `touches`), else none. By region: a city's districts and
// its own code (市本级), a province's cities. A series is every month of the
// year, with the same month a year earlier.
const defaultBreakdowns = [
  ['reconsideration.received', 'respondent_level'], ['reconsideration.received', 'act_type'],
  ['reconsideration.received', 'category'], ['reconsideration.closed', 'disposition'],
  ['litigation.received', 'defendant_level'], ['litigation.judged_first_instance', 'outcome'],
  ['legal_aid.accepted', 'case_type'], ['mediation.received', 'category'], ['mediation.received', 'org_type'],
  ['reconsideration.received', 'region'], ['litigation.received', 'region'], ['legal_aid.accepted', 'region'],
  ['mediation.received', 'region'],
];
const defaultSeries = ['reconsideration.received', 'litigation.received', 'legal_aid.accepted', 'mediation.received'];
// The counters (of the family's `when`, below) by which a record touches a period.
const touches = {
  recon: ['received', 'closed', 'pending_start'], litigation: ['received', 'closed_all', 'pending_first'],
  legal: ['accepted', 'closed', 'decided', 'pending_end'], mediation: ['received', 'closed', 'pending_end'],
};
// Each metric's family, its counter (the family's `when`) and, for a series, the date that puts a record in a month.
const tableMetrics = {
  'reconsideration.received': { family: 'recon', counter: 'received', date: 'received' },
  'reconsideration.closed': { family: 'recon', counter: 'closed' },
  'litigation.received': { family: 'litigation', counter: 'received', date: 'filed_date' },
  'litigation.judged_first_instance': { family: 'litigation', counter: 'judged_first' },
  'legal_aid.accepted': { family: 'legal', counter: 'accepted', date: 'accepted' },
  'mediation.received': { family: 'mediation', counter: 'received', date: 'received_date' },
};
// groups(f, when, from, scalar) is the SQL of family f's groups: one
// grouping-sets pass over `from` (a table, or a query of its file), its
// records grouped by (record region, value) for each dimension and by
// (record region, month) for each series, with the counters of its metrics
// (conditions `when`) and how many records touch either period. With
// `scalar` (a counters spec), also by record region alone (dim 'all'),
// with those counters: the family's scalar pass rides along when its table
// is not kept for anything else.
const monthSet = (metric) => `month of ${metric}`;
function tableSets(f) {
  const metrics = Object.keys(tableMetrics).filter((m) => tableMetrics[m].family === f);
  const dims = [...new Set(defaultBreakdowns.filter(([m, by]) => metrics.includes(m) && by !== 'region').map(([, by]) => by))];
  const series = defaultSeries.filter((m) => metrics.includes(m));
  return {
    sets: [...dims.map((by) => [by, by]), ...series.map((m, i) => [monthSet(m), `month_${i}`])],
    series,
    counted: [...new Set(metrics.map((m) => tableMetrics[m].counter))],
  };
}
function groups(f, when, from, scalar = null) {
  const { sets, series, counted } = tableSets(f);
  const spec = { ...scalar, ...Object.fromEntries(counted.map((c) => [c, count(when[c])])) };
  const touched = periods.flatMap((p) => touches[f].map((t) => `(${when[t](p)})`)).join(' OR ');
  return `SELECT region, CASE ${sets.map(([name, col]) => `WHEN grouping(${col}) = 0 THEN ${sql_text(name)}`).join(' ')} ELSE 'all' END AS dim,
  COALESCE(${sets.map(([, col]) => `CAST(${col} AS VARCHAR)`).join(', ')}) AS key,
  ${counters(spec)},
  count(*) FILTER (WHERE ${touched}) AS touch
FROM (SELECT *${absent(f)}, ${series.map((m, i) => `month(${tableMetrics[m].date}) AS month_${i}`).join(', ')} FROM ${from})
GROUP BY GROUPING SETS (${[...(scalar ? ['(region)'] : []), ...sets.map(([, col]) => `(region, ${col})`)].join(', ')})`;
}
// scalarOf(f, scalar): the family's scalar counters by record region, from its groups.
const scalarOf = (f, scalar) => `CREATE TABLE agg_${f} AS SELECT region, ${
  Object.keys(scalar).flatMap((n) => periods.map((_, k) => `${n}_${k}`)).join(', ')} FROM grp_${f} WHERE dim = 'all'`;

// ---- The records ---------------------------------------------------------------
const bool = 'TINYINT';
await run(`CREATE TABLE recon AS
WITH r AS (SELECT * FROM read_csv(${csv('reconsideration')}, header = true, columns = ${columnsOf('reconsideration', {
  'region': 'INTEGER', 'received_date': 'DATE', 'accepted_date': 'DATE', 'closed_date': 'DATE',
  'simple_procedure': bool, 'extended': bool, 'litigated': bool, 'suspended_days': 'INTEGER', 'compensation': bool})})),
-- Without a recorded acceptance a case counts as accepted when the
-- 5-working-day review ends (行政复议法 (2023) art. 30 para 3).
a AS (SELECT r.*, COALESCE(r.accepted_date, lr.w5) AS acceptance, lr.cum AS received_cum,
  -- The decision on acceptance: accepted, or refused (not_accepted, on its
  -- closing day), or, neither refused nor closed when the review ends,
  -- accepted on its last day by operation of law (art. 30 para 3).
  CASE WHEN r.accepted_date IS NOT NULL THEN r.accepted_date
       WHEN r.disposition = 'not_accepted' THEN r.closed_date
       WHEN r.closed_date IS NULL OR r.closed_date > lr.w5 THEN lr.w5 END AS intake
  FROM r LEFT JOIN lim lr ON lr.s = r.received_date)
SELECT a.region, a.received_date AS received, a.accepted_date AS accepted, a.closed_date AS closed,
  a.litigated, a.acceptance, a.category, a.disposition${present('recon', 'a')},
  a.disposition IS NOT NULL AND a.disposition <> 'not_accepted' AS concluded,
  a.disposition IN ('altered', 'revoked', 'confirmed_illegal', 'ordered_performance', 'confirmed_void',
                    'agreement_remedy') AS direct,
  a.disposition IN ('mediated', 'settled', 'withdrawn_after_correction') AS indirect,
  a.intake, li.cum - a.received_cum AS intake_workdays,
  -- The decision period (art. 62): 30 days simple, 60, 90 extended, from acceptance.
  CASE WHEN a.simple_procedure = 1 THEN la.d30 WHEN a.extended = 1 THEN la.d90 ELSE la.d60 END AS deadline,
  greatest(0, a.closed_date - a.acceptance) AS duration
FROM a LEFT JOIN lim la ON la.s = a.acceptance LEFT JOIN lim li ON li.s = a.intake`);

// The counts the tables need too (below, "The tables"), each a record's
// condition in period p: the metrics split, and those that say whether a
// record touches a period (fazhi's <family>_has_data).
const closedIn = (p) => `concluded AND ${inP('closed', p)}`;
const reconWhen = {
  received: (p) => inP('received', p),
  closed: closedIn,
  pending_start: (p) => openAt(`${p.from} - 1`, 'received', 'closed'),
};
const reconAgg = counters({
  received: count(reconWhen.received),
  accepted: count((p) => inP('accepted', p)),
  closed: count(reconWhen.closed),
  carried_over: count((p) => `${closedIn(p)} AND received < ${p.from}`),
  pending_start: count(reconWhen.pending_start),
  pending_end: count((p) => openAt(p.to, 'received', 'closed')),
  pending_over: count((p) => `${openAt(p.to, 'received', 'closed')} AND deadline < ${p.to}`),
  direct: count((p) => `${closedIn(p)} AND direct`),
  indirect: count((p) => `${closedIn(p)} AND indirect`),
  litigated_known: count((p) => `${closedIn(p)} AND litigated IS NOT NULL`),
  not_litigated: count((p) => `${closedIn(p)} AND litigated = 0`),
  intake_decided: count((p) => inP('intake', p)),
  intake_on_time: count((p) => `${inP('intake', p)} AND intake_workdays <= 5`),
  on_time: count((p) => `${closedIn(p)} AND closed <= deadline`),
  overdue: count((p) => `${closedIn(p)} AND closed > deadline`),
  days_sum: total('duration', (p) => `${closedIn(p)} AND deadline IS NOT NULL`),
  days_n: count((p) => `${closedIn(p)} AND deadline IS NOT NULL`),
});

const litigationWhen = {
  received: (p) => inP('filed_date', p),
  closed_all: (p) => inP('closed_date', p),
  pending_first: (p) => `instance = 'first' AND ${openAt(p.to, 'filed_date', 'closed_date')}`,
  judged_first: (p) => `${inP('closed_date', p)} AND instance = 'first' AND outcome IN ('judgment_win', 'judgment_loss')`,
};
const litigationCounters = {
  received: count(litigationWhen.received),
  received_first: count((p) => `${inP('filed_date', p)} AND instance = 'first'`),
  defence_known: count((p) => `${inP('filed_date', p)} AND defence_date IS NOT NULL`),
  defence_on_time: count((p) => `${inP('filed_date', p)} AND defence_date <= defence_due`),
  pending_first: count(litigationWhen.pending_first),
  pending_over_first: count((p) => `instance = 'first' AND ${openAt(p.to, 'filed_date', 'closed_date')} AND limit_due < ${p.to}`),
  closed_all: count(litigationWhen.closed_all),
  withdrawn_after_correction: count((p) => `${inP('closed_date', p)} AND outcome = 'withdrawn_after_correction'`),
  lawyer_only: count((p) => `${inP('closed_date', p)} AND lawyer_only = 1`),
  hearing: count((p) => `${inP('closed_date', p)} AND hearing_held = 1`),
  head: count((p) => `${inP('closed_date', p)} AND hearing_held = 1 AND head_appeared = 1`),
  ...Object.fromEntries(
    ['first', 'second', 'retrial'].flatMap((level) => [
      [`hearing_${level}`, count((p) => `${inP('closed_date', p)} AND hearing_held = 1 AND instance = '${level}'`)],
      [`head_${level}`, count((p) => `${inP('closed_date', p)} AND hearing_held = 1 AND head_appeared = 1 AND instance = '${level}'`)],
    ]),
  ),
  closed_first: count((p) => `${inP('closed_date', p)} AND instance = 'first'`),
  judged_first: count(litigationWhen.judged_first),
  win_first: count((p) => `${inP('closed_date', p)} AND instance = 'first' AND outcome = 'judgment_win'`),
  loss_first: count((p) => `${inP('closed_date', p)} AND instance = 'first' AND outcome IN ('judgment_loss', 'withdrawn_after_correction')`),
};
await run(`CREATE TABLE litigation AS
WITH l AS (SELECT * FROM read_csv(${csv('litigation')}, header = true, columns = ${columnsOf('litigation', {
  'region': 'INTEGER', 'filed_date': 'DATE', 'defence_date': 'DATE', 'closed_date': 'DATE',
  'head_appeared': bool, 'lawyer_only': bool, 'hearing_held': bool})}))
-- Defence within 15 days of filing (行政诉讼法 art. 67); first instance within six months (art. 81).
SELECT l.region, l.filed_date, l.instance, l.defence_date, l.closed_date, l.outcome, l.head_appeared,
  l.lawyer_only, l.hearing_held${present('litigation', 'l')}, lf.d15 AS defence_due, lf.m6 AS limit_due
FROM l LEFT JOIN lim lf ON lf.s = l.filed_date`);
await run(`CREATE TABLE agg_litigation AS SELECT region, ${counters(litigationCounters)} FROM litigation GROUP BY region`);

await run(`CREATE TABLE legal AS
WITH a AS (SELECT * FROM read_csv(${csv('legal_aid')}, header = true, columns = ${columnsOf('legal_aid', {
  'region': 'INTEGER', 'applied_date': 'DATE', 'decided_date': 'DATE', 'accepted_date': 'DATE', 'assigned_date': 'DATE',
  'commitment': bool, 'closed_date': 'DATE', 'recovered_amount': 'DECIMAL(18,2)'})}))
SELECT a.region, a.case_type, a.applied_date AS applied, a.decided_date AS decided, a.accepted_date AS accepted,
  a.assigned_date AS assigned, a.closed_date AS closed, a.lawyer_id, a.assignment_method = 'lottery' AS lottery,
  a.commitment, CAST(a.recovered_amount * 100 AS BIGINT) AS recovered_fen,
  ld.cum - lp.cum AS review_workdays, lg.cum - ld.cum AS assignment_workdays
FROM a LEFT JOIN lim lp ON lp.s = a.applied_date LEFT JOIN lim ld ON ld.s = a.decided_date
       LEFT JOIN lim lg ON lg.s = a.assigned_date`);
// 法律援助法 art. 43: review within 7 working days, assignment within 3 (the default profile).
const legalWhen = {
  accepted: (p) => inP('accepted', p),
  closed: (p) => inP('closed', p),
  decided: (p) => inP('decided', p),
  pending_end: (p) => openAt(p.to, 'accepted', 'closed'),
};
const legalAgg = counters({
  accepted: count(legalWhen.accepted),
  commitment: count((p) => `${inP('accepted', p)} AND commitment = 1`),
  closed: count(legalWhen.closed),
  pending_end: count(legalWhen.pending_end),
  assigned: count((p) => inP('assigned', p)),
  lottery: count((p) => `${inP('assigned', p)} AND lottery`),
  decided: count(legalWhen.decided),
  review_sum: total('review_workdays', (p) => inP('decided', p)),
  review_max: most('review_workdays', (p) => inP('decided', p)),
  review_on_time: count((p) => `${inP('decided', p)} AND review_workdays <= 7`),
  assigned_decided: count((p) => `${inP('assigned', p)} AND decided IS NOT NULL`),
  assign_on_time: count((p) => `${inP('assigned', p)} AND decided IS NOT NULL AND assignment_workdays <= 3`),
  recovered_fen: total('recovered_fen', (p) => inP('closed', p)),
});

const mediationWhen = {
  received: (p) => inP('received_date', p),
  closed: (p) => inP('closed_date', p),
  pending_end: (p) => openAt(p.to, 'received_date', 'closed_date'),
};
const mediationCounters = {
  received: count(mediationWhen.received),
  major_group: count((p) => `${inP('received_date', p)} AND major_group = 1`),
  closed: count(mediationWhen.closed),
  success: count((p) => `${inP('closed_date', p)} AND outcome = 'success'`),
  pending_end: count(mediationWhen.pending_end),
  // 人民调解工作若干规定 art. 33: generally within one month.
  pending_over: count((p) => `${openAt(p.to, 'received_date', 'closed_date')} AND limit_due < ${p.to}`),
};
// Mediation, the largest file, is read once, into its groups with its few
// scalar counters among them: nothing else needs its records. (Litigation's
// many counters would cost more, taken in every grouping set, than keeping
// its table.)
const grouped = new Set(['mediation']);
await run(`CREATE TABLE grp_mediation AS ${groups('mediation', mediationWhen, `(
  SELECT m.*, lm.m1 AS limit_due
  FROM read_csv(${csv('mediation')}, header = true, columns = ${columnsOf('mediation', {
  'region': 'INTEGER', 'received_date': 'DATE', 'closed_date': 'DATE', 'major_group': bool})}) m
  LEFT JOIN lim lm ON lm.s = m.received_date) AS src`, mediationCounters)}`);
await run(scalarOf('mediation', mediationCounters));

// pivot(key, values, names) spreads an aggregate grouped by (region,
// key) into columns `name_value_k`: one small pass over the groups instead
// of a filter per key and counter over every record.
const pivot = (key, values, names) => values.flatMap((value) => names.flatMap((name) => periods.map((_, k) =>
  `sum(${name}_${k}) FILTER (WHERE ${key} = '${value}') AS ${name}_${column(value)}_${k}`))).join(',\n  ');
const column = (id) => id.replaceAll('.', '__');

const registryKinds = ['law_firm', 'lawyer', 'mediation_org', 'mediator_fulltime', 'notary_office', 'notary_point',
  'legal_service_platform'];
await run(`CREATE TABLE agg_registry AS
WITH g AS (SELECT region, kind, ${counters({
  // An entity stands on day d when start <= d < end.
  standing: count((p) => openAt(p.to, 'start_date', 'end_date')),
  new: count((p) => inP('start_date', p)),
})}
  FROM read_csv(${csv('registry')}, header = true, columns = {
    'kind': 'VARCHAR', 'entity_id': 'VARCHAR', 'region': 'INTEGER', 'start_date': 'DATE', 'end_date': 'DATE'})
  GROUP BY region, kind)
SELECT region, ${pivot('kind', registryKinds, ['standing', 'new'])} FROM g GROUP BY region`);

const indicators = ['decision.legality_reviews', 'contract.major_reviews', 'contract.sampled',
  'enforcement.departments_disclosing', 'enforcement.disclosed_records', 'enforcement.discretion_items',
  'enforcement.exam_takers', 'enforcement.certificates', 'staff_exam.takers', 'staff_exam.passed',
  'law_education.events', 'law_education.materials', 'law_education.audience', 'public_lawyer.matters',
  'public_lawyer.documents', 'public_lawyer.disputes', 'legal_service.services', 'village_adviser.services',
  'legal_aid.consultations', 'law_firm.acceptances', 'law_firm.inspections'];
await run(`CREATE TABLE agg_activity AS
WITH x AS (SELECT region, indicator, ${counters({
  sum: total('value', (p) => inP('date', p)),
  rows: count((p) => inP('date', p)),
})}
  FROM read_csv(${csv('activity')}, header = true, columns = {
    'region': 'INTEGER', 'date': 'DATE', 'indicator': 'VARCHAR', 'value': 'BIGINT', 'note': 'VARCHAR'})
  GROUP BY region, indicator)
SELECT region, ${pivot('indicator', indicators, ['sum', 'rows'])} FROM x GROUP BY region`);

await run(`CREATE TABLE agg_recon AS SELECT region, ${reconAgg} FROM recon GROUP BY region`);
await run(`CREATE TABLE agg_legal AS SELECT region, ${legalAgg} FROM legal GROUP BY region`);

// ---- Roll-up ----------------------------------------------------------------------
// The regions: every code a record names, its city (first 4 digits + 00) and
// province (first 2 + 0000); a region sums its own records and those of
// every region inside it.
const families = ['recon', 'litigation', 'legal', 'mediation', 'registry', 'activity'];
await run(`CREATE TABLE node_of AS
WITH codes AS (${families.map((f) => `SELECT region FROM agg_${f}`).join(' UNION ')})
SELECT DISTINCT code, node
FROM (SELECT region AS code, unnest([region, region // 100 * 100, region // 10000 * 10000]) AS node FROM codes)`);
for (const f of families) {
  const names = (await rows(`SELECT column_name FROM information_schema.columns
    WHERE table_name = 'agg_${f}' AND column_name <> 'region' ORDER BY ordinal_position`)).map((r) => r.column_name);
  const roll = names.map((n) => `${n.startsWith('review_max') ? 'max' : 'sum'}(a.${n}) AS ${n}`).join(', ');
  await run(`CREATE TABLE up_${f} AS SELECT n.node, ${roll}
    FROM agg_${f} a JOIN node_of n ON n.code = a.region GROUP BY n.node`);
}
// The median days from acceptance to closing of concluded reconsideration
// cases, as twice the median (an even count's median is the mean of the two
// middle values).
const medians = await rows(`
WITH d AS (${periods.map((p, k) => `SELECT region, ${k} AS k, duration FROM recon
                                    WHERE concluded AND ${inP('closed', p)} AND deadline IS NOT NULL`).join(' UNION ALL ')})
SELECT n.node, d.k, CAST(2 * median(d.duration) AS BIGINT) AS twice FROM d JOIN node_of n ON n.code = d.region
GROUP BY n.node, d.k`);
// The lottery: assignments by lawyer (a lawyer drawn in two districts counts
// once in their city), then per region the lawyers, assignments, fewest,
// most and sum of squares.
const lottery = await rows(`
WITH d AS (${periods.map((p, k) => `SELECT region, ${k} AS k, lawyer_id FROM legal
                                    WHERE lottery AND lawyer_id IS NOT NULL AND ${inP('assigned', p)}`).join(' UNION ALL ')}),
by_lawyer AS (SELECT n.node, d.k, d.lawyer_id, count(*) AS c FROM d JOIN node_of n ON n.code = d.region
              GROUP BY n.node, d.k, d.lawyer_id)
SELECT node, k, count(*) AS lawyers, sum(c) AS assignments, min(c) AS fewest, max(c) AS most, sum(c * c) AS squares
FROM by_lawyer GROUP BY node, k`);
// Ranks among the regions with the same parent (districts in their city,
// cities in their province, the provinces together): 1 + how many are larger.
const parent = `CASE WHEN node % 100 <> 0 THEN node // 100 * 100 WHEN node % 10000 <> 0 THEN node // 10000 * 10000 ELSE 0 END`;
const rank = (table, col) => periods.map((_, k) =>
  `rank() OVER (PARTITION BY ${parent} ORDER BY COALESCE(${col}_${k}, 0) DESC) AS rank_${k}`).join(', ');
const nodes = await rows(`SELECT node FROM node_of GROUP BY node ORDER BY node`);
const legalRanks = await rows(`SELECT n.node, ${rank('l', 'l.accepted')}
  FROM (SELECT DISTINCT node FROM node_of) n LEFT JOIN up_legal l USING (node)`);
const mediationRanks = await rows(`SELECT n.node, ${rank('m', 'm.received')}
  FROM (SELECT DISTINCT node FROM node_of) n LEFT JOIN up_mediation m USING (node)`);

// ---- The tables --------------------------------------------------------------------
// The groups summed into every region that holds their record region,
// and the region rows made of one set's groups (each record is in one group
// of every set). Each region's rows of a table come out as one JSON text:
// reading them value by value into JS would take longer than the SQL.
const tableRows = new Map(); // `${node}/${family}/${by}` -> [{key, counters...}]
const tableWhen = { recon: reconWhen, litigation: litigationWhen, legal: legalWhen, mediation: mediationWhen };
for (const [f, when] of Object.entries(tableWhen)) {
  if (!grouped.has(f)) await run(`CREATE TABLE grp_${f} AS ${groups(f, when, f)}`);
  const { sets, counted } = tableSets(f);
  const names = counted.flatMap((c) => periods.map((_, k) => `${c}_${k}`));
  const sums = names.map((n) => `CAST(sum(${n}) AS INTEGER) AS ${n}`).join(', ');
  const found = await rows(`
WITH by_code AS (SELECT region AS code, ${sums}, sum(touch) AS touch FROM grp_${f} WHERE dim = ${sql_text(sets[0][0])} GROUP BY region),
t AS (SELECT n.node, g.dim, g.key, ${sums} FROM grp_${f} g JOIN node_of n ON n.code = g.region
WHERE g.dim <> 'all' GROUP BY n.node, g.dim, g.key HAVING sum(g.touch) > 0
UNION ALL
SELECT code // 100 * 100, 'region', lpad(CAST(code AS VARCHAR), 6, '0'), ${sums} FROM by_code
WHERE code % 10000 <> 0 GROUP BY code HAVING sum(touch) > 0
UNION ALL
SELECT code // 10000 * 10000, 'region', lpad(CAST(code // 100 * 100 AS VARCHAR), 6, '0'), ${sums} FROM by_code
GROUP BY code // 10000 * 10000, code // 100 * 100 HAVING sum(touch) > 0)
SELECT node, dim, CAST(to_json(list({'key': key, ${names.map((n) => `'${n}': ${n}`).join(', ')}})) AS VARCHAR) AS rows
FROM t GROUP BY node, dim`);
  for (const r of found) tableRows.set(`${r.node}/${f}/${r.dim}`, JSON.parse(r.rows));
}

// ---- Figures ----------------------------------------------------------------------
const byNode = async (table) => new Map((await rows(`SELECT * FROM ${table}`)).map((r) => [r.node, r]));
const up = {};
for (const f of families) up[f] = await byNode(`up_${f}`);
const keyed = (list) => new Map(list.map((r) => [`${r.node}/${r.k}`, r]));
const medianOf = keyed(medians), lotteryOf = keyed(lottery);
const rankOf = (list) => new Map(list.map((r) => [r.node, r]));
const legalRank = rankOf(legalRanks), mediationRank = rankOf(mediationRanks);

// Plain numbers where exact (counts and sums here stay far below 2^53).
const num = (v) => (v === null || v === undefined ? 0 : Number(v));
const ratio = (n, d) => (num(d) === 0 ? null : [num(n), num(d)]);
// The integer square root, exactly (BigInt Newton's method).
function isqrt(v) {
  if (v < 2n) return v;
  let x = BigInt(Math.floor(Math.sqrt(Number(v))));
  while (x * x > v) x -= 1n;
  while ((x + 1n) * (x + 1n) <= v) x += 1n;
  return x;
}
// The coefficient of variation of the lawyers' case counts, rounded half up
// to 4 decimals: x = 10^4 sqrt(spread) / N, round(x) = floor((isqrt(floor(4
// 10^8 spread / N^2)) + 1) / 2), spread = L sum c^2 - N^2.
function lotteryCv(l) {
  const n = BigInt(num(l?.assignments));
  if (n === 0n) return null;
  const spread = BigInt(num(l.lawyers)) * BigInt(num(l.squares)) - n * n;
  return [Number((isqrt((400000000n * spread) / (n * n)) + 1n) / 2n), 10000];
}

function figures(node, k) {
  const p = periods[k];
  const get = (f) => (name) => num(up[f].get(node)?.[`${name}_${k}`]);
  const r = get('recon'), l = get('litigation'), a = get('legal'), m = get('mediation'), g = get('registry'),
    x = get('activity');
  const v = {};
  v['reconsideration.received'] = r('received');
  v['reconsideration.accepted'] = r('accepted');
  v['reconsideration.closed'] = r('closed');
  v['reconsideration.closed_carried_over'] = r('carried_over');
  v['reconsideration.pending_start'] = r('pending_start');
  v['reconsideration.pending_end'] = r('pending_end');
  v['reconsideration.direct_correction_rate'] = ratio(r('direct'), r('closed'));
  v['reconsideration.correction_rate'] = ratio(r('direct') + r('indirect'), r('closed'));
  v['reconsideration.not_litigated_rate'] = ratio(r('not_litigated'), r('litigated_known'));
  v['reconsideration.acceptance_on_time_rate'] = ratio(r('intake_on_time'), r('intake_decided'));
  v['reconsideration.on_time_rate'] = ratio(r('on_time'), r('closed'));
  v['reconsideration.overdue'] = r('overdue');
  const median = medianOf.get(`${node}/${k}`);
  v['reconsideration.median_days'] = median ? [num(median.twice), 2] : null;
  v['reconsideration.mean_days'] = ratio(r('days_sum'), r('days_n'));
  v['reconsideration.conclusion_rate'] = ratio(r('closed'), r('pending_start') + r('accepted'));
  v['reconsideration.clearance_rate'] = ratio(r('closed'), r('received'));
  v['reconsideration.disposition_time'] = ratio(p.days * r('pending_end'), r('closed'));
  v['reconsideration.pending_over_limit_share'] = ratio(r('pending_over'), r('pending_end'));

  v['litigation.received'] = l('received');
  v['litigation.received_first_instance'] = l('received_first');
  v['litigation.judged_first_instance'] = l('judged_first');
  v['litigation.win_rate'] = ratio(l('win_first'), l('judged_first'));
  v['litigation.loss_rate'] = ratio(l('loss_first'), l('closed_first'));
  v['litigation.withdrawn_after_correction'] = l('withdrawn_after_correction');
  v['litigation.head_appearance_rate'] = ratio(l('head'), l('hearing'));
  for (const level of ['first', 'second', 'retrial']) {
    v[`litigation.head_appearance_rate.${level}`] = ratio(l(`head_${level}`), l(`hearing_${level}`));
  }
  v['litigation.lawyer_only'] = l('lawyer_only');
  v['litigation.defence_on_time_rate'] = ratio(l('defence_on_time'), l('defence_known'));
  v['litigation.clearance_rate'] = ratio(l('closed_first'), l('received_first'));
  v['litigation.disposition_time'] = ratio(p.days * l('pending_first'), l('closed_first'));
  v['litigation.pending_over_limit_share'] = ratio(l('pending_over_first'), l('pending_first'));

  v['legal_aid.accepted'] = a('accepted');
  v['legal_aid.recovered_amount'] = [a('recovered_fen'), 100];
  v['legal_aid.review_workdays_max'] = a('decided') === 0 ? null : [a('review_max'), 1];
  v['legal_aid.review_workdays_mean'] = ratio(a('review_sum'), a('decided'));
  v['legal_aid.review_on_time_rate'] = ratio(a('review_on_time'), a('decided'));
  v['legal_aid.assignment_on_time_rate'] = ratio(a('assign_on_time'), a('assigned_decided'));
  v['legal_aid.lottery_share'] = ratio(a('lottery'), a('assigned'));
  v['legal_aid.lottery_assignments'] = a('lottery');
  const lot = lotteryOf.get(`${node}/${k}`);
  v['legal_aid.lottery_lawyers'] = num(lot?.lawyers);
  v['legal_aid.lottery_min'] = lot ? num(lot.fewest) : null;
  v['legal_aid.lottery_max'] = lot ? num(lot.most) : null;
  v['legal_aid.lottery_mean'] = lot ? ratio(lot.assignments, lot.lawyers) : null;
  v['legal_aid.lottery_cv'] = lotteryCv(lot);
  v['legal_aid.commitment_share'] = ratio(a('commitment'), a('accepted'));
  v['legal_aid.closed'] = a('closed');
  v['legal_aid.accepted_rank'] = num(legalRank.get(node)?.[`rank_${k}`]);
  v['legal_aid.clearance_rate'] = ratio(a('closed'), a('accepted'));
  v['legal_aid.disposition_time'] = ratio(p.days * a('pending_end'), a('closed'));
  // Undefined under the default profile: the law sets no time limit for a legal-aid case.
  v['legal_aid.pending_over_limit_share'] = null;

  for (const kind of registryKinds) {
    v[`registry.${kind}`] = g(`standing_${column(kind)}`);
    v[`registry.${kind}.new`] = g(`new_${column(kind)}`);
  }

  v['mediation.received'] = m('received');
  v['mediation.major_group'] = m('major_group');
  v['mediation.success_rate'] = ratio(m('success'), m('closed'));
  v['mediation.received_rank'] = num(mediationRank.get(node)?.[`rank_${k}`]);
  v['mediation.clearance_rate'] = ratio(m('closed'), m('received'));
  v['mediation.disposition_time'] = ratio(p.days * m('pending_end'), m('closed'));
  v['mediation.pending_over_limit_share'] = ratio(m('pending_over'), m('pending_end'));

  // An activity nobody tallied in the period is missing, not zero.
  for (const id of indicators) v[id] = x(`rows_${column(id)}`) > 0 ? x(`sum_${column(id)}`) : null;
  v['staff_exam.pass_rate'] = x(`rows_${column('staff_exam.passed')}`) === 0 ? null
    : ratio(x(`sum_${column('staff_exam.passed')}`), x(`sum_${column('staff_exam.takers')}`));
  return v;
}

// tables(node) is the region's breakdowns (rows {key, value, previous} in
// no order, total {value, previous}: the region's figure) and series.
function tables(node) {
  const pair = (r, counter) => ({ value: num(r?.[`${counter}_0`]), previous: num(r?.[`${counter}_1`]) });
  const district = node % 100 !== 0;
  const breakdowns = defaultBreakdowns.filter(([, by]) => by !== 'region' || !district).map(([metric, by]) => {
    const { family, counter } = tableMetrics[metric];
    const rows = (tableRows.get(`${node}/${family}/${by}`) ?? []).map((r) => ({ key: r.key, ...pair(r, counter) }));
    return { metric, by, total: pair(up[family].get(node), counter), rows };
  });
  const series = defaultSeries.map((metric) => {
    const { family, counter } = tableMetrics[metric];
    const months = new Map((tableRows.get(`${node}/${family}/${monthSet(metric)}`) ?? []).map((r) => [Number(r.key), r]));
    const points = Array.from({ length: 12 }, (_, i) => ({
      period: `${year}-${String(i + 1).padStart(2, '0')}`, ...pair(months.get(i + 1), counter) }));
    return { metric, by: 'month', points };
  });
  return { breakdowns, series };
}

// Written a region at a time: the whole text at once would be held twice
// (as a string and as its UTF-8 bytes) beside the figures.
const written = performance.now();
const out = args.out ? openSync(args.out, 'w') : 1;
const chunks = [];
const flush = () => {
  writeSync(out, chunks.join(''));
  chunks.length = 0;
};
chunks.push('[');
for (const [i, { node }] of nodes.entries()) {
  const now = figures(node, 0), before = figures(node, 1);
  const metrics = {};
  for (const id of Object.keys(now)) metrics[id] = { value: now[id], previous: before[id] };
  // The YoY of received applications is a metric of its own.
  const received = now['reconsideration.received'], earlier = before['reconsideration.received'];
  metrics['reconsideration.received_yoy'] = { value: earlier === 0 ? null : [received - earlier, earlier], previous: null };
  chunks.push((i > 0 ? ',' : '') + JSON.stringify({ region: String(node).padStart(6, '0'), metrics, ...tables(node) }));
  if (chunks.length >= 64) flush();
}
chunks.push(']');
flush();
if (args.out) closeSync(out);
if (timing) console.error(`${((performance.now() - written) / 1000).toFixed(3)} s  (the figures and tables as JSON, written)`);
db.closeSync();
instance.closeSync();
