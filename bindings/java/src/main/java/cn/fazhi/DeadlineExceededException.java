package cn.fazhi;

/** FZ_DEADLINE_EXCEEDED: see {@link FazhiException}. */
public class DeadlineExceededException extends FazhiException {
  private static final long serialVersionUID = 1L;

  public DeadlineExceededException(String message) {
    super(Status.DEADLINE_EXCEEDED, message);
  }
}
