// check.mjs -- compares the DuckDB peer's figures with fazhi's report.
//
//   node check.mjs FAZHI.json PEER.json
//
// FAZHI.json is `fazhi report --data DIR --all-regions --year Y --format json`,
// PEER.json is `node report.mjs --data DIR --year Y`. Every metric the peer
// computes is compared, region by region, for the period and (where fazhi
// gives it: the family has records in the previous period) the previous one;
// fractions are compared as rationals (fazhi may reduce them). Prints each
// mismatch and the metrics fazhi has that the peer does not compute; exits 1
// on any mismatch or a region only one side has.
import { readFileSync } from 'node:fs';

if (process.argv.length !== 4) {
  console.error('usage: node check.mjs FAZHI.json PEER.json');
  process.exit(2);
}
const fazhi = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const peer = new Map(JSON.parse(readFileSync(process.argv[3], 'utf8')).map((r) => [r.region, r.metrics]));

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
      if (!same(f, q)) {
        if (++mismatches <= 50) console.log(`${region.region} ${m.id} ${which}: fazhi ${show(f)}, peer ${show(q)}`);
      }
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
console.log(`not computed by the peer: ${[...uncovered].sort().join(', ') || 'none'}`);
process.exit(mismatches === 0 ? 0 : 1);
