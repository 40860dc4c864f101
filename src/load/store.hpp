// store.hpp -- what a Dataset holds once loaded (internal): the columns of
// every kind, the text and region dictionaries, the duplicate-id index, the
// rejections and the summary. The load stages (load.cpp) fill a Store; the
// Dataset (dataset.cpp) is one.
//
// The dictionaries and the index are built for a lookup per value per row of
// a load of millions: open addressing, entries in arenas, hashes kept so a
// table grows without reading its entries again.
#ifndef FAZHI_SRC_LOAD_STORE_HPP_
#define FAZHI_SRC_LOAD_STORE_HPP_

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/hash/hash.h"
#include "absl/status/status.h"
#include "fazhi/dataset.hpp"
#include "fazhi/records.hpp"
#include "load/kinds.hpp"
#include "platform/bytes.hpp"

namespace fazhi::internal {

// ---- Storage helpers -----------------------------------------------------------

// Arena hands out bytes at stable addresses (blocks of 64 KiB).
class Arena {
 public:
  // allocate returns n bytes that never move.
  char* allocate(size_t n) {
    if (n > kBlock / 8) {
      big_.emplace_back(new char[n]);
      bytes_ += n;
      return big_.back().get();
    }
    if (left_ < n) {
      blocks_.emplace_back(new char[kBlock]);
      cur_ = blocks_.back().get();
      left_ = kBlock;
      bytes_ += kBlock;
    }
    char* p = cur_;
    cur_ += n;
    left_ -= n;
    return p;
  }
  size_t bytes() const { return bytes_; }

 private:
  static constexpr size_t kBlock = size_t{64} << 10;
  std::vector<std::unique_ptr<char[]>> blocks_, big_;
  char* cur_ = nullptr;
  size_t left_ = 0;
  size_t bytes_ = 0;
};

// hash_bytes mixes `seed` and the bytes of s, eight bytes a step. The last
// step reads the final eight bytes (overlapping the one before) rather than
// copying a tail of variable length, which costs a call per value.
inline uint64_t hash_bytes(uint64_t seed, std::string_view s) noexcept {
  constexpr uint64_t kMul1 = 0x9E3779B97F4A7C15ULL, kMul2 = 0xD6E8FEB86659FD93ULL;
  const char* p = s.data();
  const size_t n = s.size();
  uint64_t h = (seed ^ n) * kMul1;
  auto mix = [&](uint64_t w) {
    h = (h ^ w) * kMul2;
    h ^= h >> 32;
  };
  auto load8 = [](const char* q) {
    uint64_t w;
    std::memcpy(&w, q, 8);
    return w;
  };
  if (n >= 8) {
    size_t i = 0;
    for (; i + 8 < n; i += 8) mix(load8(p + i));
    mix(load8(p + n - 8));
  } else if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    mix(uint64_t{a} << 32 | b);
  } else if (n > 0) {
    mix(uint64_t{static_cast<unsigned char>(p[0])} << 16 |
        uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 | static_cast<unsigned char>(p[n - 1]));
  }
  h *= kMul1;
  h ^= h >> 29;
  h *= kMul2;
  h ^= h >> 32;
  return h;
}

// TextTable is a dictionary of text: id 0 is the empty text, the others are
// given in order of first appearance, and a text's bytes never move. It is
// built for a lookup per text value per row: entries are [id, length, bytes]
// in an arena, and a slot holds 16 bits of the hash beside the entry's
// address, so a lookup touches one slot and (for a text of up to ~56 bytes)
// one cache line of entry. Each range fills its own; they are merged into
// the dataset's in file order.
class TextTable {
 public:
  // `slots` (a power of two) is the starting size: small for one record.
  explicit TextTable(size_t slots = 1024)
      : entries_(1, nullptr), hashes_(1, 0), slots_(slots, 0), mask_(slots - 1) {}
  static uint64_t hash(std::string_view s) { return hash_bytes(0, s); }
  TextId intern(std::string_view s) { return s.empty() ? 0 : intern(s, hash(s)); }
  TextId intern(std::string_view s, uint64_t h) {
    const uint64_t tag = h >> kPointerBits;
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const uint64_t slot = slots_[i];
      if (slot == 0) {
        const auto id = static_cast<TextId>(entries_.size());
        const char* e = store(id, s);
        entries_.push_back(e);
        hashes_.push_back(h);
        slots_[i] = tag << kPointerBits | reinterpret_cast<uintptr_t>(e);
        if (entries_.size() * 2 > slots_.size()) grow(slots_.size() * 2);
        return id;
      }
      if ((slot >> kPointerBits) == tag) {
        const char* e = entry(slot);
        if (length(e) == s.size() && same(e + 8, s)) {
          uint32_t id;
          std::memcpy(&id, e, 4);
          return id;
        }
      }
    }
  }
  size_t size() const { return entries_.size(); }  // including the empty text
  std::string_view text(TextId id) const {
    if (id == 0 || id >= entries_.size()) return {};
    return std::string_view(entries_[id] + 8, length(entries_[id]));
  }
  size_t bytes() const {
    return arena_.bytes() + entries_.capacity() * sizeof(char*) + hashes_.capacity() * 8 +
           slots_.capacity() * 8;
  }
  // reserve makes room for n texts in all without rehashing.
  void reserve(size_t n) {
    size_t want = slots_.size();
    while (n * 2 > want) want *= 2;
    if (want != slots_.size()) grow(want);
    entries_.reserve(n);
    hashes_.reserve(n);
  }
  uint64_t hash_of(TextId id) const { return hashes_[id]; }

  // The loader looks up a batch of rows in three sweeps (slots, entries,
  // then intern) so that the cache misses of one row overlap the next's.
  void prefetch_slot(uint64_t h) const { __builtin_prefetch(&slots_[h & mask_]); }
  void prefetch_entry(uint64_t h) const {
    // The entry intern will compare: the first along the probe whose tag is
    // the text's (at half load, one text in three or so is not in its first
    // slot, and those missed the cache when only that slot was looked at).
    const uint64_t tag = h >> kPointerBits;
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const uint64_t slot = slots_[i];
      if (slot == 0) return;
      if ((slot >> kPointerBits) == tag) {
        __builtin_prefetch(entry(slot));
        return;
      }
    }
  }

 private:
  // User-space addresses fit in 48 bits on x86-64 and AArch64.
  static constexpr int kPointerBits = 48;
  static const char* entry(uint64_t slot) {
    return reinterpret_cast<const char*>(slot & ((uint64_t{1} << kPointerBits) - 1));
  }
  static uint32_t length(const char* e) {
    uint32_t len;
    std::memcpy(&len, e + 4, 4);
    return len;
  }
  // same compares s with an entry's bytes of the same length, eight bytes a
  // step; the last 1-16 bytes are gathered from both ends (gather_short)
  // rather than compared a byte at a time: ids of 9-10 bytes and Chinese
  // texts of 12 are the common values.
  static bool same(const char* p, std::string_view s) {
    const char* q = s.data();
    size_t n = s.size();
    for (; n > 16; n -= 8, p += 8, q += 8) {
      if (load_u64(p) != load_u64(q)) return false;
    }
    return gather_short(p, n) == gather_short(q, n);
  }
  const char* store(uint32_t id, std::string_view s) {
    char* e = arena_.allocate(8 + s.size());
    const auto len = static_cast<uint32_t>(s.size());
    std::memcpy(e, &id, 4);
    std::memcpy(e + 4, &len, 4);
    std::memcpy(e + 8, s.data(), s.size());
    return e;
  }
  // grow rehashes from the kept hashes, in id order: no entry is read.
  void grow(size_t size) {
    slots_.assign(size, 0);
    mask_ = size - 1;
    for (size_t id = 1; id < entries_.size(); ++id) {
      const uint64_t h = hashes_[id];
      size_t i = h & mask_;
      while (slots_[i] != 0) i = (i + 1) & mask_;
      slots_[i] = (h >> kPointerBits) << kPointerBits | reinterpret_cast<uintptr_t>(entries_[id]);
    }
  }

  Arena arena_;
  std::vector<const char*> entries_;  // id -> entry
  std::vector<uint64_t> hashes_;      // id -> hash
  std::vector<uint64_t> slots_;
  size_t mask_;
};

// RegionTable numbers region codes in order of first appearance. A few
// thousand codes in a small open-addressing table that stays in cache.
class RegionTable {
 public:
  RegionTable() : slots_(256, 0), mask_(255) {}
  RegionIndex index(RegionCode code) {
    const uint32_t key = code.value() + 1;
    for (size_t i = slot_of(key);; i = (i + 1) & mask_) {
      const uint64_t s = slots_[i];
      if (s == 0) {
        const auto index = static_cast<RegionIndex>(codes_.size());
        codes_.push_back(code);
        slots_[i] = uint64_t{index} << 32 | key;
        if (codes_.size() * 2 > slots_.size()) grow();
        return index;
      }
      if (static_cast<uint32_t>(s) == key) return static_cast<RegionIndex>(s >> 32);
    }
  }
  // prefetch brings in the slot `index` will look at first.
  void prefetch(RegionCode code) const { __builtin_prefetch(&slots_[slot_of(code.value() + 1)]); }
  std::optional<RegionIndex> find(RegionCode code) const {
    const uint32_t key = code.value() + 1;
    for (size_t i = slot_of(key);; i = (i + 1) & mask_) {
      const uint64_t s = slots_[i];
      if (s == 0) return std::nullopt;
      if (static_cast<uint32_t>(s) == key) return static_cast<RegionIndex>(s >> 32);
    }
  }
  const std::vector<RegionCode>& codes() const { return codes_; }
  size_t bytes() const { return codes_.capacity() * sizeof(RegionCode) + slots_.capacity() * 8; }

 private:
  size_t slot_of(uint32_t key) const {
    return static_cast<size_t>((uint64_t{key} * 0x9E3779B97F4A7C15ULL) >> 40) & mask_;
  }
  void grow() {
    slots_.assign(slots_.size() * 2, 0);
    mask_ = slots_.size() - 1;
    for (size_t index = 0; index < codes_.size(); ++index) {
      const uint32_t key = codes_[index].value() + 1;
      size_t i = slot_of(key);
      while (slots_[i] != 0) i = (i + 1) & mask_;
      slots_[i] = uint64_t{index} << 32 | key;
    }
  }

  std::vector<RegionCode> codes_;
  std::vector<uint64_t> slots_;  // (index << 32) | (code + 1); 0 is empty
  size_t mask_;
};

// ---- The duplicate-id index ------------------------------------------------------

// hash_id mixes a scope (region code, with the registry kind above it) and
// an id.
inline uint64_t hash_id(uint32_t scope, std::string_view id) noexcept {
  return hash_bytes(static_cast<uint64_t>(scope) << 32, id);
}

// IdFingerprintFn gives 64 bits of (scope, id); equal ids give equal bits.
using IdFingerprintFn = uint64_t (*)(uint32_t scope, std::string_view id);
// id_fingerprint_override, when set, replaces the fingerprint of ids_distinct
// (range.hpp): tests set a tiny one to make different ids share fingerprints.
inline IdFingerprintFn id_fingerprint_override = nullptr;
// id_fingerprint is what ids_distinct sorts ids by (Abseil's hash, seeded per
// process; nothing keeps it), or the override.
inline uint64_t id_fingerprint(uint32_t scope, std::string_view id) noexcept {
  if (id_fingerprint_override != nullptr) [[unlikely]] return id_fingerprint_override(scope, id);
  return absl::HashOf(scope, id);
}

// An id entry: the scope (4 bytes), the id's length (varint), the id. The
// ranges write their kept rows' ids in this form, and the index refers to
// the same bytes, so an id is held once.
inline void append_id_entry(std::string& out, uint32_t scope, std::string_view id) {
  char head[4 + 10];
  std::memcpy(head, &scope, 4);
  size_t k = 4;
  for (uint64_t len = id.size();; len >>= 7) {
    head[k++] = static_cast<char>((len & 0x7F) | (len >= 0x80 ? 0x80 : 0));
    if (len < 0x80) break;
  }
  out.append(head, k);
  out.append(id);
}
// read_id_entry reads the entry at p and returns where the next one begins.
inline const char* read_id_entry(const char* p, uint32_t& scope, std::string_view& id) {
  std::memcpy(&scope, p, 4);
  p += 4;
  uint64_t len = 0;
  for (int shift = 0;; shift += 7) {
    const auto b = static_cast<unsigned char>(*p++);
    len |= static_cast<uint64_t>(b & 0x7F) << shift;
    if ((b & 0x80) == 0) break;
  }
  id = std::string_view(p, len);
  return p + len;
}

// IdChunks are the id entries of large ranges, adopted whole by an index
// (chunk k + 1 of a slot is chunks[k]; chunk 0 is the shard's own arena).
using IdChunks = std::vector<std::shared_ptr<const std::string>>;

// IdShard is an open-addressing set of (scope, id). A slot holds 12 bits of
// the hash (a tag), the entry's chunk and its offset there, where the scope
// and the id bytes are kept so that a tag match is confirmed exactly: two
// different ids are never taken for the same one.
class IdShard {
 public:
  static constexpr int kShardBits = 6;
  static constexpr uint64_t kTagBits = 12, kChunkBits = 12, kOffsetBits = 40;
  static constexpr size_t kMaxChunks = (size_t{1} << kChunkBits) - 1;

  // insert adds the id, or returns false when it is already there. An id
  // whose entry is in chunk `chunk` (> 0) at `offset` is referred to there;
  // chunk 0 copies it into the shard's arena.
  bool insert(uint64_t h, uint32_t scope, std::string_view id, uint32_t chunk, uint64_t offset,
              const IdChunks& chunks) {
    if ((count_ + 1) * 4 > slots_.size() * 3) grow(count_ + 1, chunks);
    const uint64_t tag = h & ((uint64_t{1} << kTagBits) - 1);
    size_t i = slot_of(h);
    for (;;) {
      const uint64_t s = slots_[i];
      if (s == 0) {
        if (chunk == 0) {
          offset = arena_.size();
          append_id_entry(arena_, scope, id);
        }
        slots_[i] =
            tag << (kChunkBits + kOffsetBits) | uint64_t{chunk} << kOffsetBits | (offset + 1);
        id_bytes_ += id.size();
        ++count_;
        return true;
      }
      if ((s >> (kChunkBits + kOffsetBits)) == tag && same(s, scope, id, chunks)) return false;
      if (++i == slots_.size()) i = 0;
    }
  }
  void prefetch(uint64_t h) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[slot_of(h)]);
  }
  // reserve makes room for n ids in all (load factor at most 3/4) and for
  // `bytes` more bytes of copied entries.
  void reserve(size_t n, size_t bytes, const IdChunks& chunks) {
    if (n * 4 > slots_.size() * 3) grow(n, chunks);
    const size_t want = arena_.size() + bytes;
    if (want > arena_.capacity())
      arena_.reserve(std::max(want, arena_.capacity() + arena_.capacity() / 2));
  }
  size_t slot_bytes() const { return slots_.capacity() * sizeof(uint64_t); }
  size_t arena_bytes() const {  // on the heap: an empty string's inline buffer is not
    return arena_.capacity() > std::string().capacity() ? arena_.capacity() : 0;
  }
  size_t id_bytes() const { return id_bytes_; }
  size_t count() const { return count_; }

 private:
  size_t slot_of(uint64_t h) const {
    // Multiply-shift onto any table size (the top bits chose the shard).
    return static_cast<size_t>((static_cast<unsigned __int128>(h << kShardBits) * slots_.size()) >>
                               64);
  }
  void entry_of(uint64_t slot, const IdChunks& chunks, uint32_t& scope,
                std::string_view& id) const {
    const uint64_t offset = (slot & ((uint64_t{1} << kOffsetBits) - 1)) - 1;
    const size_t chunk = (slot >> kOffsetBits) & ((uint64_t{1} << kChunkBits) - 1);
    const char* base = chunk == 0 ? arena_.data() : chunks[chunk - 1]->data();
    read_id_entry(base + offset, scope, id);
  }
  bool same(uint64_t slot, uint32_t scope, std::string_view id, const IdChunks& chunks) const {
    uint32_t s = 0;
    std::string_view kept;
    entry_of(slot, chunks, s, kept);
    return s == scope && kept == id;
  }
  void grow(size_t n, const IdChunks& chunks) {
    const size_t want = std::max(n + n / 3 + 16, slots_.size() + slots_.size() / 2);
    std::vector<uint64_t> old = std::move(slots_);
    slots_.assign(want, 0);
    for (uint64_t s : old) {
      if (s == 0) continue;
      uint32_t scope = 0;
      std::string_view id;
      entry_of(s, chunks, scope, id);
      size_t i = slot_of(hash_id(scope, id));
      while (slots_[i] != 0) {
        if (++i == slots_.size()) i = 0;
      }
      slots_[i] = s;
    }
  }

  std::vector<uint64_t> slots_;
  std::string arena_;
  size_t count_ = 0;
  size_t id_bytes_ = 0;
};

struct IdIndex {
  static constexpr size_t kShards = size_t{1} << IdShard::kShardBits;
  static size_t shard_of(uint64_t h) {
    return static_cast<size_t>(h >> (64 - IdShard::kShardBits));
  }
  // The shards come in kGroups groups (the top bits of the shard). The ids
  // are checked a group at a time: random inserts into one group's slots
  // (a few MB for 10M ids) mostly hit the cache, where inserts spread over
  // every shard (~100 MB) wait on memory for nearly every id.
  static constexpr int kGroupBits = 4;
  static constexpr size_t kGroups = size_t{1} << kGroupBits;
  static size_t group_of(size_t shard) { return shard >> (IdShard::kShardBits - kGroupBits); }
  std::array<IdShard, kShards> shards;
  IdChunks chunks;
  // Chunks whose entries are not in the shards yet: a load into an empty
  // index whose ids are all distinct (they came in ascending order, see
  // ids_ascending, or their fingerprints say so, see ids_distinct) defers
  // their slots until something is next checked
  // against them (settle_ids, at the start of every dedupe). A dataset
  // loaded once, as the command line does, never builds them: ~11% of a
  // 10M load's time, and its ~110 MB of slots.
  struct Deferred {
    uint32_t chunk;  // chunks[chunk - 1]
    size_t count;    // its entries
  };
  std::vector<Deferred> deferred;
  size_t deferred_id_bytes = 0;  // the length of their ids, together
  bool empty() const {
    return chunks.empty() &&
           std::all_of(shards.begin(), shards.end(), [](const IdShard& s) { return s.count() == 0; });
  }
  size_t chunk_bytes() const {
    size_t n = 0;
    for (const auto& c : chunks) n += c->capacity();
    return n;
  }
};

// ---- Loaded data, shared by the Dataset and the load stages --------------------------

struct Store {
  ReconsiderationColumns reconsideration;
  LitigationColumns litigation;
  LegalAidColumns legal_aid;
  MediationColumns mediation;
  RegistryColumns registry;
  ActivityColumns activity;
  RegionNameColumns region_names;
  TextTable texts;
  RegionTable regions;
  absl::flat_hash_map<uint32_t, TextId> region_name;  // code -> name
  std::array<IdIndex, kRecordKindCount> ids;
  std::vector<Rejection> rejects;
  LoadSummary summary;
  bool sealed = false;  // Dataset::seal: the id index is gone, no more rows
  // damaged: a load, add or seal threw (memory ran out) after it began to
  // change the columns, dictionaries or index, so rows may be half there.
  bool damaged = false;
  // Records added one by one are counted like a file's rows, in one
  // FileSummary per kind (`<add:kind>`): its place in summary.files.
  std::array<size_t, kRecordKindCount> added_at;
  Store() { added_at.fill(SIZE_MAX); }
};

// check_whole is OK unless an earlier load, add or seal ran out of memory
// part way (Store::damaged).
absl::Status check_whole(const Store& store);
// check_open is check_whole, and an error once the dataset is sealed.
absl::Status check_open(const Store& store);

// DamagedIfThrown marks the store damaged when an exception ends the scope
// it guards, a scope that changes the store.
class DamagedIfThrown {
 public:
  explicit DamagedIfThrown(Store& store) : store_(store), exceptions_(std::uncaught_exceptions()) {}
  DamagedIfThrown(const DamagedIfThrown&) = delete;
  DamagedIfThrown& operator=(const DamagedIfThrown&) = delete;
  ~DamagedIfThrown() {
    if (std::uncaught_exceptions() > exceptions_) store_.damaged = true;
  }

 private:
  Store& store_;
  int exceptions_;
};

// count_add counts one record added one by one, kept or rejected (with
// `column` and `reason`; its line is its number among the kind's adds).
void count_add(Store& store, RecordKind kind, std::string_view column, std::string reason,
               bool kept, RejectCode code = RejectCode::kOther);

template <typename K>
typename K::Columns& columns_of(Store& s) {
  if constexpr (K::kKind == RecordKind::kReconsideration) return s.reconsideration;
  if constexpr (K::kKind == RecordKind::kLitigation) return s.litigation;
  if constexpr (K::kKind == RecordKind::kLegalAid) return s.legal_aid;
  if constexpr (K::kKind == RecordKind::kMediation) return s.mediation;
  if constexpr (K::kKind == RecordKind::kRegistry) return s.registry;
  if constexpr (K::kKind == RecordKind::kActivity) return s.activity;
  if constexpr (K::kKind == RecordKind::kRegions) return s.region_names;
}

// Calls f(member pointer) for every column vector of kind K.
template <typename K, typename F>
void for_each_member(F&& f) {
  std::apply([&](auto... m) { (f(m), ...); }, K::kPlain);
  std::apply([&](auto... m) { (f(m), ...); }, K::kText);
  if constexpr (K::kIndexedRegion) f(&K::Columns::region);
}

template <typename K>
size_t column_bytes(const typename K::Columns& c) {
  size_t bytes = 0;
  for_each_member<K>([&](auto m) {
    bytes +=
        (c.*m).capacity() * sizeof(typename std::remove_reference_t<decltype(c.*m)>::value_type);
  });
  return bytes;
}

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_LOAD_STORE_HPP_
