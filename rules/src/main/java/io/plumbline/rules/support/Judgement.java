package io.plumbline.rules.support;

import io.plumbline.rule.Evidence;

/**
 * One check of one resource, decided by a support class so that several rules make it the same way (ENC-009,
 * ENC-010 and BAK-006 on any bucket; BAK-007 on the state bucket): the outcome, a sentence saying why, and the
 * evidence that decided it.
 */
public record Judgement(Outcome outcome, String message, Evidence evidence) {

    public enum Outcome { PASS, FAIL, UNKNOWN }

    public void into(Checks checks) {
        switch (outcome) {
            case PASS -> checks.pass(evidence);
            case FAIL -> checks.fail(message, evidence);
            case UNKNOWN -> checks.unknown(message, evidence);
        }
    }
}
