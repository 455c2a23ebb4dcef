/**
 * The built-in column transformers behind {@link io.persistor.Masks}: keyed, deterministic fakes. Internal to
 * core: users reach them by their names through {@link io.persistor.Mask}.
 */
package io.persistor.core.internal.mask;
