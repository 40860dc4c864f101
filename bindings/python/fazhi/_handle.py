"""Owned handles: released by close(), by a `with` block, or on garbage collection."""

import threading

from ._errors import InvalidArgument

_close_lock = threading.Lock()


class Owned:
    """Owns one C handle. The free function is kept on the object when the
    handle is made, so that releasing it needs no module global (which may
    already be gone while the interpreter shuts down); __del__ never raises."""

    __slots__ = ("_handle", "_free", "__weakref__")

    def _own(self, handle, free):
        self._handle = handle
        self._free = free

    @property
    def closed(self):
        """True once the handle has been released."""
        return not getattr(self, "_handle", None)

    def close(self):
        """Releases the C handle now; later calls do nothing."""
        with _close_lock:
            handle = getattr(self, "_handle", None)
            self._handle = None
        if handle:
            self._free(handle)

    def _h(self):
        handle = getattr(self, "_handle", None)
        if not handle:
            raise InvalidArgument("this %s is closed" % type(self).__name__)
        return handle

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __del__(self):
        # No other reference exists, so no lock is needed (and module
        # globals such as the lock may be gone at interpreter shutdown).
        try:
            handle = getattr(self, "_handle", None)
            self._handle = None
            if handle:
                self._free(handle)
        except BaseException:  # noqa: B036 -- a destructor must never raise
            pass
