package org.frontline.ingest;

/** What reading one input record gives: an {@link Article} ready to annotate, or a {@link Rejection} for quarantine. */
public sealed interface IngestResult permits Article, Rejection {
}
