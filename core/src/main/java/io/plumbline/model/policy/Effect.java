package io.plumbline.model.policy;

/** A statement's {@code Effect}: AWS accepts exactly {@code Allow} or {@code Deny}. */
public enum Effect {
    ALLOW, DENY
}
