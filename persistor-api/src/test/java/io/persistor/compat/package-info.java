/**
 * The public API's compatibility check: {@code persistor-api}'s jar against the baseline of the last release, with
 * the semantic-versioning rule that says when a binary-incompatible change is allowed.
 */
package io.persistor.compat;
