// parallel.hpp -- the one way the library spreads work over threads (internal).
//
//   fazhi::internal::parallel_for(tasks.size(), threads, [&](size_t i) { tasks[i](); });
#ifndef FAZHI_SRC_PARALLEL_HPP_
#define FAZHI_SRC_PARALLEL_HPP_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
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

// worker_count is how many threads parallel_for uses for n tasks.
inline size_t worker_count(size_t n, int threads) {
  return std::min(n, static_cast<size_t>(std::max(threads, 1)));
}

// parallel_for_workers runs fn(0, w) ... fn(n - 1, w) on worker_count(n,
// threads) threads (the calling thread is one of them), w being the running
// thread's index, for scratch kept per thread; tasks are handed out in index
// order, so large tasks should come first.
//
// It never ends the process: an exception thrown by fn (std::bad_alloc when
// memory runs out) stops the handing out of tasks, and once every thread has
// returned the first one caught is rethrown in the calling thread. A thread
// the system will not start (too little memory for its stack, too many
// threads) leaves its share to the threads that did start, the calling one
// at least; every thread started is joined before anything is rethrown.
template <typename Fn>
void parallel_for_workers(size_t n, int threads, Fn&& fn) {
  const size_t workers = worker_count(n, threads);
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i, size_t{0});
    return;
  }
  std::vector<std::exception_ptr> failed(workers);  // by worker: what stopped it
  std::atomic<size_t> next{0};
  auto work = [&](size_t worker) noexcept {
    try {
      for (size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) fn(i, worker);
    } catch (...) {
      failed[worker] = std::current_exception();
      next.store(n);  // the others finish their task in hand and stop
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (size_t t = 1; t < workers; ++t) {
    try {
      pool.emplace_back(work, t);
    } catch (...) {  // std::system_error or std::bad_alloc: run on fewer threads
      break;
    }
  }
  work(0);
  for (std::thread& t : pool) t.join();
  for (const std::exception_ptr& e : failed) {
    if (e) std::rethrow_exception(e);
  }
}

// parallel_for runs fn(0) ... fn(n - 1) as parallel_for_workers does.
template <typename Fn>
void parallel_for(size_t n, int threads, Fn&& fn) {
  parallel_for_workers(n, threads, [&](size_t i, size_t) { fn(i); });
}

// chunk_count is how many chunks of `chunk` indices cover [0, n).
inline size_t chunk_count(size_t n, size_t chunk) { return (n + chunk - 1) / chunk; }

// parallel_for_chunks runs fn(first, end, worker) over [0, n) in consecutive
// chunks of `chunk` indices, the chunks shared out as parallel_for_workers'
// tasks (in chunk order), for work whose items are too small to be tasks of
// their own. worker < worker_count(chunk_count(n, chunk), threads).
template <typename Fn>
void parallel_for_chunks(size_t n, size_t chunk, int threads, Fn&& fn) {
  parallel_for_workers(chunk_count(n, chunk), threads, [&](size_t k, size_t worker) {
    fn(k * chunk, std::min(n, (k + 1) * chunk), worker);
  });
}

}  // namespace fazhi::internal

#endif  // FAZHI_SRC_PARALLEL_HPP_
