package org.frontline.job;

import java.io.IOException;
import java.net.URI;

import org.apache.hadoop.fs.FsStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local file system under the scheme {@code fulldisk:}, reporting a disk with 1 MB left: a full disk without
 * filling one (the test machine cannot mount a tiny tmpfs everywhere).
 */
public class FullDiskFileSystem extends RawLocalFileSystem {
    static final String SCHEME = "fulldisk";

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public FsStatus getStatus(Path p) throws IOException {
        long capacity = 1L << 30;
        long remaining = 1L << 20;
        return new FsStatus(capacity, capacity - remaining, remaining);
    }
}
