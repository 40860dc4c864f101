// The record pass (pass.hpp): one pass over every record of every family,
// for the period and the one compared with at once, shared out over threads,
// then the concluded cases' days and the lottery's draws grouped by region.

#include <algorithm>
#include <memory>
#include <span>
#include <vector>

#include "metrics/families.hpp"
#include "metrics/pass.hpp"
#include "metrics/tally.hpp"
#include "platform/huge_pages.hpp"
#include "platform/parallel.hpp"

namespace fazhi::internal {
namespace {

// group_by_slot orders `values` by slot (a counting sort, stable), as one list
// with begin[slot] .. begin[slot + 1] the slot's values; begin has slots + 1
// entries. The pass appends a run of one region's records at a time, so the
// values come in long stretches of one slot pair (a region's two periods,
// slots 2r and 2r + 1, at random): each stretch is counted, and placed, in
// registers, since an increment in memory per value waits on the previous
// one, which is mostly to the same place.
template <typename T>
void group_by_slot(std::span<const SlotValue> values, size_t slots, std::vector<T>& grouped,
                   std::vector<uint32_t>& begin) {
  begin.assign(slots + 1, 0);
  // stretch calls f(first, end, pair) for each stretch [first, end) of one pair.
  auto each_stretch = [&](auto&& f) {
    for (size_t first = 0; first < values.size();) {
      const uint32_t pair = values[first].slot >> 1;
      size_t end = first + 1;
      while (end < values.size() && values[end].slot >> 1 == pair) ++end;
      f(first, end, pair);
      first = end;
    }
  };
  each_stretch([&](size_t first, size_t end, uint32_t pair) {
    uint32_t odd = 0;
    for (size_t i = first; i < end; ++i) odd += values[i].slot & 1;
    begin[2 * size_t{pair} + 1] += static_cast<uint32_t>(end - first) - odd;
    begin[2 * size_t{pair} + 2] += odd;
  });
  for (size_t slot = 0; slot < slots; ++slot) begin[slot + 1] += begin[slot];
  resize_huge(grouped, values.size());
  std::vector<uint32_t> next(begin.begin(), begin.end() - 1);
  each_stretch([&](size_t first, size_t end, uint32_t pair) {
    std::array<uint32_t, 2> at = {next[2 * size_t{pair}], next[2 * size_t{pair} + 1]};
    for (size_t i = first; i < end; ++i) {
      const uint32_t odd = values[i].slot & 1;
      grouped[at[odd]] = static_cast<T>(values[i].value);
      at[0] += 1 - odd;
      at[1] += odd;
    }
    next[2 * size_t{pair}] = at[0];
    next[2 * size_t{pair} + 1] = at[1];
  });
}

// record_pass tallies the k-th of `parts` shares of every family's rows.
void record_pass(const PassInput& in, size_t k, size_t parts, Pass& pass, std::vector<CaseDays>& days,
                 std::vector<LotteryDraw>& draws) {
  const Dataset& ds = in.ds;
  auto share = [&](const auto& columns) { return Range::share(columns.size(), k, parts); };
  tally_reconsideration_rows(in, share(ds.reconsideration()), pass.reconsideration, days);
  tally_litigation_rows(in, share(ds.litigation()), pass.litigation);
  tally_legal_aid_rows(in, share(ds.legal_aid()), pass.legal_aid, draws);
  tally_mediation_rows(in, share(ds.mediation()), pass.mediation);
  tally_registry_rows(in, share(ds.registry()), pass.registry);
  tally_activity_rows(in, share(ds.activity()), pass.activity);
}

// tally_lottery counts each region's and period's lottery draws by lawyer
// into pass.lottery_own and pass.lottery_shared (Tally). The lawyers are
// keyed in the order first drawn, slot by slot: a roll-up then sums its
// districts' shared lawyers in a narrow range of counters (cache lines it
// has), not all over the TextIds, which follow the files' order. A lawyer is
// shared when drawn in a region after the one that keyed him: his key is
// below the first key of that region's slots.
void tally_lottery(std::span<const LotteryDraw> draws, size_t slots, Pass& pass, bool keep_lawyers) {
  std::vector<TextId> grouped;
  std::vector<uint32_t> begin;
  group_by_slot(draws, slots, grouped, begin);
  TextId last_lawyer = 0;
  for (const TextId lawyer : grouped) last_lawyer = std::max(last_lawyer, lawyer);
  const size_t texts = grouped.empty() ? 0 : size_t{last_lawyer} + 1;
  std::vector<LawyerKey> key_of;  // TextId -> key + 1; 0: not met yet
  std::vector<uint32_t> shared;   // by key: 1 when drawn in two regions or more
  resize_huge(key_of, texts);     // both read at random: 2 MiB pages spare TLB misses
  resize_huge(shared, texts);
  std::vector<LawyerCases> by_lawyer;  // each slot's (lawyer, cases), from begin_by_lawyer[slot]
  std::vector<uint32_t> begin_by_lawyer(slots + 1, 0);
  LawyerCounts counts;
  LawyerKey keys = 0, region_first_key = 0;
  for (size_t slot = 0; slot < slots; ++slot) {
    if (slot % 2 == 0) region_first_key = keys;
    const uint32_t end = begin[slot + 1];
    for (uint32_t k = begin[slot]; k < end; ++k) {
      // The key_of lines a few draws on are fetched early: the lawyers
      // follow no order, and key_of is larger than the L2 cache at scale.
      if (k + 16 < end) __builtin_prefetch(&key_of[grouped[k + 16]]);
      LawyerKey& known = key_of[grouped[k]];
      if (known == 0) known = ++keys;  // a branch: without one, every draw would store into key_of
      const LawyerKey key = known - 1;
      shared[key] |= static_cast<uint32_t>(key < region_first_key);
      counts.add(key, 1);
    }
    counts.take(by_lawyer);
    begin_by_lawyer[slot + 1] = static_cast<uint32_t>(by_lawyer.size());
  }
  if (keep_lawyers) {
    std::vector<TextId> text_of(keys);  // key -> TextId
    for (TextId id = 0; id < key_of.size(); ++id) {
      if (key_of[id] != 0) text_of[key_of[id] - 1] = id;
    }
    pass.lottery_by_lawyer.reserve(by_lawyer.size());
    for (const auto& [key, cases] : by_lawyer) pass.lottery_by_lawyer.emplace_back(text_of[key], cases);
    pass.lottery_by_lawyer_begin = begin_by_lawyer;
  }
  pass.lottery_own.assign(slots, {});
  pass.lottery_begin.assign(slots + 1, 0);
  for (size_t slot = 0; slot < slots; ++slot) {
    for (uint32_t k = begin_by_lawyer[slot]; k < begin_by_lawyer[slot + 1]; ++k) {
      const auto& [key, cases] = by_lawyer[k];
      if (shared[key] != 0) {
        pass.lottery_shared.push_back(by_lawyer[k]);
      } else {
        pass.lottery_own[slot].add_lawyer(cases);
      }
    }
    pass.lottery_begin[slot + 1] = static_cast<uint32_t>(pass.lottery_shared.size());
  }
}

}  // namespace

// run_record_pass makes the one pass over every record. With threads > 1 each thread
// tallies a share of every family's rows into a Pass of its own, and the
// shares are added up: every figure is a sum, a maximum or a multiset (the
// days for the median, the lottery draws, both ordered afterwards), so the
// result does not depend on the split.
std::unique_ptr<Pass> run_record_pass(const Dataset& ds, const Periods& periods, const Profile& profile,
                                      const Calendar& cal, const Rows& rows, int threads, bool keep_lawyers) {
  const size_t regions = ds.regions().size();
  const auto parts = static_cast<size_t>(resolve_threads(threads));  // 0: one per hardware thread
  auto pass = std::make_unique<Pass>(regions);
  std::vector<CaseDays> days;
  std::vector<LotteryDraw> draws;
  const Deadlines deadlines(cal, profile, periods);
  if (parts == 1) {
    record_pass({ds, periods, profile, cal, deadlines, rows}, 0, 1, *pass, days, draws);
  } else {
    std::vector<std::unique_ptr<Pass>> shares(parts);
    std::vector<std::vector<CaseDays>> share_days(parts);
    std::vector<std::vector<LotteryDraw>> share_draws(parts);
    internal::parallel_for(parts, static_cast<int>(parts), [&](size_t k) {
      if (k > 0) shares[k] = std::make_unique<Pass>(regions);
      record_pass({ds, periods, profile, cal, deadlines, rows}, k, parts, k == 0 ? *pass : *shares[k],
                  k == 0 ? days : share_days[k], k == 0 ? draws : share_draws[k]);
    });
    for (size_t k = 1; k < parts; ++k) {
      const Pass& o = *shares[k];
      pass->reconsideration.merge(o.reconsideration);
      pass->litigation.merge(o.litigation);
      pass->legal_aid.merge(o.legal_aid);
      pass->mediation.merge(o.mediation);
      pass->registry.merge(o.registry);
      pass->activity.merge(o.activity);
      days.insert(days.end(), share_days[k].begin(), share_days[k].end());
      draws.insert(draws.end(), share_draws[k].begin(), share_draws[k].end());
    }
  }
  group_by_slot(days, regions * 2, pass->recon_days, pass->recon_days_begin);
  tally_lottery(draws, regions * 2, *pass, keep_lawyers);
  return pass;
}

}  // namespace fazhi::internal
