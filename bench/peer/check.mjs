// check.mjs -- compares the DuckDB peer's figures with fazhi's report.
//
//   node check.mjs FAZHI.json PEER.json
//
// FAZHI.json is `fazhi report --data DIR --all-regions --year Y --format json`,
// PEER.json is `node report.mjs --data DIR --year Y`. Every metric the peer
// computes is compared, region by region, for the period and (where fazhi
// gives it: the family has records in the previous period) the previous one;
// fractions are compared as rationals (fazhi may reduce them). Then each
// breakdown the peer computes (by metric and dimension): its total, and its
// rows as a set of {key, value, previous} (the same keys on both sides, each
// with the same figures; fazhi's order, ranks and shares are not compared),
// and each series: its points by period. Prints each mismatch, the metrics
// and tables fazhi has that the peer does not compute; exits 1 on any
// mismatch, a region only one side has, or a table the peer has and fazhi not.
import { readFileSync } from 'node:fs';

if (process.argv.length !== 4) {
  console.error('usage: node check.mjs FAZHI.json PEER.json');
  process.exit(2);
}
const fazhi = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const peerRegions = new Map(JSON.parse(readFileSync(process.argv[3], 'utf8')).map((r) => [r.region, r]));
const peer = new Map([...peerRegions].map(([code, r]) => [code, r.metrics]));

// A value as [num, den] BigInts, or null; fazhi writes fractions as {num, den}, the peer as [num, den].
function exact(v) {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return [BigInt(v[0]), BigInt(v[1])];
  if (typeof v === 'object') return [BigInt(v.num), BigInt(v.den)];
  return [BigInt(v), 1n];
}
const same = (a, b) => (a === null || b === null ? a === b : a[0] * b[1] === b[0] * a[1]);
const show = (v) => (v === null ? 'null' : v[1] === 1n ? `${v[0]}` : `${v[0]}/${v[1]}`);

let mismatches = 0, compared = 0;
const report = (line) => {
  if (++mismatches <= 50) console.log(line);
};
const covered = new Set(), uncovered = new Set();
const seen = new Set();
for (const region of fazhi) {
  seen.add(region.region);
  const theirs = peer.get(region.region);
  if (!theirs) {
    console.log(`${region.region}: in fazhi's report, not in the peer's`);
    ++mismatches;
    continue;
  }
  for (const m of region.metrics) {
    const p = theirs[m.id];
    if (!p) {
      uncovered.add(m.id);
      continue;
    }
    covered.add(m.id);
    const pairs = [['value', exact(m.value), exact(p.value)]];
    if ('previous' in m) pairs.push(['previous', exact(m.previous), exact(p.previous)]);
    for (const [which, f, q] of pairs) {
      ++compared;
      if (!same(f, q)) report(`${region.region} ${m.id} ${which}: fazhi ${show(f)}, peer ${show(q)}`);
    }
  }
}

// The tables: fazhi's and the peer's, by `metric by`, region by region.
let tablesCompared = 0, rowsCompared = 0, pointsCompared = 0;
const tablesCovered = new Set(), tablesUncovered = new Set();
const tableName = (t) => `${t.metric} by ${t.by}`;
const figure = (v) => show(exact(v));
const sameFigure = (a, b) => same(exact(a), exact(b));
// pairs(label, fazhi, peer) reports where {value, previous} differ.
function pairs(label, f, p) {
  for (const which of ['value', 'previous']) {
    if (!sameFigure(f[which], p[which])) report(`${label} ${which}: fazhi ${figure(f[which])}, peer ${figure(p[which])}`);
  }
}
for (const region of fazhi) {
  const theirs = peerRegions.get(region.region);
  if (!theirs) continue;
  for (const [kind, list, own] of [['breakdown', region.breakdowns ?? [], theirs.breakdowns ?? []],
                                   ['series', region.series ?? [], theirs.series ?? []]]) {
    const peerTables = new Map(own.map((t) => [tableName(t), t]));
    const fazhiNames = new Set();
    for (const t of list) {
      const name = tableName(t);
      fazhiNames.add(name);
      const p = peerTables.get(name);
      if (!p) {
        tablesUncovered.add(`${kind} ${name}`);
        continue;
      }
      tablesCovered.add(`${kind} ${name}`);
      ++tablesCompared;
      const at = `${region.region} ${kind} ${name}`;
      if (kind === 'breakdown') {
        pairs(`${at} total`, t.total, p.total);
        // Rows by key (null: the empty value), as sets.
        const keyOf = (r) => (r.key === null ? 'null' : JSON.stringify(r.key));
        const peerRows = new Map(p.rows.map((r) => [keyOf(r), r]));
        if (peerRows.size !== p.rows.length) report(`${at}: the peer has a key twice`);
        for (const r of t.rows) {
          const q = peerRows.get(keyOf(r));
          ++rowsCompared;
          if (!q) {
            report(`${at} row ${keyOf(r)}: in fazhi's table, not in the peer's`);
            continue;
          }
          peerRows.delete(keyOf(r));
          pairs(`${at} row ${keyOf(r)}`, r, q);
        }
        for (const key of peerRows.keys()) report(`${at} row ${key}: in the peer's table, not in fazhi's`);
      } else {
        const periods = (s) => s.points.map((x) => x.period).join(' ');
        if (periods(t) !== periods(p)) {
          report(`${at}: fazhi's periods ${periods(t)}, the peer's ${periods(p)}`);
          continue;
        }
        t.points.forEach((x, i) => {
          ++pointsCompared;
          pairs(`${at} ${x.period}`, x, p.points[i]);
        });
      }
    }
    for (const name of peerTables.keys()) {
      if (!fazhiNames.has(name)) report(`${region.region} ${kind} ${name}: in the peer's report, not in fazhi's`);
    }
  }
}

for (const region of peer.keys()) {
  if (!seen.has(region)) {
    console.log(`${region}: in the peer's report, not in fazhi's`);
    ++mismatches;
  }
}
console.log(`${fazhi.length} regions, ${covered.size} metrics compared (${compared} figures), ${mismatches} mismatches`);
console.log(`${tablesCovered.size} kinds of table compared (${tablesCompared} tables, ${rowsCompared} rows, ${pointsCompared} points)`);
console.log(`not computed by the peer: ${[...uncovered, ...tablesUncovered].sort().join(', ') || 'none'}`);
process.exit(mismatches === 0 ? 0 : 1);
