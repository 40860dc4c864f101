package cn.fazhi;

/** FZ_INVALID_ARGUMENT: see {@link FazhiException}. */
public class InvalidArgumentException extends FazhiException {
  private static final long serialVersionUID = 1L;

  public InvalidArgumentException(String message) {
    super(Status.INVALID_ARGUMENT, message);
  }
}
