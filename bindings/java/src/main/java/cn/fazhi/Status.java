package cn.fazhi;

import java.util.function.Function;

/** The status codes of fazhi.h (the absl::StatusCode numbers), each with its exception. */
public enum Status {
  CANCELLED(1, CancelledException::new),
  UNKNOWN(2, UnknownException::new),
  INVALID_ARGUMENT(3, InvalidArgumentException::new),
  DEADLINE_EXCEEDED(4, DeadlineExceededException::new),
  NOT_FOUND(5, NotFoundException::new),
  ALREADY_EXISTS(6, AlreadyExistsException::new),
  PERMISSION_DENIED(7, PermissionDeniedException::new),
  RESOURCE_EXHAUSTED(8, ResourceExhaustedException::new),
  FAILED_PRECONDITION(9, FailedPreconditionException::new),
  ABORTED(10, AbortedException::new),
  OUT_OF_RANGE(11, OutOfRangeException::new),
  UNIMPLEMENTED(12, UnimplementedException::new),
  INTERNAL(13, InternalException::new),
  UNAVAILABLE(14, UnavailableException::new),
  DATA_LOSS(15, DataLossException::new),
  UNAUTHENTICATED(16, UnauthenticatedException::new);

  private final int code;
  private final Function<String, FazhiException> exception;

  Status(int code, Function<String, FazhiException> exception) {
    this.code = code;
    this.exception = exception;
  }

  /** The fz_status number. */
  public int code() {
    return code;
  }

  /** The C name, "FZ_NOT_FOUND". */
  public String cName() {
    return "FZ_" + name();
  }

  /** The status of a code; a code this binding does not know (a later 1.x) reads as UNKNOWN. */
  public static Status of(int code) {
    for (Status s : values()) {
      if (s.code == code) return s;
    }
    return UNKNOWN;
  }

  /** The exception of the right subclass for a failed call. */
  static FazhiException exception(int code, String message) {
    Status s = of(code);
    String text = s.code == code ? message : message + " (fz_status " + code + ")";
    return s.exception.apply(text);
  }
}
