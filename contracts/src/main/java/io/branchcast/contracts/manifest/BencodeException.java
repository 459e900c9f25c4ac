package io.branchcast.contracts.manifest;

/**
 * BencodeException reports input that is not strict, canonical bencode, or a value that bencode cannot represent.
 * {@link #offset()} is the byte offset in the input where decoding stopped, or -1 when encoding.
 */
public final class BencodeException extends ManifestException {

    /** Byte offset of the error in the decoded input; -1 for encoding errors. */
    private final int offset;

    public BencodeException(String message, int offset) {
        super(offset < 0 ? message : message + " at offset " + offset);
        this.offset = offset;
    }

    public BencodeException(String message) {
        this(message, -1);
    }

    public int offset() {
        return offset;
    }
}
