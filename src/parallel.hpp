// parallel.hpp -- the one way the library spreads work over threads (internal).
//
//   fazhi::internal::parallel_for(tasks.size(), threads, [&](size_t i) { tasks[i](); });
#ifndef FAZHI_SRC_PARALLEL_HPP_
#define FAZHI_SRC_PARALLEL_HPP_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace fazhi::internal {

// resolve_threads turns LoadOptions::threads into a count: 0 means one per
// hardware thread.
inline int resolve_threads(int requested) {
  if (requested > 0) return requested;
  const unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : static_cast<int>(hw);
}

// parallel_for runs fn(0) ... fn(n - 1) on up to `threads` threads (the
// calling thread is one of them); tasks are handed out in index order, so
// large tasks should come first. fn must not throw.
template <typename Fn>
void parallel_for(size_t n, int threads, Fn&& fn) {
  const size_t workers = std::min(n, static_cast<size_t>(std::max(threads, 1)));
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) fn(i);
  };
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (size_t t = 1; t < workers; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

// parallel_for_chunks runs fn(first, end) over [0, n) in consecutive chunks
// of `chunk` indices, the chunks shared out as parallel_for's tasks (in
// chunk order), for work whose items are too small to be tasks of their own.
template <typename Fn>
void parallel_for_chunks(size_t n, size_t chunk, int threads, Fn&& fn) {
  parallel_for((n + chunk - 1) / chunk, threads,
               [&](size_t k) { fn(k * chunk, std::min(n, (k + 1) * chunk)); });
}

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_PARALLEL_HPP_
