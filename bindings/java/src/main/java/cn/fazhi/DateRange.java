package cn.fazhi;

import java.time.LocalDate;

/** A closed period of days, [from, to]. */
public record DateRange(LocalDate from, LocalDate to) {}
