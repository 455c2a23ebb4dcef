/** What the tests of object storage share: an S3-compatible server started from Maven Central without Docker. */
package io.persistor.s3.testkit;
