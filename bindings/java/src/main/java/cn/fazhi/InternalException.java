package cn.fazhi;

/** FZ_INTERNAL: see {@link FazhiException}. */
public class InternalException extends FazhiException {
  private static final long serialVersionUID = 1L;

  public InternalException(String message) {
    super(Status.INTERNAL, message);
  }
}
