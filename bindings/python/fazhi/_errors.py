"""fazhi's exceptions: one per fz_status, each carrying the C message with the
Python call that failed in front.

    try:
        ds = fazhi.Dataset.from_dir("no/such/folder")
    except fazhi.NotFound as e:
        print(e.code, e.status, e.message)   # 5 FZ_NOT_FOUND Dataset.from_dir(): no/such/folder: no such folder

The subclasses also derive from the built-in exception a Python caller would
expect (an invalid argument is a ValueError, an unknown metric or folder a
LookupError), so ``except ValueError`` works as it does elsewhere.
"""


class FazhiError(Exception):
    """A failed fazhi call: `code` is the fz_status (the absl::StatusCode
    number), `status` its name, `message` fz_last_error_message() with the
    Python call in front ("Report.metric(): no metric ..."), and `function`
    the C function that failed ("fz_report_get"; None when no C call did)."""

    code = 2
    status = "FZ_UNKNOWN"
    function = None

    def __init__(self, message, code=None, status=None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        if status:
            self.status = status

    def __str__(self):
        return self.message

    @staticmethod
    def make(code, message, status=None):
        """The exception of the right subclass for `code`."""
        cls = _BY_CODE.get(code, FazhiError)
        return cls(message, code, status or cls.status)


class Cancelled(FazhiError):
    code, status = 1, "FZ_CANCELLED"


class Unknown(FazhiError):
    code, status = 2, "FZ_UNKNOWN"


class InvalidArgument(FazhiError, ValueError):
    code, status = 3, "FZ_INVALID_ARGUMENT"


class DeadlineExceeded(FazhiError):
    code, status = 4, "FZ_DEADLINE_EXCEEDED"


class NotFound(FazhiError, LookupError):
    code, status = 5, "FZ_NOT_FOUND"


class AlreadyExists(FazhiError):
    code, status = 6, "FZ_ALREADY_EXISTS"


class PermissionDenied(FazhiError):
    code, status = 7, "FZ_PERMISSION_DENIED"


class ResourceExhausted(FazhiError):
    code, status = 8, "FZ_RESOURCE_EXHAUSTED"


class FailedPrecondition(FazhiError):
    code, status = 9, "FZ_FAILED_PRECONDITION"


class Aborted(FazhiError):
    code, status = 10, "FZ_ABORTED"


class OutOfRange(FazhiError, ValueError):
    code, status = 11, "FZ_OUT_OF_RANGE"


class Unimplemented(FazhiError, NotImplementedError):
    code, status = 12, "FZ_UNIMPLEMENTED"


class Internal(FazhiError):
    code, status = 13, "FZ_INTERNAL"


class Unavailable(FazhiError):
    code, status = 14, "FZ_UNAVAILABLE"


class DataLoss(FazhiError):
    code, status = 15, "FZ_DATA_LOSS"


class Unauthenticated(FazhiError):
    code, status = 16, "FZ_UNAUTHENTICATED"


class LibraryNotFoundError(FazhiError, ImportError):
    """libfazhi.so.1 could not be loaded, or is not a version this binding
    can use; the message lists every place tried."""

    code, status = 5, "FZ_NOT_FOUND"


_BY_CODE = {cls.code: cls for cls in (
    Cancelled, Unknown, InvalidArgument, DeadlineExceeded, NotFound, AlreadyExists,
    PermissionDenied, ResourceExhausted, FailedPrecondition, Aborted, OutOfRange, Unimplemented,
    Internal, Unavailable, DataLoss, Unauthenticated)}


def error_for(code, message, status=None):
    """The exception for a status code returned by the library."""
    return FazhiError.make(code, message, status)
