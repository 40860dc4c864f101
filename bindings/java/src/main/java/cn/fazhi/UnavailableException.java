package cn.fazhi;

/** FZ_UNAVAILABLE: see {@link FazhiException}. */
public class UnavailableException extends FazhiException {
  private static final long serialVersionUID = 1L;

  public UnavailableException(String message) {
    super(Status.UNAVAILABLE, message);
  }
}
