package cn.fazhi;

/** FZ_FAILED_PRECONDITION: see {@link FazhiException}. */
public class FailedPreconditionException extends FazhiException {
  private static final long serialVersionUID = 1L;

  public FailedPreconditionException(String message) {
    super(Status.FAILED_PRECONDITION, message);
  }
}
