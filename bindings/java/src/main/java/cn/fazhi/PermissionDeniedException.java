package cn.fazhi;

/** FZ_PERMISSION_DENIED: see {@link FazhiException}. */
public class PermissionDeniedException extends FazhiException {
  private static final long serialVersionUID = 1L;

  public PermissionDeniedException(String message) {
    super(Status.PERMISSION_DENIED, message);
  }
}
