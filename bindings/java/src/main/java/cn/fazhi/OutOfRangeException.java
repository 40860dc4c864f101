package cn.fazhi;

/** FZ_OUT_OF_RANGE: see {@link FazhiException}. */
public class OutOfRangeException extends FazhiException {
  private static final long serialVersionUID = 1L;

  public OutOfRangeException(String message) {
    super(Status.OUT_OF_RANGE, message);
  }
}
