/**
 * What a team does with a result before it gates on it: compare it with an earlier result (a baseline: each failing or
 * undecided finding is new or unchanged, earlier failures that are gone are fixed) and accept known risks (a waivers
 * file: a matching FAIL or UNKNOWN becomes WAIVED until its waiver expires).
 *
 * <p>It lives in {@code reports}, not in the engine: a baseline is an earlier JSON report (this module's format and
 * its {@link io.plumbline.reports.Fingerprints}), a waivers file is YAML, and core keeps its engine free of file
 * formats (see {@code CoreLayeringTest}). The engine evaluates; this package post-processes its {@code Result} into a
 * {@link io.plumbline.reports.triage.Review} that every report renders and the gate reads.
 */
package io.plumbline.reports.triage;
