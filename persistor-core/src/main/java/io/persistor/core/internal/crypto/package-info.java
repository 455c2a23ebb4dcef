/**
 * OpenPGP encryption of backup files and their decryption, streamed, with Bouncy Castle's lightweight API: what
 * {@code gpg} writes and reads.
 */
package io.persistor.core.internal.crypto;
