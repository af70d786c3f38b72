package io.plumbline.model;

/** A documented default: the value and whose documentation says so (named once, in {@link Defaults}). */
public record Default<T>(T value, String description) {
    public static <T> Default<T> of(T value, String description) {
        return new Default<>(value, description);
    }
}
