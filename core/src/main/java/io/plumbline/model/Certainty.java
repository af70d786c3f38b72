package io.plumbline.model;

/** How sure the model is of a value: written in the input, taken from a documented default, or not known. */
public enum Certainty {
    /** Written in the input (plan, template) or returned by the AWS API. */
    EXPLICIT,
    /** Not written; the effective value is a default documented by the provider, CloudFormation or the AWS API. */
    DEFAULTED,
    /** Cannot be known from this input: unknown until apply, unresolved intrinsic, API access denied... */
    UNKNOWN
}
