package cn.fazhi;

/**
 * A failed fazhi call. There is one subclass per status code of fazhi.h
 * ({@link NotFoundException} for FZ_NOT_FOUND, ...); the message is the
 * library's own ({@code fz_last_error_message}), which names the function, the
 * argument and the value at fault:
 *
 * <pre>{@code
 * try (Dataset ds = Dataset.fromDir(Path.of("no/such/folder"))) {
 * } catch (NotFoundException e) {
 *   e.status();        // Status.NOT_FOUND (code 5, "FZ_NOT_FOUND")
 *   e.getMessage();    // "no/such/folder: no such folder"
 * }
 * }</pre>
 */
public class FazhiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Status status;

  FazhiException(Status status, String message) {
    super(message);
    this.status = status;
  }

  /** The status of the failure. */
  public Status status() {
    return status;
  }

  /** The fz_status number (the absl::StatusCode number). */
  public int code() {
    return status.code();
  }
}
