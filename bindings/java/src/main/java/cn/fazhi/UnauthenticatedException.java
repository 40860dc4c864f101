package cn.fazhi;

/** FZ_UNAUTHENTICATED: see {@link FazhiException}. */
public class UnauthenticatedException extends FazhiException {
  private static final long serialVersionUID = 1L;

  public UnauthenticatedException(String message) {
    super(Status.UNAUTHENTICATED, message);
  }
}
