package cn.fazhi;

/** FZ_UNKNOWN: see {@link FazhiException}. */
public class UnknownException extends FazhiException {
  private static final long serialVersionUID = 1L;

  public UnknownException(String message) {
    super(Status.UNKNOWN, message);
  }
}
