package cn.fazhi;

/** FZ_CANCELLED: see {@link FazhiException}. */
public class CancelledException extends FazhiException {
  private static final long serialVersionUID = 1L;

  public CancelledException(String message) {
    super(Status.CANCELLED, message);
  }
}
