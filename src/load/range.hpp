// range.hpp -- one range of a file's rows, parsed on its own, and its ids
// checked against the duplicate-id index (internal).
//
// A load cuts each file into ranges at row boundaries and parses them in
// parallel (rows.hpp); each range fills its own columns and dictionaries
// (RangeOut) and lists the ids of the rows it kept. The ids are then checked
// in file order (dedupe), so the second row with an id is the one rejected,
// within a load and across loads, whichever thread read it.
#ifndef FAZHI_SRC_LOAD_RANGE_HPP_
#define FAZHI_SRC_LOAD_RANGE_HPP_

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "fazhi/dataset.hpp"
#include "fazhi/text.hpp"
#include "load/kinds.hpp"
#include "load/store.hpp"
#include "platform/huge_pages.hpp"

namespace fazhi::internal {

// IdOrder follows whether a sequence of (scope, id) came in strictly
// ascending order of id, or of (scope, id): either way no two are the same.
// Exports list cases by case number, or by region and then case number.
struct IdOrder {
  bool by_id = true, by_scope = true;
  // follow takes (scope, id) after the entry at `last` (append_id_entry).
  void follow(const char* last, uint32_t scope, std::string_view id) {
    uint32_t last_scope = 0;
    std::string_view last_id;
    read_id_entry(last, last_scope, last_id);
    const int c = compare_text(id, last_id);
    by_id = by_id && c > 0;
    by_scope = by_scope && (scope > last_scope || (scope == last_scope && c > 0));
  }
  // then appends another sequence's order (`follow` checks where they meet).
  void then(const IdOrder& o) {
    by_id = by_id && o.by_id;
    by_scope = by_scope && o.by_scope;
  }
  bool distinct() const { return by_id || by_scope; }
};

// IdDup is a kept row whose id was already in the index: the entry at
// `offset` of its range's ids. Its row number is worked out afterwards
// (rows_of_dups).
struct IdDup {
  uint32_t range = 0;  // in the order the dedupe took the ranges
  uint64_t offset = 0;
  uint64_t row = 0;
};

// kRowBlock: kept rows per remembered row start (RangeOut::block_off).
inline constexpr size_t kRowBlock = 64;

template <typename K>
struct RangeOut {
  RangeOut() = default;
  explicit RangeOut(size_t text_slots) : texts(text_slots) {}
  size_t begin = 0, end = 0;  // the bytes assigned to this range
  size_t stop = 0;            // where parsing stopped: the next range should begin here
  int64_t lines = 0;          // line feeds in [begin, stop)
  int64_t rows_read = 0;
  bool stopped = false;  // strict mode: stopped at its first rejection
  bool aborted = false;  // the file turned out not to be UTF-8
  bool keep_ids = true;  // LoadOptions::keep_ids
  typename K::Columns cols;
  TextTable texts;
  RegionTable regions;
  // For the dedupe stage: the id entries (append_id_entry) of the kept
  // rows, in row order, made at the first; kept whole by the index when
  // large (adopt_ids). Nothing is hashed while the rows are read: the
  // dedupe does that, and only when the ids did not come in ascending order
  // (one stream, rather than one per group of shards with the shard of each
  // row, made a 10M load ~12% faster).
  std::shared_ptr<std::string> ids;
  uint32_t id_chunk = 0;  // the chunk the index refers to; 0: copied
  size_t id_count = 0;    // entries (the kept rows)
  size_t id_last = 0;     // where the last entry begins
  IdOrder id_order;       // whether they came in ascending order
  size_t id_text = 0;     // the length of the ids (IdIndex::deferred_id_bytes)
  size_t expected_rows = 0;  // about the range's rows (guess_rows)
  // Where every kRowBlock-th kept row starts (relative to `begin`): a
  // duplicate's row is found again from its block's start (finish), so a
  // range keeps 4 bytes per 64 rows rather than per row.
  std::vector<uint32_t> block_off;
  std::vector<Rejection> rejects;  // lines relative to the range's first line (0)
  std::vector<uint32_t> dups;      // kept rows found to repeat an id

};

// LocalInterner fills a range's own dictionaries.
// known_hashes (optional) are the hashes of the row's text fields,
// computed once by the batch that prefetched them.
struct LocalInterner {
  TextTable& texts;
  RegionTable& regions;
  std::span<const std::string_view> known_texts = {};
  std::span<const uint64_t> known_hashes = {};
  TextId text(std::string_view s) {
    if (s.empty()) return 0;
    for (size_t k = 0; k < known_texts.size(); ++k) {
      if (known_texts[k].data() == s.data() && known_texts[k].size() == s.size()) {
        return texts.intern(s, known_hashes[k]);
      }
    }
    return texts.intern(s);
  }
  // id is a record's id as text, or 0 when the load does not keep ids
  // (LoadOptions::keep_ids).
  TextId id(std::string_view s) { return keep_ids ? text(s) : 0; }
  RegionIndex region(RegionCode r) { return regions.index(r); }
  bool keep_ids = true;
};

// stage_row appends a row that passed every check; the loaders and
// Dataset::add both come through here.
template <typename K>
void stage_row(RangeOut<K>& out, const typename K::Row& row, size_t row_off,
               std::span<const std::string_view> texts = {},
               std::span<const uint64_t> hashes = {}) {
  LocalInterner in{out.texts, out.regions, texts, hashes, out.keep_ids};
  K::append(row, out.cols, in);
  if constexpr (K::kHasId) {
    const uint32_t scope = K::scope(row);
    const std::string_view id = K::id(row);
    if (!out.ids) {
      out.ids = std::make_shared<std::string>();
      // Reserved for the rows expected, with ids a quarter longer than the
      // first (ids in no order, `A7` after `A1000000`, are not alike in
      // length), and never more than the range's text can hold: a buffer
      // that doubles copies its bytes into 4 KiB pages, a page fault each.
      // Room never written costs no memory.
      const size_t expected = out.expected_rows * (4 + 1 + id.size() + id.size() / 4 + 1);
      const size_t bound = out.expected_rows * (4 + 1) + (out.end - out.begin);
      if (expected > 0) reserve_guess(*out.ids, std::min(expected, bound) + 256);
    }
    std::string& ids = *out.ids;
    if (out.id_count % kRowBlock == 0) out.block_off.push_back(static_cast<uint32_t>(row_off));
    if (!ids.empty() && out.id_order.distinct()) out.id_order.follow(ids.data() + out.id_last, scope, id);
    out.id_last = ids.size();
    out.id_text += id.size();
    ++out.id_count;
    append_id_entry(ids, scope, id);
  }
}

template <typename K>
std::string dup_reason(uint32_t scope, std::string_view id) {
  if constexpr (K::kKind == RecordKind::kRegions) {
    return absl::StrCat("duplicate region ", RegionCode::from_value(scope).str(),
                        " (it already has a name)");
  } else if constexpr (K::kKind == RecordKind::kRegistry) {
    return absl::StrCat("duplicate entity_id '", absl_view(id), "' for ",
                        absl_view(code_name(static_cast<RegistryKind>(scope >> 24))), " in region ",
                        RegionCode::from_value(scope & 0xFFFFFF).str());
  } else {
    return absl::StrCat("duplicate case_id '", absl_view(id), "' in region ",
                        RegionCode::from_value(scope).str());
  }
}

// adopt_ids lets the index keep a large range's id entries as they are
// (rather than copy them); it runs before the dedupe, in file order. An
// index `held` past the load keeps them without the room reserved beyond
// them (a copy); one let go once it has checked them keeps them as they are.
template <typename K>
void adopt_ids(IdIndex& index, const std::vector<RangeOut<K>*>& ranges, bool held) {
  constexpr size_t kAdoptBytes = size_t{64} << 10;
  for (RangeOut<K>* r : ranges) {
    r->id_chunk = 0;
    if (!r->ids || r->ids->size() < kAdoptBytes || index.chunks.size() >= IdShard::kMaxChunks) continue;
    if (held && r->ids->capacity() > r->ids->size() + r->ids->size() / 8) r->ids->shrink_to_fit();
    index.chunks.push_back(r->ids);
    r->id_chunk = static_cast<uint32_t>(index.chunks.size());
  }
}

// IdSource is a stream of id entries to put into an index: its chunk
// `chunk`, or (0) bytes to copy into its shards; `count` entries.
struct IdSource {
  const std::string* entries;
  uint32_t chunk;
  size_t count;
};

// insert_ids puts the entries of `sources` into the index a group of
// shards at a time (random inserts into one group's slots, a few MB for 10M
// ids, mostly hit the cache, where inserts spread over every shard, ~100 MB,
// wait on memory for nearly every id). A group's entries go in in source
// order, and in order within a source: of two entries with the same id the
// earlier stays, and on_dup(source, offset) is told of the later. A first
// pass hashes every entry to size the shards and to list each group's
// entries (source and offset in 8 bytes); the second hashes an entry again
// kAhead entries before it goes in, to prefetch its slot, and prefetches the
// entry itself kAhead entries before that (a group's entries lie all over
// their sources: without it a load of ids in no order was 10-16% slower).
template <typename OnDup>
void insert_ids(IdIndex& index, std::span<const IdSource> sources, OnDup&& on_dup) {
  constexpr int kOffsetBits = 40;  // a ref: source << kOffsetBits | offset
  constexpr uint64_t kOffsetMask = (uint64_t{1} << kOffsetBits) - 1;
  auto entry_at = [&](uint64_t ref) { return sources[ref >> kOffsetBits].entries->data() + (ref & kOffsetMask); };
  std::array<size_t, IdIndex::kShards> incoming{}, copied{};
  std::array<std::vector<uint64_t>, IdIndex::kGroups> refs;
  size_t total = 0;
  for (const IdSource& src : sources) total += src.count;
  for (auto& list : refs) list.reserve(total / IdIndex::kGroups + total / 64 + 16);
  for (size_t k = 0; k < sources.size(); ++k) {
    const std::string& entries = *sources[k].entries;
    assert(entries.size() < (uint64_t{1} << kOffsetBits) && k < (size_t{1} << (64 - kOffsetBits)));
    const char* const base = entries.data();
    for (const char* p = base; p < base + entries.size();) {
      const auto offset = static_cast<uint64_t>(p - base);
      uint32_t scope = 0;
      std::string_view id;
      p = read_id_entry(p, scope, id);
      const size_t shard = IdIndex::shard_of(hash_id(scope, id));
      ++incoming[shard];
      if (sources[k].chunk == 0) copied[shard] += static_cast<size_t>(p - base) - offset;
      refs[IdIndex::group_of(shard)].push_back(uint64_t{k} << kOffsetBits | offset);
    }
  }
  for (size_t s = 0; s < IdIndex::kShards; ++s) {
    index.shards[s].reserve(index.shards[s].count() + incoming[s], copied[s], index.chunks);
  }
  constexpr size_t kAhead = 16;
  struct Ahead {
    uint64_t h = 0, offset = 0;
    size_t source = 0;
    uint32_t scope = 0;
    std::string_view id;
  };
  std::array<Ahead, kAhead> ring;
  for (std::vector<uint64_t>& list : refs) {
    size_t read = 0;  // entries read ahead so far
    auto read_ahead = [&] {
      // The entry hashed kAhead entries from now.
      if (read + kAhead < list.size()) __builtin_prefetch(entry_at(list[read + kAhead]));
      Ahead& e = ring[read % kAhead];
      e.source = static_cast<size_t>(list[read] >> kOffsetBits);
      e.offset = list[read] & kOffsetMask;
      read_id_entry(entry_at(list[read]), e.scope, e.id);
      e.h = hash_id(e.scope, e.id);
      index.shards[IdIndex::shard_of(e.h)].prefetch(e.h);
      ++read;
    };
    while (read < kAhead && read < list.size()) read_ahead();
    for (size_t k = 0; k < list.size(); ++k) {
      const Ahead e = ring[k % kAhead];  // before read_ahead reuses its place
      if (read < list.size()) read_ahead();
      if (!index.shards[IdIndex::shard_of(e.h)].insert(e.h, e.scope, e.id, sources[e.source].chunk,
                                                       e.offset, index.chunks)) {
        on_dup(e.source, e.offset);
      }
    }
    list = {};  // give each group's list back as soon as it is in
  }
}

// settle_ids puts the index's deferred entries into its shards. They were
// found distinct when they came in, and the index was empty then.
inline void settle_ids(IdIndex& index) {
  if (index.deferred.empty()) return;
  std::vector<IdSource> sources;
  for (const IdIndex::Deferred& d : index.deferred) {
    sources.push_back({index.chunks[d.chunk - 1].get(), d.chunk, d.count});
  }
  insert_ids(index, sources, [](size_t, uint64_t) { assert(false && "a deferred id was found twice"); });
  index.deferred.clear();
  index.deferred_id_bytes = 0;
}

// ids_ascending: the ids of `ranges`, in file order, are each greater than
// the one before (of id, or of (scope, id)), so none repeats. Each range
// knows its own order (RangeOut::id_order); this checks where one range's
// entries meet the next's.
template <typename K>
bool ids_ascending(const std::vector<RangeOut<K>*>& ranges) {
  IdOrder order;
  const RangeOut<K>* before = nullptr;
  for (const RangeOut<K>* r : ranges) {
    if (!r->ids || r->ids->empty()) continue;
    order.then(r->id_order);
    if (before != nullptr) {
      uint32_t scope = 0;
      std::string_view id;
      read_id_entry(r->ids->data(), scope, id);
      order.follow(before->ids->data() + before->id_last, scope, id);
    }
    before = r;
  }
  return order.distinct();
}

// for_each_id calls f(scope, id) for every id entry of `ranges`, in file order.
template <typename K, typename F>
void for_each_id(const std::vector<RangeOut<K>*>& ranges, F&& f) {
  for (const RangeOut<K>* r : ranges) {
    if (!r->ids) continue;
    const char* const end = r->ids->data() + r->ids->size();
    for (const char* p = r->ids->data(); p < end;) {
      uint32_t scope = 0;
      std::string_view id;
      p = read_id_entry(p, scope, id);
      f(scope, id);
    }
  }
}

// ids_distinct: no two ids of `ranges` are the same (scope and text),
// whatever their order. Each id's 64-bit fingerprint (id_fingerprint) is
// put in a bucket by its top bits (two passes over the entries, the second
// hashing again rather than keeping a fingerprint per entry in file order),
// and each bucket, ~1-2K fingerprints, is checked in a small table that
// stays in cache. Equal ids have equal fingerprints; ids whose
// fingerprints are equal are then compared as text, so the answer is exact.
// It holds 8 bytes per id while it runs, and nothing after: the hash set of
// every id it replaces kept ~11 bytes of slots per id until the dataset was
// sealed, and missed the cache on nearly every insert.
template <typename K>
bool ids_distinct(const std::vector<RangeOut<K>*>& ranges) {
  size_t n = 0;
  for (const RangeOut<K>* r : ranges) n += r->ids ? r->id_count : 0;
  if (n < 2) return true;
  int bits = 0;
  while ((n >> bits) > 2048 && bits < 24) ++bits;
  auto bucket_of = [bits](uint64_t h) { return bits == 0 ? size_t{0} : static_cast<size_t>(h >> (64 - bits)); };
  std::vector<size_t> start((size_t{1} << bits) + 1, 0);
  for_each_id(ranges, [&](uint32_t scope, std::string_view id) { ++start[bucket_of(id_fingerprint(scope, id)) + 1]; });
  for (size_t b = 1; b < start.size(); ++b) start[b] += start[b - 1];
  std::vector<uint64_t> fingerprints;  // 8 bytes an id: in 2 MiB pages (huge_pages.hpp)
  resize_huge(fingerprints, n);
  {
    std::vector<size_t> at(start.begin(), start.end() - 1);
    for_each_id(ranges, [&](uint32_t scope, std::string_view id) {
      const uint64_t h = id_fingerprint(scope, id);
      fingerprints[at[bucket_of(h)]++] = h;
    });
  }
  absl::flat_hash_set<uint64_t> shared;  // fingerprints seen more than once
  std::vector<uint64_t> table;           // open addressing; 0 is empty (a zero is noted apart)
  for (size_t b = 0; b + 1 < start.size(); ++b) {
    const size_t count = start[b + 1] - start[b];
    size_t size = 16;
    while (size < 2 * count) size *= 2;
    table.assign(size, 0);
    const size_t mask = size - 1;
    bool zero = false;
    for (size_t k = start[b]; k < start[b + 1]; ++k) {
      const uint64_t h = fingerprints[k];
      if (h == 0) {
        if (zero) shared.insert(h);
        zero = true;
        continue;
      }
      // The top bits chose the bucket; the low ones choose the slot.
      for (size_t i = h & mask;; i = (i + 1) & mask) {
        if (table[i] == 0) {
          table[i] = h;
          break;
        }
        if (table[i] == h) {
          shared.insert(h);
          break;
        }
      }
    }
  }
  if (shared.empty()) return true;
  fingerprints = {};
  table = {};
  // The ids behind each shared fingerprint, compared as text.
  absl::flat_hash_map<uint64_t, std::vector<std::pair<uint32_t, std::string_view>>> ids;
  bool distinct = true;
  for_each_id(ranges, [&](uint32_t scope, std::string_view id) {
    if (!distinct) return;
    const uint64_t h = id_fingerprint(scope, id);
    if (!shared.contains(h)) return;
    auto& same_fingerprint = ids[h];
    for (const auto& [s, other] : same_fingerprint) {
      if (s == scope && other == id) distinct = false;
    }
    same_fingerprint.emplace_back(scope, id);
  });
  return distinct;
}

// dedupe checks the ids of `ranges` in their order (file order) against the
// index and puts them in. Rows whose id is already there are listed in
// `dups` (their rows not yet known). `fresh`: the index was empty before
// adopt_ids gave it these ranges' chunks; then ids that came in ascending
// order, or are found distinct in any order (ids_distinct), are deferred
// (IdIndex::deferred), not inserted. Only ids that do repeat go through
// the index here, which then finds each repeat in file order.
template <typename K>
void dedupe(IdIndex& index, const std::vector<RangeOut<K>*>& ranges, std::vector<IdDup>& dups,
            bool fresh = false) {
  const bool adopted = std::all_of(ranges.begin(), ranges.end(),
                                   [](const RangeOut<K>* r) { return !r->ids || r->id_chunk != 0; });
  if (fresh && adopted && (ids_ascending(ranges) || ids_distinct(ranges))) {
    for (const RangeOut<K>* r : ranges) {
      if (!r->ids) continue;
      index.deferred.push_back({r->id_chunk, r->id_count});
      index.deferred_id_bytes += r->id_text;
    }
    return;
  }
  settle_ids(index);
  std::vector<IdSource> sources;
  std::vector<uint32_t> range_of;  // sources[k] is the ids of ranges[range_of[k]]
  for (size_t ri = 0; ri < ranges.size(); ++ri) {
    if (!ranges[ri]->ids) continue;
    sources.push_back({ranges[ri]->ids.get(), ranges[ri]->id_chunk, ranges[ri]->id_count});
    range_of.push_back(static_cast<uint32_t>(ri));
  }
  insert_ids(index, sources, [&](size_t k, uint64_t offset) { dups.push_back({range_of[k], offset, 0}); });
}

// rows_of_dups works out the row of each of a range's duplicates (its
// entry's place among the range's ids), and sorts them by row.
template <typename K>
void rows_of_dups(const RangeOut<K>& r, std::vector<IdDup>& dups) {
  if (dups.empty()) return;
  std::sort(dups.begin(), dups.end(), [](const IdDup& a, const IdDup& b) { return a.offset < b.offset; });
  const char* const base = r.ids->data();
  const char* p = base;
  uint64_t row = 0;
  for (IdDup& d : dups) {
    for (; static_cast<uint64_t>(p - base) < d.offset; ++row) {
      uint32_t scope = 0;
      std::string_view id;
      p = read_id_entry(p, scope, id);
    }
    d.row = row;
  }
}

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_LOAD_RANGE_HPP_
