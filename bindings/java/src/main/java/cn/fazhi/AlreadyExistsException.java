package cn.fazhi;

/** FZ_ALREADY_EXISTS: see {@link FazhiException}. */
public class AlreadyExistsException extends FazhiException {
  private static final long serialVersionUID = 1L;

  public AlreadyExistsException(String message) {
    super(Status.ALREADY_EXISTS, message);
  }
}
