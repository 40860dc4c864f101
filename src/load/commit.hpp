// commit.hpp -- the parsed ranges into the Store's columns, and the rows
// grouped by region (internal).
//
// commit_ranges merges the ranges' dictionaries into the store's in file
// order (so every TextId and RegionIndex is the one a serial load assigns)
// and copies their rows, less the duplicates, to the end of the columns.
// group_by_region then puts each region's rows together, which is what makes
// a report over them fast.
#ifndef FAZHI_SRC_LOAD_COMMIT_HPP_
#define FAZHI_SRC_LOAD_COMMIT_HPP_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <numeric>
#include <tuple>
#include <type_traits>
#include <vector>

#include "fazhi/dataset.hpp"
#include "load/kinds.hpp"
#include "load/range.hpp"
#include "load/store.hpp"
#include "platform/huge_pages.hpp"
#include "platform/parallel.hpp"

namespace fazhi::internal {

template <typename V>
void copy_skipping(V& dst, size_t at, const V& src, const std::vector<uint32_t>& skip) {
  size_t from = 0;
  for (uint32_t d : skip) {
    std::copy(src.begin() + from, src.begin() + d, dst.begin() + at);
    at += d - from;
    from = d + 1;
  }
  std::copy(src.begin() + from, src.end(), dst.begin() + at);
}

template <typename V, typename M>
void map_skipping(V& dst, size_t at, const V& src, const std::vector<uint32_t>& skip,
                  const std::vector<M>& map) {
  size_t k = 0;
  for (size_t i = 0; i < src.size(); ++i) {
    if (k < skip.size() && skip[k] == i) {
      ++k;
      continue;
    }
    dst[at++] = map[src[i]];
  }
}

template <typename V, typename M>
void map_in_place(V& v, const std::vector<M>& map) {
  for (auto& x : v) x = map[x];
}

template <typename K>
void copy_ranges(typename K::Columns& dst, const std::vector<RangeOut<K>*>& ranges,
                 const std::vector<std::vector<TextId>>& text_map,
                 const std::vector<std::vector<RegionIndex>>& region_map, int threads);

// RegionOrder is the regions in code order: place[RegionIndex] is a region's
// place in that order, and index[place] the region there.
struct RegionOrder {
  explicit RegionOrder(const std::vector<RegionCode>& codes) : index(codes.size()), place(codes.size()) {
    std::iota(index.begin(), index.end(), RegionIndex{0});
    std::sort(index.begin(), index.end(), [&](RegionIndex a, RegionIndex b) { return codes[a] < codes[b]; });
    for (uint32_t k = 0; k < index.size(); ++k) place[index[k]] = k;
  }
  std::vector<RegionIndex> index;
  std::vector<uint32_t> place;
};

// Scratch is a buffer that grows and is never cleared: every byte is
// written before it is read.
class Scratch {
 public:
  std::byte* get(size_t n) {
    if (n > size_) {
      data_ = std::make_unique_for_overwrite<std::byte[]>(n);
      size_ = n;
      // Written at random (a scatter): 2 MiB pages spare the page faults and TLB misses.
      prepare_huge(data_.get(), n);
    }
    return data_.get();
  }

 private:
  std::unique_ptr<std::byte[]> data_;
  size_t size_ = 0;
};

// group_by_region reorders the rows [first, size) of a kind so that each
// region's rows are together, the regions in code order and each region's
// rows in the order they had (a stable counting sort). The report reads a
// region's rows as one run (src/metrics/pass.hpp, for_each_run), and its counters,
// also in code order, in one sweep; nothing else depends on the order of the
// rows. Each row's new place is worked out once, into the region column
// itself (it is refilled from the counts at the end); then a column at a
// time is scattered into a buffer its thread keeps (the widest columns
// first, so a buffer is allocated once) and copied back. Beyond 2^32 rows
// they are left as they are.
template <typename K>
void group_by_region(typename K::Columns& c, size_t first, const RegionOrder& order, int threads) {
  if constexpr (K::kIndexedRegion) {
    const std::vector<uint32_t>& place = order.place;
    RegionIndex* const region = c.region.data() + first;
    const size_t n = c.size() - first;
    if (n > UINT32_MAX || std::is_sorted(region, region + n, [&](RegionIndex a, RegionIndex b) {
          return place[a] < place[b];
        })) {
      return;
    }
    std::vector<uint32_t> start(place.size() + 1, 0);  // where the rows of the region at each place begin
    for (size_t i = 0; i < n; ++i) ++start[place[region[i]] + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    static_assert(std::is_same_v<RegionIndex, uint32_t>, "a row's new place takes its region's room");
    uint32_t* const to = region;  // to[i]: the new place of row i
    {
      std::vector<uint32_t> next(start.begin(), start.end() - 1);
      for (size_t i = 0; i < n; ++i) to[i] = next[place[region[i]]]++;
    }
    struct Move {
      size_t width;
      std::function<void(Scratch&)> run;
    };
    std::vector<Move> moves;  // every column but the region
    auto add_move = [&](auto m) {
      using T = typename std::remove_reference_t<decltype(c.*m)>::value_type;
      static_assert(std::is_trivially_copyable_v<T>);
      if ((c.*m).size() != c.size()) return;  // a column not held (the ids of a load that keeps none)
      moves.push_back({sizeof(T), [&c, to, first, n, m](Scratch& buffer) {
        T* const moved = reinterpret_cast<T*>(buffer.get(n * sizeof(T)));  // implicitly created T objects
        T* const column = (c.*m).data() + first;
        for (size_t i = 0; i < n; ++i) moved[to[i]] = column[i];
        std::copy(moved, moved + n, column);
      }});
    };
    std::apply([&](auto... m) { (add_move(m), ...); }, K::kPlain);
    std::apply([&](auto... m) { (add_move(m), ...); }, K::kText);
    std::stable_sort(moves.begin(), moves.end(), [](const Move& a, const Move& b) { return a.width > b.width; });
    std::vector<Scratch> buffers(worker_count(moves.size(), threads));
    parallel_for_workers(moves.size(), threads, [&](size_t k, size_t worker) { moves[k].run(buffers[worker]); });
    // The region column: the rows of the region at place k are [start[k], start[k + 1]).
    for (size_t k = 0; k < place.size(); ++k) {
      std::fill(c.region.begin() + static_cast<ptrdiff_t>(first + start[k]),
                c.region.begin() + static_cast<ptrdiff_t>(first + start[k + 1]), order.index[k]);
    }
  }
}

// commit_ranges merges the ranges' dictionaries into the store's, in order,
// and copies their rows (less the duplicates) to the end of the columns.
template <typename K>
void commit_ranges(Store& store, const std::vector<RangeOut<K>*>& ranges, int threads) {
  typename K::Columns& dst = columns_of<K>(store);
  const size_t n = ranges.size();
  const size_t first = dst.size();
  std::vector<std::vector<TextId>> text_map(n);
  std::vector<std::vector<RegionIndex>> region_map(n);
  bool identity = dst.size() == 0 && n == 1;
  size_t texts = store.texts.size();
  for (const RangeOut<K>* r : ranges) texts += r->texts.size();
  store.texts.reserve(texts);
  for (size_t r = 0; r < n; ++r) {
    const RangeOut<K>& in = *ranges[r];
    text_map[r].resize(in.texts.size());
    constexpr TextId kAhead = 16;  // prefetch the slot of a text this far ahead
    for (TextId id = 1; id < in.texts.size(); ++id) {
      if (id + kAhead < in.texts.size()) store.texts.prefetch_slot(in.texts.hash_of(id + kAhead));
      text_map[r][id] = store.texts.intern(in.texts.text(id), in.texts.hash_of(id));
      identity = identity && text_map[r][id] == id;
    }
    const std::vector<RegionCode>& codes = in.regions.codes();
    region_map[r].resize(codes.size());
    for (size_t i = 0; i < codes.size(); ++i) {
      region_map[r][i] = store.regions.index(codes[i]);
      identity = identity && region_map[r][i] == i;
    }
    identity = identity && in.dups.empty();
  }
  if (identity) {
    // A first load into an empty dataset in one range: the columns are final.
    dst = std::move(ranges[0]->cols);
  } else if (dst.size() == 0 && n == 1 && ranges[0]->dups.empty()) {
    // One range into empty columns: map its ids where they are and take the
    // columns over, rather than hold a second copy of them.
    RangeOut<K>& in = *ranges[0];
    std::apply([&](auto... m) { ((dst.*m = std::move(in.cols.*m)), ...); }, K::kPlain);
    std::apply(
        [&](auto... m) {
          ((map_in_place(in.cols.*m, text_map[0]), dst.*m = std::move(in.cols.*m)), ...);
        },
        K::kText);
    if constexpr (K::kIndexedRegion) {
      map_in_place(in.cols.region, region_map[0]);
      dst.region = std::move(in.cols.region);
    }
  } else {
    copy_ranges<K>(dst, ranges, text_map, region_map, threads);
  }
  if (first == 0 && n == 1) {
    // Columns taken over from the range hold the capacity parse_range
    // guessed, or grew to: more than a few rows' worth is given back, so the
    // dataset holds what it keeps (copy_ranges sizes its columns exactly).
    // The one place a load gives capacity back.
    for_each_member<K>([&](auto m) {
      auto& column = dst.*m;
      if (column.capacity() > column.size() + column.size() / 64 + 64) column.shrink_to_fit();
    });
  }
  if constexpr (K::kKind == RecordKind::kRegions) {
    for (size_t i = first; i < dst.size(); ++i) store.region_name[dst.region[i]] = dst.name[i];
  }
}

// copy_ranges copies a column at a time: the column is sized, each range's
// part copied into it, and the ranges' copies of that column let go, so the
// load holds one column twice at most rather than the whole kind (at 10M
// records the kind with the most rows was ~100 MB held twice at the end of
// the load, when the load holds the most).
template <typename K>
void copy_ranges(typename K::Columns& dst, const std::vector<RangeOut<K>*>& ranges,
                 const std::vector<std::vector<TextId>>& text_map,
                 const std::vector<std::vector<RegionIndex>>& region_map, int threads) {
  const size_t n = ranges.size();
  std::vector<size_t> offset(n + 1);
  offset[0] = dst.size();
  for (size_t r = 0; r < n; ++r) {
    offset[r + 1] = offset[r] + ranges[r]->cols.size() - ranges[r]->dups.size();
  }
  // column(m, copy) sizes dst's column m and runs copy(range) for each range.
  auto column = [&](auto m, auto&& copy) {
    (dst.*m).resize(offset[n]);
    parallel_for(n, threads, [&](size_t r) {
      copy(*ranges[r], r);
      auto& from = ranges[r]->cols.*m;
      std::remove_reference_t<decltype(from)>().swap(from);  // copied: its memory goes back now
    });
  };
  std::apply(
      [&](auto... m) {
        (column(m, [&](RangeOut<K>& in, size_t r) { copy_skipping(dst.*m, offset[r], in.cols.*m, in.dups); }),
         ...);
      },
      K::kPlain);
  std::apply(
      [&](auto... m) {
        (column(m,
                [&](RangeOut<K>& in, size_t r) {
                  map_skipping(dst.*m, offset[r], in.cols.*m, in.dups, text_map[r]);
                }),
         ...);
      },
      K::kText);
  if constexpr (K::kIndexedRegion) {
    column(&K::Columns::region, [&](RangeOut<K>& in, size_t r) {
      map_skipping(dst.region, offset[r], in.cols.region, in.dups, region_map[r]);
    });
  }
}

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_LOAD_COMMIT_HPP_
