package cn.fazhi;

/** One rejected row: its file ("<buffer:KIND>" for a buffer), line, column, reason and raw text. */
public record Rejection(String file, long line, String column, String reason, String raw) {}
