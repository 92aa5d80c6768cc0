package org.frontline.tables;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.StructType;

/**
 * A row through Spark's Row encoder and back, as a Dataset stores it, without a SparkSession: the encoder
 * fails as a job would when a value is not what the column's type takes (an Integer for a bigint, a List for an array).
 */
public final class EncoderRoundTrip {
    private EncoderRoundTrip() {
    }

    public static Row of(Row row, StructType schema) {
        ExpressionEncoder<Row> encoder = ExpressionEncoder.apply(schema);
        encoder = encoder.resolveAndBind(encoder.resolveAndBind$default$1(), encoder.resolveAndBind$default$2());
        return encoder.createDeserializer().apply(encoder.createSerializer().apply(row));
    }
}
