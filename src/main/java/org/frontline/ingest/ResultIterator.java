package org.frontline.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lazy results of reading one file. An I/O failure in the middle of the file (a truncated gzip, a lost
 * connection) ends it with one {@code unreadable_file} rejection, keeping what was read before, so one bad
 * file never fails a job. Closes its input at the end; {@link #close()} does so early.
 */
public final class ResultIterator implements Iterator<IngestResult>, Closeable {

    private final RecordSource source;
    private final InputStream input;
    private final ArrayDeque<IngestResult> pending = new ArrayDeque<>();
    private boolean finished;

    ResultIterator(RecordSource source, InputStream input) {
        this.source = source;
        this.input = input;
    }

    @Override
    public boolean hasNext() {
        while (pending.isEmpty() && !finished) {
            try {
                if (!source.produce(pending)) {
                    finish();
                }
            } catch (IOException | UncheckedIOException e) {
                pending.add(source.unreadable(e));
                finish();
            }
        }
        return !pending.isEmpty();
    }

    @Override
    public IngestResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pending.removeFirst();
    }

    /** Stops reading and closes the input. */
    @Override
    public void close() throws IOException {
        finished = true;
        pending.clear();
        input.close();
    }

    private void finish() {
        finished = true;
        try {
            input.close();
        } catch (IOException e) {
            // Everything the file held has been read (or reported); a failing close changes nothing for the results.
        }
    }
}
