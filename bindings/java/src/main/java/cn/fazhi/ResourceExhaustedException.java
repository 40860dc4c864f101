package cn.fazhi;

/** FZ_RESOURCE_EXHAUSTED: see {@link FazhiException}. */
public class ResourceExhaustedException extends FazhiException {
  private static final long serialVersionUID = 1L;

  public ResourceExhaustedException(String message) {
    super(Status.RESOURCE_EXHAUSTED, message);
  }
}
