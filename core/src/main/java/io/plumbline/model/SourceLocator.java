package io.plumbline.model;

/**
 * Where the places of one input stand in the source it was made from: a plan's resources and attributes in the
 * {@code .tf} files its configuration was read from. A finding that points into the input is shown at the source's
 * place, and keeps the input's place as its second location.
 */
public interface SourceLocator {

    /** The input whose places this maps, as {@link Provenance#file()} names it. */
    String input();

    /**
     * The directory that holds every source file read, absolute (the root module's directory, or above it when a local
     * module lives beside it): SARIF's source root is the repository that holds it, or this directory outside one.
     */
    java.nio.file.Path sourceDir();

    /**
     * The source's place of {@code place} (a place in {@link #input()}) of resource {@code resource}, or null when the
     * sources on disk do not declare it (a registry or git module, a resource the sources do not hold).
     */
    Provenance locate(Provenance place, String resource);
}
