package cn.fazhi;

/** FZ_NOT_FOUND: see {@link FazhiException}. */
public class NotFoundException extends FazhiException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(Status.NOT_FOUND, message);
  }
}
