package cn.fazhi;

import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One owned C handle. It is freed once: by close() (the main path), or by the
 * Cleaner when its owner became unreachable without being closed (a safety
 * net). Every call on the handle holds a reference ({@link #acquire} /
 * {@link #release}), so a close racing with a call on another thread, or the
 * owner becoming unreachable during a call, frees the handle only after the
 * call has returned: never a use after free.
 */
final class NativeHandle {
  private static final Cleaner CLEANER = Cleaner.create();
  private static final AtomicLong LIVE = new AtomicLong();

  private final State state;
  private final Cleaner.Cleanable cleanable;
  private final String what;

  /** Owns peer (not NULL) for owner; free releases it. */
  NativeHandle(Object owner, Pointer peer, Consumer<Pointer> free, String what) {
    this.state = new State(peer, free);
    this.what = what;
    LIVE.incrementAndGet();
    this.cleanable = CLEANER.register(owner, state);
  }

  /** The handle for one call, which must end with {@link #release}. */
  Pointer acquire() {
    if (!state.acquire()) throw new IllegalStateException(what + " 已关闭（closed）");
    return state.peer;
  }

  void release() {
    state.release();
  }

  /** Frees the handle once the calls in flight have returned; later calls do nothing. */
  void close() {
    cleanable.clean();
  }

  boolean isClosed() {
    return state.closed.get();
  }

  /** Handles made and not yet freed, in this process: for the leak tests. */
  static long live() {
    return LIVE.get();
  }

  /** The Cleaner's action; it must not refer to the owner. */
  private static final class State implements Runnable {
    final Pointer peer;
    final Consumer<Pointer> free;
    final AtomicBoolean closed = new AtomicBoolean();
    // 1 for the owner until it is closed, plus 1 per call in flight.
    final AtomicLong refs = new AtomicLong(1);

    State(Pointer peer, Consumer<Pointer> free) {
      this.peer = peer;
      this.free = free;
    }

    boolean acquire() {
      if (closed.get()) return false;
      for (long n = refs.get(); n > 0; n = refs.get()) {
        if (refs.compareAndSet(n, n + 1)) return true;
      }
      return false;
    }

    void release() {
      if (refs.decrementAndGet() == 0) {
        free.accept(peer);
        LIVE.decrementAndGet();
      }
    }

    @Override
    public void run() {
      if (closed.compareAndSet(false, true)) release();
    }
  }
}
