/**
 * Where backups are published and pruned: a directory ({@link io.persistor.spring.boot.target.DirectoryTarget}), or
 * a prefix of a bucket when {@code persistor-s3} is on the class path
 * ({@link io.persistor.spring.boot.target.S3Target}).
 */
package io.persistor.spring.boot.target;
