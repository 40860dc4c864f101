package cn.fazhi;

/** FZ_ABORTED: see {@link FazhiException}. */
public class AbortedException extends FazhiException {
  private static final long serialVersionUID = 1L;

  public AbortedException(String message) {
    super(Status.ABORTED, message);
  }
}
