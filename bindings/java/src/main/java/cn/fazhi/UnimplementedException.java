package cn.fazhi;

/** FZ_UNIMPLEMENTED: see {@link FazhiException}. */
public class UnimplementedException extends FazhiException {
  private static final long serialVersionUID = 1L;

  public UnimplementedException(String message) {
    super(Status.UNIMPLEMENTED, message);
  }
}
