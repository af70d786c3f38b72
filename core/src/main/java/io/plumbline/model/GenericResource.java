package io.plumbline.model;

/** A resource of a type the model does not type; kept so that nothing is silently dropped, and counted. */
public final class GenericResource extends Resource {
    public GenericResource(String address, String sourceType, Provenance location) {
        super(address, sourceType, location);
    }

    @Override
    public Kind kind() {
        return Kind.GENERIC;
    }
}
