package cn.fazhi;

/** A 双随机 conflict: this inspector may not inspect this target. */
public record Conflict(String inspector, String target) {}
