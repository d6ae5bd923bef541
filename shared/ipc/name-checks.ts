// Compile-time checks that a list or map of call names matches the contract exactly; tsc names the offending call.

/**
 * `NoneOf<Exclude<A, B>>` compiles only when every name of A is in B. When one is not, tsc reports
 * "Type '"x.y"' does not satisfy the constraint 'never'", naming the call.
 */
export type NoneOf<T extends never> = T;
