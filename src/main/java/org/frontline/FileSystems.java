package org.frontline;

import java.io.IOException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;

/** The Hadoop file system of a path, or one line that says which connector is missing. */
public final class FileSystems {
    private FileSystems() {
    }

    /**
     * The file system of {@code path}. A scheme Hadoop does not know, or knows by a class that is not on the
     * classpath (s3a:// without hadoop-aws), is a {@link UserError} naming {@code what} ("input 'x'").
     */
    public static FileSystem of(Path path, Configuration conf, String what) throws IOException {
        try {
            return path.getFileSystem(conf);
        } catch (UnsupportedFileSystemException e) {
            throw missingConnector(what, e.getMessage());
        } catch (RuntimeException e) {
            if (e.getCause() instanceof ClassNotFoundException missing) {
                throw missingConnector(what, missing.getMessage());
            }
            throw e;
        }
    }

    private static UserError missingConnector(String what, String detail) {
        return new UserError("no file system for " + what + " (" + detail + "): put its connector on the classpath"
                + " (e.g. --packages org.apache.hadoop:hadoop-aws:<Spark's Hadoop version> for s3a://) or use a local"
                + " or HDFS path");
    }
}
