package cn.fazhi;

/** FZ_DATA_LOSS: see {@link FazhiException}. */
public class DataLossException extends FazhiException {
  private static final long serialVersionUID = 1L;

  public DataLossException(String message) {
    super(Status.DATA_LOSS, message);
  }
}
