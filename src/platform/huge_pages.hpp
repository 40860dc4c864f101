// huge_pages.hpp -- asking the kernel to back large buffers with 2 MiB pages
// (internal).
//
// Every 4 KiB page a buffer touches for the first time costs a page fault,
// and on virtual machines a fault costs several microseconds: reading a
// 335 MB file into fresh anonymous memory a piece at a time took 2.0 s
// (1.1 s of it in the kernel) where the same reads into memory backed by
// 2 MiB pages took 0.1 s. Linux gives a region such pages when it is
// advised to (MADV_HUGEPAGE, with transparent huge pages set to "madvise",
// the common default); elsewhere the advice is ignored and nothing changes.
#ifndef FAZHI_SRC_PLATFORM_HUGE_PAGES_HPP_
#define FAZHI_SRC_PLATFORM_HUGE_PAGES_HPP_

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace fazhi::internal {

inline constexpr size_t kHugePage = size_t{2} << 20;

// prefer_huge_pages advises the whole 2 MiB pages inside [p, p + bytes):
// only they, so that no page of memory the caller does not own is touched.
inline void prefer_huge_pages(const void* p, size_t bytes) {
  const auto begin = (reinterpret_cast<uintptr_t>(p) + kHugePage - 1) & ~uintptr_t{kHugePage - 1};
  const auto end = (reinterpret_cast<uintptr_t>(p) + bytes) & ~uintptr_t{kHugePage - 1};
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

// map_ends maps in, in one call each, the 4 KiB pages of [p, p + bytes)
// outside its whole 2 MiB pages: a buffer from malloc starts and ends
// anywhere, and the up to 2 MiB at each end would otherwise take a page
// fault a page (MADV_POPULATE_WRITE, Linux 5.14; elsewhere nothing is
// done, and the pages are faulted in as they are written). For buffers
// that are about to be written whole: it takes the memory now.
inline void map_ends(const void* p, size_t bytes) {
  constexpr uintptr_t kPage = 4096;
  const auto begin = reinterpret_cast<uintptr_t>(p) & ~(kPage - 1);
  const auto end = reinterpret_cast<uintptr_t>(p) + bytes;
  const auto huge_begin = (reinterpret_cast<uintptr_t>(p) + kHugePage - 1) & ~uintptr_t{kHugePage - 1};
  const auto huge_end = end & ~uintptr_t{kHugePage - 1};
  if (huge_end <= huge_begin) return;  // no whole 2 MiB page: small, or left to fault
#ifdef MADV_POPULATE_WRITE
  madvise(reinterpret_cast<void*>(begin), huge_begin - begin, MADV_POPULATE_WRITE);
  if (end > huge_end) madvise(reinterpret_cast<void*>(huge_end), end - huge_end, MADV_POPULATE_WRITE);
#endif
}

// prepare_huge readies a fresh buffer about to be written whole: 2 MiB
// pages where they fit (prefer_huge_pages), its ends mapped in (map_ends).
inline void prepare_huge(const void* p, size_t bytes) {
  prefer_huge_pages(p, bytes);
  map_ends(p, bytes);
}

// reserve_huge reserves room for n elements of a vector (or a string) that
// are about to be written, prepared by prepare_huge before anything is
// written to it.
template <typename Container>
void reserve_huge(Container& v, size_t n) {
  if (n <= v.capacity()) return;
  v.reserve(n);
  prepare_huge(v.data(), n * sizeof(typename Container::value_type));
}

// reserve_guess reserves room for about n elements, a guess that may fall
// far beyond what is written (rows guessed from a text's line feeds): 2 MiB
// pages where they fit, and nothing mapped in ahead, so that room never
// written costs no memory.
template <typename Container>
void reserve_guess(Container& v, size_t n) {
  if (n <= v.capacity()) return;
  v.reserve(n);
  prefer_huge_pages(v.data(), n * sizeof(typename Container::value_type));
}

// resize_huge is reserve_huge, then resize to n (new elements `value`).
template <typename Container>
void resize_huge(Container& v, size_t n, const typename Container::value_type& value = {}) {
  reserve_huge(v, n);
  v.resize(n, value);
}

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_PLATFORM_HUGE_PAGES_HPP_
